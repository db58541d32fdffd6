/**
 * Generated policies, checked by outcome: hundreds of random policies are built twice, clean and with malformed
 * items mixed in (wrong types, unknown vendors, categories and dashboards, bad domains, misspelt keys, strings for
 * booleans). Both go through parseManagedPolicy and computeRuleState with random user settings, and every request
 * (each vendor domain from each dashboard and a few other sites) is evaluated with the DNR model. The malformed
 * policy must block everything the clean one blocks: a mistake in a policy never unblocks anything.
 * A second property: with the lock on, no user settings make anything looser than the defaults under that policy.
 */
import { outcomeOf, type Outcome, type DnrRequest } from '../rules/dnr-matcher';
import { Gen } from '../../test/unit/seeded-random';
import { testCatalog } from '../../test/unit/test-catalog';
import type { DnrRule } from '../rules/dnr-rule';
import type { ManagedPolicy } from './managed-policy';
import { parseManagedPolicy } from './parse-managed-policy';
import { computeRuleState } from '../rules/rule-state';
import { DEFAULT_SETTINGS, type UserSettings, type VendorDecision } from '../settings/user-settings';

const { catalog, staticRules } = testCatalog();
const RUNS = 400;
const PAUSED_TAB = 7;

const CATALOG_VENDORS = ['tracker', 'replay', 'live', 'tpw-big-ads'];
const EXTRA_VENDORS = [
  { id: 'acme', name: 'Acme', domains: ['acme.example'] },
  { id: 'beacon-co', name: 'Beacon', domains: ['beacon.example', 'cdn.beacon.example'] },
];
const EXTRA_DASHBOARDS = [
  { host: 'ci.corp.example', name: 'Corp CI' },
  { host: 'jenkins.corp.example', name: 'Jenkins' },
];
const CATEGORIES = ['analytics', 'session-replay', 'realtime', 'advertising'];
const DASHBOARD_REFS = ['ci', 'forge', 'app.ci.example'];

const JUNK: readonly unknown[] = [
  5,
  -1,
  2.5,
  true,
  null,
  {},
  [],
  'yes',
  '',
  ' ',
  'TRACKER',
  'trackr',
  'https://x.example/',
  '*.bigads.example',
  { id: 5 },
];
const BAD_DOMAINS: readonly unknown[] = [
  'not a domain',
  'https://acme.example/',
  'com',
  '127.0.0.1',
  '*.acme.example',
  7,
  null,
];
const BAD_REFS: readonly unknown[] = ['forj', 'CI ', 'unknown.example', 3, null, '', 'https://forge.example'];
const BAD_BOOLEANS: readonly unknown[] = ['yes', 'no', 'true', 'false', 1, 0, null, [], {}];

interface Pair {
  clean: Record<string, unknown>;
  dirty: Record<string, unknown>;
}

/** A valid policy, and the same policy with malformed items mixed in. */
function generatePolicyPair(g: Gen): Pair {
  const clean: Record<string, unknown> = {};
  const dirty: Record<string, unknown> = {};
  const junk = (): unknown => g.pick(JUNK);
  /** Adds the clean items to both, and malformed ones to `dirty` only, at random places. */
  const list = (key: string, good: unknown[], bad: () => unknown): void => {
    const malformed = g.chance(0.6) ? Array.from({ length: g.int(1, 3) }, bad) : [];
    if (good.length === 0 && malformed.length === 0 && g.chance(0.7)) return;
    clean[key] = good;
    dirty[key] = g.shuffle([...good, ...malformed]);
  };

  const extraVendors = g.some(EXTRA_VENDORS, 0.5);
  list('extraVendors', extraVendors, () =>
    g.pick<unknown>([
      { id: 'Bad Id', domains: ['bad-id.example'] },
      { id: 'tracker', domains: ['shadow.example'] },
      { id: 'nodomain', domains: [g.pick(BAD_DOMAINS)] },
      { id: 'nodomains' },
      junk(),
    ]),
  );
  // A malformed domain inside an otherwise good vendor: the clean twin simply lacks it.
  if (Array.isArray(dirty.extraVendors) && g.chance(0.3)) {
    dirty.extraVendors = dirty.extraVendors.map((vendor: unknown) =>
      typeof vendor === 'object' &&
      vendor !== null &&
      'domains' in vendor &&
      Array.isArray(vendor.domains) &&
      extraVendors.includes(vendor as (typeof EXTRA_VENDORS)[number])
        ? { ...vendor, domains: [...(vendor.domains as unknown[]), g.pick(BAD_DOMAINS)] }
        : vendor,
    );
  }

  const extraDashboards = g.some(EXTRA_DASHBOARDS, 0.5);
  list('extraDashboards', extraDashboards, () =>
    g.pick<unknown>([{ host: g.pick(BAD_DOMAINS) }, { name: 'no host' }, { host: 'forge.example' }, junk()]),
  );

  const knownVendors = [...CATALOG_VENDORS, ...extraVendors.map((v) => v.id)];
  list('blockedVendors', g.some(knownVendors, 0.3), () =>
    g.pick<unknown>(
      ['trackr', 'Tracker', 'acme', 'beacon-co', junk()].filter((v) => !knownVendors.includes(v as string)),
    ),
  );
  list('blockedCategories', g.some(CATEGORIES, 0.25), () => g.pick<unknown>(['spyware', 'Analytics', junk()]));

  const refs = [...DASHBOARD_REFS, ...extraDashboards.map((d) => d.host)];
  const goodAllowed = g
    .some(knownVendors, 0.35)
    .map((vendor) => ({ vendor, dashboards: g.chance(0.4) ? ['*'] : g.some(refs, 0.5).concat(g.pick(refs)) }));
  list('allowedVendors', goodAllowed, () =>
    g.pick<unknown>([
      { vendor: g.pick(knownVendors) },
      { vendor: g.pick(knownVendors), dashbaords: ['*'] },
      { vendor: g.pick(knownVendors), dashboards: [] },
      { vendor: g.pick(knownVendors), dashboards: [g.pick(BAD_REFS), g.pick(BAD_REFS)] },
      { vendor: g.pick(knownVendors), dashboards: g.pick(BAD_REFS) },
      { vendor: 'trackr', dashboards: ['*'] },
      { vendor: 5, dashboards: ['*'] },
      { dashboards: ['*'] },
      junk(),
    ]),
  );
  // A bad dashboard reference inside a good entry only narrows it: the clean twin has the good refs alone.
  if (Array.isArray(dirty.allowedVendors) && g.chance(0.3)) {
    dirty.allowedVendors = dirty.allowedVendors.map((entry: unknown) =>
      goodAllowed.includes(entry as (typeof goodAllowed)[number]) &&
      (entry as { dashboards: string[] }).dashboards[0] !== '*'
        ? { ...(entry as object), dashboards: [...(entry as { dashboards: string[] }).dashboards, g.pick(BAD_REFS)] }
        : entry,
    );
  }

  for (const key of ['reportOnly', 'lockUserRules', 'allowTabPause']) {
    const roll = g.float();
    if (roll < 0.3) {
      const value = g.chance(0.5);
      clean[key] = value;
      dirty[key] = value;
    } else if (roll < 0.55) {
      // Malformed: the clean twin leaves the key out.
      dirty[key] = g.pick(BAD_BOOLEANS);
    }
  }
  if (g.chance(0.3))
    dirty[g.pick(['colour', 'blockedVendor', 'allowVendors', 'lock'])] = g.pick<unknown>([true, ['tracker'], 'x']);
  if (g.chance(0.2)) dirty.auditRetentionDays = g.pick<unknown>([0, -3, 1e9, 'thirty', 2.5]);
  return { clean, dirty };
}

function generateSettings(g: Gen): UserSettings {
  const decision = (): VendorDecision => (g.chance(0.6) ? 'allow' : 'block');
  const vendorIds = [...CATALOG_VENDORS, 'acme', 'beacon-co', 'own-vendor'];
  return {
    ...DEFAULT_SETTINGS,
    vendorRules: Object.fromEntries(g.some(vendorIds, 0.3).map((id) => [id, decision()])),
    categoryRules: Object.fromEntries(g.some(CATEGORIES, 0.25).map((id) => [id, decision()])),
    dashboardVendorRules: g.some(vendorIds, 0.2).map((vendorId) => ({
      vendorId,
      dashboard: g.pick([...DASHBOARD_REFS, 'ci.corp.example', 'own.corp.example']),
      action: decision(),
    })),
    customVendors: g.chance(0.3) ? [{ id: 'own-vendor', name: 'Own', domains: ['own-vendor.example'] }] : [],
    customDashboards: g.chance(0.3) ? [{ host: 'own.corp.example', name: 'Own CI' }] : [],
    reportOnly: g.chance(0.2),
  };
}

const VENDOR_HOSTS = [
  'tracker.example',
  'replay-cdn.example',
  'live.example',
  'x.bigads.example',
  'acme.example',
  'cdn.beacon.example',
  'own-vendor.example',
  'shadow.example',
];
const PAGE_HOSTS = [
  'app.ci.example',
  'forge.example',
  'ci.corp.example',
  'jenkins.corp.example',
  'own.corp.example',
  'unrelated.example',
];
const REQUESTS: DnrRequest[] = PAGE_HOSTS.flatMap((initiatorHost) =>
  VENDOR_HOSTS.flatMap((host) =>
    [undefined, PAUSED_TAB].map((tabId) => ({
      url: `https://${host}/x.js`,
      initiatorHost,
      type: 'script' as const,
      tabId,
    })),
  ),
);

function outcomes(settings: UserSettings, policy: ManagedPolicy): Outcome[] {
  const state = computeRuleState({ catalog, settings, policy, pausedTabs: [PAUSED_TAB] });
  const rules: DnrRule[] = [...staticRules, ...state.dynamicRules, ...state.sessionRules];
  return REQUESTS.map((request) => outcomeOf(rules, request));
}

/** The requests `looser` lets through that `stricter` blocks. */
function loosened(stricter: readonly Outcome[], looser: readonly Outcome[]): string[] {
  return REQUESTS.flatMap((request, i) =>
    stricter[i] === 'block' && looser[i] !== 'block'
      ? [`${new URL(request.url).host} from ${request.initiatorHost}${request.tabId ? ' (paused tab)' : ''}`]
      : [],
  );
}

describe('a malformed policy never unblocks anything', () => {
  const seeds = Array.from({ length: RUNS }, (_, i) => 1000 + i);

  it.each(seeds)('seed %i', (seed) => {
    const g = new Gen(seed);
    const { clean, dirty } = generatePolicyPair(g);
    const settings = generateSettings(g);
    const fromClean = parseManagedPolicy(clean, catalog);
    const fromDirty = parseManagedPolicy(dirty, catalog);
    expect(fromClean.warnings.filter((w) => !/which wins/.test(w))).toEqual([]);
    const diff = loosened(outcomes(settings, fromClean.policy), outcomes(settings, fromDirty.policy));
    if (diff.length > 0) {
      throw new Error(
        `seed ${seed}: the malformed policy unblocked ${diff.join(', ')}\nclean: ${JSON.stringify(clean)}\ndirty: ${JSON.stringify(dirty)}\nwarnings: ${fromDirty.warnings.join(' | ')}`,
      );
    }
    // Whatever was dropped was named.
    if (JSON.stringify(clean) !== JSON.stringify(dirty)) expect(fromDirty.warnings.length).toBeGreaterThan(0);
  });
});

describe('with the lock on, user settings never loosen anything', () => {
  it.each(Array.from({ length: 150 }, (_, i) => 5000 + i))('seed %i', (seed) => {
    const g = new Gen(seed);
    const { clean } = generatePolicyPair(g);
    const { policy } = parseManagedPolicy({ ...clean, lockUserRules: true, allowTabPause: false }, catalog);
    const diff = loosened(outcomes(DEFAULT_SETTINGS, policy), outcomes(generateSettings(g), policy));
    expect(diff).toEqual([]);
  });
});
