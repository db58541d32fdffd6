/**
 * The popup's state: one object, in one store (src/ui/page-store.ts), from which every component renders. What is
 * derived from the audit (vendor groups in display order, the summary) is computed once when the audit arrives, not
 * on every draw.
 */
import { displayAudit, type AuditDisplay, type AuditEntry, type AuditPage, type TabAudit } from '../src/audit';
import type { DocumentStrictMode } from '../src/strict-mode';
import type { TabPauseState } from '../src/settings';
import type { TabView } from '../src/ui';
import { BLOCKED_STATUSES } from '../src/audit';

export type StatusFilter = 'all' | 'blocked' | 'allowed' | 'unknown';

/**
 * The audit as the list shows it: its display (audit-display.ts), whole once the popup has read the audit, or the
 * background's first screen until then (`complete` false: some groups or rows not yet at hand).
 */
export interface AuditShown extends AuditDisplay {
  /** The request rows at hand (every row once complete): what the filter looks through. */
  readonly entries: readonly AuditEntry[];
  /** How many request rows are at hand. */
  readonly rowsAtHand: number;
  /** Identifies the page the audit is of: a new page starts the list afresh. */
  readonly pageKey: string;
}

export interface PopupState {
  readonly tabId: number | undefined;
  /** The address of the tab's page, when the popup may read it. */
  readonly url: string | undefined;
  readonly pageLabel: string;
  readonly pageTitle: string | undefined;
  readonly shown: AuditShown | undefined;
  /** Why there is no list (no audit, not a dashboard, an error). */
  readonly empty: string | undefined;
  /**
   * List items built so far (vendor groups, then their request rows; see listSlice): a large audit is built a slice
   * at a time, so the first screen shows at once.
   */
  readonly budget: number;
  /** The background's answer about this tab (dashboard, vendors' states here); undefined until it answers. */
  readonly view: TabView | undefined;
  /** loading | ready | not-a-dashboard | error: the header's state (`#quick-actions[data-state]`). */
  readonly quick: 'loading' | 'ready' | 'not-a-dashboard' | 'error';
  readonly quickError: string | undefined;
  readonly pause: TabPauseState | undefined;
  readonly pauseBusy: boolean;
  readonly documentStrictMode: DocumentStrictMode | undefined;
  readonly hostAccess: boolean;
  /** Vendors the person named with "Another vendor": listed even when the page did not load them. */
  readonly named: readonly string[];
  /** Vendor ids with a change on its way to the background. */
  readonly changing: readonly string[];
  /** What the last quick action did, or why it failed (role=status). */
  readonly status: string;
  readonly reloadOffered: boolean;
  readonly findError: string | undefined;
  readonly filterText: string;
  readonly filterStatus: StatusFilter;
  readonly retentionDays: number | undefined;
  readonly logStatus: string;
  readonly clearArmed: boolean;
  /** Vendor groups the tab's dashboard had not loaded in the last 30 days; undefined until the background answers. */
  readonly newGroups: ReadonlySet<string> | undefined;
  /** What the log dropped to stay within its caps, and from where ('' when nothing). */
  readonly droppedText: string;
}

export const INITIAL_STATE: PopupState = {
  tabId: undefined,
  url: undefined,
  pageLabel: '\u00a0',
  pageTitle: undefined,
  shown: undefined,
  empty: 'Loading…',
  budget: 0,
  view: undefined,
  quick: 'loading',
  quickError: undefined,
  pause: undefined,
  pauseBusy: false,
  documentStrictMode: undefined,
  hostAccess: true,
  named: [],
  changing: [],
  status: '',
  reloadOffered: false,
  findError: undefined,
  filterText: '',
  filterStatus: 'all',
  retentionDays: undefined,
  logStatus: '',
  clearArmed: false,
  newGroups: undefined,
  droppedText: '',
};

const pageKeyOf = (page: AuditPage | null): string => (page === null ? 'pending' : `${page.timeOrigin}|${page.url}`);

/** The full audit, read by the popup. */
export function showAudit(audit: TabAudit): AuditShown {
  return {
    ...displayAudit(audit),
    entries: audit.entries,
    rowsAtHand: audit.entries.length,
    pageKey: pageKeyOf(audit.page),
  };
}

/** The background's first screen: drawn as it is, nothing computed over the audit. */
export function showFirstScreen(display: AuditDisplay): AuditShown {
  const entries = display.groups.flatMap((g) => g.entries);
  return { ...display, entries, rowsAtHand: entries.length, pageKey: pageKeyOf(display.page) };
}

/** How many list items (vendor groups and request rows) the whole audit makes. */
export function listSize(shown: AuditShown | undefined): number {
  return shown === undefined ? 0 : shown.groups.length + shown.rowsAtHand;
}

/**
 * What `budget` list items buy: every vendor group first (the folded list is what the first screen shows), then
 * request rows in list order. Rows of a folded group are out of sight, so they come after every group's head.
 */
export function listSlice(shown: AuditShown | undefined, budget: number): { groups: number; rows: number } {
  if (shown === undefined) return { groups: 0, rows: 0 };
  const groups = Math.min(shown.groups.length, Math.max(0, budget));
  return { groups, rows: Math.min(shown.rowsAtHand, Math.max(0, budget - groups)) };
}

export function pageLabelOf(page: AuditPage | null): { label: string; title: string | undefined } {
  if (page === null) return { label: 'This tab', title: undefined };
  return { label: page.dashboardName ? `${page.dashboardName} · ${page.host}` : page.host, title: page.url };
}

/** Whether a row passes the filter: its status class, and the text in its URL or vendor name. */
export function rowMatches(entry: AuditEntry, text: string, status: StatusFilter): boolean {
  if (status === 'blocked' && !BLOCKED_STATUSES.has(entry.status)) return false;
  if (status === 'unknown' && entry.status !== 'allowed-unknown') return false;
  if (status === 'allowed' && (BLOCKED_STATUSES.has(entry.status) || entry.status === 'allowed-unknown')) return false;
  return text === '' || entry.url.toLowerCase().includes(text) || entry.vendor.name.toLowerCase().includes(text);
}
