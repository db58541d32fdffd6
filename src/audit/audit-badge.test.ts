import { createAuditBadge, newPartiesBadgeText, newPartiesTitle } from './audit-badge';
import type { AuditEntry, TabAudit } from './audit-types';

const audit = (blocked: number): TabAudit => ({
  v: 1,
  tabId: 7,
  page: null,
  entries: Array.from(
    { length: blocked },
    (_, i) => ({ status: 'blocked', count: 1, key: String(i) }) as unknown as AuditEntry,
  ),
  unlisted: 0,
  bytes: 0,
  stored: {},
  updatedAt: 0,
});

describe('audit badge', () => {
  test('shows the blocked count; with new third parties unseen it counts them instead (amber, "+N", the title saying both), then back', async () => {
    const calls: string[] = [];
    const badge = createAuditBadge({
      setBadgeText: async ({ tabId, text }) => void calls.push(`text ${tabId} ${text}`),
      setBadgeBackgroundColor: async ({ tabId, color }) => void calls.push(`color ${tabId ?? '*'} ${color}`),
      setTitle: async ({ tabId, title }) => void calls.push(`title ${tabId} ${title}`),
    });
    await badge.show(audit(3));
    await badge.show(audit(3), 2);
    await badge.show(audit(4), 2);
    await badge.show(audit(4), 0);
    await badge.show(audit(5), 0);
    expect(calls).toEqual([
      'color * #b42318',
      'text 7 3',
      'title 7 Dashguard',
      'color 7 #b42318',
      'text 7 +2',
      `title 7 ${newPartiesTitle(2, 3)}`,
      'color 7 #b54708',
      'text 7 +2',
      `title 7 ${newPartiesTitle(2, 4)}`,
      'color 7 #b54708',
      'text 7 4',
      'title 7 Dashguard',
      'color 7 #b42318',
      'text 7 5',
    ]);
    expect(newPartiesTitle(1, 1)).toBe(
      'Dashguard: 1 third party new on this dashboard (open to see); 1 request blocked on this tab',
    );
    expect(newPartiesTitle(3, 0)).toBe(
      'Dashguard: 3 third parties new on this dashboard (open to see); 0 requests blocked on this tab',
    );
  });

  test('the new count is marked as such and fits a badge', () => {
    expect(newPartiesBadgeText(1)).toBe('+1');
    expect(newPartiesBadgeText(999)).toBe('+999');
    expect(newPartiesBadgeText(1_500)).toBe('+999');
  });

  test('a page with nothing blocked still shows its new third parties, and then no number', async () => {
    const texts: string[] = [];
    const badge = createAuditBadge({
      setBadgeText: async ({ text }) => void texts.push(text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    });
    await badge.show(audit(0), 1);
    await badge.show(audit(0), 0);
    expect(texts).toEqual(['+1', '']);
  });
});
