import { readFileSync } from 'node:fs';
import path from 'node:path';
import { testCatalog } from '../../test/unit/test-catalog';
import { createRuleMatcher, outcomeOf, winnerOf, type RuleMatcher } from './dnr-matcher';
import { vendorCatalog } from '../catalog-data';
import { TRACKER_RESOURCE_TYPES, type DnrRule } from './dnr-rule';
import { PRIORITY, RULESET, type RulesetId } from './rule-registry';
import { dashboardScope } from '../catalog/runtime-catalog';
import {
  generateStaticRules,
  vendorOfMatch,
  type StaticRuleSubject,
  type StaticRulesets,
} from './generate-static-rules';
import { checkStaticLimits } from '../../scripts/catalog/static-limits';

const GENERATED = path.resolve(__dirname, '../../rules/generated');
/** The ruleset files the build writes (scripts/build-rules.ts). */
const RULESET_FILES: Readonly<Record<RulesetId, string>> = {
  [RULESET.allowlist]: 'dashboard-allowlist.json',
  [RULESET.blocklist]: 'dashboard-blocklist.json',
  [RULESET.strictMode]: 'strict-mode.json',
  [RULESET.tabCover]: 'tab-cover.json',
};

describe('generateStaticRules', () => {
  const { catalog } = testCatalog();
  const { rulesets, index } = generateStaticRules(catalog.vendors, catalog.dashboards);
  const all = [...rulesets[RULESET.allowlist], ...rulesets[RULESET.blocklist]];
  const vendorsById = new Map(catalog.vendors.map((v) => [v.id, v]));

  it('writes one rule per group of vendors sharing scope, priority and action, and one first-party rule per dashboard', () => {
    expect(rulesets[RULESET.blocklist]).toHaveLength(1);
    expect(rulesets[RULESET.blocklist][0]!.condition.requestDomains).toEqual(
      [...catalog.vendors.filter((v) => v.defaultAction === 'block').flatMap((v) => v.domains)].sort(),
    );
    expect(rulesets[RULESET.allowlist]).toHaveLength(catalog.dashboards.length + 1);
  });

  it('writes one rule per vendor in the per-vendor layout', () => {
    const perVendor = generateStaticRules(catalog.vendors, catalog.dashboards, { layout: 'per-vendor' }).rulesets;
    expect(perVendor[RULESET.blocklist]).toHaveLength(
      catalog.vendors.filter((v) => v.defaultAction === 'block').length,
    );
    expect(perVendor[RULESET.allowlist]).toHaveLength(
      catalog.dashboards.length + catalog.vendors.filter((v) => v.defaultAction === 'allow').length,
    );
    expect(perVendor[RULESET.strictMode]).toEqual(rulesets[RULESET.strictMode]);
  });

  it('indexes every rule back to its vendors or dashboard, and names the vendor a request went to', () => {
    expect(Object.keys(index)).toHaveLength(
      all.length + rulesets[RULESET.strictMode].length + rulesets[RULESET.tabCover].length,
    );
    const blockRule = rulesets[RULESET.blocklist][0]!;
    const subject = index[`${RULESET.blocklist}/${blockRule.id}`]!;
    expect(subject).toEqual({
      kind: 'vendors',
      vendorIds: expect.arrayContaining(['replay', 'tracker', 'tpw-big-ads']),
    });
    expect(vendorOfMatch(subject, 'cdn.replay-cdn.example', vendorsById)).toBe('replay');
    expect(vendorOfMatch(subject, 'cdn.tracker.example', vendorsById)).toBe('tracker');
    expect(vendorOfMatch(subject, 'unrelated.example', vendorsById)).toBeUndefined();
    expect(vendorOfMatch({ kind: 'first-party', dashboardId: 'ci' }, 'app.ci.example', vendorsById)).toBeUndefined();
  });

  it('names the vendor with the most specific domain when the vendors of one rule overlap', () => {
    const overlapping = [
      { ...catalog.vendors[0]!, id: 'broad', domains: ['bigsoft.example'] },
      { ...catalog.vendors[0]!, id: 'narrow', domains: ['bat.bigsoft.example'] },
    ];
    const byId = new Map(overlapping.map((v) => [v.id, v]));
    expect(vendorOfMatch({ kind: 'vendors', vendorIds: ['broad', 'narrow'] }, 'x.bat.bigsoft.example', byId)).toBe(
      'narrow',
    );
    expect(vendorOfMatch({ kind: 'vendors', vendorIds: ['narrow', 'broad'] }, 'www.bigsoft.example', byId)).toBe(
      'broad',
    );
  });

  it('matches every resource type but main_frame (no resourceTypes list, so Firefox beacons are covered too)', () => {
    for (const rule of all) expect(rule.condition).not.toHaveProperty('resourceTypes');
    const tracker = (type: Parameters<typeof outcomeOf>[1]['type']): string =>
      outcomeOf(all, { url: 'https://cdn.tracker.example/t', initiatorHost: 'app.ci.example', type });
    for (const type of [...TRACKER_RESOURCE_TYPES, 'beacon', 'object', 'csp_report'] as const)
      expect(tracker(type)).toBe('block');
    expect(tracker('main_frame')).not.toBe('block');
  });

  it('blocks on dashboards only, and keeps essential vendors and own domains', () => {
    const on = (url: string, initiatorHost: string): string => outcomeOf(all, { url, initiatorHost, type: 'script' });
    expect(on('https://cdn.tracker.example/t.js', 'app.ci.example')).toBe('block');
    expect(on('https://cdn.tracker.example/t.js', 'sub.app.ci.example')).toBe('block');
    expect(on('https://cdn.tracker.example/t.js', 'forge.example')).toBe('block');
    expect(on('https://x.bigads.example/t.js', 'forge.example')).toBe('block');
    expect(on('https://cdn.tracker.example/t.js', 'www.app.ci.example')).toBe('none');
    expect(on('https://cdn.tracker.example/t.js', 'docs.app.ci.example')).toBe('none');
    expect(on('https://cdn.tracker.example/t.js', 'ci.example')).toBe('none');
    expect(on('https://live.example/ws', 'app.ci.example')).toBe('allow');
    expect(on('https://ci-assets.example/app.js', 'app.ci.example')).toBe('allow');
  });
});

describe('generateStaticRules: Chromium tab cover', () => {
  const { catalog } = testCatalog();
  const { rulesets, index } = generateStaticRules(catalog.vendors, catalog.dashboards);
  const own = [...rulesets[RULESET.allowlist], ...rulesets[RULESET.blocklist]];
  const twins = rulesets[RULESET.tabCover];

  it('twins every rule scoped by initiator, with its priority, action, request domains and subject', () => {
    expect(twins).toHaveLength(own.length);
    const ownRulesets = [RULESET.allowlist, RULESET.blocklist] as const;
    const originals = ownRulesets.flatMap((rulesetId) => rulesets[rulesetId].map((rule) => ({ rulesetId, rule })));
    twins.forEach((twin, i) => {
      const { rulesetId, rule } = originals[i]!;
      expect(twin).toMatchObject({ priority: rule.priority, action: rule.action });
      expect(twin.condition.requestDomains).toEqual(rule.condition.requestDomains);
      expect(twin.condition.topDomains).toEqual(rule.condition.initiatorDomains);
      expect(twin.condition.initiatorDomains).toBeUndefined();
      expect(index[`${RULESET.tabCover}/${twin.id}`]).toEqual(index[`${rulesetId}/${rule.id}`]);
    });
    expect(new Set(twins.map((t) => t.id)).size).toBe(twins.length);
    expect(rulesets[RULESET.strictMode].every((rule) => rule.condition.initiatorDomains === undefined)).toBe(true);
  });

  it("gives every frame of a dashboard tab the dashboard's verdict, and leaves other tabs alone", () => {
    const rules = Object.values(rulesets).flat();
    const inTab = (url: string, initiatorHost: string | undefined, topHost: string): string =>
      outcomeOf(rules, { url, initiatorHost, topHost, type: 'script' });
    for (const initiator of [undefined, 'widget.example', 'www.app.ci.example']) {
      expect(inTab('https://cdn.tracker.example/t.js', initiator, 'app.ci.example')).toBe('block');
      // A frame of the dashboard's marketing site gets the blocks, not the allows: allowed either way.
      const allowed = initiator === 'www.app.ci.example' ? 'none' : 'allow';
      expect(inTab('https://live.example/ws', initiator, 'app.ci.example')).toBe(allowed);
      expect(inTab('https://ci-assets.example/app.js', initiator, 'app.ci.example')).toBe(allowed);
      expect(inTab('https://cdn.tracker.example/t.js', initiator, 'unrelated.example')).toBe('none');
      expect(inTab('https://cdn.tracker.example/t.js', initiator, 'www.app.ci.example')).toBe('none');
    }
    // A dashboard document keeps its own verdicts: no allow twin applies to it.
    const allowTwins = twins.filter((t) => t.action.type === 'allow');
    for (const twin of allowTwins)
      expect(twin.condition.excludedInitiatorDomains).toEqual(
        expect.arrayContaining(['app.ci.example', 'forge.example']),
      );
  });
});

describe('generateStaticRules: strict mode', () => {
  const { catalog } = testCatalog();
  const { rulesets, index } = generateStaticRules(catalog.vendors, catalog.dashboards);
  const strict = rulesets[RULESET.strictMode];

  it("appends a CSP to each sensitive page's document, above every allow rule", () => {
    const patterns = catalog.dashboards.flatMap((d) => d.sensitivePages ?? []);
    expect(patterns.length).toBeGreaterThan(0);
    expect(strict.map((r) => r.condition.urlFilter)).toEqual(patterns);
    for (const rule of strict) {
      expect(rule.priority).toBe(PRIORITY.strictModeCsp);
      expect(rule.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
      expect(rule.action).toMatchObject({
        type: 'modifyHeaders',
        responseHeaders: [
          { header: 'Content-Security-Policy', operation: 'append' },
          { header: 'Server-Timing', operation: 'append', value: 'dashguard-strict' },
        ],
      });
      expect(index[`${RULESET.strictMode}/${rule.id}`]).toMatchObject({ kind: 'strict-mode', dashboardId: 'ci' });
    }
    const maxOther = Math.max(
      ...[...rulesets[RULESET.allowlist], ...rulesets[RULESET.blocklist]].map((r) => r.priority),
    );
    expect(PRIORITY.strictModeCsp).toBeGreaterThan(maxOther);
  });

  it("lets the page use its own origin, the dashboard's hosts and own domains only", () => {
    const rule = strict[0]!;
    const value = rule.action.type === 'modifyHeaders' ? (rule.action.responseHeaders[0]?.value ?? '') : '';
    expect(value).toContain("script-src 'self'");
    expect(value).toContain('app.ci.example *.app.ci.example');
    expect(value).toContain('ci-assets.example *.ci-assets.example');
    expect(value).not.toContain('live.example');
    // Its user-content domain is a source of images, not of code.
    expect(value).toMatch(/img-src [^;]*ci-uploads\.example/);
    expect(value).not.toMatch(/script-src [^;]*ci-uploads\.example/);
    expect(value).not.toMatch(/worker-src [^;]*ci-uploads\.example/);
  });
});

describe('generateStaticRules: the compact rulesets block exactly what one rule per vendor blocks (real catalog)', () => {
  const catalog = vendorCatalog;
  const compact = generateStaticRules(catalog.vendors, catalog.dashboards);
  const perVendor = generateStaticRules(catalog.vendors, catalog.dashboards, { layout: 'per-vendor' });
  const vendorsById = new Map(catalog.vendors.map((v) => [v.id, v]));
  const bytes = (rules: readonly DnrRule[]): number => Buffer.byteLength(`${JSON.stringify(rules)}\n`);

  it('is what the build wrote into rules/generated/', () => {
    for (const [id, file] of Object.entries(RULESET_FILES)) {
      expect(readFileSync(path.join(GENERATED, file), 'utf8')).toBe(
        `${JSON.stringify(compact.rulesets[id as RulesetId])}\n`,
      );
    }
  });

  it('takes fewer rules and fewer bytes in every ruleset it shares rules in, and no more in the others', () => {
    for (const id of [RULESET.allowlist, RULESET.blocklist, RULESET.tabCover]) {
      expect(compact.rulesets[id].length).toBeLessThan(perVendor.rulesets[id].length);
      expect(bytes(compact.rulesets[id])).toBeLessThan(bytes(perVendor.rulesets[id]));
    }
    expect(compact.rulesets[RULESET.strictMode]).toEqual(perVendor.rulesets[RULESET.strictMode]);
    const total = (r: StaticRulesets): number =>
      Object.values(r.rulesets).reduce((sum, rules) => sum + bytes(rules), 0);
    // A tenth is far from the measured figure (docs/BENCHMARKS.md) and still catches a generator that stops sharing.
    expect(total(compact)).toBeLessThan(total(perVendor) / 10);
    expect(checkStaticLimits(compact.rulesets)).toEqual([]);
  });

  /**
   * Every catalog domain (and a subdomain of it) and every dashboard's own hosts, requested from every dashboard
   * host, every host its scope excludes, an unrelated site and no initiator at all; and (Chromium's tab cover) from a
   * third-party or opaque frame of a tab showing each dashboard. The winner's priority and action must agree, so the
   * dynamic rules above and below decide alike too; and the vendor the compact rule names is the one the per-vendor
   * rules at that priority name.
   */
  it('decides every request as the per-vendor rules, in both browsers, and names the same vendor', () => {
    const scope = dashboardScope(catalog.dashboards);
    const hosts = new Set<string>();
    for (const vendor of catalog.vendors) for (const domain of vendor.domains) hosts.add(domain).add(`sub.${domain}`);
    for (const dashboard of catalog.dashboards)
      for (const host of [...dashboard.hosts, ...dashboard.ownDomains]) hosts.add(host).add(`sub.${host}`);
    const contexts: { initiatorHost: string | undefined; topHost: string | undefined }[] = [
      ...[...scope.initiatorDomains, ...scope.excludedInitiatorDomains, 'unrelated.example', undefined].map((host) => ({
        initiatorHost: host,
        topHost: host,
      })),
      ...scope.initiatorDomains.flatMap((top) =>
        [undefined, 'widget.example', `www.${top}`].map((initiatorHost) => ({ initiatorHost, topHost: top })),
      ),
    ];
    const browsers = { chromium: (_: string) => true, firefox: (id: string) => id !== RULESET.tabCover };
    let requests = 0;
    for (const [browser, keeps] of Object.entries(browsers)) {
      const [compactRules, perVendorRules] = [compact, perVendor].map((layout) =>
        createRuleMatcher(
          Object.entries(layout.rulesets).flatMap(([id, rules]) =>
            keeps(id) ? rules.map((rule) => ({ ...rule, subject: layout.index[`${id}/${rule.id}`] })) : [],
          ),
        ),
      ) as [RuleMatcher<SubjectRule>, RuleMatcher<SubjectRule>];
      for (const host of hosts) {
        for (const context of contexts) {
          const request = { url: `https://${host}/x.js`, ...context, type: 'script' as const };
          const fromPerVendor = perVendorRules.matching(request);
          const a = winnerOf(compactRules.matching(request));
          const b = winnerOf(fromPerVendor);
          requests += 1;
          const decision = (rule: DnrRule | undefined): string =>
            rule ? `${rule.action.type}@${rule.priority}` : 'none';
          if (decision(a) !== decision(b))
            throw new Error(
              `${browser}: ${host} from ${JSON.stringify(context)}: compact ${decision(a)}, per vendor ${decision(b)}`,
            );
          if (a === undefined || b === undefined) continue;
          // Per vendor, several vendors' rules may match at the winning priority (a broad and a narrow domain).
          const tied = fromPerVendor.filter((rule) => decision(rule) === decision(b)).map((rule) => rule.subject);
          const tiedVendors = tied.flatMap((s) => (s?.kind === 'vendors' ? s.vendorIds : []));
          const expected =
            tiedVendors.length > 0
              ? vendorOfMatch({ kind: 'vendors', vendorIds: tiedVendors }, host, vendorsById)
              : undefined;
          const named = a.subject && vendorOfMatch(a.subject, host, vendorsById);
          if (named !== expected)
            throw new Error(
              `${browser}: ${host} from ${JSON.stringify(context)}: the compact rule names ${named}, the per-vendor rules ${expected}`,
            );
        }
      }
    }
    expect(requests).toBeGreaterThan(100_000);
  });
});

/** A static rule with what the generator's index says it is about. */
type SubjectRule = DnrRule & { readonly subject: StaticRuleSubject | undefined };
