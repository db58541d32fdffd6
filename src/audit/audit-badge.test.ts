import { createAuditBadge, newPartiesTitle } from './audit-badge';
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
  test('shows the blocked count; with new third parties unseen it turns amber and its title counts them, then back', async () => {
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
      'text 7 3',
      `title 7 ${newPartiesTitle(2)}`,
      'color 7 #b54708',
      'text 7 4',
      `title 7 ${newPartiesTitle(2)}`,
      'color 7 #b54708',
      'text 7 4',
      'title 7 Dashguard',
      'color 7 #b42318',
      'text 7 5',
    ]);
    expect(newPartiesTitle(1)).toBe('Dashguard: 1 third party new on this dashboard (open to see)');
  });
});
