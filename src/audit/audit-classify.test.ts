/**
 * The audit must say what the browser does. For every combination rule-state.test.ts checks (test/unit/rule-cases),
 * the audit status is compared with the generated rules evaluated by the DNR matching model (and, on a sensitive
 * page, the CSP model); then the classification itself: first party, vendor attribution and the sentences shown.
 */
import { cspOutcome } from '../../test/unit/csp-model';
import { appliedResponseHeaders, outcomeOf } from '../rules/dnr-matcher';
import { allCases, host, inputs, rulesFor, TAB, type Case } from '../../test/unit/rule-cases';
import { testCatalog } from '../../test/unit/test-catalog';
import { createAuditClassifier, type AuditRequest, type Classification } from './audit-classify';
import { BLOCKED_STATUSES } from './audit-types';
import { buildCatalog } from '../../scripts/catalog/build-catalog';
import { categories } from '../../rules/catalog/categories';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS } from '../settings/user-settings';

const { catalog } = testCatalog();
const BUILD_PAGE = 'https://app.ci.example/pipelines/42';
const TOKEN_PAGE = 'https://app.ci.example/settings/tokens/new';

function classify(c: Case, request: Omit<AuditRequest, 'tabId'>): Classification {
  return createAuditClassifier({ catalog, ...inputs(c), pausedTabs: c.paused ? [TAB] : [] }).classify({
    ...request,
    tabId: TAB,
  });
}

function audited(classification: Classification): Extract<Classification, { audited: true }> {
  if (!classification.audited) throw new Error(`not audited: ${classification.why}`);
  return classification;
}

describe('audit status agrees with the rules, every combination of rule-state.test.ts', () => {
  const cases = allCases();

  it(`on a build page (${cases.length} combinations)`, () => {
    const wrong: string[] = [];
    for (const c of cases) {
      const url = `https://${host(c.vendor)}/x.js`;
      const network = outcomeOf(rulesFor(c), { url, initiatorHost: 'app.ci.example', type: 'script', tabId: TAB });
      const withoutReportOnly = outcomeOf(rulesFor({ ...c, reportOnly: false }), {
        url,
        initiatorHost: 'app.ci.example',
        type: 'script',
        tabId: TAB,
      });
      const withoutPause = outcomeOf(rulesFor({ ...c, paused: false, reportOnly: false }), {
        url,
        initiatorHost: 'app.ci.example',
        type: 'script',
        tabId: TAB,
      });
      const { status } = audited(classify(c, { url, type: 'script', documentUrl: BUILD_PAGE }));
      const problems = [
        BLOCKED_STATUSES.has(status) !== (network === 'block') &&
          `blocked by status ${status} but the rules say ${network}`,
        (status === 'report-only') !== (network === 'allow' && withoutReportOnly === 'block') &&
          `report-only mismatch (${status})`,
        (status === 'allowed-paused') !==
          (network === 'allow' && withoutReportOnly === 'allow' && withoutPause === 'block') &&
          `pause mismatch (${status})`,
        network === 'none' && status !== 'allowed-unknown' && `no rule matched but status ${status}`,
      ].filter(Boolean);
      if (problems.length > 0) wrong.push(`${JSON.stringify(c)}: ${problems.join('; ')}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('on a sensitive page in strict mode (every third combination)', () => {
    const wrong: string[] = [];
    for (const c of cases.filter((_, i) => i % 3 === 0)) {
      const url = `https://${host(c.vendor)}/x.js`;
      const rules = rulesFor(c);
      const network = outcomeOf(rules, { url, initiatorHost: 'app.ci.example', type: 'script', tabId: TAB });
      const headers = appliedResponseHeaders(rules, {
        url: TOKEN_PAGE,
        initiatorHost: undefined,
        type: 'main_frame',
        tabId: TAB,
      });
      const csp = network === 'block' ? 'allowed' : cspOutcome(headers, TOKEN_PAGE, 'script', url);
      const { status } = audited(classify(c, { url, type: 'script', documentUrl: TOKEN_PAGE }));
      if (BLOCKED_STATUSES.has(status) !== (network === 'block' || csp === 'refused'))
        wrong.push(`${JSON.stringify(c)}: ${status}, network ${network}, csp ${csp}`);
      if ((status === 'strict-mode') !== (csp === 'refused'))
        wrong.push(`${JSON.stringify(c)}: ${status} but csp ${csp}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('createAuditClassifier', () => {
  const plain = createAuditClassifier({ catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] });
  const on = (url: string, documentUrl = BUILD_PAGE, type: AuditRequest['type'] = 'script'): Classification =>
    plain.classify({ url, type, documentUrl });

  it("leaves out first parties: the page, its registrable domain and its dashboard's own domains", () => {
    expect(on('https://app.ci.example/app.js')).toEqual({ audited: false, why: 'first-party' });
    expect(on('https://api.ci.example/v2/me', BUILD_PAGE, 'xmlhttprequest')).toEqual({
      audited: false,
      why: 'first-party',
    });
    expect(on('https://static.ci-assets.example/app.js')).toEqual({ audited: false, why: 'first-party' });
  });

  it('audits a host inside the own domains that a vendor names, as the rules decide it, and nothing else there', () => {
    const built = buildCatalog({
      categories,
      curatedVendors: [
        {
          id: 'proxied',
          name: 'Proxied SDK',
          category: 'first-party-telemetry',
          domains: ['events.ci-assets.example'],
          defaultAction: 'block',
          reason: 'Proxied.',
        },
      ],
      dashboards: [
        { id: 'ci', name: 'CI', hosts: ['app.ci.example'], ownDomains: ['ci-assets.example'], strictMode: {} },
      ],
      thirdPartyWeb: [],
    });
    if (!built.ok) throw new Error(built.errors.join('\n'));
    const own = createAuditClassifier({
      catalog: built.catalog,
      settings: DEFAULT_SETTINGS,
      policy: NO_POLICY,
      pausedTabs: [],
    });
    expect(
      audited(
        own.classify({ url: 'https://events.ci-assets.example/t', type: 'xmlhttprequest', documentUrl: BUILD_PAGE }),
      ),
    ).toMatchObject({ status: 'blocked', vendor: { id: 'proxied' } });
    expect(
      own.classify({ url: 'https://static.ci-assets.example/app.js', type: 'script', documentUrl: BUILD_PAGE }),
    ).toEqual({ audited: false, why: 'first-party' });
  });

  it('knows the dashboard of a document', () => {
    expect(plain.dashboardOf('https://app.ci.example/x')?.id).toBe('ci');
    expect(plain.dashboardOf('https://www.app.ci.example/')).toBeUndefined();
  });

  it('audits nothing off the dashboards', () => {
    expect(on('https://cdn.tracker.example/t.js', 'https://unrelated.example/')).toEqual({
      audited: false,
      why: 'not-a-dashboard',
    });
    expect(on('https://cdn.tracker.example/t.js', 'https://docs.app.ci.example/guide')).toEqual({
      audited: false,
      why: 'not-a-dashboard',
    });
  });

  it('names the vendor, its category and the reason, and an unknown host by its registrable domain', () => {
    expect(audited(on('https://cdn.tracker.example/t.js'))).toMatchObject({
      vendor: { id: 'tracker', name: 'Tracker', category: 'analytics', source: 'curated' },
      status: 'blocked',
      reason: 'Blocked by default (Analytics): Tracks.',
    });
    expect(audited(on('wss://ws.live.example/socket', BUILD_PAGE, 'websocket'))).toMatchObject({
      vendor: { id: 'live' },
      status: 'allowed-essential',
      reason: 'Kept because the dashboard needs it (Realtime): Streams the build log.',
    });
    expect(audited(on('https://x.bigads.example/a.js'))).toMatchObject({
      vendor: { name: 'Big Ads', source: 'third-party-web', category: 'advertising' },
      status: 'blocked',
    });
    expect(audited(on('https://cdn.somewhere.co.uk/a.js'))).toMatchObject({
      vendor: { id: null, name: 'somewhere.co.uk', category: null, source: null },
      status: 'allowed-unknown',
    });
  });

  it('names the rule a person or the organisation set', () => {
    const withRules = createAuditClassifier({
      catalog,
      settings: {
        ...DEFAULT_SETTINGS,
        vendorRules: { tracker: 'allow' },
        dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'replay', action: 'allow' }],
      },
      policy: { ...NO_POLICY, blockedVendors: ['live'] },
      pausedTabs: [],
    });
    const at = (url: string): Classification => withRules.classify({ url, type: 'script', documentUrl: BUILD_PAGE });
    expect(audited(at('https://cdn.tracker.example/t.js'))).toMatchObject({
      status: 'allowed-user',
      reason: 'Allowed by your rule for Tracker.',
    });
    expect(audited(at('https://replay-cdn.example/r.js'))).toMatchObject({
      status: 'allowed-user',
      reason: 'Allowed by your rule for Replay on CI.',
    });
    expect(audited(at('https://ws.live.example/s.js'))).toMatchObject({
      status: 'blocked',
      reason: "Blocked by your organisation's policy.",
    });
  });

  it('says what report-only let through and what strict mode refused', () => {
    const reportOnly = createAuditClassifier({
      catalog,
      settings: { ...DEFAULT_SETTINGS, reportOnly: true },
      policy: NO_POLICY,
      pausedTabs: [],
    });
    expect(
      audited(
        reportOnly.classify({ url: 'https://cdn.tracker.example/t.js', type: 'script', documentUrl: BUILD_PAGE }),
      ),
    ).toMatchObject({
      status: 'report-only',
      reason: 'Would be blocked, but report-only mode lets it through. Blocked by default (Analytics): Tracks.',
    });
    expect(audited(on('wss://ws.live.example/socket', TOKEN_PAGE, 'websocket'))).toMatchObject({
      status: 'strict-mode',
      reason: expect.stringMatching(/^Refused by strict mode/),
    });
    // Images too: the policy covers every kind of request.
    expect(audited(on('https://cdn.unknown.example/pixel.gif', TOKEN_PAGE, 'image'))).toMatchObject({
      status: 'strict-mode',
    });
    expect(audited(on('https://cdn.unknown.example/pixel.gif', BUILD_PAGE, 'image'))).toMatchObject({
      status: 'allowed-unknown',
    });
  });

  it('lets a curated vendor naming a narrower host win over the broad third-party-web domain of the same company', () => {
    const built = buildCatalog({
      categories,
      curatedVendors: [
        {
          id: 'insight',
          name: 'Insight Tag',
          category: 'advertising',
          domains: ['ads.social.example'],
          defaultAction: 'block',
          reason: 'Ad pixel.',
        },
      ],
      dashboards: [{ id: 'ci', name: 'CI', hosts: ['app.ci.example'], ownDomains: [], strictMode: {} }],
      thirdPartyWeb: [{ name: 'Social', category: 'social', domains: ['*.social.example'] }],
    });
    if (!built.ok) throw new Error(built.errors.join('\n'));
    const nested = createAuditClassifier({
      catalog: built.catalog,
      settings: DEFAULT_SETTINGS,
      policy: NO_POLICY,
      pausedTabs: [],
    });
    expect(
      audited(nested.classify({ url: 'https://ads.social.example/px', type: 'image', documentUrl: BUILD_PAGE })).vendor,
    ).toMatchObject({ id: 'insight' });
    // The broad domain is not taken from third-party-web at all: the rest of social.example is nobody's vendor.
    expect(
      audited(nested.classify({ url: 'https://www.social.example/w.js', type: 'script', documentUrl: BUILD_PAGE })),
    ).toMatchObject({ status: 'allowed-unknown', vendor: { name: 'social.example' } });
  });

  it('treats hostile and exotic URLs as data', () => {
    expect(audited(on('https://xn--bcher-kva.example/a.js')).vendor.name).toBe('xn--bcher-kva.example');
    expect(audited(on(`https://cdn.evil.example/"><img src=x onerror=alert(1)>?${'a'.repeat(10_000)}`)).status).toBe(
      'allowed-unknown',
    );
  });
});
