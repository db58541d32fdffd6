/**
 * The merged catalog the extension uses at run time (curated vendors, third-party-web vendors, dashboards,
 * categories), as written by the build to `rules/generated/catalog.json`.
 */
import type { CatalogVendor, CategoryEntry, DashboardEntry } from './catalog-types';

export interface RuntimeCatalog {
  /** Content hash of the catalog; changes whenever a vendor, dashboard or category does. */
  readonly version: string;
  readonly categories: readonly CategoryEntry[];
  readonly vendors: readonly CatalogVendor[];
  readonly dashboards: readonly DashboardEntry[];
}

/** Hosts a dashboard's rules apply to, and the marketing subdomains they must skip. */
export interface DashboardScope {
  readonly initiatorDomains: string[];
  readonly excludedInitiatorDomains: string[];
}

/** The `initiatorDomains` / `excludedInitiatorDomains` pair that scopes rules to the given dashboards. */
export function dashboardScope(dashboards: readonly DashboardEntry[]): DashboardScope {
  const initiators = new Set<string>();
  const excluded = new Set<string>();
  for (const dashboard of dashboards) {
    for (const host of dashboard.hosts) {
      initiators.add(host);
      // www. is always the marketing site, never the app.
      excluded.add(`www.${host}`);
    }
    for (const host of dashboard.excludedHosts ?? []) excluded.add(host);
  }
  return { initiatorDomains: [...initiators].sort(), excludedInitiatorDomains: [...excluded].sort() };
}
