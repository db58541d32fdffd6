import { FakeStorageArea } from '../../test/unit/fake-storage-area';
import { observation, update } from '../../test/unit/audit-observations';
import { AUDIT_PAGE_QUERY } from './audit-messages';
import { createAuditBadge } from './audit-badge';
import { createTabAuditLifecycle } from './tab-audit-lifecycle';
import { createTabAuditStore } from './tab-audit-store';

function setup(answers: Record<number, unknown>, open: number[] = []) {
  const tabAudits = createTabAuditStore(new FakeStorageArea());
  const sent: unknown[] = [];
  const badges: string[] = [];
  const lifecycle = createTabAuditLifecycle({
    tabAudits,
    badge: createAuditBadge({
      setBadgeText: async (d) => void badges.push(`${d.tabId}:${d.text}`),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    }),
    tabs: {
      async sendMessage(tabId, message, options) {
        sent.push({ tabId, message, options });
        if (!(tabId in answers)) throw new Error('Could not establish connection. Receiving end does not exist.');
        return answers[tabId];
      },
      query: async () => open.map((id) => ({ id })),
    },
  });
  return { tabAudits, lifecycle, sent, badges };
}

describe('createTabAuditLifecycle', () => {
  it('keeps the audit of a tab still on a dashboard page and drops it when the tab left the dashboards', async () => {
    const { tabAudits, lifecycle, sent, badges } = setup({ 4: { timeOrigin: 1_000 } });
    await tabAudits.record(update([observation(1)]));
    await tabAudits.record(update([observation(1)], { tabId: 5 }));
    await lifecycle.tabUpdated(4, { status: 'complete' });
    await lifecycle.tabUpdated(5, { status: 'complete' });
    await lifecycle.tabUpdated(4, { status: 'loading' });
    expect(sent).toEqual([
      { tabId: 4, message: { type: AUDIT_PAGE_QUERY }, options: { frameId: 0 } },
      { tabId: 5, message: { type: AUDIT_PAGE_QUERY }, options: { frameId: 0 } },
    ]);
    expect(await tabAudits.get(4)).toBeDefined();
    expect(await tabAudits.get(5)).toBeUndefined();
    expect(badges).toEqual(['5:']);
  });

  it('forgets closed tabs, also those closed while the worker was stopped', async () => {
    const { tabAudits, lifecycle } = setup({}, [5]);
    await Promise.all([4, 5, 6].map((tabId) => tabAudits.record(update([observation(1)], { tabId }))));
    await lifecycle.tabRemoved(6);
    await lifecycle.pruneClosedTabs();
    expect(await tabAudits.get(4)).toBeUndefined();
    expect(await tabAudits.get(5)).toBeDefined();
  });
});
