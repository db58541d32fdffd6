import { entry, TRACKER } from '../../test/unit/audit-fixtures';
import { isReplyOf, payloadParser } from '../messaging';
import { describeSchemaError, schemaProblem } from '../schema';
import { expectAgreementWithAjv } from '../../test/unit/schema-mutations';
import { displayAudit, firstScreenOf } from './audit-display';
import {
  AUDIT_FIRST_SCREEN,
  firstScreenRequestSchema,
  firstScreenReplySchema,
  auditFirstScreen,
  MAX_FIRST_SCREEN_ITEMS,
} from './audit-first-screen';
import type { TabAudit } from './audit-types';
import { observation, update } from '../../test/unit/audit-observations';
import { mergeTabAudit } from './tab-audit-merge';

/** The popup's check of the reply: its declaration's (null, or the first screen's schema). */
const isAuditFirstScreen = (value: unknown): boolean => isReplyOf(auditFirstScreen, value);

const audit: TabAudit = {
  v: 1,
  tabId: 3,
  page: {
    url: 'https://app.ci.example/',
    host: 'app.ci.example',
    timeOrigin: 5.5,
    dashboardId: null,
    dashboardName: null,
  },
  entries: [
    entry(),
    entry({ url: 'https://cdn.tracker.example/b.js', reportedByPage: true, changedFrom: 'allowed-policy' }),
    entry({ url: 'https://x.example/p', status: 'allowed-unknown', integrity: null, outcomes: { requested: 2 } }),
  ],
  unlisted: 0,
  bytes: 0,
  stored: {},
  updatedAt: 1,
};

describe('the audit/first-screen request', () => {
  const parse = payloadParser(AUDIT_FIRST_SCREEN, firstScreenRequestSchema);

  it('takes a tab id and a bounded number of list items, and names what is wrong', () => {
    expect(parse({ tabId: 3, items: 60 })).toEqual({ ok: true, value: { tabId: 3, items: 60 } });
    for (const bad of [
      null,
      { tabId: '3', items: 60 },
      { tabId: -1, items: 60 },
      { tabId: 1.5, items: 60 },
      { tabId: 3, items: 0 },
      { tabId: 3, items: MAX_FIRST_SCREEN_ITEMS + 1 },
      { tabId: 3 },
      { tabId: 3, items: 60, all: true },
    ]) {
      const result = parse(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^audit\/first-screen: /);
    }
  });
});

describe('isAuditFirstScreen', () => {
  const good = firstScreenOf(displayAudit(audit), 60);

  it("accepts what the background's display makes (whole or cut), as sent, and null (no audit for the tab)", () => {
    expect(isAuditFirstScreen(good)).toBe(true);
    expect(isAuditFirstScreen(JSON.parse(JSON.stringify(good)))).toBe(true);
    expect(isAuditFirstScreen(firstScreenOf(displayAudit(audit), 2))).toBe(true);
    expect(isAuditFirstScreen(firstScreenOf(displayAudit({ ...audit, page: null, entries: [] }), 60))).toBe(true);
    expect(isAuditFirstScreen(null)).toBe(true);
  });

  it('refuses a reply of another shape', () => {
    const group = good.groups[0]!;
    const row = group.entries[0]!;
    for (const bad of [
      undefined,
      'text',
      { ...good, tabId: 'x' },
      { ...good, summary: { blocked: 1 } },
      { ...good, groups: [{ ...group, entries: [{ ...row, url: 7 }] }] },
      { ...good, groups: [{ ...group, entries: [{ ...row, status: 'fine' }] }] },
      { ...good, groups: [{ ...group, entries: [{ ...row, outcomes: { seen: 1 } }] }] },
      { ...good, groups: [{ ...group, vendor: { ...TRACKER, id: 3 } }] },
      { ...good, groups: [{ ...group, markup: '<b>' }] },
      { ...good, categories: [{ id: 'a', blocked: -1, allowed: 0 }] },
      { ...good, complete: 'yes' },
      { ...good, page: { url: 1 } },
    ])
      expect(isAuditFirstScreen(bad)).toBe(false);
  });

  it('is the display schema with its lists bounded, and agrees with ajv on a thousand mutations', () => {
    expectAgreementWithAjv(firstScreenReplySchema, JSON.parse(JSON.stringify(good)), 13);
    const problem = schemaProblem(
      { ...good, groups: [{ ...good.groups[0], vendor: { name: 'x' } }] },
      firstScreenReplySchema,
    );
    expect(problem && describeSchemaError(problem)).toBe('groups[0].vendor.id: missing');
  });

  it('accepts the first screen of an audit as the background merges it', () => {
    const merged = mergeTabAudit(
      undefined,
      update([
        observation(1),
        observation(2, { type: 'image', observed: 'requested', integrity: null, reportedByPage: true }),
        observation(3, { url: 'https://cdn.tracker.example/t.js?n=9' }),
      ]),
    );
    expect(merged.entries.length).toBeGreaterThan(1);
    expect(isAuditFirstScreen(JSON.parse(JSON.stringify(firstScreenOf(displayAudit(merged), 60))))).toBe(true);
  });
});
