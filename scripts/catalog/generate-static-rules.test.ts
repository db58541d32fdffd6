import { testCatalog } from '../../test/unit/test-catalog';
import { simulate } from '../../test/unit/dnr-simulator';
import { TRACKER_RESOURCE_TYPES, type DnrRule } from '../../src/rules/dnr-rule';
import { PRIORITY, RULESET } from '../../src/rules/rule-registry';
import { checkStaticLimits, generateStaticRules } from './generate-static-rules';

describe('generateStaticRules', () => {
  const { catalog } = testCatalog();
  const { rulesets, index } = generateStaticRules(catalog.vendors, catalog.dashboards);
  const all = [...rulesets[RULESET.allowlist], ...rulesets[RULESET.blocklist]];

  it('writes one rule per vendor and one first-party rule per dashboard', () => {
    expect(rulesets[RULESET.blocklist]).toHaveLength(catalog.vendors.filter((v) => v.defaultAction === 'block').length);
    expect(rulesets[RULESET.allowlist]).toHaveLength(catalog.dashboards.length + catalog.vendors.filter((v) => v.defaultAction === 'allow').length);
  });

  it('indexes every rule back to its vendor or dashboard', () => {
    expect(Object.keys(index)).toHaveLength(all.length + rulesets[RULESET.strictMode].length + rulesets[RULESET.tabCover].length);
    const replayRule = rulesets[RULESET.blocklist].find((r) => r.condition.requestDomains?.includes('replay.example'))!;
    expect(index[`${RULESET.blocklist}/${replayRule.id}`]).toEqual({ kind: 'vendor', vendorId: 'replay' });
  });

  it('matches every resource type but main_frame (no resourceTypes list, so Firefox beacons are covered too)', () => {
    for (const rule of all) expect(rule.condition).not.toHaveProperty('resourceTypes');
    const tracker = (type: Parameters<typeof simulate>[1]['type']): string => simulate(all, { url: 'https://cdn.tracker.example/t', initiatorHost: 'app.ci.example', type });
    for (const type of [...TRACKER_RESOURCE_TYPES, 'beacon', 'object', 'csp_report'] as const) expect(tracker(type)).toBe('block');
    expect(tracker('main_frame')).not.toBe('block');
  });

  it('blocks on dashboards only, and keeps essential vendors and own domains', () => {
    const on = (url: string, initiatorHost: string): string => simulate(all, { url, initiatorHost, type: 'script' });
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

  it('gives every frame of a dashboard tab the dashboard\'s verdict, and leaves other tabs alone', () => {
    const rules = Object.values(rulesets).flat();
    const inTab = (url: string, initiatorHost: string | undefined, topHost: string): string => simulate(rules, { url, initiatorHost, topHost, type: 'script' });
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
    for (const twin of allowTwins) expect(twin.condition.excludedInitiatorDomains).toEqual(expect.arrayContaining(['app.ci.example', 'forge.example']));
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
        responseHeaders: [{ header: 'Content-Security-Policy', operation: 'append' }, { header: 'Server-Timing', operation: 'append', value: 'dashguard-strict' }],
      });
      expect(index[`${RULESET.strictMode}/${rule.id}`]).toMatchObject({ kind: 'strict-mode', dashboardId: 'ci' });
    }
    const maxOther = Math.max(...[...rulesets[RULESET.allowlist], ...rulesets[RULESET.blocklist]].map((r) => r.priority));
    expect(PRIORITY.strictModeCsp).toBeGreaterThan(maxOther);
  });

  it("lets the page use its own origin, the dashboard's hosts and own domains only", () => {
    const rule = strict[0]!;
    const value = rule.action.type === 'modifyHeaders' ? rule.action.responseHeaders[0]?.value ?? '' : '';
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

describe('checkStaticLimits', () => {
  const rule = (id: number): DnrRule => ({ id, priority: 1, action: { type: 'block' }, condition: {} });
  it('accepts rules within the limits', () => {
    expect(checkStaticLimits({ a: [rule(1), rule(2)] })).toEqual([]);
  });
  it('refuses too many rules, too many rulesets and duplicate ids', () => {
    expect(checkStaticLimits({ a: Array.from({ length: 30_001 }, (_, i) => rule(i + 1)) }).join()).toMatch(/exceed the 30000/);
    expect(checkStaticLimits(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`r${i}`, [rule(1)]]))).join()).toMatch(/rulesets: 11/);
    expect(checkStaticLimits({ a: [rule(1), rule(1)] }).join()).toMatch(/duplicate rule id 1/);
  });
  it('refuses a rule that would block a page', () => {
    expect(checkStaticLimits({ a: [{ ...rule(1), condition: { resourceTypes: ['main_frame'] } }] }).join()).toMatch(/main_frame/);
  });
});
