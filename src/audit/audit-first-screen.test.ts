import { entry } from '../../test/unit/audit-fixtures';
import { displayAudit, firstScreenOf } from './audit-display';
import { isAuditFirstScreen, MAX_FIRST_SCREEN_ITEMS, parseFirstScreenRequest } from './audit-first-screen';
import type { TabAudit } from './audit-types';

const audit: TabAudit = {
  v: 1,
  tabId: 3,
  page: null,
  entries: [entry(), entry({ url: 'https://cdn.tracker.example/b.js' })],
  unlisted: 0,
  bytes: 0,
  stored: {},
  updatedAt: 1,
};

describe('parseFirstScreenRequest', () => {
  it('takes a tab id and a bounded number of list items', () => {
    expect(parseFirstScreenRequest({ tabId: 3, items: 60 })).toEqual({ ok: true, value: { tabId: 3, items: 60 } });
    for (const bad of [
      null,
      { tabId: '3', items: 60 },
      { tabId: -1, items: 60 },
      { tabId: 1.5, items: 60 },
      { tabId: 3, items: 0 },
      { tabId: 3, items: MAX_FIRST_SCREEN_ITEMS + 1 },
      { tabId: 3 },
    ])
      expect(parseFirstScreenRequest(bad).ok).toBe(false);
  });
});

describe('isAuditFirstScreen', () => {
  const good = firstScreenOf(displayAudit(audit), 60);

  it('accepts what the background sends, and null (no audit for the tab)', () => {
    expect(isAuditFirstScreen(good)).toBe(true);
    expect(isAuditFirstScreen(JSON.parse(JSON.stringify(good)))).toBe(true);
    expect(isAuditFirstScreen(null)).toBe(true);
  });

  it('refuses a reply of another shape', () => {
    const group = good.groups[0]!;
    for (const bad of [
      undefined,
      'text',
      { ...good, tabId: 'x' },
      { ...good, summary: { blocked: 1 } },
      { ...good, groups: [{ ...group, entries: [{ ...group.entries[0], url: 7 }] }] },
      { ...good, groups: [{ ...group, vendor: { id: 3, name: 'x' } }] },
      { ...good, categories: [{ id: 'a', blocked: -1, allowed: 0 }] },
      { ...good, complete: 'yes' },
      { ...good, page: { url: 1 } },
    ])
      expect(isAuditFirstScreen(bad)).toBe(false);
  });
});
