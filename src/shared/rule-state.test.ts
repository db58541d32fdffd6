/**
 * The rule state is checked by outcome: static + dynamic + session rules are evaluated with a model of DNR's
 * matching, for every combination of defaults, user decisions, policy decisions, report-only and tab pause, against
 * the precedence the product promises (written out independently in `expectedOutcome`).
 */
import { simulate, type Outcome } from '../../test/unit/dnr-simulator';
import { testCatalog } from '../../test/unit/test-catalog';
import type { DnrRule } from './dnr-rule';
import { NO_POLICY, type ManagedPolicy } from './managed-policy';
import { computeRuleState, effectiveUserSettings } from './rule-state';
import { DEFAULT_SETTINGS, type DashboardVendorRule, type UserSettings, type VendorDecision } from './user-settings';
import { dynamicBandOf } from './rule-registry';

const { catalog, staticRules } = testCatalog();
const TAB = 7;

type Maybe = VendorDecision | undefined;
interface Case {
  vendor: 'tracker' | 'live';
  category: Maybe;
  vendorRule: Maybe;
  here: Maybe; // user rule for this vendor on this dashboard
  elsewhere: Maybe; // user rule for this vendor on the other dashboard
  reportOnly: boolean;
  paused: boolean;
  policyBlock: boolean;
  policyAllow: 'no' | 'everywhere' | 'elsewhere';
  policyCategory: boolean;
  locked: boolean;
  pauseAllowed: boolean;
}

/** The product's precedence, written independently of the implementation. */
function expectedOutcome(c: Case): Outcome {
  if (c.policyBlock) return 'block';
  if (c.policyAllow === 'everywhere') return 'allow';
  if (c.policyCategory) return 'block';
  const loosen = (d: Maybe): Maybe => (c.locked && d === 'allow' ? undefined : d);
  if (c.reportOnly && !c.locked) return 'allow';
  if (c.paused && c.pauseAllowed) return 'allow';
  const decision = loosen(c.here) ?? loosen(c.vendorRule) ?? loosen(c.category);
  if (decision !== undefined) return decision;
  return c.vendor === 'tracker' ? 'block' : 'allow';
}

function inputs(c: Case): { settings: UserSettings; policy: ManagedPolicy } {
  const category = c.vendor === 'tracker' ? 'analytics' : 'realtime';
  const dashboardRules: DashboardVendorRule[] = [];
  if (c.here) dashboardRules.push({ dashboard: 'ci', vendorId: c.vendor, action: c.here });
  if (c.elsewhere) dashboardRules.push({ dashboard: 'forge', vendorId: c.vendor, action: c.elsewhere });
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      categoryRules: c.category ? { [category]: c.category } : {},
      vendorRules: c.vendorRule ? { [c.vendor]: c.vendorRule } : {},
      dashboardVendorRules: dashboardRules,
      reportOnly: c.reportOnly,
    },
    policy: {
      ...NO_POLICY,
      blockedVendors: c.policyBlock ? [c.vendor] : [],
      allowedVendors: c.policyAllow === 'no' ? [] : [{ vendorId: c.vendor, dashboards: c.policyAllow === 'elsewhere' ? ['forge'] : [] }],
      blockedCategories: c.policyCategory ? [category] : [],
      lockUserRules: c.locked,
      allowTabPause: c.pauseAllowed,
    },
  };
}

function allCases(): Case[] {
  const decisions: Maybe[] = [undefined, 'allow', 'block'];
  const cases: Case[] = [];
  for (const vendor of ['tracker', 'live'] as const)
    for (const category of decisions)
      for (const vendorRule of decisions)
        for (const here of decisions)
          for (const elsewhere of [undefined, 'allow'] as Maybe[])
            for (const reportOnly of [false, true])
              for (const paused of [false, true])
                for (const policyBlock of [false, true])
                  for (const policyAllow of ['no', 'everywhere', 'elsewhere'] as const)
                    for (const policyCategory of [false, true])
                      for (const locked of [false, true])
                        for (const pauseAllowed of [false, true])
                          cases.push({ vendor, category, vendorRule, here, elsewhere, reportOnly, paused, policyBlock, policyAllow, policyCategory, locked, pauseAllowed });
  return cases;
}

function rulesFor(c: Case): DnrRule[] {
  const { settings, policy } = inputs(c);
  const state = computeRuleState({ catalog, settings, policy, pausedTabs: c.paused ? [TAB] : [] });
  return [...staticRules, ...state.dynamicRules, ...state.sessionRules];
}

const host = (vendor: Case['vendor']): string => (vendor === 'tracker' ? 'cdn.tracker.example' : 'ws.live.example');

describe('computeRuleState: precedence, every combination', () => {
  const cases = allCases();
  it(`covers ${cases.length} combinations`, () => {
    expect(cases.length).toBeGreaterThan(10_000);
    const wrong: string[] = [];
    for (const c of cases) {
      const outcome = simulate(rulesFor(c), { url: `https://${host(c.vendor)}/x.js`, initiatorHost: 'app.ci.example', type: 'script', tabId: TAB });
      const expected = expectedOutcome(c);
      if (outcome !== expected) wrong.push(`${JSON.stringify(c)}: got ${outcome}, expected ${expected}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('never touches sites that are not dashboards, whatever the settings', () => {
    for (const c of cases.filter((_, i) => i % 7 === 0)) {
      const rules = rulesFor({ ...c, paused: false });
      for (const initiatorHost of ['ci.example', 'www.app.ci.example', 'docs.app.ci.example', 'unrelated.example']) {
        expect(simulate(rules, { url: `https://${host(c.vendor)}/x.js`, initiatorHost, type: 'script' })).toBe('none');
      }
    }
  });

  it('never blocks a page itself (main_frame)', () => {
    for (const c of cases.filter((_, i) => i % 11 === 0)) {
      expect(simulate(rulesFor(c), { url: `https://${host(c.vendor)}/`, initiatorHost: 'app.ci.example', type: 'main_frame', tabId: TAB })).not.toBe('block');
    }
  });

  it("never blocks a dashboard's own domains", () => {
    const rules = rulesFor({ vendor: 'tracker', category: 'block', vendorRule: 'block', here: 'block', elsewhere: undefined, reportOnly: false, paused: false, policyBlock: true, policyAllow: 'no', policyCategory: true, locked: true, pauseAllowed: false });
    expect(simulate(rules, { url: 'https://ci-assets.example/app.js', initiatorHost: 'app.ci.example', type: 'script' })).toBe('allow');
  });
});

describe('computeRuleState: custom dashboards and vendors', () => {
  const settings: UserSettings = {
    ...DEFAULT_SETTINGS,
    customDashboards: [{ host: 'jenkins.corp.example', name: 'Jenkins' }],
    customVendors: [{ id: 'custom-beacon', name: 'Beacon', domains: ['beacon.example'] }],
  };
  const rules = (s: UserSettings, p: ManagedPolicy = NO_POLICY): DnrRule[] => [...staticRules, ...computeRuleState({ catalog, settings: s, policy: p, pausedTabs: [] }).dynamicRules];
  const onJenkins = (url: string, r: DnrRule[]): Outcome => simulate(r, { url, initiatorHost: 'jenkins.corp.example', type: 'script' });

  it('applies catalog defaults on a custom dashboard', () => {
    const r = rules(settings);
    expect(onJenkins('https://cdn.tracker.example/a.js', r)).toBe('block');
    expect(onJenkins('https://replay-cdn.example/a.js', r)).toBe('block');
    expect(onJenkins('https://x.bigads.example/a.js', r)).toBe('block');
    expect(onJenkins('https://live.example/a.js', r)).toBe('allow');
  });

  it('blocks a custom vendor on built-in and custom dashboards until allowed', () => {
    expect(onJenkins('https://beacon.example/b', rules(settings))).toBe('block');
    expect(simulate(rules(settings), { url: 'https://beacon.example/b', initiatorHost: 'forge.example', type: 'ping' })).toBe('block');
    const allowed = { ...settings, dashboardVendorRules: [{ dashboard: 'jenkins.corp.example', vendorId: 'custom-beacon', action: 'allow' as const }] };
    expect(onJenkins('https://beacon.example/b', rules(allowed))).toBe('allow');
    expect(simulate(rules(allowed), { url: 'https://beacon.example/b', initiatorHost: 'forge.example', type: 'ping' })).toBe('block');
  });

  it('protects a policy-added dashboard, and a user vendor cannot shadow a policy vendor id', () => {
    const policy: ManagedPolicy = { ...NO_POLICY, extraDashboards: [{ host: 'gitlab.corp.example', name: 'GitLab' }], extraVendors: [{ id: 'custom-beacon', name: 'Org beacon', domains: ['org-beacon.example'] }] };
    const r = rules(settings, policy);
    expect(simulate(r, { url: 'https://cdn.tracker.example/a.js', initiatorHost: 'gitlab.corp.example', type: 'script' })).toBe('block');
    expect(simulate(r, { url: 'https://org-beacon.example/a.js', initiatorHost: 'gitlab.corp.example', type: 'script' })).toBe('block');
  });

  it('ignores a custom dashboard that duplicates a built-in one', () => {
    const dup = computeRuleState({ catalog, settings: { ...DEFAULT_SETTINGS, customDashboards: [{ host: 'app.ci.example', name: 'dup' }] }, policy: NO_POLICY, pausedTabs: [] });
    expect(dup.dynamicRules).toEqual([]);
  });
});

describe('computeRuleState: shape', () => {
  it('is empty for default settings and no policy (the static rules hold the defaults)', () => {
    expect(computeRuleState({ catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] })).toEqual({ dynamicRules: [], sessionRules: [] });
  });

  it('is deterministic and uses unique ids from the registry bands', () => {
    const c = allCases()[12_345]!;
    const a = rulesFor(c);
    expect(rulesFor(c)).toEqual(a);
    const input = inputs({ ...c, locked: false });
    const state = computeRuleState({ catalog, ...input, pausedTabs: [] });
    const ids = state.dynamicRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(dynamicBandOf(id)).toBeDefined();
  });

  it('a lock drops only the loosening user decisions', () => {
    const s: UserSettings = { ...DEFAULT_SETTINGS, vendorRules: { tracker: 'allow', live: 'block' }, categoryRules: { analytics: 'allow', realtime: 'block' }, reportOnly: true };
    const locked = effectiveUserSettings(s, { ...NO_POLICY, lockUserRules: true });
    expect(locked.vendorRules).toEqual({ live: 'block' });
    expect(locked.categoryRules).toEqual({ realtime: 'block' });
    expect(locked.reportOnly).toBe(false);
    expect(effectiveUserSettings(s, NO_POLICY)).toBe(s);
  });

  it('ignores rules for unknown vendors instead of failing', () => {
    const state = computeRuleState({ catalog, settings: { ...DEFAULT_SETTINGS, vendorRules: { nope: 'allow' } }, policy: { ...NO_POLICY, allowedVendors: [{ vendorId: 'nope', dashboards: [] }] }, pausedTabs: [] });
    expect(state.dynamicRules).toEqual([]);
  });
});
