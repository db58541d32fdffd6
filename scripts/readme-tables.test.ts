import { readFileSync } from 'node:fs';
import path from 'node:path';
import { categories } from '../rules/catalog/categories';
import { dashboardProfiles } from '../rules/catalog/dashboard-profiles';
import { dashboards } from '../rules/catalog/dashboards';
import { curatedVendors } from '../rules/catalog/vendors';
import type { VendorEntry } from '../src/catalog/catalog-types';
import { renderCatalogTables, replaceGeneratedSection, TABLE_END, TABLE_START } from './readme-tables';

describe('README catalog tables', () => {
  it('are in sync with the catalog (run `npm run docs:vendors` when this fails)', () => {
    const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    expect(
      replaceGeneratedSection(readme, renderCatalogTables(curatedVendors, dashboards, categories, dashboardProfiles)),
    ).toBe(readme);
  });

  it('list allowed vendors first and escape pipes in cells', () => {
    const vendor = (id: string, name: string, defaultAction: 'allow' | 'block'): VendorEntry => ({
      id,
      name,
      category: 'analytics',
      domains: [`${id}.example`],
      defaultAction,
      reason: 'a | b',
    });
    const tables = renderCatalogTables([vendor('zz', 'Zed', 'block'), vendor('aa', 'Able', 'allow')], [], categories);
    const rows = tables.split('\n').filter((line) => line.startsWith('| ') && line.includes('.example'));
    expect(rows[0]).toContain('| Able |');
    expect(rows[0]).toContain('| allowed |');
    expect(rows[1]).toContain('| Zed |');
    expect(rows[1]).toContain('a \\| b');
  });

  it('replace only what is between the markers, and refuse a README without them', () => {
    const readme = `intro\n${TABLE_START}\nold\n${TABLE_END}\noutro\n`;
    expect(replaceGeneratedSection(readme, 'new')).toBe(`intro\n${TABLE_START}\nnew\n${TABLE_END}\noutro\n`);
    expect(() => replaceGeneratedSection('no markers', 'new')).toThrow(/lacks the markers/);
  });
});
