/**
 * What the background brings up to date when an input of the protection changes (start-up, settings, the
 * organisation's policy, permissions, a tab): the rules (through the reconciler, which runs one reconcile at a time),
 * the dashboard tabs Firefox's tab cover follows, and the self-hosted dashboards' access and audit registration.
 * A failure is logged and never undoes anything: the previous rules stay in force.
 */
import type { CustomDashboardAccess } from '../catalog';

export interface ProtectionRefreshDeps {
  readonly reconcile: () => Promise<boolean>;
  /** Firefox: looks again at the tabs showing a dashboard (the dashboards may have changed); absent elsewhere. */
  readonly refreshDashboardTabs?: () => Promise<unknown>;
  readonly dashboardAccess: Pick<CustomDashboardAccess, 'sync'>;
  /** Tells the policy store that managed storage changed (its answers are final from then on). */
  readonly policyChanged: () => Promise<void>;
  readonly onError: (message: string, error: unknown) => void;
}

export interface ProtectionRefresh {
  /** The extension was installed, updated, or the browser started. */
  readonly started: () => void;
  /** Reconciles when `changed` resolves true (a pause ended, a dashboard tab moved); true when nothing changed. */
  readonly whenChanged: (changed: Promise<boolean>) => Promise<boolean>;
  readonly settingsChanged: () => void;
  readonly policyChanged: () => void;
  /** Access granted in the options page: register the audit there. Not a reason to give anything back. */
  readonly permissionsAdded: () => void;
  readonly permissionsRemoved: () => void;
}

export function createProtectionRefresh(deps: ProtectionRefreshDeps): ProtectionRefresh {
  const syncDashboardAccess = (giveBackStale = true): void => {
    deps.dashboardAccess
      .sync({ giveBackStale })
      .catch((error: unknown) => deps.onError('Dashguard: self-hosted dashboard access not updated.', error));
  };
  // The dashboards may have changed (a self-hosted one added or removed): tabs already open on them too.
  const refreshDashboardTabs = async (): Promise<unknown> => deps.refreshDashboardTabs?.();
  return {
    started() {
      void deps.reconcile();
      syncDashboardAccess();
    },
    whenChanged: (changed) => changed.then((yes) => (yes ? deps.reconcile() : true)),
    settingsChanged() {
      void refreshDashboardTabs()
        .catch(() => undefined)
        .then(() => deps.reconcile());
      syncDashboardAccess();
    },
    policyChanged() {
      void deps.policyChanged().then(async () => {
        // The organisation's extra dashboards may have changed too.
        syncDashboardAccess();
        await refreshDashboardTabs().catch(() => undefined);
        return deps.reconcile();
      });
    },
    permissionsAdded: () => syncDashboardAccess(false),
    permissionsRemoved: () => syncDashboardAccess(),
  };
}
