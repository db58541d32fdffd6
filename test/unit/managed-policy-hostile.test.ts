/**
 * Generated managed policies, well-formed and not, checked against no policy at all (managed-policy-never-looser
 * compares a malformed policy with its clean twin; this compares any policy with none). Each seed builds a policy
 * item by item from good and bad items, knowing which is which: wrong types, unknown vendors, categories and
 * dashboards, ids and domains Dashguard already knows, a user's custom vendor id, public suffixes, IDN, over-long
 * strings, deep nesting, huge lists, `__proto__` / `constructor` keys, misspelt keys, strings for booleans.
 *
 *   - parseManagedPolicy never throws, and names every item it ignored (each bad item's path starts a warning) and
 *     none it applied;
 *   - with random user settings, every request blocked with no policy (each vendor domain from each dashboard page,
 *     evaluated with the DNR model) stays blocked under the policy, unless the policy validly allows that vendor on
 *     that dashboard in allowedVendors, or validly turns report-only on.
 */
import type { DnrRule } from '../../src/rules/dnr-rule';
import { NO_POLICY, type ManagedPolicy } from '../../src/policy/managed-policy';
import { parseManagedPolicy } from '../../src/policy/parse-managed-policy';
import { computeRuleState } from '../../src/rules/rule-state';
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/settings/user-settings';
import { createRuleMatcher, type DnrRequest, type Outcome, type RuleMatcher } from '../../src/rules/dnr-matcher';
import { hostileCatalog } from './hostile-catalog';
import { Gen, setOwn } from './seeded-random';

const RUNS = 500;
const FIRST_SEED = 40_000;
const { catalog, staticRules } = hostileCatalog();
const CATALOG_IDS = catalog.vendors.map((v) => v.id);
const CATEGORIES = ['analytics', 'advertising', 'realtime', 'session-replay', 'feature-flags'];

type Json = Record<string, unknown>;
type Path = readonly (string | number)[];
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `allowedVendors[0].dashboards[1]`, as an administrator reads a path (and as the warnings start). */
function pathText(path: Path): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    const key = /^[A-Za-z_$][\w$]*$/.test(part) ? part : JSON.stringify(part);
    return text === '' ? key : `${text}.${key}`;
  }, '');
}

/** An array nested `depth` deep (built directly: JSON.stringify cannot write one this deep). */
function nested(depth: number): unknown {
  const root: unknown[] = [];
  let current = root;
  for (let i = 1; i < depth; i += 1) {
    const next: unknown[] = [];
    current.push(next);
    current = next;
  }
  return root;
}
// Built once: parsing never changes its input.
const SHALLOW = nested(50);
const DEEP = nested(20_000);
const deep = (depth: number): unknown => (depth > 50 ? DEEP : SHALLOW);
const LONG = 'x'.repeat(100_000);

function safeJson(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? 'undefined').slice(0, 3000);
  } catch {
    return '(too deep to show)';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Policies, built from items known to be good or bad.

interface Item {
  readonly value: unknown;
  readonly good: boolean;
  /** Paths inside a good item that must be named (a bad domain, a bad dashboard, an unknown key). */
  readonly badChildren?: readonly Path[];
}

interface GeneratedPolicy {
  readonly raw: unknown;
  /** Paths whose item or key must be named in a warning. */
  readonly bad: Path[];
  /** Paths of items applied as they are: no warning may be about them (warnings about their children may). */
  readonly good: Path[];
  /** Extra vendor ids and dashboard hosts the policy validly adds. */
  readonly extraVendorIds: string[];
  readonly extraDashboardHosts: string[];
}

const junk = (g: Gen): unknown =>
  g.pick<unknown>([
    5,
    -1,
    2.5,
    true,
    null,
    {},
    [],
    '',
    ' ',
    'yes',
    'TRACKER',
    { id: 5 },
    deep(g.pick([50, 20_000])),
    g.pick(['x'.repeat(300), LONG]),
    ['tracker'],
  ]);

function generatePolicy(g: Gen): GeneratedPolicy {
  const bad: Path[] = [];
  const good: Path[] = [];
  const raw: Json = {};
  /** Puts `items` in `key` in random order, `tail` after them (duplicates, which must come second). */
  const list = (key: string, items: Item[], tail: Item[] = []): void => {
    if (items.length === 0 && tail.length === 0) return;
    const placed = [...g.shuffle(items), ...tail];
    raw[key] = placed.map((item) => item.value);
    placed.forEach((item, index) => {
      if (item.good) good.push([key, index]);
      else bad.push([key, index]);
      for (const child of item.badChildren ?? []) bad.push([key, index, ...child]);
    });
  };

  // Extra vendors: good ones (a prototype name as id, IDN), and ones that must be ignored.
  const goodVendors: Item[] = [];
  const extraVendorIds: string[] = [];
  for (const vendor of g.some(
    [
      { id: 'org-a', name: 'Org A', domains: ['a.org.example'] },
      { id: 'org-b', domains: ['b.org.example', 'cdn.b.org.example'] },
      { id: 'constructor', name: 'Prototype name', domains: ['proto.org.example'] },
      { id: 'org-idn', name: 'Zähler', domains: ['zähler.org.example'] },
    ],
    0.4,
  )) {
    const badDomain = g.chance(0.3)
      ? g.pick<unknown>([
          'com',
          'co.uk',
          'https://x.org.example/',
          '*.org.example',
          7,
          null,
          'sub.tracker.example',
          'adco.example',
          deep(20_000),
        ])
      : undefined;
    const extraKey = g.chance(0.15) ? g.pick(['colour', '__proto__', 'url']) : undefined;
    const value: Json = {
      ...vendor,
      domains: badDomain === undefined ? vendor.domains : [...vendor.domains, badDomain],
    };
    if (extraKey !== undefined) setOwn(value, extraKey, { polluted: true });
    const badChildren: Path[] = [];
    if (badDomain !== undefined) badChildren.push(['domains', vendor.domains.length]);
    if (extraKey !== undefined) badChildren.push([extraKey]);
    goodVendors.push({ value, good: true, badChildren });
    extraVendorIds.push(vendor.id);
  }
  const badVendors: Item[] = g.some<Item>(
    [
      { value: { id: 'Bad Id', domains: ['bad.org.example'] }, good: false },
      { value: { id: 'tracker', domains: ['shadow.org.example'] }, good: false },
      { value: { id: 'org-nodomains' }, good: false },
      { value: { id: 'org-empty', domains: [] }, good: false },
      { value: { id: 'org-suffix', domains: ['com', 'github.io'] }, good: false },
      { value: { id: 5, domains: ['five.org.example'] }, good: false },
      { value: { id: '__proto__', domains: ['proto2.org.example'] }, good: false },
      { value: { id: LONG, domains: ['long.org.example'] }, good: false },
      { value: { id: deep(20_000), domains: ['deep.org.example'] }, good: false },
      // Would shadow a person's own custom vendor of the same id, and with it unblock that vendor's domains.
      { value: { id: 'custom-own', domains: ['shadow-own.org.example'] }, good: false },
      // Domains of a catalog vendor, or wider than one: allowing them would allow that vendor without naming it.
      { value: { id: 'org-same', domains: ['tracker.example'] }, good: false },
      { value: { id: 'org-wide', domains: ['adco.example'] }, good: false },
      { value: junk(g), good: false },
    ],
    0.15,
  );
  const duplicates: Item[] =
    extraVendorIds.length > 0 && g.chance(0.2)
      ? [{ value: { id: extraVendorIds[0], domains: ['dup.org.example'] }, good: false }]
      : [];
  if (g.chance(0.05)) {
    raw.extraVendors = g.pick<unknown>([{ id: 'org-a', domains: ['a.org.example'] }, 'org-a', 5]);
    bad.push(['extraVendors']);
    extraVendorIds.length = 0;
  } else {
    list('extraVendors', [...goodVendors, ...badVendors], duplicates);
  }

  const extraDashboardHosts: string[] = [];
  const goodDashboards: Item[] = g
    .some(
      [
        { host: 'ci.org.example', name: 'Org CI' },
        { host: 'Jenkins.Org.Example.' },
        { host: 'ci.bücher-org.example', name: 'IDN CI' },
      ],
      0.35,
    )
    .map((d) => {
      extraDashboardHosts.push(new URL(`http://${d.host.replace(/\.$/, '')}/`).hostname);
      return { value: d, good: true };
    });
  const badDashboards: Item[] = g.some<Item>(
    [
      { value: { host: 'co.uk' }, good: false },
      { value: { host: 5 }, good: false },
      { value: { name: 'no host' }, good: false },
      { value: { host: 'app.ci.example' }, good: false },
      { value: { host: 'https://ci.org.example/' }, good: false },
      { value: { host: deep(20_000) }, good: false },
      { value: junk(g), good: false },
    ],
    0.15,
  );
  list('extraDashboards', [...goodDashboards, ...badDashboards]);

  const vendorIds = [...CATALOG_IDS, ...extraVendorIds];
  const unknownVendor = (): unknown =>
    g.pick<unknown>([
      'trackr',
      'Tracker',
      'custom-own',
      'org-same',
      'org-wide',
      '__proto__',
      'hasOwnProperty',
      '',
      5,
      null,
      LONG,
      deep(20_000),
    ]);
  list('blockedVendors', [
    ...[...new Set(g.some(vendorIds, 0.15))].map((id) => ({ value: id, good: true })),
    ...Array.from({ length: g.chance(0.5) ? g.int(1, 3) : 0 }, () => ({ value: unknownVendor(), good: false })),
    // A huge list of junk.
    ...(g.chance(0.04) ? Array.from({ length: 3_000 }, (_, i) => ({ value: `nobody-${i}`, good: false })) : []),
  ]);
  list('blockedCategories', [
    ...g.some(CATEGORIES, 0.15).map((id) => ({ value: id, good: true })),
    ...Array.from({ length: g.chance(0.3) ? g.int(1, 2) : 0 }, () => ({
      value: g.pick<unknown>(['spyware', 'Analytics', '__proto__', 'toString', 'constructor', 5]),
      good: false,
    })),
  ]);

  const refs = ['ci', 'forge', 'app.ci.example', 'FORGE.example.', ...extraDashboardHosts];
  const badRef = (): unknown =>
    g.pick<unknown>([
      'gitlab',
      'CI ',
      5,
      null,
      'https://forge.example',
      '',
      'ci.example',
      'x.org.example',
      '__proto__',
      'constructor',
      deep(20_000),
    ]);
  const allowed: Item[] = [];
  for (const vendor of g.some(vendorIds, 0.2)) {
    const everywhere = g.chance(0.35);
    const dashboards: unknown[] = everywhere ? ['*'] : [...new Set([g.pick(refs), ...g.some(refs, 0.3)])];
    const badChildren: Path[] = [];
    if (g.chance(0.3)) {
      badChildren.push(['dashboards', dashboards.length]);
      dashboards.push(badRef());
    }
    allowed.push({ value: { vendor, dashboards }, good: true, badChildren });
  }
  for (const value of g.some<unknown>(
    [
      { vendor: g.pick(vendorIds) },
      { vendor: g.pick(vendorIds), dashbaords: ['*'] },
      { vendor: g.pick(vendorIds), dashboards: [] },
      { vendor: g.pick(vendorIds), dashboards: 'ci' },
      { vendor: g.pick(vendorIds), dashboards: ['gitlab', 'unknown.example'] },
      { vendor: g.pick(vendorIds), dashboards: [deep(20_000)] },
      { vendor: 'trackr', dashboards: ['*'] },
      { vendor: 'custom-own', dashboards: ['*'] },
      { vendor: 'org-wide', dashboards: ['*'] },
      { vendor: 5, dashboards: ['*'] },
      { dashboards: ['*'] },
      junk(g),
    ],
    0.12,
  )) {
    allowed.push({ value, good: false });
  }
  list('allowedVendors', allowed);
  list('sensitivePages', [
    ...(g.chance(0.3) ? [{ value: '||app.ci.example/org/secrets', good: true }] : []),
    ...(g.chance(0.2)
      ? [
          {
            value: g.pick<unknown>(['https://', 'javascript:alert(1)', 5, '||*.x/y', '||app.ci.example/a b']),
            good: false,
          },
        ]
      : []),
  ]);

  for (const key of ['reportOnly', 'lockUserRules', 'allowTabPause']) {
    const roll = g.float();
    // Report-only loosens everything by design: rarely on, so most seeds test the rest.
    if (roll < 0.25) raw[key] = key === 'reportOnly' ? g.chance(0.2) : g.chance(0.5);
    else if (roll < 0.45) {
      raw[key] = g.pick<unknown>(['yes', 'no', 'true', 'false', 1, 0, null, [], {}, deep(20_000)]);
      bad.push([key]);
    }
  }
  if (g.chance(0.25)) {
    raw.auditRetentionDays = g.pick<unknown>([0, -3, 1e9, 'thirty', 2.5, null]);
    bad.push(['auditRetentionDays']);
  } else if (g.chance(0.2)) raw.auditRetentionDays = g.int(1, 3650);
  if (g.chance(0.25)) {
    const key = g.pick(['colour', '__proto__', 'constructor', 'prototype', 'blockedVendor', 'allowVendors', 'lock']);
    setOwn(raw, key, g.pick<unknown>([true, ['tracker'], { tracker: 'allow' }, deep(20_000)]));
    bad.push([key]);
  }
  // A key of the wrong type: ignored whole.
  if (g.chance(0.08)) {
    // (Not the extra vendors and dashboards: other items name them.)
    const key = g.pick(['blockedVendors', 'blockedCategories', 'allowedVendors', 'sensitivePages']);
    raw[key] = g.pick<unknown>(['tracker', { 0: 'tracker' }, 5, true]);
    for (let i = good.length - 1; i >= 0; i -= 1) if (good[i]?.[0] === key) good.splice(i, 1);
    for (let i = bad.length - 1; i >= 0; i -= 1) if (bad[i]?.[0] === key) bad.splice(i, 1);
    bad.push([key]);
  }
  // Rarely, not an object at all.
  if (g.chance(0.02))
    return {
      raw: g.pick<unknown>([[raw], 'policy', 5, true]),
      bad: [[]],
      good: [],
      extraVendorIds: [],
      extraDashboardHosts: [],
    };
  return { raw, bad, good, extraVendorIds, extraDashboardHosts };
}

// ---------------------------------------------------------------------------------------------------------------
// User settings (valid without a policy) and the requests checked.

function generateSettings(g: Gen): UserSettings {
  const decision = (): 'allow' | 'block' => (g.chance(0.5) ? 'allow' : 'block');
  const customVendors = [
    ...(g.chance(0.6) ? [{ id: 'custom-own', name: 'Own', domains: ['own-vendor.example'] }] : []),
    ...(g.chance(0.3)
      ? [{ id: 'custom-two', name: 'Two', domains: ['two-vendor.example', 'cdn.two-vendor.example'] }]
      : []),
  ];
  const customDashboards = g.chance(0.4) ? [{ host: 'own.corp.example', name: 'Own CI' }] : [];
  const ids = [...CATALOG_IDS, ...customVendors.map((v) => v.id)];
  const refs = ['ci', 'forge', ...customDashboards.map((d) => d.host)];
  const seen = new Set<string>();
  return {
    ...DEFAULT_SETTINGS,
    vendorRules: Object.fromEntries(g.some(ids, 0.2).map((id) => [id, decision()])),
    categoryRules: Object.fromEntries(g.some(CATEGORIES, 0.2).map((id) => [id, decision()])),
    dashboardVendorRules: g.some(ids, 0.2).flatMap((vendorId) => {
      const dashboard = g.pick(refs);
      if (seen.has(`${dashboard}/${vendorId}`)) return [];
      seen.add(`${dashboard}/${vendorId}`);
      return [{ dashboard, vendorId, action: decision() }];
    }),
    customVendors,
    customDashboards,
    reportOnly: g.chance(0.05),
  };
}

interface Probe {
  readonly request: DnrRequest;
  /** The vendor's id for the policy; undefined for a person's own vendor, which no policy can name. */
  readonly policyId: string | undefined;
  /** The refs that name the page's dashboard: its id and hosts. */
  readonly dashboardRefs: readonly string[];
  readonly page: string;
}

function probes(settings: UserSettings): Probe[] {
  const vendors = [
    ...catalog.vendors.map((v) => ({ policyId: v.id, hosts: v.domains })),
    ...settings.customVendors.map((v) => ({ policyId: undefined, hosts: v.domains })),
  ];
  const dashboards = [
    ...catalog.dashboards.map((d) => ({ refs: [d.id, ...d.hosts], pages: d.hosts.flatMap((h) => [h, `deep.${h}`]) })),
    ...settings.customDashboards.map((d) => ({ refs: [d.host], pages: [d.host, `deep.${d.host}`] })),
  ];
  return vendors.flatMap((vendor) =>
    vendor.hosts.flatMap((host) =>
      dashboards.flatMap((dashboard) =>
        dashboard.pages.map((page) => ({
          request: { url: `https://${host}/dg.js`, initiatorHost: page, type: 'script' as const },
          policyId: vendor.policyId,
          dashboardRefs: dashboard.refs,
          page,
        })),
      ),
    ),
  );
}

const matchers = new WeakMap<readonly DnrRule[], RuleMatcher<DnrRule>>();

/** The DNR model's outcome, from the production matcher indexed once per rule set (the same answer, faster). */
function outcome(rules: readonly DnrRule[], request: DnrRequest): Outcome {
  let matcher = matchers.get(rules);
  if (matcher === undefined) matchers.set(rules, (matcher = createRuleMatcher(rules)));
  return matcher.outcome(request);
}

function rulesFor(settings: UserSettings, policy: ManagedPolicy) {
  const state = computeRuleState({ catalog, settings, policy, pausedTabs: [] });
  return [...staticRules, ...state.dynamicRules, ...state.sessionRules];
}

/** A host as the product reads a policy's dashboard reference, or undefined. */
function refHost(ref: string): string | undefined {
  try {
    return new URL(`http://${ref.trim().replace(/\.$/, '')}/`).hostname;
  } catch {
    return undefined;
  }
}

/** Whether the raw policy validly allows the probe's vendor on the probe's dashboard. */
function validlyAllowed(generated: GeneratedPolicy, probe: Probe): boolean {
  const raw = generated.raw;
  if (!isRecord(raw)) return false;
  // Report-only lets everything through by design (the policy's own blocks aside).
  if (raw.reportOnly === true) return true;
  if (probe.policyId === undefined) return false;
  if (!Array.isArray(raw.allowedVendors)) return false;
  const known = CATALOG_IDS.includes(probe.policyId) || generated.extraVendorIds.includes(probe.policyId);
  return (
    known &&
    raw.allowedVendors.some((entry) => {
      if (!isRecord(entry) || entry.vendor !== probe.policyId || !Array.isArray(entry.dashboards)) return false;
      return entry.dashboards.some((ref) => {
        if (ref === '*') return true;
        if (typeof ref !== 'string') return false;
        if (probe.dashboardRefs.includes(ref)) return true;
        const host = refHost(ref);
        // A built-in dashboard's host in any spelling, or an extra dashboard of the policy that covers the page.
        return (
          host !== undefined &&
          (probe.dashboardRefs.includes(host) ||
            (generated.extraDashboardHosts.includes(host) && (probe.page === host || probe.page.endsWith(`.${host}`))))
        );
      });
    })
  );
}

const tally = { loosenedValidly: 0, badItems: 0, runs: 0 };

describe('generated managed policies', () => {
  afterAll(() => {
    expect(tally.runs).toBe(RUNS);
    expect(tally.badItems).toBeGreaterThan(RUNS);
    expect(tally.loosenedValidly).toBeGreaterThan(RUNS * 0.2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(Array.from({ length: RUNS }, (_, i) => FIRST_SEED + i))(
    'seed %i: applied item by item, every ignored item named, nothing unblocked unless allowed',
    (seed) => {
      const g = new Gen(seed);
      const generated = generatePolicy(g);
      const settings = generateSettings(g);
      const context = (): string => `seed ${seed}\npolicy: ${safeJson(generated.raw)}\nsettings: ${safeJson(settings)}`;
      tally.runs += 1;
      tally.badItems += generated.bad.length;

      let parsed: ReturnType<typeof parseManagedPolicy>;
      try {
        parsed = parseManagedPolicy(generated.raw, catalog);
      } catch (error) {
        throw new Error(`${context()}\nparseManagedPolicy threw: ${String(error)}`, { cause: error });
      }
      const { policy, warnings } = parsed;

      // Every ignored item is named; no applied item is warned about (beyond "blockedVendors wins").
      // The path each warning starts with, and every path it lies under.
      const named = new Set<string>();
      for (const warning of warnings) {
        const at = /^(.*?): /.exec(warning)?.[1] ?? '';
        for (let i = 1; i <= at.length; i += 1)
          if (i === at.length || at[i] === '.' || at[i] === '[') named.add(at.slice(0, i));
      }
      const unnamed = generated.bad.filter((path) => !named.has(pathText(path) || 'policy'));
      if (unnamed.length > 0)
        throw new Error(
          `${context()}\nignored without a warning: ${unnamed.map((p) => pathText(p) || 'policy').join(', ')}\nwarnings:\n${warnings.join('\n').slice(0, 3000)}`,
        );
      const wronglyWarned = generated.good.filter((path) =>
        warnings.some((w) => w.startsWith(`${pathText(path)}:`) && !/which wins/.test(w)),
      );
      if (wronglyWarned.length > 0)
        throw new Error(
          `${context()}\nwarned about items it applied: ${wronglyWarned.map(pathText).join(', ')}\nwarnings:\n${warnings.join('\n').slice(0, 3000)}`,
        );
      // A warning stays readable however long the value it is about.
      for (const warning of warnings) expect(warning.length).toBeLessThan(1_000);

      // Malformed booleans take their strict value.
      if (isRecord(generated.raw)) {
        const raw = generated.raw;
        if (raw.reportOnly !== undefined && typeof raw.reportOnly !== 'boolean') expect(policy.reportOnly).toBe(false);
        if (raw.lockUserRules !== undefined && typeof raw.lockUserRules !== 'boolean')
          expect(policy.lockUserRules).toBe(true);
        if (raw.allowTabPause !== undefined && typeof raw.allowTabPause !== 'boolean')
          expect(policy.allowTabPause).toBe(false);
      } else {
        expect(policy).toEqual(NO_POLICY);
      }

      // Nothing blocked without a policy is allowed under it, unless the policy validly says so.
      const without = rulesFor(settings, NO_POLICY);
      const withPolicy = rulesFor(settings, policy);
      const loosened: string[] = [];
      for (const probe of probes(settings)) {
        if (outcome(without, probe.request) !== 'block' || outcome(withPolicy, probe.request) === 'block') continue;
        if (validlyAllowed(generated, probe)) tally.loosenedValidly += 1;
        else
          loosened.push(
            `${new URL(probe.request.url).host} (${probe.policyId ?? 'a custom vendor'}) from ${probe.page}`,
          );
      }
      if (loosened.length > 0)
        throw new Error(
          `${context()}\nthe policy unblocked, without allowing it: ${[...new Set(loosened)].slice(0, 20).join('; ')}\nwarnings:\n${warnings.join('\n').slice(0, 3000)}`,
        );
    },
  );
});

describe('what the generation found, as examples', () => {
  const parse = (raw: unknown) => parseManagedPolicy(raw, catalog);

  it('ignores an extra vendor with a person\'s "custom-" id, which would unblock that person\'s own vendor', () => {
    const { policy, warnings } = parse({ extraVendors: [{ id: 'custom-own', domains: ['x.org.example'] }] });
    expect(policy.extraVendors).toEqual([]);
    expect(warnings).toEqual([
      'extraVendors[0]: "custom-own": ids starting with "custom-" are kept for people\'s own vendors; ignored.',
    ]);
  });

  it("ignores an extra vendor's domain that is a Dashguard vendor's, or wider than one", () => {
    const { policy, warnings } = parse({
      extraVendors: [{ id: 'org-a', domains: ['a.org.example', 'cdn.tracker.example', 'adco.example'] }],
    });
    expect(policy.extraVendors).toEqual([{ id: 'org-a', name: 'org-a', domains: ['a.org.example'] }]);
    expect(warnings).toEqual([
      'extraVendors[0].domains[1]: cdn.tracker.example is part of Tracker, a Dashguard vendor (name "tracker" in blockedVendors or allowedVendors instead); ignored.',
      'extraVendors[0].domains[2]: adco.example would also cover pixel.adco.example, part of Pixel, a Dashguard vendor (list narrower domains, and name "pixel" in blockedVendors or allowedVendors); ignored.',
    ]);
  });

  it('never throws on values nested too deep to print, and quotes long values briefly', () => {
    const { policy, warnings } = parse({
      extraVendors: [{ id: 'org-a', domains: [DEEP, 'a.org.example'] }],
      blockedVendors: [LONG, 'tracker'],
      allowedVendors: [{ vendor: 'live', dashboards: [DEEP, 'ci'] }],
    });
    expect(policy).toMatchObject({
      blockedVendors: ['tracker'],
      allowedVendors: [{ vendorId: 'live', dashboards: ['ci'] }],
      extraVendors: [{ id: 'org-a', domains: ['a.org.example'] }],
    });
    expect(warnings).toEqual([
      'extraVendors[0].domains[0]: [[[[...]]]] is not a domain name (must be a string); ignored.',
      `blockedVendors[0]: unknown vendor "${'x'.repeat(79)}...; ignored.`,
      'allowedVendors[0].dashboards[0]: unknown dashboard [[[[...]]]]; ignored.',
    ]);
  });
});
