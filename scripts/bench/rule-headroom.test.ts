import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vendorCatalog } from '../../src/catalog-data';
import { NO_POLICY } from '../../src/policy/managed-policy';
import { LIMITS, validateSettings } from '../../src/settings/settings-validation';
import { verdict } from './bench-table';
import {
  BROWSER_DNR_LIMITS,
  countRules,
  DASHBOARD_TABS,
  dynamicCounts,
  ruleRows,
  settingsAtEveryLimit,
  type RuleCounts,
} from './rule-headroom';

describe('dynamicCounts', () => {
  it('counts header rules apart, as Chrome limits them', () => {
    const rule = (type: string) => ({ id: 1, priority: 1, action: { type }, condition: {} }) as never;
    expect(dynamicCounts([rule('block'), rule('allow'), rule('modifyHeaders'), rule('redirect')])).toEqual({
      total: 4,
      unsafe: 2,
    });
  });
});

describe('settingsAtEveryLimit', () => {
  const settings = settingsAtEveryLimit(vendorCatalog);
  it('reaches each limit of the settings validation', () => {
    expect(settings.customVendors).toHaveLength(LIMITS.customVendors);
    expect(settings.customDashboards).toHaveLength(LIMITS.customDashboards);
    expect(settings.sensitivePages).toHaveLength(LIMITS.sensitivePages);
    expect(settings.dashboardVendorRules).toHaveLength(LIMITS.dashboardVendorRules);
    expect(Object.keys(settings.vendorRules)).toHaveLength(vendorCatalog.vendors.length + LIMITS.customVendors);
  });
  it('is accepted by the settings validation, so a person can really get there', () => {
    expect(validateSettings(settings, { catalog: vendorCatalog, policy: NO_POLICY }).ok).toBe(true);
  });
  it('has no per-dashboard rule twice', () => {
    const keys = settings.dashboardVendorRules.map((r) => `${r.dashboard}/${r.vendorId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('countRules', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dashguard-rules-test-'));
    mkdirSync(path.join(dir, 'rules'));
    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        declarative_net_request: {
          rule_resources: [
            { id: 'a', enabled: true, path: 'rules/a.json' },
            { id: 'b', enabled: false, path: 'rules/b.json' },
          ],
        },
      }),
    );
    const rule = (condition: object) => ({ id: 1, priority: 1, action: { type: 'block' }, condition });
    writeFileSync(
      path.join(dir, 'rules/a.json'),
      JSON.stringify([rule({ requestDomains: ['x.example'] }), rule({ regexFilter: '^https://' })]),
    );
    writeFileSync(path.join(dir, 'rules/b.json'), JSON.stringify([rule({})]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts rules per ruleset, enabled rulesets and regex rules from the build', () => {
    const counts = countRules(dir, vendorCatalog);
    expect(counts.staticRules).toEqual({ a: 2, b: 1 });
    expect(counts).toMatchObject({ rulesets: 2, enabledRulesets: 1, regexRules: 1 });
  });
  it('makes no dynamic rule for the default settings, and some for settings at every limit', () => {
    const counts = countRules(dir, vendorCatalog);
    expect(counts.dynamicDefault).toEqual({ total: 0, unsafe: 0 });
    expect(counts.dynamicAtLimits.total).toBeGreaterThan(LIMITS.customVendors);
  });
  it("counts Chromium's dynamic tab-cover twins apart, against Chrome's own limit", () => {
    const counts = countRules(dir, vendorCatalog);
    expect(counts.dynamicChromiumAtLimits.total).toBeGreaterThan(counts.dynamicAtLimits.total);
    expect(counts.dynamicChromiumAtLimits.unsafe).toBe(counts.dynamicAtLimits.unsafe);
    expect(ruleRows(counts).find((r) => r.figure.startsWith('Dynamic rules in Chromium'))?.target).toEqual({
      op: '<=',
      value: BROWSER_DNR_LIMITS.chrome.dynamicRules,
    });
  });
  it("counts Firefox's tab-cover session rules for many dashboard tabs, well within the limit", () => {
    const counts = countRules(dir, vendorCatalog);
    // One paused-tab rule per tab, plus a few tab-cover rules per group of tabs.
    expect(counts.sessionDefault).toBeGreaterThan(DASHBOARD_TABS);
    expect(counts.sessionAtLimits).toBeGreaterThan(counts.sessionDefault);
    expect(counts.sessionAtLimits).toBeLessThanOrEqual(5_000);
  });
});

describe('ruleRows', () => {
  const counts: RuleCounts = {
    staticRules: { allow: 100, block: 300 },
    rulesets: 2,
    enabledRulesets: 2,
    regexRules: 0,
    dynamicDefault: { total: 0, unsafe: 0 },
    dynamicAtLimits: { total: 6_000, unsafe: 10 },
    dynamicChromiumAtLimits: { total: 12_000, unsafe: 10 },
    sessionDefault: 4,
    sessionAtLimits: 5_200,
  };
  const rows = ruleRows(counts);
  it("holds every count to the lower of the two browsers' limits", () => {
    const atLimits = rows.find((r) => r.figure.startsWith('Dynamic rules, settings at every'))!;
    expect(atLimits.target).toEqual({ op: '<=', value: BROWSER_DNR_LIMITS.firefox.dynamicRules });
    expect(verdict(atLimits)).toBe('misses');
    expect(rows.find((r) => r.figure === 'Enabled static rulesets')!.target.value).toBe(10);
  });
  it('holds the session rules to the session-rule limit', () => {
    const session = rows.find(
      (r) => r.figure.includes('Session rules') && r.figure.includes('every validation limit'),
    )!;
    expect(session.target).toEqual({ op: '<=', value: 5_000 });
    expect(verdict(session)).toBe('misses');
  });
  it('says the headroom in each browser where their limits differ', () => {
    const atLimits = rows.find((r) => r.figure.startsWith('Dynamic rules, settings at every'))!;
    expect(atLimits.detail).toContain('Chrome: 24,000 left of 30,000 (80.0 %)');
    expect(atLimits.detail).toContain('Firefox: -1,000 left of 5,000 (-20.0 %)');
    const total = rows.find((r) => r.figure === 'Static rules, all enabled rulesets')!;
    expect(total.value).toBe(400);
    expect(total.detail).toBe('Chrome and Firefox: 29,600 left of 30,000 (98.7 %)');
  });
});
