/**
 * explainRequest must tell the story the browser enforces: for every combination of settings, policy, pause and
 * report-only, its verdict is checked against the generated rules evaluated with the DNR model (and, on sensitive
 * pages, the CSP model).
 */
import { cspOutcome } from '../../test/unit/csp-model';
import { appliedResponseHeaders, outcomeOf } from '../rules/dnr-matcher';
import { testCatalog } from '../../test/unit/test-catalog';
import type { DnrRule } from '../rules/dnr-rule';
import type { DocumentStrictMode } from '../strict-mode/document-strict-mode';
import { explainRequest, strictModeForPage, type ExplainContext } from './explain-request';
import { NO_POLICY, type ManagedPolicy } from '../policy/managed-policy';
import { computeRuleState } from '../rules/rule-state';
import {
  DEFAULT_SETTINGS,
  type DashboardVendorRule,
  type UserSettings,
  type VendorDecision,
} from '../settings/user-settings';

const { catalog, staticRules } = testCatalog();
const TAB = 3;
type Maybe = VendorDecision | undefined;
const decisions: Maybe[] = [undefined, 'allow', 'block'];

interface Case {
  target: 'tracker' | 'live' | 'beacon' | 'own' | 'upload' | 'nobody';
  page: 'ci' | 'forge' | 'jenkins' | 'ci-token';
  category: Maybe;
  vendorRule: Maybe;
  here: Maybe;
  reportOnly: boolean;
  paused: boolean;
  policy: 'none' | 'block' | 'allow-here' | 'allow-elsewhere' | 'category' | 'locked' | 'no-pause';
}

const TARGET_URL: Record<Case['target'], string> = {
  tracker: 'https://cdn.tracker.example/t.js',
  live: 'wss://ws.live.example/socket',
  beacon: 'https://beacon.example/b',
  own: 'https://static.ci-assets.example/app.js',
  upload: 'https://files.ci-uploads.example/build/out.js',
  nobody: 'https://fonts.nobody.example/f.js',
};
const PAGE_URL: Record<Case['page'], string> = {
  ci: 'https://app.ci.example/pipelines',
  forge: 'https://forge.example/repo',
  jenkins: 'https://jenkins.corp.example/job/x',
  'ci-token': 'https://app.ci.example/settings/tokens',
};
const DASHBOARD_REF: Record<Case['page'], string> = {
  ci: 'ci',
  forge: 'forge',
  jenkins: 'jenkins.corp.example',
  'ci-token': 'ci',
};
const VENDOR_ID: Partial<Record<Case['target'], string>> = {
  tracker: 'tracker',
  live: 'live',
  beacon: 'custom-beacon',
};

function contextFor(c: Case): ExplainContext {
  const vendorId = VENDOR_ID[c.target] ?? 'tracker';
  const category = c.target === 'live' ? 'realtime' : 'analytics';
  const here: DashboardVendorRule[] = c.here ? [{ dashboard: DASHBOARD_REF[c.page], vendorId, action: c.here }] : [];
  const settings: UserSettings = {
    ...DEFAULT_SETTINGS,
    customDashboards: [{ host: 'jenkins.corp.example', name: 'Jenkins' }],
    customVendors: [{ id: 'custom-beacon', name: 'Beacon', domains: ['beacon.example'] }],
    categoryRules: c.category ? { [category]: c.category } : {},
    vendorRules: c.vendorRule ? { [vendorId]: c.vendorRule } : {},
    dashboardVendorRules: here,
    reportOnly: c.reportOnly,
  };
  const policy: ManagedPolicy = {
    ...NO_POLICY,
    blockedVendors: c.policy === 'block' ? [vendorId] : [],
    allowedVendors:
      c.policy === 'allow-here'
        ? [{ vendorId, dashboards: [DASHBOARD_REF[c.page]] }]
        : c.policy === 'allow-elsewhere'
          ? [{ vendorId, dashboards: ['forge'] }]
          : [],
    blockedCategories: c.policy === 'category' ? [category] : [],
    lockUserRules: c.policy === 'locked',
    allowTabPause: c.policy !== 'no-pause',
  };
  return { catalog, settings, policy, pausedTabs: c.paused ? [TAB] : [] };
}

function* cases(): Generator<Case> {
  for (const target of ['tracker', 'live', 'beacon', 'own', 'upload', 'nobody'] as const)
    for (const page of ['ci', 'forge', 'jenkins', 'ci-token'] as const)
      for (const category of decisions)
        for (const vendorRule of decisions)
          for (const here of decisions)
            for (const reportOnly of [false, true])
              for (const paused of [false, true])
                for (const policy of [
                  'none',
                  'block',
                  'allow-here',
                  'allow-elsewhere',
                  'category',
                  'locked',
                  'no-pause',
                ] as const)
                  yield { target, page, category, vendorRule, here, reportOnly, paused, policy };
}

function rulesOf(context: ExplainContext, withoutReportOnly = false): DnrRule[] {
  const state = computeRuleState({
    ...context,
    settings: withoutReportOnly ? { ...context.settings, reportOnly: false } : context.settings,
  });
  return [...staticRules, ...state.dynamicRules, ...state.sessionRules];
}

describe('explainRequest agrees with the rules the browser enforces', () => {
  it('in every combination', () => {
    const wrong: string[] = [];
    let count = 0;
    for (const c of cases()) {
      count += 1;
      const context = contextFor(c);
      const url = TARGET_URL[c.target];
      const documentUrl = PAGE_URL[c.page];
      const type = c.target === 'live' ? 'websocket' : 'script';
      const request = { url, initiatorHost: new URL(documentUrl).hostname, type, tabId: TAB } as const;
      const rules = rulesOf(context);
      let network = outcomeOf(rules, request);
      const headers = appliedResponseHeaders(rules, {
        url: documentUrl,
        initiatorHost: undefined,
        type: 'main_frame',
        tabId: TAB,
      });
      const csp = network === 'block' ? 'allowed' : cspOutcome(headers, documentUrl, type, url);
      const explained = explainRequest({ url, type, documentUrl, tabId: TAB }, context);
      if (csp === 'refused') network = 'block';
      const blocked = explained.verdict === 'blocked';
      const policyReportOnly = context.policy.reportOnly;
      const wouldBe =
        network !== 'block' &&
        !policyReportOnly &&
        (outcomeOf(rulesOf(context, true), request) === 'block' || csp === 'reported');
      const problems = [
        blocked !== (network === 'block') && `blocked=${blocked} but the rules say ${network}`,
        (explained.verdict === 'would-be-blocked') !== (wouldBe && c.reportOnly && c.policy !== 'locked') &&
          `would-be-blocked mismatch (${explained.verdict}, csp ${csp})`,
        csp === 'refused' &&
          explained.reason !== 'strict-mode' &&
          'strict mode refused it, but the reason is not strict-mode',
      ].filter(Boolean);
      if (problems.length > 0)
        wrong.push(`${JSON.stringify(c)}: ${problems.join('; ')} -> ${JSON.stringify(explained)}`);
    }
    expect(count).toBeGreaterThan(15_000);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('explainRequest: the reasons a person reads', () => {
  const base: ExplainContext = { catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] };
  const explain = (
    url: string,
    documentUrl: string,
    context: ExplainContext = base,
    type: 'script' | 'websocket' = 'script',
  ) => explainRequest({ url, type, documentUrl, tabId: TAB }, context);

  it('names the default, the first party and pages that are not dashboards', () => {
    expect(explain(TARGET_URL.tracker, PAGE_URL.ci)).toMatchObject({
      verdict: 'blocked',
      reason: 'default',
      vendorId: 'tracker',
      dashboardId: 'ci',
    });
    expect(explain(TARGET_URL.own, PAGE_URL.ci)).toMatchObject({ verdict: 'allowed', reason: 'first-party' });
    expect(explain(TARGET_URL.tracker, 'https://unrelated.example/')).toEqual({
      verdict: 'untouched',
      reason: 'not-a-dashboard',
    });
    expect(explain(TARGET_URL.tracker, 'https://docs.app.ci.example/')).toEqual({
      verdict: 'untouched',
      reason: 'not-a-dashboard',
    });
    expect(explain(TARGET_URL.nobody, PAGE_URL.ci)).toMatchObject({ verdict: 'untouched', reason: 'not-a-vendor' });
  });

  it('marks what report-only lets through as "would be blocked", with the reason it would be', () => {
    const context = {
      ...base,
      settings: { ...DEFAULT_SETTINGS, reportOnly: true, vendorRules: { live: 'block' as const } },
    };
    expect(explain(TARGET_URL.tracker, PAGE_URL.ci, context)).toMatchObject({
      verdict: 'would-be-blocked',
      reason: 'default',
    });
    expect(explain(TARGET_URL.live, PAGE_URL.ci, context, 'websocket')).toMatchObject({
      verdict: 'would-be-blocked',
      reason: 'user-vendor',
    });
    expect(explain(TARGET_URL.own, PAGE_URL.ci, context)).toMatchObject({ verdict: 'allowed', reason: 'first-party' });
  });

  it('tells that a page is in strict mode, and why a vendor is refused there', () => {
    expect(strictModeForPage(PAGE_URL['ci-token'], base)).toMatchObject({
      pattern: '||app.ci.example/settings/tokens',
      enforced: true,
    });
    expect(strictModeForPage(PAGE_URL.ci, base)).toBeUndefined();
    expect(explain(TARGET_URL.live, PAGE_URL['ci-token'], base, 'websocket')).toMatchObject({
      verdict: 'blocked',
      reason: 'strict-mode',
      vendorId: 'live',
    });
    expect(explain(TARGET_URL.live, PAGE_URL.ci, base, 'websocket')).toMatchObject({
      verdict: 'allowed',
      reason: 'default',
    });
    const reportOnly = { ...base, settings: { ...DEFAULT_SETTINGS, reportOnly: true } };
    expect(strictModeForPage(PAGE_URL['ci-token'], reportOnly)).toMatchObject({ enforced: false });
    expect(explain(TARGET_URL.live, PAGE_URL['ci-token'], reportOnly, 'websocket')).toMatchObject({
      verdict: 'would-be-blocked',
      reason: 'strict-mode',
    });
  });

  it('covers every kind of request on a sensitive page, and never code from a user-content domain', () => {
    const on = (url: string, type: Parameters<typeof explainRequest>[0]['type'], documentUrl = PAGE_URL['ci-token']) =>
      explainRequest({ url, type, documentUrl, tabId: TAB }, base);
    for (const type of [
      'image',
      'stylesheet',
      'font',
      'media',
      'xmlhttprequest',
      'ping',
      'sub_frame',
      'other',
    ] as const) {
      expect(`${type} ${on('https://pixel.nobody.example/p?t=x', type).verdict}`).toBe(`${type} blocked`);
      expect(`${type} ${on('https://pixel.nobody.example/p?t=x', type, PAGE_URL.ci).verdict}`).toBe(
        `${type} untouched`,
      );
      expect(`${type} ${on(TARGET_URL.upload, type).verdict}`).toBe(`${type} allowed`);
    }
    expect(on(TARGET_URL.upload, 'script')).toMatchObject({ verdict: 'blocked', reason: 'strict-mode' });
    expect(on(TARGET_URL.upload, 'script', PAGE_URL.ci)).toMatchObject({ verdict: 'allowed', reason: 'first-party' });
  });

  it("goes by the document's marker when it is known, not by its URL", () => {
    const on = (documentUrl: string, documentStrictMode: DocumentStrictMode | undefined, context = base) =>
      explainRequest(
        {
          url: TARGET_URL.nobody,
          type: 'script',
          documentUrl,
          tabId: TAB,
          ...(documentStrictMode ? { documentStrictMode } : {}),
        },
        context,
      );
    // A token page that was not loaded under the policy (reached in the app, no host access) refused nothing.
    expect(on(PAGE_URL['ci-token'], 'none')).toMatchObject({ verdict: 'untouched' });
    expect(on(PAGE_URL['ci-token'], undefined)).toMatchObject({ verdict: 'blocked', reason: 'strict-mode' });
    // A browser that does not tell (plain http): judged by the address.
    expect(on(PAGE_URL['ci-token'], 'unknown')).toMatchObject({ verdict: 'blocked', reason: 'strict-mode' });
    expect(on(PAGE_URL.ci, 'unknown')).toMatchObject({ verdict: 'untouched' });
    // A document loaded as a token page keeps its policy after routing to an ordinary page.
    expect(on(PAGE_URL.ci, 'enforced')).toMatchObject({ verdict: 'blocked', reason: 'strict-mode' });
    expect(on(PAGE_URL.ci, undefined)).toMatchObject({ verdict: 'untouched' });
    expect(on(PAGE_URL.ci, 'report-only')).toMatchObject({ verdict: 'would-be-blocked', reason: 'strict-mode' });
    expect(on(PAGE_URL['ci-token'], 'report-only')).toMatchObject({
      verdict: 'would-be-blocked',
      reason: 'strict-mode',
    });
    // Its own domains stay allowed under the marker's policy.
    expect(
      explainRequest(
        { url: TARGET_URL.own, type: 'script', documentUrl: PAGE_URL.ci, documentStrictMode: 'enforced' },
        base,
      ),
    ).toMatchObject({ verdict: 'allowed' });
  });

  it('names the tab pause and the policy', () => {
    expect(explain(TARGET_URL.tracker, PAGE_URL.ci, { ...base, pausedTabs: [TAB] })).toMatchObject({
      verdict: 'allowed',
      reason: 'tab-paused',
    });
    expect(
      explain(
        TARGET_URL.live,
        PAGE_URL.ci,
        { ...base, policy: { ...NO_POLICY, blockedVendors: ['live'] } },
        'websocket',
      ),
    ).toMatchObject({ verdict: 'blocked', reason: 'policy-block' });
  });
});
