/**
 * The dashboards in force (the catalog's, the person's self-hosted ones and the organisation's), read from the
 * current settings and policy, in the two forms the background needs: a host test (Firefox's tab cover follows the
 * tabs showing one) and the self-hosted dashboards' hosts (their access and audit registration).
 */
import { allDashboards, customDashboards, dashboardForHost, type RuntimeCatalog } from '../catalog';
import type { UserSettings } from '../settings';
import type { ManagedPolicy } from '../policy';

export interface DashboardsInForceDeps {
  readonly catalog: RuntimeCatalog;
  readonly loadSettings: () => Promise<UserSettings>;
  readonly loadPolicy: () => Promise<ManagedPolicy>;
}

export interface DashboardsInForce {
  hostTest(): Promise<(host: string) => boolean>;
  customHosts(): Promise<string[]>;
}

export function createDashboardsInForce(deps: DashboardsInForceDeps): DashboardsInForce {
  const inputs = () => Promise.all([deps.loadSettings(), deps.loadPolicy()]);
  return {
    async hostTest() {
      const [settings, policy] = await inputs();
      const dashboards = allDashboards(deps.catalog, settings, policy);
      return (host) => dashboardForHost(dashboards, host) !== undefined;
    },
    async customHosts() {
      const [settings, policy] = await inputs();
      return customDashboards(deps.catalog, settings, policy).map((dashboard) => dashboard.id);
    },
  };
}
