/**
 * The toolbar badge: how many requests were blocked on the tab (rules and strict mode), from the tab's stored audit.
 * Tab-specific badge text is reset by the browser when the tab navigates, so each report sets it again.
 */
import { badgeText, summarise } from './audit-groups';
import type { TabAudit } from './audit-types';

/** The part of the `action` API the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

export interface AuditBadge {
  show(audit: TabAudit): Promise<void>;
  clear(tabId: number): Promise<void>;
}

/** The theme's "blocked" red, readable under white badge text. */
const BADGE_COLOR = '#b42318';

export function createAuditBadge(api: BadgeApi): AuditBadge {
  let colored = false;
  const set = async (tabId: number, text: string): Promise<void> => {
    try {
      if (!colored) {
        colored = true;
        await api.setBadgeBackgroundColor({ color: BADGE_COLOR });
      }
      await api.setBadgeText({ tabId, text });
    } catch {
      // The tab closed in the meantime: nothing to show.
    }
  };
  return {
    show: (audit) => set(audit.tabId, badgeText(summarise(audit.entries).blocked)),
    clear: (tabId) => set(tabId, ''),
  };
}
