/**
 * The dashboards Dashguard protects at run time: the catalog's, then the organisation's extra ones, then the
 * user's self-hosted ones. And which dashboard a page belongs to, with the same host semantics as the rules'
 * `initiatorDomains` / `excludedInitiatorDomains` (a host covers its subdomains; `www.` and listed marketing
 * subdomains are not the dashboard).
 */
import type { DashboardEntry } from './catalog-types';
import type { CustomDashboard, UserSettings } from '../settings';
import type { ManagedPolicy } from '../policy';
import { hostMatchesAny } from '../domains';
import type { RuntimeCatalog } from './runtime-catalog';

/** A self-hosted dashboard as a catalog entry: its id is its host, it has no own domains besides the host. */
export function customDashboardEntry(custom: CustomDashboard): DashboardEntry {
  return { id: custom.host, name: custom.name, hosts: [custom.host], ownDomains: [] };
}

/**
 * The custom dashboards in force: the organisation's first (a user entry cannot rename it), without duplicates and
 * without hosts the catalog already protects.
 */
export function customDashboards(
  catalog: RuntimeCatalog,
  settings: UserSettings,
  policy: ManagedPolicy,
): DashboardEntry[] {
  const seen = new Set<string>();
  const entries: DashboardEntry[] = [];
  for (const custom of [...policy.extraDashboards, ...settings.customDashboards]) {
    if (seen.has(custom.host)) continue;
    seen.add(custom.host);
    if (catalog.dashboards.some((builtIn) => builtIn.hosts.includes(custom.host))) continue;
    entries.push(customDashboardEntry(custom));
  }
  return entries;
}

/** Every dashboard in force: the catalog's, then the custom ones. */
export function allDashboards(
  catalog: RuntimeCatalog,
  settings: UserSettings,
  policy: ManagedPolicy,
): DashboardEntry[] {
  return [...catalog.dashboards, ...customDashboards(catalog, settings, policy)];
}

/** True when the page host belongs to the dashboard (not its www. or marketing subdomains). */
export function dashboardCoversHost(dashboard: DashboardEntry, host: string): boolean {
  if (!hostMatchesAny(host, dashboard.hosts)) return false;
  const excluded = [...dashboard.hosts.map((h) => `www.${h}`), ...(dashboard.excludedHosts ?? [])];
  return !hostMatchesAny(host, excluded);
}

/** The dashboard a page host belongs to, if any. */
export function dashboardForHost(dashboards: readonly DashboardEntry[], host: string): DashboardEntry | undefined {
  const normalised = host.toLowerCase().replace(/\.$/, '');
  return dashboards.find((dashboard) => dashboardCoversHost(dashboard, normalised));
}

/** How settings and policy refer to a dashboard: a catalog id, or the host of a custom one. */
export function dashboardMatchesRef(dashboard: DashboardEntry, ref: string): boolean {
  return dashboard.id === ref || dashboard.hosts.includes(ref);
}

/**
 * The one origin Dashguard asks for on a self-hosted dashboard: that host alone, over http or https (self-hosted CI
 * often runs on plain http inside a company network). Its subdomains are not included.
 */
export function customDashboardOrigin(host: string): string {
  return `*://${host}/*`;
}
