/**
 * Assembles the run-time catalog from its sources (pure): curated vendors, third-party-web entities, dashboards and
 * categories; validates it and generates the static rulesets. The build script only reads inputs and writes outputs.
 */
import { createHash } from 'node:crypto';
import type {
  CatalogVendor,
  CategoryEntry,
  DashboardEntry,
  DashboardProfile,
  PlatformDomain,
  VendorEntry,
  RuntimeCatalog,
} from '../../src/catalog';
import { generateStaticRules, type StaticRulesets } from '../../src/rules';
import { mergeThirdPartyWeb, type DroppedDomain, type ThirdPartyWebEntity } from './merge-third-party-web';
import { validateCatalog } from './validate-catalog';
import { checkStaticLimits } from './static-limits';
import { withStrictModeNeeds } from './strict-mode-needs';

export interface CatalogSources {
  readonly categories: readonly CategoryEntry[];
  readonly curatedVendors: readonly VendorEntry[];
  readonly dashboards: readonly DashboardEntry[];
  readonly thirdPartyWeb: readonly ThirdPartyWebEntity[];
  /** Registrable domains never blocked whole (rules/catalog/platform-domains.ts). */
  readonly platformDomains?: readonly PlatformDomain[];
  /** What each dashboard's real app needs (rules/catalog/dashboard-profiles.ts): strict mode takes its share. */
  readonly profiles?: readonly DashboardProfile[];
}

export type CatalogBuild =
  | { ok: true; catalog: RuntimeCatalog; rules: StaticRulesets; dropped: DroppedDomain[] }
  | { ok: false; errors: string[] };

export function buildCatalog(sources: CatalogSources): CatalogBuild {
  // Validate the curated part alone first, so its errors are not drowned by third-party-web's.
  const curatedErrors = validateCatalog({
    categories: sources.categories,
    vendors: sources.curatedVendors,
    dashboards: sources.dashboards,
  });
  if (curatedErrors.length > 0) return { ok: false, errors: curatedErrors };

  const merged = mergeThirdPartyWeb(
    sources.thirdPartyWeb,
    sources.curatedVendors,
    sources.dashboards,
    sources.platformDomains,
  );
  const vendors: CatalogVendor[] = [
    ...sources.curatedVendors.map((vendor) => ({ ...vendor, source: 'curated' as const })),
    ...merged.vendors,
  ];
  const errors = validateCatalog({ categories: sources.categories, vendors, dashboards: sources.dashboards });
  if (errors.length > 0) return { ok: false, errors };

  const dashboards = withStrictModeNeeds(sources.dashboards, sources.profiles ?? []);
  const rules = generateStaticRules(vendors, dashboards);
  const limitErrors = checkStaticLimits(rules.rulesets);
  if (limitErrors.length > 0) return { ok: false, errors: limitErrors };

  const body = { categories: sources.categories, vendors, dashboards };
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return { ok: true, catalog: { version, ...body }, rules, dropped: merged.dropped };
}
