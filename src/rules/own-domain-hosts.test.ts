import { categories } from '../../rules/catalog/categories';
import { buildCatalog } from '../../scripts/catalog/build-catalog';
import { TEST_VENDORS } from '../../test/unit/test-catalog';
import { outcomeOf, type Outcome } from './dnr-matcher';
import type { DnrRule } from './dnr-rule';
import { explainRequest } from '../audit/explain-request';
import { NO_POLICY, type ManagedPolicy } from '../policy/managed-policy';
import { ownDomainHosts, ownDomainHostsOf, ownDomainHostTwins } from './own-domain-hosts';
import { parseManagedPolicy } from '../policy/parse-managed-policy';
import { OWN_DOMAIN_HOST_PRIORITY, PRIORITY, ownDomainHostPriority } from './rule-registry';
import { computeRuleState } from './rule-state';
import { DEFAULT_SETTINGS, type UserSettings } from '../settings/user-settings';

// A dashboard whose own asset domain also carries a proxied analytics SDK (blocked by default) and whose app host
// carries the service's own collector (allowed by default), as Bitrise (pa-events-api.bitrise.io) and GitHub
// (collector.github.com) do.
const built = buildCatalog({
  categories,
  curatedVendors: [
    {
      id: 'proxied-sdk',
      name: 'Proxied SDK',
      category: 'first-party-telemetry',
      domains: ['events.ci-assets.example'],
      defaultAction: 'block',
      reason: 'Proxied.',
    },
    {
      id: 'own-collector',
      name: 'Own collector',
      category: 'first-party-telemetry',
      domains: ['collector.app.ci.example'],
      defaultAction: 'allow',
      reason: 'Own.',
    },
    TEST_VENDORS.tracker,
  ],
  dashboards: [
    { id: 'ci', name: 'CI', hosts: ['app.ci.example'], ownDomains: ['ci-assets.example'], strictMode: {} },
    { id: 'forge', name: 'Forge', hosts: ['forge.example'], ownDomains: [], strictMode: {} },
  ],
  thirdPartyWeb: [],
});
if (!built.ok) throw new Error(built.errors.join('\n'));
const catalog = built.catalog;
const staticRules = Object.values(built.rules.rulesets).flat();

const TAB = 3;
const PROXIED = 'https://events.ci-assets.example/v1/t';
const COLLECTOR = 'https://collector.app.ci.example/collect';
const OWN_ASSET = 'https://cdn.ci-assets.example/app.js';
const OWN_API = 'https://app.ci.example/api/me';

interface Setup {
  readonly settings?: Partial<UserSettings>;
  readonly policy?: Partial<ManagedPolicy>;
  readonly paused?: boolean;
}

function outcome(url: string, setup: Setup = {}, from = 'app.ci.example', tabId = TAB): Outcome {
  const settings = { ...DEFAULT_SETTINGS, ...setup.settings };
  const policy = { ...NO_POLICY, ...setup.policy };
  const state = computeRuleState({ catalog, settings, policy, pausedTabs: setup.paused ? [TAB] : [] });
  const rules: DnrRule[] = [...staticRules, ...state.dynamicRules, ...state.sessionRules];
  const result = outcomeOf(rules, { url, initiatorHost: from, type: 'xmlhttprequest', tabId });
  // The audit's explanation agrees with the rules, decision by decision.
  const explained = explainRequest(
    { url, type: 'xmlhttprequest', documentUrl: `https://${from}/page`, tabId },
    { catalog, settings, policy, pausedTabs: setup.paused ? [TAB] : [] },
  );
  const verdict = explained.verdict === 'blocked' ? 'block' : explained.verdict === 'untouched' ? 'none' : 'allow';
  expect([url, setup, verdict === 'none' ? result === 'none' : verdict === result]).toEqual([url, setup, true]);
  return result;
}

describe('the own-domain-host band', () => {
  it('sits between first party and strict mode and keeps the order of the bands below first party', () => {
    const lifted = Object.entries(OWN_DOMAIN_HOST_PRIORITY) as [keyof typeof OWN_DOMAIN_HOST_PRIORITY, number][];
    for (const [name, priority] of lifted) {
      expect(priority).toBeGreaterThan(PRIORITY.firstParty);
      expect(priority).toBeLessThan(PRIORITY.strictModeCsp);
      expect(ownDomainHostPriority(PRIORITY[name])).toBe(priority);
    }
    const byBase = [...lifted].sort(([a], [b]) => PRIORITY[a] - PRIORITY[b]).map(([, p]) => p);
    expect(byBase).toEqual([...byBase].sort((a, b) => a - b));
    expect(ownDomainHostPriority(PRIORITY.firstParty)).toBeUndefined();
    expect(ownDomainHostPriority(PRIORITY.strictModeCsp)).toBeUndefined();
  });

  it('finds the vendor hosts inside a dashboard own domains, and the part of a rule about them', () => {
    const hosts = ownDomainHosts(
      catalog.dashboards,
      catalog.vendors.flatMap((v) => v.domains),
    );
    expect(hosts).toEqual(['collector.app.ci.example', 'events.ci-assets.example']);
    const rule = (requestDomains?: string[]): DnrRule => ({
      id: 1,
      priority: PRIORITY.userVendor,
      action: { type: 'block' },
      condition: requestDomains ? { requestDomains } : {},
    });
    expect(ownDomainHostsOf(rule(['tracker.example']), hosts)).toEqual([]);
    expect(ownDomainHostsOf(rule(['ci-assets.example']), hosts)).toEqual(['events.ci-assets.example']);
    expect(ownDomainHostsOf(rule(['x.events.ci-assets.example']), hosts)).toEqual(['x.events.ci-assets.example']);
    expect(ownDomainHostsOf(rule(), hosts)).toEqual(hosts);
    // Strict-mode and first-party rules are never twinned.
    let id = 100;
    expect(
      ownDomainHostTwins([{ ...rule(['events.ci-assets.example']), priority: PRIORITY.firstParty }], hosts, () => id++),
    ).toEqual([]);
    expect(ownDomainHostTwins([rule(['events.ci-assets.example'])], hosts, () => id++)).toEqual([
      {
        id: 100,
        priority: OWN_DOMAIN_HOST_PRIORITY.userVendor,
        action: { type: 'block' },
        condition: { requestDomains: ['events.ci-assets.example'] },
      },
    ]);
  });
});

describe('first-party telemetry', () => {
  it('blocks the proxied SDK host above the own-domain allow, and leaves the rest of the own domain alone', () => {
    expect(outcome(PROXIED)).toBe('block');
    expect(outcome(OWN_ASSET)).toBe('allow');
    expect(outcome(OWN_API)).toBe('allow');
    expect(outcome(COLLECTOR)).toBe('allow');
    // Control: the same rules on another dashboard and on a site that is no dashboard.
    expect(outcome(PROXIED, {}, 'forge.example')).toBe('block');
    expect(outcome(PROXIED, {}, 'unrelated.example')).toBe('none');
  });

  it("is the person's choice: a vendor, a category or one dashboard", () => {
    expect(outcome(PROXIED, { settings: { vendorRules: { 'proxied-sdk': 'allow' } } })).toBe('allow');
    expect(outcome(COLLECTOR, { settings: { vendorRules: { 'own-collector': 'block' } } })).toBe('block');
    const category = { settings: { categoryRules: { 'first-party-telemetry': 'block' as const } } };
    expect(outcome(COLLECTOR, category)).toBe('block');
    expect(outcome(PROXIED, category)).toBe('block');
    expect(outcome(OWN_ASSET, category)).toBe('allow');
    expect(outcome(OWN_API, category)).toBe('allow');
    const onCi = {
      settings: { dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'own-collector', action: 'block' as const }] },
    };
    expect(outcome(COLLECTOR, onCi)).toBe('block');
    expect(outcome(COLLECTOR, onCi, 'forge.example')).toBe('allow');
  });

  it('follows pause and report-only like every other vendor, and a policy over the person', () => {
    expect(outcome(PROXIED, { paused: true })).toBe('allow');
    expect(outcome(PROXIED, { paused: true }, 'app.ci.example', TAB + 1)).toBe('block');
    expect(outcome(PROXIED, { settings: { reportOnly: true } })).toBe('allow');
    expect(
      outcome(COLLECTOR, {
        policy: { blockedVendors: ['own-collector'] },
        settings: { reportOnly: true },
        paused: true,
      }),
    ).toBe('block');
    expect(
      outcome(COLLECTOR, {
        policy: { blockedCategories: ['first-party-telemetry'] },
        settings: { vendorRules: { 'own-collector': 'allow' } },
      }),
    ).toBe('block');
    expect(
      outcome(PROXIED, { policy: { lockUserRules: true }, settings: { vendorRules: { 'proxied-sdk': 'allow' } } }),
    ).toBe('block');
    expect(outcome(PROXIED, { policy: { allowedVendors: [{ vendorId: 'proxied-sdk', dashboards: ['ci'] }] } })).toBe(
      'allow',
    );
  });
});

describe("a policy block on a host inside a dashboard's own domains", () => {
  const parsed = parseManagedPolicy(
    {
      extraVendors: [
        { id: 'corp-beacon', name: 'Corp beacon', domains: ['beacon.ci-assets.example'] },
        { id: 'whole-cdn', domains: ['ci-assets.example'] },
        { id: 'the-app', domains: ['ci.example'] },
      ],
      blockedVendors: ['corp-beacon'],
    },
    catalog,
  );

  it('is applied above the own-domain allow for that exact host', () => {
    expect(parsed.policy.extraVendors.map((v) => v.id)).toEqual(['corp-beacon']);
    expect(outcome('https://beacon.ci-assets.example/b', { policy: parsed.policy })).toBe('block');
    expect(outcome('https://deep.beacon.ci-assets.example/b', { policy: parsed.policy })).toBe('block');
    // The rest of the own domain, and the app itself, still load.
    expect(outcome(OWN_ASSET, { policy: parsed.policy })).toBe('allow');
    expect(outcome(OWN_API, { policy: parsed.policy })).toBe('allow');
    // Without the policy the host is first party.
    expect(outcome('https://beacon.ci-assets.example/b')).toBe('allow');
  });

  it('is refused by name when it would block the dashboard itself', () => {
    expect(parsed.warnings).toEqual([
      "extraVendors[1].domains[0]: ci-assets.example would block CI itself (ci-assets.example is CI's own domain): name the exact host inside it that you want blocked; ignored.",
      'extraVendors[1]: vendor "whole-cdn" has no valid domain; ignored.',
      "extraVendors[2].domains[0]: ci.example would block CI itself (app.ci.example is CI's own domain): name the exact host inside it that you want blocked; ignored.",
      'extraVendors[2]: vendor "the-app" has no valid domain; ignored.',
    ]);
  });
});
