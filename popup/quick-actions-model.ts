/**
 * What the popup's quick actions show for the current tab (pure): the dashboard it is on, whether the page is in
 * strict mode, and for each vendor its state on this dashboard and the one change a click sends.
 */
import type { DashboardEntry } from '../src/catalog/catalog-types';
import type { DocumentStrictMode } from '../src/strict-mode/document-strict-mode';
import { allDashboards, dashboardForHost, dashboardMatchesRef } from '../src/catalog/dashboards';
import { explainRequest, strictModeForPage, type StrictModeState } from '../src/audit/explain-request';
import type { ManagedPolicy } from '../src/policy/managed-policy';
import type { RuntimeCatalog } from '../src/catalog/runtime-catalog';
import type { SettingsChange } from '../src/settings/settings-change';
import type { UserSettings, VendorDecision } from '../src/settings/user-settings';
import type { NamedVendor } from '../src/catalog/vendor-lookup';

export interface TabContext {
  readonly catalog: RuntimeCatalog;
  readonly settings: UserSettings;
  readonly policy: ManagedPolicy;
  readonly url: string;
}

export function dashboardOfTab(context: TabContext): DashboardEntry | undefined {
  let host: string;
  try {
    const url = new URL(context.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    host = url.hostname;
  } catch {
    return undefined;
  }
  return dashboardForHost(allDashboards(context.catalog, context.settings, context.policy), host);
}

export function strictModeOfTab(context: TabContext): StrictModeState | undefined {
  return strictModeForPage(context.url, { ...context, pausedTabs: [] });
}

/**
 * What the popup says about strict mode on this tab, from two facts: whether the rules make this address a sensitive
 * page (`rules`), and whether the document in the tab was really loaded under the policy (`document`: the marker its
 * content script read, undefined when the page did not answer). The second decides: a sensitive page reached inside
 * the app, opened before the rules changed, or loaded without host access is not protected whatever its address.
 *   in-force: the document carries the policy (enforced or report-only);
 *   open-again: a sensitive address in a document without the policy; loading it again applies it;
 *   no-access: the same, but loading again would not help: Dashguard lacks the host permission the header needs;
 *   unconfirmed: a sensitive address whose browser does not tell how it was loaded (plain http).
 */
export type StrictModeNotice =
  | { readonly kind: 'in-force'; readonly enforced: boolean }
  | { readonly kind: 'open-again' }
  | { readonly kind: 'no-access' }
  | { readonly kind: 'unconfirmed' };

export function strictModeNotice(rules: StrictModeState | undefined, document: DocumentStrictMode | undefined, hostAccess: boolean): StrictModeNotice | undefined {
  if (document === 'enforced') return { kind: 'in-force', enforced: true };
  // Report-only where the rules now enforce (the setting was switched off since): loading again enforces.
  if (document === 'report-only' && rules?.enforced !== true) return { kind: 'in-force', enforced: false };
  if (rules === undefined) return undefined;
  if (!hostAccess) return { kind: 'no-access' };
  return document === 'unknown' ? { kind: 'unconfirmed' } : { kind: 'open-again' };
}

/** Blocked or allowed on this dashboard by the rules (tab pause and strict mode left out: they are shown apart). */
export function stateHere(vendor: NamedVendor, context: TabContext): VendorDecision {
  const domain = vendor.domains[0];
  if (domain === undefined) return 'allow';
  // An image request: never subject to strict mode's policy, so this is the rules' answer alone.
  const verdict = explainRequest({ url: `https://${domain}/`, type: 'image', documentUrl: context.url }, { ...context, pausedTabs: [] }).verdict;
  return verdict === 'blocked' ? 'block' : 'allow';
}

export interface QuickVendor {
  readonly vendor: NamedVendor;
  readonly state: VendorDecision;
  /** True when the person set a rule for this vendor on this dashboard. */
  readonly ruleHere: boolean;
  /** The change a click sends, or undefined when the organisation decides this vendor. */
  readonly change: SettingsChange | undefined;
}

export function quickVendor(vendor: NamedVendor, dashboard: DashboardEntry, context: TabContext): QuickVendor {
  const state = stateHere(vendor, context);
  const target: VendorDecision = state === 'block' ? 'allow' : 'block';
  const ruleHere = context.settings.dashboardVendorRules.some((r) => r.vendorId === vendor.id && dashboardMatchesRef(dashboard, r.dashboard));
  const withoutRule = { ...context, settings: { ...context.settings, dashboardVendorRules: context.settings.dashboardVendorRules.filter((r) => !(r.vendorId === vendor.id && dashboardMatchesRef(dashboard, r.dashboard))) } };
  // Removing the person's rule is the cleaner way back, when it gives the state wanted.
  const action = ruleHere && stateHere(vendor, withoutRule) === target ? null : target;
  const withChange = {
    ...context,
    settings: { ...withoutRule.settings, dashboardVendorRules: action === null ? withoutRule.settings.dashboardVendorRules : [...withoutRule.settings.dashboardVendorRules, { dashboard: dashboard.id, vendorId: vendor.id, action }] },
  };
  // A click that could not change anything (the organisation decides, or locks allowing) is not offered.
  const effective = stateHere(vendor, withChange) === target && !(target === 'allow' && context.policy.lockUserRules);
  return { vendor, state, ruleHere, change: effective ? { kind: 'set-dashboard-vendor', dashboard: dashboard.id, vendorId: vendor.id, action } : undefined };
}
