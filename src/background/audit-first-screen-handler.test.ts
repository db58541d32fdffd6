import { entry } from '../../test/unit/audit-fixtures';
import type { TabAudit } from '../audit/audit-types';
import { storedFirstScreenOf } from '../audit/stored-first-screen';
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
      held: () => undefined,
      storedFirstScreen: () => Promise.resolve(undefined),
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
    const crossed = createAuditFirstScreenHandler({
      tabAudits: {
        get: () => Promise.resolve(audits.get(3)),
        held: () => undefined,
        storedFirstScreen: () => Promise.resolve(undefined),
      },
    });
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

  it('answers a worker that does not hold the audit from the first screen stored beside it, without reading the audit', async () => {
    const audit = auditOf(6, ['https://cdn.tracker.example/a.js', 'https://cdn.other.example/b.js']);
    const reads: number[] = [];
    let held: TabAudit | undefined;
    const woken = createAuditFirstScreenHandler({
      tabAudits: {
        get: (tabId) => {
          reads.push(tabId);
          return Promise.resolve(tabId === 6 ? audit : auditOf(tabId, ['https://cdn.tracker.example/c.js']));
        },
        held: () => held,
        storedFirstScreen: (tabId) => Promise.resolve(tabId === 6 ? storedFirstScreenOf(audit) : undefined),
      },
    });
    const stored = await woken.handle({ tabId: 6, items: 60 }, {});
    expect(stored).toEqual(storedFirstScreenOf(audit));
    expect(stored?.groups.length).toBeGreaterThan(0);
    expect(stored?.groups.every((g) => g.entries.length === 0)).toBe(true);
    expect(stored?.complete).toBe(false);
    expect(reads).toEqual([]);
    // Once it holds the audit (wrote or read it), it answers from the audit: the rows too.
    held = audit;
    const whole = await woken.handle({ tabId: 6, items: 60 }, {});
    expect(whole?.groups.flatMap((g) => g.entries.map((e) => e.url)).sort()).toEqual([
      'https://cdn.other.example/b.js',
      'https://cdn.tracker.example/a.js',
    ]);
    expect(whole?.complete).toBe(true);
    // No stored copy (an audit stored by an older version): the audit is read.
    held = undefined;
    expect((await woken.handle({ tabId: 7, items: 60 }, {}))?.rows).toBe(1);
    expect(reads).toEqual([6, 7]);
  });
});
