/**
 * The real catalog against the real dashboard profiles: nothing a dashboard needs is blocked on it (the build's guard,
 * here in the unit tests too), every tracker the profiles name is blocked by default on its dashboard, and no platform
 * domain is blocked whole.
 */
import { readFileSync } from 'node:fs';
import { getDomain } from 'tldts';
import { categories } from '../../rules/catalog/categories';
import { dashboardProfiles } from '../../rules/catalog/dashboard-profiles';
import { dashboards } from '../../rules/catalog/dashboards';
import { platformDomains } from '../../rules/catalog/platform-domains';
import { curatedVendors } from '../../rules/catalog/vendors';
import { describeConflict, findBreakage, profileProblems, RESOURCE_TYPE } from '../../scripts/catalog/breakage-guard';
import { buildCatalog } from '../../scripts/catalog/build-catalog';
import type { ThirdPartyWebEntity } from '../../scripts/catalog/merge-third-party-web';
import { NO_POLICY } from '../../src/policy/managed-policy';
import { computeRuleState } from '../../src/rules/rule-state';
import { DEFAULT_SETTINGS } from '../../src/settings/user-settings';
import { outcomeOf } from '../../src/rules/dnr-matcher';

const thirdPartyWeb = JSON.parse(
  readFileSync(require.resolve('third-party-web/dist/entities.json'), 'utf8'),
) as ThirdPartyWebEntity[];
const built = buildCatalog({ categories, curatedVendors, dashboards, thirdPartyWeb, platformDomains });
if (!built.ok) throw new Error(built.errors.join('\n'));
const { catalog } = built;
const staticRules = Object.values(built.rules.rulesets).flat();
const defaultRules = [
  ...staticRules,
  ...computeRuleState({ catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] }).dynamicRules,
];

describe('dashboard profiles', () => {
  it('are well formed and name known dashboards', () => {
    expect(profileProblems(catalog, dashboardProfiles)).toEqual([]);
  });

  it('cover every dashboard the evidence list has sources for', () => {
    expect(dashboardProfiles.map((p) => p.dashboardId).sort()).toEqual([
      'azure-devops',
      'bitbucket',
      'bitrise',
      'buildkite',
      'circleci',
      'github',
      'gitlab',
      'harness',
      'netlify',
      'semaphore',
      'travis-ci',
      'vercel',
    ]);
  });

  it('no rule blocks a host a dashboard needs on it (default settings, and every non-essential category blocked)', () => {
    expect(findBreakage({ catalog, staticRules, profiles: dashboardProfiles }).map(describeConflict)).toEqual([]);
  });

  it('every needed host is loaded on its dashboard (allowed or untouched), and every tracker is blocked there by default', () => {
    const wrong: string[] = [];
    for (const profile of dashboardProfiles) {
      const initiatorHost = catalog.dashboards.find((d) => d.id === profile.dashboardId)?.hosts[0];
      for (const need of profile.needs) {
        const outcome = outcomeOf(defaultRules, {
          url: `https://${need.host}/`,
          initiatorHost,
          type: RESOURCE_TYPE[need.loadedAs],
        });
        if (outcome === 'block') wrong.push(`${profile.dashboardId}: needed ${need.host} is blocked`);
      }
      for (const tracker of profile.trackers) {
        const outcome = outcomeOf(defaultRules, {
          url: `https://${tracker.host}/`,
          initiatorHost,
          type: RESOURCE_TYPE[tracker.loadedAs],
        });
        if (outcome !== 'block') wrong.push(`${profile.dashboardId}: tracker ${tracker.host} is ${outcome}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('platform domains', () => {
  // Every registrable domain the merged catalog blocks whole, by default.
  const blockedWhole = [
    ...new Set(
      catalog.vendors
        .filter((v) => v.defaultAction === 'block')
        .flatMap((v) => v.domains)
        .filter((d) => getDomain(d) === d),
    ),
  ].sort();

  it('are never among the registrable domains the catalog blocks whole', () => {
    expect(blockedWhole.length).toBeGreaterThan(1_000);
    const platform = new Set(platformDomains.map((p) => p.domain));
    expect(blockedWhole.filter((d) => platform.has(d))).toEqual([]);
  });

  it('include the ones that broke dashboards', () => {
    for (const domain of [
      'microsoft.com',
      'apple.com',
      'yahoo.com',
      'google.com',
      'linkedin.com',
      'licdn.com',
      'amazonaws.com',
      'okta.com',
      'gravatar.com',
    ]) {
      expect(platformDomains.map((p) => p.domain)).toContain(domain);
    }
  });

  it('keep only the tracking hosts under them', () => {
    const owner = (host: string) =>
      catalog.vendors.find((v) => v.domains.some((d) => host === d || host.endsWith(`.${d}`)));
    expect(owner('graph.microsoft.com')).toBeUndefined();
    expect(owner('bat.bing.com')?.id).toBe('bing-uet');
    expect(owner('static.licdn.com')).toBeUndefined();
    expect(owner('snap.licdn.com')?.id).toBe('linkedin-insight');
    expect(owner('www.linkedin.com')).toBeUndefined();
    expect(owner('appleid.apple.com')).toBeUndefined();
    expect(owner('login.yahoo.com')).toBeUndefined();
    expect(owner('acme.okta.com')?.defaultAction).toBe('allow');
  });
});
