/**
 * The test catalog (test-catalog.ts) plus what hostile-input tests need: a vendor under a registrable domain that a
 * custom or organisation vendor could cover (pixel.adco.example under adco.example) and a second essential vendor.
 * Built through the real build pipeline, with its static rules.
 */
import { categories } from '../../rules/catalog/categories';
import { buildCatalog } from '../../scripts/catalog/build-catalog';
import type { DnrRule } from '../../src/rules/dnr-rule';
import type { RuntimeCatalog } from '../../src/catalog/runtime-catalog';
import { TEST_DASHBOARDS, TEST_VENDORS } from './test-catalog';

export function hostileCatalog(): { catalog: RuntimeCatalog; staticRules: DnrRule[] } {
  const built = buildCatalog({
    categories,
    curatedVendors: [
      ...Object.values(TEST_VENDORS),
      {
        id: 'pixel',
        name: 'Pixel',
        category: 'advertising',
        domains: ['pixel.adco.example'],
        defaultAction: 'block',
        reason: 'Ads.',
      },
      {
        id: 'flags',
        name: 'Flags',
        category: 'feature-flags',
        domains: ['sdk.flagship.example'],
        defaultAction: 'allow',
        reason: 'Flags.',
      },
    ],
    dashboards: TEST_DASHBOARDS,
    thirdPartyWeb: [{ name: 'Big Ads', category: 'ad', domains: ['*.bigads.example'] }],
  });
  if (!built.ok) throw new Error(built.errors.join('\n'));
  return { catalog: built.catalog, staticRules: Object.values(built.rules.rulesets).flat() };
}
