/**
 * Firefox's tab cover follows each tab's top-level document (dashboard-tabs.ts): these are the listeners that tell
 * it, for the background to register. A change of the dashboard tabs reaches the rules through `whenChanged` (the
 * reconciler). Frames other than the top-level one do not move a tab.
 */
import type { DashboardTabs } from '../rules';

export interface NavigationDetails {
  readonly tabId: number;
  readonly frameId: number;
  readonly url: string;
}

export interface TabCoverEvents {
  readonly beforeNavigate: (details: NavigationDetails) => void;
  readonly committed: (details: NavigationDetails) => void;
  readonly errorOccurred: (details: Pick<NavigationDetails, 'tabId' | 'frameId'>) => void;
  readonly removed: (tabId: number) => void;
  /**
   * A blocking webRequest listener for main-frame requests: a navigation to a dashboard waits until its tab's rules
   * are in force, so no frame of the new page loads before them. It never changes or cancels the request.
   */
  readonly beforeRequest: (details: Pick<NavigationDetails, 'tabId' | 'url'>) => Promise<Record<string, never>>;
}

export function createTabCoverEvents(
  dashboardTabs: Pick<DashboardTabs, 'navigating' | 'committed' | 'failed' | 'removed'>,
  whenChanged: (changed: Promise<boolean>) => Promise<boolean>,
): TabCoverEvents {
  return {
    beforeNavigate(details) {
      if (details.frameId === 0) void whenChanged(dashboardTabs.navigating(details.tabId, details.url));
    },
    committed(details) {
      if (details.frameId === 0) void whenChanged(dashboardTabs.committed(details.tabId, details.url));
    },
    errorOccurred(details) {
      if (details.frameId === 0) void whenChanged(dashboardTabs.failed(details.tabId));
    },
    removed: (tabId) => void whenChanged(dashboardTabs.removed(tabId)),
    beforeRequest: (details) =>
      whenChanged(dashboardTabs.navigating(details.tabId, details.url)).then(
        () => ({}),
        () => ({}),
      ),
  };
}
