/**
 * The content script's answer to "would loading this address put it under an enforced strict-mode policy?" must be
 * the browser's: for many addresses and settings, it is checked against the generated rules (static and dynamic)
 * evaluated with the DNR model, on the main-frame request that loads the address.
 */
import { appliedResponseHeaders } from './dnr-matcher';
import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY, type ManagedPolicy } from '../policy/managed-policy';
import { computeRuleState, type RuleStateInput } from './rule-state';
import { catalogPagesFor, isEnforcedSensitiveUrl } from '../strict-mode/sensitive-route';
import { strictModePagesFor } from './strict-mode-pages';
import { DEFAULT_SETTINGS, type UserSettings } from '../settings/user-settings';

const { catalog, staticRules } = testCatalog();

const URLS = [
  'https://app.ci.example/settings/tokens',
  'https://app.ci.example/settings/tokens/new?x=1#create',
  'https://app.ci.example/settings/tokensX',
  'https://APP.ci.example/SETTINGS/Tokens',
  'https://eu.app.ci.example/settings/tokens',
  'https://app.ci.example:8443/settings/tokens',
  'http://app.ci.example/settings/tokens',
  'https://app.ci.example/org/repo/secrets',
  'https://app.ci.example/org/repo/secret',
  'https://app.ci.example/pipelines',
  'https://app.ci.example/pipelines#/settings/tokens',
  'https://app.ci.example/pipelines?next=/settings/tokens',
  'https://app.ci.example/deploy-keys/1',
  'https://forge.example/settings/tokens',
  'https://jenkins.corp.example/credentials/store',
  'https://jenkins.corp.example/job/x',
  'https://user:pw@app.ci.example/settings/tokens',
];

const jenkins = { host: 'jenkins.corp.example', name: 'Jenkins' };
const CONTEXTS: Record<string, { settings: UserSettings; policy: ManagedPolicy }> = {
  default: { settings: DEFAULT_SETTINGS, policy: NO_POLICY },
  'report-only': { settings: { ...DEFAULT_SETTINGS, reportOnly: true }, policy: NO_POLICY },
  'report-only under the lock': {
    settings: { ...DEFAULT_SETTINGS, reportOnly: true },
    policy: { ...NO_POLICY, lockUserRules: true },
  },
  'policy report-only': { settings: DEFAULT_SETTINGS, policy: { ...NO_POLICY, reportOnly: true } },
  'a page the person added': {
    settings: { ...DEFAULT_SETTINGS, sensitivePages: ['||app.ci.example/deploy-keys'] },
    policy: NO_POLICY,
  },
  "the organisation's page on its own dashboard": {
    settings: DEFAULT_SETTINGS,
    policy: { ...NO_POLICY, extraDashboards: [jenkins], sensitivePages: ['||jenkins.corp.example/credentials'] },
  },
  'a vendor allowed on the dashboard (replaced header)': {
    settings: { ...DEFAULT_SETTINGS, dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'live', action: 'allow' }] },
    policy: NO_POLICY,
  },
};

describe.each(Object.entries(CONTEXTS))('isEnforcedSensitiveUrl with %s', (_name, { settings, policy }) => {
  const input: RuleStateInput = { catalog, settings, policy, pausedTabs: [] };
  const state = computeRuleState(input);
  const rules = [...staticRules, ...state.dynamicRules, ...state.sessionRules];

  it.each(URLS)('%s: the same answer as the rules', (url) => {
    const headers = appliedResponseHeaders(rules, { url, initiatorHost: undefined, type: 'main_frame' });
    const browser = headers.some((h) => h.header === 'Content-Security-Policy');
    const host = new URL(url).hostname;
    expect(isEnforcedSensitiveUrl(url, strictModePagesFor(host, input))).toBe(browser);
  });
});

describe('catalogPagesFor', () => {
  it("gives the content script the catalog's pages of its host before the background answers", () => {
    expect(catalogPagesFor('app.ci.example', catalog.dashboards)).toEqual([
      { urlFilter: '||app.ci.example/settings/tokens', enforced: true },
      { urlFilter: '||app.ci.example/*/secrets', enforced: true },
    ]);
    expect(catalogPagesFor('eu.app.ci.example', catalog.dashboards)).toHaveLength(2);
    expect(catalogPagesFor('forge.example', catalog.dashboards)).toEqual([]);
  });
});

describe('isEnforcedSensitiveUrl', () => {
  const pages = [
    { urlFilter: '||app.ci.example/settings/tokens', enforced: true },
    { urlFilter: '||app.ci.example/audit', enforced: false },
  ];
  it('never takes a non-web address or a report-only page', () => {
    expect(isEnforcedSensitiveUrl('javascript:location="https://app.ci.example/settings/tokens"', pages)).toBe(false);
    expect(isEnforcedSensitiveUrl('https://app.ci.example/audit', pages)).toBe(false);
    expect(isEnforcedSensitiveUrl('https://app.ci.example/settings/tokens#x', pages)).toBe(true);
  });
});
