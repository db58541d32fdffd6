import { entry } from '../../test/unit/audit-fixtures';
import type { TabAudit } from '../audit/audit-types';
import { createAuditFirstScreenHandler } from './audit-first-screen-handler';

const auditOf = (tabId: number, urls: string[]): TabAudit => ({
  v: 1,
  tabId,
  page: null,
  entries: urls.map((url) => entry({ url })),
  unlisted: 0,
  bytes: 0,
  stored: {},
  updatedAt: 1,
});

describe('audit/first-screen handler', () => {
  const audits = new Map([
    [3, auditOf(3, ['https://cdn.tracker.example/three.js'])],
    [4, auditOf(4, ['https://cdn.tracker.example/four.js'])],
  ]);
  const asked: number[] = [];
  const handler = createAuditFirstScreenHandler({
    tabAudits: {
      get: (tabId) => {
        asked.push(tabId);
        return Promise.resolve(audits.get(tabId));
      },
    },
  });

  it('is for extension pages only (a content script cannot ask about another tab)', () => {
    expect(handler.from).toEqual(['extension-page']);
    expect(handler.parse({ tabId: 'all', items: 60 }).ok).toBe(false);
  });

  it('answers about the asked tab alone, and null for a tab without an audit', async () => {
    const reply = await handler.handle({ tabId: 4, items: 60 }, {});
    expect(reply?.tabId).toBe(4);
    expect(reply?.groups.flatMap((g) => g.entries.map((e) => e.url))).toEqual(['https://cdn.tracker.example/four.js']);
    expect(await handler.handle({ tabId: 5, items: 60 }, {})).toBeNull();
    expect(asked).toEqual([4, 5]);
  });

  it('refuses an audit stored under another tab id than asked', async () => {
    const crossed = createAuditFirstScreenHandler({ tabAudits: { get: () => Promise.resolve(audits.get(3)) } });
    expect(await crossed.handle({ tabId: 4, items: 60 }, {})).toBeNull();
  });

  it('computes the display once per audit, again when the audit was replaced', async () => {
    const a = await handler.handle({ tabId: 3, items: 60 }, {});
    const b = await handler.handle({ tabId: 3, items: 60 }, {});
    expect(b?.groups[0]).toBe(a?.groups[0]);
    audits.set(3, auditOf(3, ['https://cdn.tracker.example/three.js', 'https://cdn.tracker.example/more.js']));
    const c = await handler.handle({ tabId: 3, items: 60 }, {});
    expect(c?.rows).toBe(2);
  });
});
