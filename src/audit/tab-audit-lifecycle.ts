/**
 * Keeps tab audits in step with the tabs: a closed tab's audit goes; a tab that finished loading a page where no
 * Dashguard content script answers (it left the dashboards) loses its audit; audits of tabs closed while the worker
 * was stopped go when it starts. Needs no `tabs` permission: only tab ids and load status are used.
 */
import { AUDIT_PAGE_QUERY, isAuditPageAnswer } from './audit-messages';
import type { AuditBadge } from './audit-badge';
import type { TabAuditStore } from './tab-audit-store';

/** The part of the `tabs` API used here. */
export interface TabsApi {
  sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  query(queryInfo: Record<string, never>): Promise<readonly { id?: number }[]>;
}

export interface TabAuditLifecycle {
  tabRemoved(tabId: number): Promise<void>;
  tabUpdated(tabId: number, changeInfo: { status?: string }): Promise<void>;
  /** On worker start. */
  pruneClosedTabs(): Promise<void>;
}

export function createTabAuditLifecycle(deps: {
  tabs: TabsApi;
  tabAudits: TabAuditStore;
  badge: AuditBadge;
}): TabAuditLifecycle {
  return {
    tabRemoved: (tabId) => deps.tabAudits.closed(tabId),
    async tabUpdated(tabId, changeInfo) {
      if (changeInfo.status !== 'complete' || (await deps.tabAudits.get(tabId)) === undefined) return;
      let answer: unknown;
      try {
        answer = await deps.tabs.sendMessage(tabId, { type: AUDIT_PAGE_QUERY }, { frameId: 0 });
      } catch {
        answer = undefined;
      }
      if (isAuditPageAnswer(answer)) return;
      // No content script in the page: it is not a dashboard (any more).
      await deps.tabAudits.remove(tabId);
      await deps.badge.clear(tabId);
    },
    async pruneClosedTabs() {
      const tabs = await deps.tabs.query({});
      await deps.tabAudits.keepOnly(tabs.flatMap((tab) => (typeof tab.id === 'number' ? [tab.id] : [])));
    },
  };
}
