/**
 * The toolbar badge: how many requests were blocked on the tab (rules and strict mode), from the tab's stored audit.
 * While the tab's dashboard has third parties new to it that the person has not seen, the badge counts those instead,
 * amber and with a plus ("+2": two new, so the two numbers cannot be taken for each other, colour or not), and the
 * button's title says both; once the popup has shown them it is the blocked count again. Tab-specific badge text is
 * reset by the browser when the tab navigates, so each report sets it again.
 */
import { badgeText, summarise } from './audit-groups';
import type { TabAudit } from './audit-types';

/** The part of the `action` API the badge uses. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string; tabId?: number }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export interface AuditBadge {
  /** `unseenNew`: third parties new on the tab's dashboard the person has not seen yet. */
  show(audit: TabAudit, unseenNew?: number): Promise<void>;
  clear(tabId: number): Promise<void>;
}

/** The theme's "blocked" red, readable under white badge text. */
const BADGE_COLOR = '#b42318';
/** Amber: something new to look at. */
const NEW_COLOR = '#b54708';
const TITLE = 'Dashguard';

/** The badge while `count` new third parties wait to be seen: "+2" (at most four characters, as badges show). */
export function newPartiesBadgeText(count: number): string {
  return count > 999 ? '+999' : `+${count}`;
}

/** The toolbar button's title while `count` new third parties wait to be seen, with the blocked count the badge hides. */
export function newPartiesTitle(count: number, blocked: number): string {
  const requests = `${blocked} request${blocked === 1 ? '' : 's'} blocked on this tab`;
  return `${TITLE}: ${count} third ${count === 1 ? 'party' : 'parties'} new on this dashboard (open to see); ${requests}`;
}

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
  // Tabs whose badge this background has set to the usual colour and title: only a change needs another call. A
  // background started again knows none, so it sets each tab's once (an amber badge may be left from before).
  const usual = new Set<number>();
  const setColor = async (tabId: number, unseen: number, blocked: number): Promise<void> => {
    const fresh = unseen > 0;
    if (!fresh && usual.has(tabId)) return;
    try {
      await api.setTitle({ tabId, title: fresh ? newPartiesTitle(unseen, blocked) : TITLE });
      await api.setBadgeBackgroundColor({ tabId, color: fresh ? NEW_COLOR : BADGE_COLOR });
      if (fresh) usual.delete(tabId);
      else usual.add(tabId);
    } catch {
      // The tab closed in the meantime.
    }
  };
  return {
    async show(audit, unseenNew = 0) {
      const { blocked } = summarise(audit.entries);
      await set(audit.tabId, unseenNew > 0 ? newPartiesBadgeText(unseenNew) : badgeText(blocked));
      await setColor(audit.tabId, unseenNew, blocked);
    },
    clear: (tabId) => set(tabId, ''),
  };
}
