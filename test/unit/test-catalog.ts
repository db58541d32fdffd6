/**
 * A small catalog for unit tests, built through the real build pipeline (validation and static rule generation),
 * so tests see the same static rules a build would write.
 */
import { categories } from '../../rules/catalog/categories';
import { buildCatalog } from '../../scripts/catalog/build-catalog';
import type { DnrRule } from '../../src/rules/dnr-rule';
import { RULESET } from '../../src/rules/rule-registry';
import type { RuntimeCatalog } from '../../src/catalog/runtime-catalog';

export const TEST_VENDORS = {
  tracker: {
    id: 'tracker',
    name: 'Tracker',
    category: 'analytics',
    domains: ['tracker.example'],
    defaultAction: 'block',
    reason: 'Tracks.',
  },
  replay: {
    id: 'replay',
    name: 'Replay',
    category: 'session-replay',
    domains: ['replay.example', 'replay-cdn.example'],
    defaultAction: 'block',
    reason: 'Records.',
  },
  live: {
    id: 'live',
    name: 'Live',
    category: 'realtime',
    domains: ['live.example'],
    defaultAction: 'allow',
    reason: 'Streams the build log.',
  },
} as const;

export const TEST_DASHBOARDS = [
  {
    id: 'ci',
    name: 'CI',
    hosts: ['app.ci.example'],
    excludedHosts: ['docs.app.ci.example'],
    ownDomains: ['ci-assets.example', 'ci-uploads.example'],
    userContentDomains: ['ci-uploads.example'],
    sensitivePages: ['||app.ci.example/settings/tokens', '||app.ci.example/*/secrets'],
    strictMode: { inlineScripts: 'Its pages have inline scripts.' },
  },
  { id: 'forge', name: 'Forge', hosts: ['forge.example'], ownDomains: [], strictMode: {} },
] as const;

/** The catalog, every static rule, and the static rules each browser gets (Firefox: no Chromium tab-cover twins). */
export function testCatalog(): {
  catalog: RuntimeCatalog;
  staticRules: DnrRule[];
  staticRulesFor: (browser: 'chromium' | 'firefox') => DnrRule[];
} {
  const result = buildCatalog({
    categories,
    curatedVendors: Object.values(TEST_VENDORS),
    dashboards: TEST_DASHBOARDS,
    thirdPartyWeb: [{ name: 'Big Ads', category: 'ad', domains: ['*.bigads.example'] }],
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  const { rulesets } = result.rules;
  return {
    catalog: result.catalog,
    staticRules: Object.values(rulesets).flat(),
    staticRulesFor: (browser) =>
      Object.entries(rulesets).flatMap(([id, rules]) =>
        browser === 'firefox' && id === RULESET.tabCover ? [] : rules,
      ),
  };
}
