/**
 * `popup/tab-view`: what the popup shows about the dashboard in its tab, answered by the background, which holds the
 * catalog, the settings and the policy. The popup bundles none of them (nor the domain-name library): it sends the
 * tab's address and the vendors its audit lists, and gets back, for each, the verdict on this dashboard and the one
 * change an "Allow here" / "Block here" click sends. Accepted from extension pages only.
 *   popup/tab-view  TabViewRequest -> TabView
 */
import type { Result } from '../shared';
import type { SettingsChange } from '../settings';

export const POPUP_TAB_VIEW = 'popup/tab-view';

/** At most this many vendor ids in one request (the audit of one tab lists far fewer vendors). */
export const MAX_TAB_VIEW_VENDORS = 2_000;
const MAX_TEXT = 4_096;

export interface TabViewRequest {
  /** The address of the tab's top-level document. */
  readonly url: string;
  /** Vendor ids the popup lists (seen by the audit, or named by the person). */
  readonly vendorIds: readonly string[];
  /** What the person typed to name another vendor: an id, a name, "Name (id)" or a domain. */
  readonly find?: string;
  /** Also send the names every vendor field may suggest (once per popup: they do not change with the page). */
  readonly suggestions?: boolean;
}

/** One vendor as the popup's row shows it: its state on this dashboard and what a click changes. */
export interface TabViewVendor {
  readonly id: string;
  readonly name: string;
  /** What the rules do with it on this dashboard (tab pause and strict mode aside: shown apart). */
  readonly state: 'block' | 'allow';
  /** The person has a rule for it on this dashboard. */
  readonly ruleHere: boolean;
  /** The change a click sends; null when the organisation decides it. */
  readonly change: SettingsChange | null;
}

export interface TabView {
  /** The dashboard the tab shows; null: not a dashboard Dashguard protects. */
  readonly dashboard: { readonly id: string; readonly name: string } | null;
  /** The vendors asked for, those with a rule on this dashboard, and the one found; unknown ids are left out. */
  readonly vendors: readonly TabViewVendor[];
  /** The vendor `find` named, or why none. */
  readonly found?: { readonly ok: true; readonly vendorId: string } | { readonly ok: false; readonly error: string };
  /** "Name (id)" of every vendor, when asked. */
  readonly suggestions?: readonly string[];
  /** The rules make this address a sensitive page: enforced, or report-only. null: not a sensitive page. */
  readonly strictMode: { readonly enforced: boolean } | null;
  /** The host permission strict mode needs on this page (asked for by "Allow access"). */
  readonly strictModeOrigin: string | null;
  /** Report-only mode is on (the person's setting or the policy). */
  readonly reportOnly: boolean;
  /** Why the organisation refuses a pause on this tab, or null. */
  readonly pauseRefusal: string | null;
  /** Display names of the categories, by id (the audit's rows carry only the id). */
  readonly categoryLabels: Readonly<Record<string, string>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_TEXT;

export function parseTabViewRequest(payload: unknown): Result<TabViewRequest> {
  if (!isRecord(payload) || !isText(payload.url)) return { ok: false, error: 'needs the tab\'s "url"' };
  const ids = payload.vendorIds;
  if (!Array.isArray(ids) || ids.length > MAX_TAB_VIEW_VENDORS || !ids.every(isText))
    return { ok: false, error: `needs "vendorIds", at most ${MAX_TAB_VIEW_VENDORS} strings` };
  if (payload.find !== undefined && !isText(payload.find)) return { ok: false, error: '"find" must be a string' };
  if (payload.suggestions !== undefined && typeof payload.suggestions !== 'boolean')
    return { ok: false, error: '"suggestions" must be true or false' };
  return {
    ok: true,
    value: {
      url: payload.url,
      vendorIds: ids,
      ...(payload.find === undefined ? {} : { find: payload.find }),
      ...(payload.suggestions === true ? { suggestions: true } : {}),
    },
  };
}

const isVendor = (value: unknown): value is TabViewVendor =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.name === 'string' &&
  (value.state === 'block' || value.state === 'allow') &&
  typeof value.ruleHere === 'boolean' &&
  (value.change === null || isRecord(value.change));

/** A shallow check of the reply, where the popup receives it. */
export function isTabView(value: unknown): value is TabView {
  if (!isRecord(value)) return false;
  const dashboard = value.dashboard;
  return (
    (dashboard === null ||
      (isRecord(dashboard) && typeof dashboard.id === 'string' && typeof dashboard.name === 'string')) &&
    Array.isArray(value.vendors) &&
    value.vendors.every(isVendor) &&
    (value.found === undefined || isRecord(value.found)) &&
    (value.suggestions === undefined ||
      (Array.isArray(value.suggestions) && value.suggestions.every((s) => typeof s === 'string'))) &&
    (value.strictMode === null || (isRecord(value.strictMode) && typeof value.strictMode.enforced === 'boolean')) &&
    (value.strictModeOrigin === null || typeof value.strictModeOrigin === 'string') &&
    typeof value.reportOnly === 'boolean' &&
    (value.pauseRefusal === null || typeof value.pauseRefusal === 'string') &&
    isRecord(value.categoryLabels)
  );
}
