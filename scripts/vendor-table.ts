/**
 * Keeps the README's vendor and dashboard tables in sync with the catalog. `--write` rewrites the README between
 * the markers; without it, exits non-zero when the README is stale (a unit test checks the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { categories } from '../rules/catalog/categories';
import { dashboardProfiles } from '../rules/catalog/dashboard-profiles';
import { dashboards } from '../rules/catalog/dashboards';
import { curatedVendors } from '../rules/catalog/vendors';
import { renderCatalogTables, replaceGeneratedSection } from './readme-tables';

const readmePath = path.resolve(__dirname, '..', 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const updated = replaceGeneratedSection(
  readme,
  renderCatalogTables(curatedVendors, dashboards, categories, dashboardProfiles),
);

if (process.argv.includes('--write')) {
  writeFileSync(readmePath, updated);
  console.log('README.md vendor and dashboard tables updated.');
} else if (updated !== readme) {
  console.error('README.md is stale: run `npm run docs:vendors`.');
  process.exit(1);
}
