/**
 * Build step 1: reads the catalog sources and third-party-web, and writes rules/generated/: the run-time catalog,
 * the static rulesets and the rule index. Exits non-zero with every problem listed when the catalog is invalid or
 * the rules would not fit the browsers' limits.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { categories } from '../rules/catalog/categories';
import { dashboardProfiles } from '../rules/catalog/dashboard-profiles';
import { dashboards } from '../rules/catalog/dashboards';
import { firstPartyTelemetryVendors } from '../rules/catalog/first-party-telemetry';
import { platformDomains } from '../rules/catalog/platform-domains';
import { curatedVendors } from '../rules/catalog/vendors';
import { packCatalog, unpackCatalog } from '../src/catalog';
import { contentScopeOf } from '../src/content';
import { RULESET } from '../src/rules';
import { describeConflict, findBreakage, profileProblems } from './catalog/breakage-guard';
import { buildCatalog } from './catalog/build-catalog';
import type { ThirdPartyWebEntity } from './catalog/merge-third-party-web';

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'rules', 'generated');
const require = createRequire(__filename);

const entitiesPath = require.resolve('third-party-web/dist/entities.json');
const thirdPartyWeb = JSON.parse(readFileSync(entitiesPath, 'utf8')) as ThirdPartyWebEntity[];

const result = buildCatalog({
  categories,
  curatedVendors,
  dashboards,
  thirdPartyWeb,
  platformDomains,
  profiles: dashboardProfiles,
});
if (!result.ok) {
  console.error(`Dashguard build: the catalog is invalid (${result.errors.length} problem(s)):`);
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}

// The breakage guard: no rule may block a host a dashboard profile needs on that dashboard.
const problems = profileProblems(result.catalog, dashboardProfiles);
const conflicts = findBreakage({
  catalog: result.catalog,
  staticRules: Object.values(result.rules.rulesets).flat(),
  profiles: dashboardProfiles,
});
if (problems.length > 0 || conflicts.length > 0) {
  console.error(
    `Dashguard build: the rules would break a dashboard (${problems.length + conflicts.length} problem(s)):`,
  );
  for (const problem of problems) console.error(`  - ${problem}`);
  for (const conflict of conflicts) console.error(`  - ${describeConflict(conflict)}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
const write = (name: string, data: unknown): void =>
  writeFileSync(path.join(outDir, name), `${JSON.stringify(data)}\n`);
// Packed (src/catalog/packed-catalog.ts): it must read back as exactly the catalog built.
const packed = packCatalog(result.catalog);
if (!isDeepStrictEqual(unpackCatalog(packed), result.catalog)) {
  console.error('Dashguard build: the packed catalog does not read back as the catalog built.');
  process.exit(1);
}
write('catalog.json', packed);
write('content-scope.json', contentScopeOf(dashboards, firstPartyTelemetryVendors));
write('dashboard-allowlist.json', result.rules.rulesets[RULESET.allowlist]);
write('dashboard-blocklist.json', result.rules.rulesets[RULESET.blocklist]);
write('strict-mode.json', result.rules.rulesets[RULESET.strictMode]);
write('tab-cover.json', result.rules.rulesets[RULESET.tabCover]);

const curated = result.catalog.vendors.filter((v) => v.source === 'curated').length;
console.log(
  `Dashguard build: ${result.catalog.vendors.length} vendors (${curated} curated), ${result.catalog.dashboards.length} dashboards, ` +
    `${result.rules.rulesets[RULESET.allowlist].length} allow + ${result.rules.rulesets[RULESET.blocklist].length} block + ` +
    `${result.rules.rulesets[RULESET.strictMode].length} strict-mode rules, ${result.rules.rulesets[RULESET.tabCover].length} tab-cover twins (Chromium); ` +
    `${result.dropped.length} third-party-web domains left to curated or dashboard entries.`,
);
