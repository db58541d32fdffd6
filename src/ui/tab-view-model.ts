/**
 * What the popup shows for its tab (pure), answered by the background (`popup/tab-view`, src/ui/tab-view.ts): the
 * dashboard it is on, whether the rules make the page a sensitive one, and for each vendor its state on this
 * dashboard and the one change an "Allow here" / "Block here" click sends.
 */
import type { DashboardEntry, RuntimeCatalog, NamedVendor } from '../catalog';
import type { SettingsChange, UserSettings, VendorDecision } from '../settings';
import type { StrictModeState } from '../audit';
import type { ManagedPolicy } from '../policy';
import {
  allDashboards,
  dashboardForHost,
  dashboardMatchesRef,
  lookUpVendor,
  vendorSuggestion,
  ruleVendors,
} from '../catalog';
import { explainRequest, strictModeForPage } from '../audit';
import { tabPauseRefusal } from '../policy';
import { strictModeOrigin } from '../strict-mode';
import type { TabView, TabViewRequest, TabViewVendor } from './tab-view';

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

/** Blocked or allowed on this dashboard by the rules (tab pause and strict mode left out: they are shown apart). */
export function stateHere(vendor: NamedVendor, context: TabContext): VendorDecision {
  const domain = vendor.domains[0];
  if (domain === undefined) return 'allow';
  // An image request: never subject to strict mode's policy, so this is the rules' answer alone.
  const verdict = explainRequest(
    { url: `https://${domain}/`, type: 'image', documentUrl: context.url },
    { ...context, pausedTabs: [] },
  ).verdict;
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
  const ruleHere = context.settings.dashboardVendorRules.some(
    (r) => r.vendorId === vendor.id && dashboardMatchesRef(dashboard, r.dashboard),
  );
  const withoutRule = {
    ...context,
    settings: {
      ...context.settings,
      dashboardVendorRules: context.settings.dashboardVendorRules.filter(
        (r) => !(r.vendorId === vendor.id && dashboardMatchesRef(dashboard, r.dashboard)),
      ),
    },
  };
  // Removing the person's rule is the cleaner way back, when it gives the state wanted.
  const action = ruleHere && stateHere(vendor, withoutRule) === target ? null : target;
  const withChange = {
    ...context,
    settings: {
      ...withoutRule.settings,
      dashboardVendorRules:
        action === null
          ? withoutRule.settings.dashboardVendorRules
          : [...withoutRule.settings.dashboardVendorRules, { dashboard: dashboard.id, vendorId: vendor.id, action }],
    },
  };
  // A click that could not change anything (the organisation decides, or locks allowing) is not offered.
  const effective = stateHere(vendor, withChange) === target && !(target === 'allow' && context.policy.lockUserRules);
  return {
    vendor,
    state,
    ruleHere,
    change: effective
      ? { kind: 'set-dashboard-vendor', dashboard: dashboard.id, vendorId: vendor.id, action }
      : undefined,
  };
}

function namedVendors(context: TabContext): NamedVendor[] {
  const names = new Map<string, string>(
    [...context.policy.extraVendors, ...context.settings.customVendors].map((v) => [v.id, v.name]),
  );
  for (const v of context.catalog.vendors) names.set(v.id, v.name);
  return [...ruleVendors(context.catalog, context.settings, context.policy).values()].map((v) => ({
    id: v.id,
    name: names.get(v.id) ?? v.id,
    domains: v.domains,
  }));
}

/** What the popup shows for the tab at `request.url` (pure): the answer to `popup/tab-view`. */
export function buildTabView(context: TabContext, request: TabViewRequest): TabView {
  const categoryLabels = Object.fromEntries(context.catalog.categories.map((c) => [c.id, c.label]));
  const reportOnly = context.settings.reportOnly || context.policy.reportOnly === true;
  const pauseRefusal = tabPauseRefusal(context.policy) ?? null;
  const dashboard = dashboardOfTab(context);
  const vendors = namedVendors(context);
  const suggestions = request.suggestions === true ? vendors.map(vendorSuggestion) : undefined;
  const base = { categoryLabels, reportOnly, pauseRefusal, ...(suggestions === undefined ? {} : { suggestions }) };
  if (dashboard === undefined)
    return { ...base, dashboard: null, vendors: [], strictMode: null, strictModeOrigin: null };

  const byId = new Map(vendors.map((v) => [v.id, v]));
  const found = request.find === undefined ? undefined : lookUpVendor(request.find, vendors);
  const ids = new Set([
    ...request.vendorIds,
    ...context.settings.dashboardVendorRules
      .filter((r) => dashboardMatchesRef(dashboard, r.dashboard))
      .map((r) => r.vendorId),
    ...(found?.ok ? [found.value.id] : []),
  ]);
  const shown: TabViewVendor[] = [];
  for (const id of ids) {
    const vendor = byId.get(id);
    if (vendor === undefined) continue;
    const quick = quickVendor(vendor, dashboard, context);
    shown.push({ id, name: vendor.name, state: quick.state, ruleHere: quick.ruleHere, change: quick.change ?? null });
  }
  const strict = strictModeOfTab(context);
  const host = new URL(context.url).hostname;
  return {
    ...base,
    dashboard: { id: dashboard.id, name: dashboard.name },
    vendors: shown,
    ...(found === undefined
      ? {}
      : { found: found.ok ? { ok: true, vendorId: found.value.id } : { ok: false, error: found.error } }),
    strictMode: strict === undefined ? null : { enforced: strict.enforced },
    strictModeOrigin: strictModeOrigin(
      host,
      dashboard,
      context.catalog.dashboards.some((d) => d.id === dashboard.id),
    ),
  };
}
