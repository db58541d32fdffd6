/**
 * The rule state is checked by outcome: static + dynamic + session rules are evaluated with a model of DNR's
 * matching, for every combination of defaults, user decisions, policy decisions, report-only and tab pause, against
 * the precedence the product promises (written out independently in `expectedOutcome`).
 */
import { cspOutcome } from '../../test/unit/csp-model';
import { appliedResponseHeaders, outcomeOf, type Outcome } from './dnr-matcher';
import { allCases, FORGE_TAB, host, inputs, rulesFor, TAB, type Case, type Maybe } from '../../test/unit/rule-cases';
import { testCatalog } from '../../test/unit/test-catalog';
import type { DnrRule } from './dnr-rule';
import { NO_POLICY, type ManagedPolicy } from '../policy/managed-policy';
import { computeRuleState, computeRuleStateAbout, effectiveUserSettings } from './rule-state';
import { DEFAULT_SETTINGS, type UserSettings } from '../settings/user-settings';
import { OWN_DOMAIN_HOST_PRIORITY, PRIORITY, dynamicBandOf } from './rule-registry';

const { catalog, staticRules } = testCatalog();

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

describe('computeRuleState: precedence, every combination', () => {
  const cases = allCases();
  it(`covers ${cases.length} combinations`, () => {
    expect(cases.length).toBeGreaterThan(10_000);
    const wrong: string[] = [];
    for (const c of cases) {
      const outcome = outcomeOf(rulesFor(c), {
        url: `https://${host(c.vendor)}/x.js`,
        initiatorHost: 'app.ci.example',
        type: 'script',
        tabId: TAB,
      });
      const expected = expectedOutcome(c);
      if (outcome !== expected) wrong.push(`${JSON.stringify(c)}: got ${outcome}, expected ${expected}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('never touches sites that are not dashboards, whatever the settings', () => {
    for (const c of cases.filter((_, i) => i % 7 === 0)) {
      const rules = rulesFor({ ...c, paused: false });
      for (const initiatorHost of ['ci.example', 'www.app.ci.example', 'docs.app.ci.example', 'unrelated.example']) {
        expect(outcomeOf(rules, { url: `https://${host(c.vendor)}/x.js`, initiatorHost, type: 'script' })).toBe('none');
      }
    }
  });

  it('never blocks a page itself (main_frame)', () => {
    for (const c of cases.filter((_, i) => i % 11 === 0)) {
      expect(
        outcomeOf(rulesFor(c), {
          url: `https://${host(c.vendor)}/`,
          initiatorHost: 'app.ci.example',
          type: 'main_frame',
          tabId: TAB,
        }),
      ).not.toBe('block');
    }
  });

  it("never blocks a dashboard's own domains", () => {
    const rules = rulesFor({
      vendor: 'tracker',
      category: 'block',
      vendorRule: 'block',
      here: 'block',
      elsewhere: undefined,
      reportOnly: false,
      paused: false,
      policyBlock: true,
      policyAllow: 'no',
      policyCategory: true,
      locked: true,
      pauseAllowed: false,
    });
    expect(
      outcomeOf(rules, { url: 'https://ci-assets.example/app.js', initiatorHost: 'app.ci.example', type: 'script' }),
    ).toBe('allow');
  });
});

/** The same precedence for a request from the other dashboard (forge.example, on FORGE_TAB, never paused). */
function expectedOnForge(c: Case): Outcome {
  if (c.policyBlock) return 'block';
  if (c.policyAllow !== 'no') return 'allow';
  if (c.policyCategory) return 'block';
  const loosen = (d: Maybe): Maybe => (c.locked && d === 'allow' ? undefined : d);
  if (c.reportOnly && !c.locked) return 'allow';
  const decision = loosen(c.elsewhere) ?? loosen(c.vendorRule) ?? loosen(c.category);
  if (decision !== undefined) return decision;
  return c.vendor === 'tracker' ? 'block' : 'allow';
}

describe.each(['chromium', 'firefox'] as const)('computeRuleState: tab cover in %s, every combination', (browser) => {
  const cases = allCases();
  const blocked = (outcome: Outcome): boolean => outcome === 'block';
  /** A request from a frame of a tab: `initiatorHost` undefined is an opaque origin (sandboxed, data:, blob:). */
  const inTab = (
    rules: DnrRule[],
    c: Case,
    tabId: number,
    topHost: string,
    initiatorHost: string | undefined,
  ): Outcome =>
    outcomeOf(rules, { url: `https://${host(c.vendor)}/x.js`, initiatorHost, topHost, type: 'script', tabId });
  const check = (what: (c: Case, rules: DnrRule[]) => string | undefined, every = 1): void => {
    const wrong: string[] = [];
    cases.forEach((c, i) => {
      if (i % every !== 0) return;
      const problem = what(c, rulesFor(c, browser));
      if (problem !== undefined) wrong.push(`${JSON.stringify(c)}: ${problem}`);
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  };

  it("gives opaque and third-party frames of a dashboard tab the dashboard's verdict", () => {
    check((c, rules) => {
      for (const initiator of [undefined, 'widget.example']) {
        const got = inTab(rules, c, TAB, 'app.ci.example', initiator);
        if (blocked(got) !== blocked(expectedOutcome(c)))
          return `frame ${initiator ?? '(opaque)'}: got ${got}, expected ${expectedOutcome(c)}`;
        const onForge = inTab(rules, c, FORGE_TAB, 'forge.example', initiator);
        if (blocked(onForge) !== blocked(expectedOnForge(c)))
          return `forge frame ${initiator ?? '(opaque)'}: got ${onForge}, expected ${expectedOnForge(c)}`;
      }
      return undefined;
    });
  });

  it("leaves the dashboard's own requests exactly as its initiator rules decide them", () => {
    check((c, rules) => {
      const got = inTab(rules, c, TAB, 'app.ci.example', 'app.ci.example');
      return got === expectedOutcome(c) ? undefined : `got ${got}, expected ${expectedOutcome(c)}`;
    });
  });

  it("never loosens: a dashboard document framed by another dashboard, or a marketing frame, is blocked whenever its own rules or the tab's block", () => {
    check((c, rules) => {
      // A pause lets the whole tab through, as it always did: that is what pausing a tab means.
      if (c.paused && c.pauseAllowed) return undefined;
      const forgeFrame = inTab(rules, c, TAB, 'app.ci.example', 'forge.example');
      if (blocked(expectedOnForge(c)) && !blocked(forgeFrame)) return `forge frame in the ci tab: got ${forgeFrame}`;
      const marketing = inTab(rules, c, TAB, 'app.ci.example', 'www.app.ci.example');
      if (blocked(expectedOutcome(c)) && !blocked(marketing)) return `marketing frame: got ${marketing}`;
      return undefined;
    }, 3);
  });

  it('touches no tab that is not on a dashboard, and never a page itself', () => {
    check((c, rules) => {
      for (const initiator of [undefined, 'widget.example', 'unrelated.example']) {
        const got = inTab(rules, c, 9, 'unrelated.example', initiator);
        if (got !== 'none') return `unrelated tab, frame ${initiator ?? '(opaque)'}: got ${got}`;
      }
      const page = outcomeOf(rules, {
        url: `https://${host(c.vendor)}/`,
        initiatorHost: undefined,
        topHost: 'app.ci.example',
        type: 'main_frame',
        tabId: TAB,
      });
      return page === 'block' ? 'blocked a navigation' : undefined;
    }, 5);
  });
});

describe('computeRuleState: tab cover, shape', () => {
  const state = (
    tabs: { tabId: number; host: string; leavingFor?: string }[],
    settings: UserSettings = DEFAULT_SETTINGS,
  ) => computeRuleState({ catalog, settings, policy: NO_POLICY, pausedTabs: [], tabCover: { by: 'tab-ids', tabs } });

  it('Firefox: a handful of session rules whatever the catalog size, none without a dashboard tab, never topDomains', () => {
    expect(state([]).sessionRules).toEqual([]);
    const rules = state([
      { tabId: 3, host: 'app.ci.example' },
      { tabId: 4, host: 'forge.example' },
      { tabId: 5, host: 'app.ci.example' },
    ]).sessionRules;
    // Default block, essential allow, and a first-party allow per dashboard with a tab.
    expect(rules).toHaveLength(4);
    expect(JSON.stringify(rules)).not.toContain('topDomains');
    const block = rules.find((r) => r.action.type === 'block')!;
    expect(block.condition.tabIds).toEqual([3, 4, 5]);
    expect(block.condition.requestDomains).toEqual(
      expect.arrayContaining(['tracker.example', 'replay.example', 'bigads.example']),
    );
    for (const rule of rules) expect(rule.condition.tabIds?.length).toBeGreaterThan(0);
  });

  it("Firefox: a tab leaving for another site leaves that site's own requests alone, and keeps the rest covered", () => {
    const rules = [
      ...staticRules.filter((r) => r.condition.topDomains === undefined),
      ...state([{ tabId: 3, host: 'app.ci.example', leavingFor: 'unrelated.example' }]).sessionRules,
    ];
    const from = (initiatorHost: string | undefined): Outcome =>
      outcomeOf(rules, { url: 'https://cdn.tracker.example/t.js', initiatorHost, type: 'script', tabId: 3 });
    expect(from('unrelated.example')).toBe('none');
    expect(from('widget.example')).toBe('block');
    expect(from(undefined)).toBe('block');
  });

  it('Chromium: one topDomains twin per dynamic rule scoped by initiator, in its own band', () => {
    const settings: UserSettings = {
      ...DEFAULT_SETTINGS,
      vendorRules: { tracker: 'allow' },
      dashboardVendorRules: [{ dashboard: 'forge', vendorId: 'live', action: 'block' }],
      reportOnly: true,
    };
    const { dynamicRules, sessionRules } = computeRuleState({
      catalog,
      settings,
      policy: NO_POLICY,
      pausedTabs: [],
      tabCover: { by: 'top-domains' },
    });
    const twins = dynamicRules.filter((r) => r.condition.topDomains !== undefined);
    const scoped = dynamicRules.filter((r) => r.condition.initiatorDomains !== undefined);
    expect(twins).toHaveLength(scoped.length);
    expect(new Set(dynamicRules.map((r) => r.id)).size).toBe(dynamicRules.length);
    for (const twin of twins) expect(dynamicBandOf(twin.id)).toBe('tabCover');
    expect(sessionRules).toEqual([]);
  });

  it("keeps Chromium's static twins switched on, and never asks Firefox for them (its manifest has none)", () => {
    const base = { catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] };
    expect(computeRuleState({ ...base, tabCover: { by: 'top-domains' } }).enabledRulesets).toContain('tab_cover');
    expect(
      computeRuleState({ ...base, tabCover: { by: 'tab-ids', tabs: [{ tabId: 1, host: 'app.ci.example' }] } })
        .enabledRulesets,
    ).not.toContain('tab_cover');
    expect(computeRuleState(base).enabledRulesets).not.toContain('tab_cover');
  });
});

describe('computeRuleState: custom dashboards and vendors', () => {
  const settings: UserSettings = {
    ...DEFAULT_SETTINGS,
    customDashboards: [{ host: 'jenkins.corp.example', name: 'Jenkins' }],
    customVendors: [{ id: 'custom-beacon', name: 'Beacon', domains: ['beacon.example'] }],
  };
  const rules = (s: UserSettings, p: ManagedPolicy = NO_POLICY): DnrRule[] => [
    ...staticRules,
    ...computeRuleState({ catalog, settings: s, policy: p, pausedTabs: [] }).dynamicRules,
  ];
  const onJenkins = (url: string, r: DnrRule[]): Outcome =>
    outcomeOf(r, { url, initiatorHost: 'jenkins.corp.example', type: 'script' });

  it('applies catalog defaults on a custom dashboard', () => {
    const r = rules(settings);
    expect(onJenkins('https://cdn.tracker.example/a.js', r)).toBe('block');
    expect(onJenkins('https://replay-cdn.example/a.js', r)).toBe('block');
    expect(onJenkins('https://x.bigads.example/a.js', r)).toBe('block');
    expect(onJenkins('https://live.example/a.js', r)).toBe('allow');
  });

  it('blocks a custom vendor on built-in and custom dashboards until allowed', () => {
    expect(onJenkins('https://beacon.example/b', rules(settings))).toBe('block');
    expect(
      outcomeOf(rules(settings), { url: 'https://beacon.example/b', initiatorHost: 'forge.example', type: 'ping' }),
    ).toBe('block');
    const allowed = {
      ...settings,
      dashboardVendorRules: [
        { dashboard: 'jenkins.corp.example', vendorId: 'custom-beacon', action: 'allow' as const },
      ],
    };
    expect(onJenkins('https://beacon.example/b', rules(allowed))).toBe('allow');
    expect(
      outcomeOf(rules(allowed), { url: 'https://beacon.example/b', initiatorHost: 'forge.example', type: 'ping' }),
    ).toBe('block');
  });

  it('protects a policy-added dashboard, and a user vendor cannot shadow a policy vendor id', () => {
    const policy: ManagedPolicy = {
      ...NO_POLICY,
      extraDashboards: [{ host: 'gitlab.corp.example', name: 'GitLab' }],
      extraVendors: [{ id: 'custom-beacon', name: 'Org beacon', domains: ['org-beacon.example'] }],
    };
    const r = rules(settings, policy);
    expect(
      outcomeOf(r, { url: 'https://cdn.tracker.example/a.js', initiatorHost: 'gitlab.corp.example', type: 'script' }),
    ).toBe('block');
    expect(
      outcomeOf(r, { url: 'https://org-beacon.example/a.js', initiatorHost: 'gitlab.corp.example', type: 'script' }),
    ).toBe('block');
  });

  it('ignores a custom dashboard that duplicates a built-in one', () => {
    const dup = computeRuleState({
      catalog,
      settings: { ...DEFAULT_SETTINGS, customDashboards: [{ host: 'app.ci.example', name: 'dup' }] },
      policy: NO_POLICY,
      pausedTabs: [],
    });
    expect(dup.dynamicRules).toEqual([]);
  });
});

describe('computeRuleState: shape', () => {
  it('names what each rule is about, twins included, for the audit to explain a match', () => {
    const settings: UserSettings = {
      ...DEFAULT_SETTINGS,
      reportOnly: true,
      categoryRules: { analytics: 'allow' },
      dashboardVendorRules: [{ dashboard: 'app.ci.example', vendorId: 'tracker', action: 'block' }],
      customVendors: [{ id: 'pixel', name: 'Pixel', domains: ['pixel.ci-assets.example'] }],
    };
    const policy: ManagedPolicy = { ...NO_POLICY, blockedCategories: ['session-replay'], allowTabPause: true };
    const { state, subjects } = computeRuleStateAbout({ catalog, settings, policy, pausedTabs: [TAB] });
    const rules = [...state.dynamicRules, ...state.sessionRules];
    expect(rules.filter((r) => !subjects.has(r.id)).map((r) => r.id)).toEqual([]);
    const about = (priority: number): unknown[] =>
      rules.filter((r) => r.priority === priority).map((r) => subjects.get(r.id));
    expect(about(PRIORITY.userCategory)).toEqual([{ kind: 'category', category: 'analytics' }]);
    expect(about(PRIORITY.policyCategoryBlock)).toEqual([{ kind: 'category', category: 'session-replay' }]);
    expect(about(PRIORITY.userVendorOnDashboard)).toEqual([
      { kind: 'vendor-on-dashboard', vendorId: 'tracker', dashboardId: 'ci' },
    ]);
    expect(about(PRIORITY.reportOnly)).toEqual([{ kind: 'dashboards' }]);
    expect(about(PRIORITY.tabPause)).toEqual([{ kind: 'tab', tabId: TAB }]);
    // The custom vendor on the dashboard's own domain: its default, and that default's own-domain-host twin.
    expect(about(OWN_DOMAIN_HOST_PRIORITY.defaultBlock)).toEqual([{ kind: 'vendors', vendorIds: ['pixel'] }]);
    expect(about(PRIORITY.strictModeReplacement)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'strict-mode', dashboardId: 'ci' })]),
    );
  });

  it('is empty for default settings and no policy (the static rules hold the defaults)', () => {
    expect(computeRuleState({ catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] })).toEqual({
      dynamicRules: [],
      sessionRules: [],
      enabledRulesets: ['dashboard_allowlist', 'dashboard_blocklist', 'strict_mode'],
    });
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
    const s: UserSettings = {
      ...DEFAULT_SETTINGS,
      vendorRules: { tracker: 'allow', live: 'block' },
      categoryRules: { analytics: 'allow', realtime: 'block' },
      reportOnly: true,
    };
    const locked = effectiveUserSettings(s, { ...NO_POLICY, lockUserRules: true });
    expect(locked.vendorRules).toEqual({ live: 'block' });
    expect(locked.categoryRules).toEqual({ realtime: 'block' });
    expect(locked.reportOnly).toBe(false);
    expect(effectiveUserSettings(s, NO_POLICY)).toBe(s);
  });

  it('ignores rules for unknown vendors instead of failing', () => {
    const state = computeRuleState({
      catalog,
      settings: { ...DEFAULT_SETTINGS, vendorRules: { nope: 'allow' } },
      policy: { ...NO_POLICY, allowedVendors: [{ vendorId: 'nope', dashboards: [] }] },
      pausedTabs: [],
    });
    expect(state.dynamicRules).toEqual([]);
  });
});

describe('computeRuleState: strict mode on sensitive pages', () => {
  const TOKEN_PAGE = 'https://app.ci.example/settings/tokens/new';
  const BUILD_PAGE = 'https://app.ci.example/pipelines/42';
  const LIVE = 'wss://ws.live.example/socket';

  /** What a script load from `url` does on the page at `pageUrl`: DNR first, then the CSP headers of the page. */
  function onPage(
    rules: DnrRule[],
    pageUrl: string,
    url: string,
    type: 'script' | 'websocket' = 'script',
  ): Outcome | 'refused-by-csp' {
    const pageHost = new URL(pageUrl).hostname;
    const network = outcomeOf(rules, { url, initiatorHost: pageHost, type, tabId: TAB });
    if (network === 'block') return 'block';
    const headers = appliedResponseHeaders(rules, {
      url: pageUrl,
      initiatorHost: undefined,
      type: 'main_frame',
      tabId: TAB,
    });
    return cspOutcome(headers, pageUrl, type, url) === 'refused' ? 'refused-by-csp' : network;
  }
  /** The policy headers a page gets (the marker that comes with each is checked apart). */
  const headersOf = (rules: DnrRule[], pageUrl: string): string[] =>
    appliedResponseHeaders(rules, { url: pageUrl, initiatorHost: undefined, type: 'main_frame', tabId: TAB })
      .map((h) => h.header)
      .filter((h) => h !== 'Server-Timing');
  /** The marker metrics a page's response gets: one per policy, saying enforced or report-only. */
  const markersOf = (rules: DnrRule[], pageUrl: string): string[] =>
    appliedResponseHeaders(rules, { url: pageUrl, initiatorHost: undefined, type: 'main_frame', tabId: TAB })
      .filter((h) => h.header === 'Server-Timing')
      .map((h) => h.value ?? '');
  const rulesWith = (
    settings: UserSettings,
    policy: ManagedPolicy = NO_POLICY,
    pausedTabs: number[] = [],
  ): DnrRule[] => {
    const state = computeRuleState({ catalog, settings, policy, pausedTabs });
    return [...staticRules, ...state.dynamicRules, ...state.sessionRules];
  };

  it('refuses even an essential vendor on a token page, and keeps it on the build page', () => {
    const rules = rulesWith(DEFAULT_SETTINGS);
    expect(onPage(rules, TOKEN_PAGE, LIVE, 'websocket')).toBe('refused-by-csp');
    expect(onPage(rules, TOKEN_PAGE, 'https://cdn.live.example/sdk.js')).toBe('refused-by-csp');
    expect(onPage(rules, BUILD_PAGE, LIVE, 'websocket')).toBe('allow');
    // The page itself still works: its own origin and its own domains.
    expect(onPage(rules, TOKEN_PAGE, 'https://app.ci.example/app.js')).not.toBe('refused-by-csp');
    expect(onPage(rules, TOKEN_PAGE, 'https://static.ci-assets.example/app.js')).toBe('allow');
    // Wildcard path filters match too.
    expect(onPage(rules, 'https://app.ci.example/org/repo/secrets', LIVE, 'websocket')).toBe('refused-by-csp');
    expect(headersOf(rules, TOKEN_PAGE)).toEqual(['Content-Security-Policy']);
    expect(markersOf(rules, TOKEN_PAGE)).toEqual(['dashguard-strict']);
    expect(markersOf(rules, BUILD_PAGE)).toEqual([]);
  });

  it('lets through a vendor the user allowed on that dashboard, with one enforced policy still in place', () => {
    const rules = rulesWith({
      ...DEFAULT_SETTINGS,
      dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'live', action: 'allow' }],
    });
    expect(onPage(rules, TOKEN_PAGE, LIVE, 'websocket')).toBe('allow');
    // The static policy is switched off and replaced, not stacked: otherwise the narrower one would still refuse.
    expect(headersOf(rules, TOKEN_PAGE)).toEqual(['Content-Security-Policy']);
    // Other vendors stay refused by the replacement policy.
    expect(onPage(rules, TOKEN_PAGE, 'https://cdn.tracker.example/t.js')).toBe('block');
    expect(
      cspOutcome(
        appliedResponseHeaders(rules, { url: TOKEN_PAGE, initiatorHost: undefined, type: 'main_frame' }),
        TOKEN_PAGE,
        'script',
        'https://x.bigads.example/a.js',
      ),
    ).toBe('refused');
  });

  it('ignores allows that are not for that dashboard: global, category, other dashboard, tab pause', () => {
    for (const settings of [
      { ...DEFAULT_SETTINGS, vendorRules: { live: 'allow' as const } },
      { ...DEFAULT_SETTINGS, categoryRules: { realtime: 'allow' as const } },
      {
        ...DEFAULT_SETTINGS,
        dashboardVendorRules: [{ dashboard: 'forge', vendorId: 'live', action: 'allow' as const }],
      },
    ]) {
      expect(onPage(rulesWith(settings), TOKEN_PAGE, LIVE, 'websocket')).toBe('refused-by-csp');
    }
    expect(onPage(rulesWith(DEFAULT_SETTINGS, NO_POLICY, [TAB]), TOKEN_PAGE, LIVE, 'websocket')).toBe('refused-by-csp');
  });

  it('honours the policy: its block beats a user allow, a lock drops the user allow, a policy allow for the dashboard counts', () => {
    const allowHere = {
      ...DEFAULT_SETTINGS,
      dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'live', action: 'allow' as const }],
    };
    expect(
      onPage(rulesWith(allowHere, { ...NO_POLICY, blockedVendors: ['live'] }), TOKEN_PAGE, LIVE, 'websocket'),
    ).toBe('block');
    expect(
      onPage(rulesWith(allowHere, { ...NO_POLICY, blockedCategories: ['realtime'] }), TOKEN_PAGE, LIVE, 'websocket'),
    ).toBe('block');
    expect(onPage(rulesWith(allowHere, { ...NO_POLICY, lockUserRules: true }), TOKEN_PAGE, LIVE, 'websocket')).toBe(
      'refused-by-csp',
    );
    expect(
      onPage(
        rulesWith(DEFAULT_SETTINGS, { ...NO_POLICY, allowedVendors: [{ vendorId: 'live', dashboards: ['ci'] }] }),
        TOKEN_PAGE,
        LIVE,
        'websocket',
      ),
    ).toBe('allow');
    expect(
      onPage(
        rulesWith(DEFAULT_SETTINGS, { ...NO_POLICY, allowedVendors: [{ vendorId: 'live', dashboards: [] }] }),
        TOKEN_PAGE,
        LIVE,
        'websocket',
      ),
    ).toBe('refused-by-csp');
  });

  it('reports instead of refusing in report-only mode', () => {
    const rules = rulesWith({ ...DEFAULT_SETTINGS, reportOnly: true });
    expect(headersOf(rules, TOKEN_PAGE)).toEqual(['Content-Security-Policy-Report-Only']);
    expect(markersOf(rules, TOKEN_PAGE)).toEqual(['dashguard-strict-report-only']);
    expect(onPage(rules, TOKEN_PAGE, LIVE, 'websocket')).toBe('allow');
    expect(onPage(rules, TOKEN_PAGE, 'https://cdn.tracker.example/t.js')).toBe('allow');
    // Locked: report-only is a loosening, so the page stays enforced.
    expect(
      headersOf(
        rulesWith({ ...DEFAULT_SETTINGS, reportOnly: true }, { ...NO_POLICY, lockUserRules: true }),
        TOKEN_PAGE,
      ),
    ).toEqual(['Content-Security-Policy']);
  });

  it("puts the user's and the organisation's pages in strict mode, on built-in and custom dashboards", () => {
    const settings: UserSettings = {
      ...DEFAULT_SETTINGS,
      customDashboards: [{ host: 'jenkins.corp.example', name: 'Jenkins' }],
      sensitivePages: ['||forge.example/settings/keys', '||jenkins.corp.example/credentials'],
    };
    const policy: ManagedPolicy = { ...NO_POLICY, sensitivePages: ['||forge.example/admin/*/tokens'] };
    const rules = rulesWith(settings, policy);
    expect(onPage(rules, 'https://forge.example/settings/keys', LIVE, 'websocket')).toBe('refused-by-csp');
    expect(onPage(rules, 'https://forge.example/admin/org/tokens', LIVE, 'websocket')).toBe('refused-by-csp');
    expect(onPage(rules, 'https://jenkins.corp.example/credentials/store', LIVE, 'websocket')).toBe('refused-by-csp');
    expect(onPage(rules, 'https://jenkins.corp.example/job/x', LIVE, 'websocket')).toBe('allow');
    expect(onPage(rules, 'https://forge.example/settings/profile', LIVE, 'websocket')).toBe('allow');
    // The custom dashboard's own host stays usable on its sensitive page.
    expect(
      onPage(rules, 'https://jenkins.corp.example/credentials', 'https://jenkins.corp.example/static/app.js'),
    ).not.toBe('refused-by-csp');
  });

  it('never touches pages that are not sensitive, and no allow rule outranks the strict-mode header', () => {
    const rules = rulesWith({
      ...DEFAULT_SETTINGS,
      dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'live', action: 'allow' }],
    });
    expect(headersOf(rules, BUILD_PAGE)).toEqual([]);
    expect(headersOf(rules, 'https://unrelated.example/settings/tokens')).toEqual([]);
    const allows = rules.filter((r) => r.action.type === 'allow' && r.condition.urlFilter === undefined);
    for (const rule of allows) expect(rule.priority).toBeLessThan(PRIORITY.strictModeCsp);
  });

  it('matches the product promise in every combination: refused on the token page unless allowed on this dashboard', () => {
    const wrong: string[] = [];
    for (const c of allCases().filter((_, i) => i % 3 === 0)) {
      const rules = rulesFor(c);
      const network = expectedOutcome(c);
      const reportOnly = c.reportOnly && !c.locked;
      const allowedHere = c.here === 'allow' && !c.locked && !c.policyBlock && !c.policyCategory;
      const expected = network === 'block' ? 'block' : reportOnly || allowedHere ? 'allow' : 'refused-by-csp';
      const url = `https://${host(c.vendor)}/x.js`;
      const got = onPage(rules, TOKEN_PAGE, url);
      if (got !== expected) wrong.push(`${JSON.stringify(c)}: got ${got}, expected ${expected}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
