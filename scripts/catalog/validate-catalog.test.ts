import { categories } from '../../rules/catalog/categories';
import type { DashboardEntry, VendorEntry } from '../../src/catalog/catalog-types';
import { TEST_VENDORS } from '../../test/unit/test-catalog';
import { validateCatalog } from './validate-catalog';

const vendor = (over: Partial<VendorEntry> = {}): VendorEntry => ({ ...TEST_VENDORS.tracker, ...over });
const dashboard: DashboardEntry = {
  id: 'ci',
  name: 'CI',
  hosts: ['app.ci.example'],
  ownDomains: ['ci-assets.example'],
  strictMode: {},
};
const check = (vendors: VendorEntry[], dashboards: DashboardEntry[] = [dashboard]): string[] =>
  validateCatalog({ categories, vendors, dashboards });

describe('validateCatalog', () => {
  it('accepts a valid catalog', () => {
    expect(check([vendor(), vendor({ id: 'other', domains: ['other.example'] })])).toEqual([]);
  });

  it.each<[string, VendorEntry[], RegExp]>([
    ['duplicate id', [vendor(), vendor({ domains: ['x.example'] })], /vendor "tracker": duplicate id/],
    ['non-kebab id', [vendor({ id: 'Bad_Id' })], /id must be kebab-case/],
    ['malformed domain', [vendor({ domains: ['https://tracker.example'] })], /domain "https:\/\/tracker.example"/],
    ['upper-case domain', [vendor({ domains: ['Tracker.example'] })], /must be written as "tracker.example"/],
    ['wildcard domain', [vendor({ domains: ['*.tracker.example'] })], /Wildcards/],
    ['public suffix', [vendor({ domains: ['co.uk'] })], /public suffix/],
    [
      'domain in two vendors',
      [vendor(), vendor({ id: 'b', domains: ['tracker.example'] })],
      /"b": domain "tracker.example" is already covered by vendor "tracker"/,
    ],
    [
      'subdomain of another vendor',
      [vendor(), vendor({ id: 'b', domains: ['cdn.tracker.example'] })],
      /already covered by vendor "tracker"/,
    ],
    [
      'parent of another vendor, listed later',
      [vendor({ domains: ['cdn.tracker.example'] }), vendor({ id: 'b', domains: ['tracker.example'] })],
      /already covered/,
    ],
    ['unknown category', [vendor({ category: 'spyware' as never })], /unknown category "spyware"/],
    ['empty reason', [vendor({ reason: ' ' })], /empty reason/],
    ['no domains', [vendor({ domains: [] })], /no domains/],
    ["a dashboard's own domain", [vendor({ domains: ['ci-assets.example'] })], /already covered by dashboard "ci"/],
    ['a dashboard host', [vendor({ domains: ['app.ci.example'] })], /already covered by dashboard "ci"/],
  ])('refuses %s', (_name, vendors, message) => {
    const errors = check(vendors);
    expect(errors.join('\n')).toMatch(message);
  });

  it('checks dashboards', () => {
    const errors = check(
      [vendor()],
      [
        {
          id: 'ci',
          name: 'CI',
          hosts: ['app.ci.example'],
          excludedHosts: ['docs.elsewhere.example'],
          ownDomains: ['ci-assets.example'],
          userContentDomains: ['uploads.example', 'files.ci-assets.example'],
          strictMode: { inlineScripts: ' ' },
        },
        { id: 'ci', name: '', hosts: [], ownDomains: ['bad domain'], sensitivePages: ['/settings'] },
      ],
    );
    expect(errors.join('\n')).toMatch(/user-content domain "uploads.example" is not one of its own domains/);
    expect(errors.join('\n')).not.toMatch(/files\.ci-assets\.example/);
    expect(errors.join('\n')).toMatch(/strictMode.inlineScripts needs its reason/);
    expect(errors.join('\n')).toMatch(/no strictMode/);
    expect(errors.join('\n')).toMatch(/excluded host "docs.elsewhere.example" is not a subdomain/);
    expect(errors.join('\n')).toMatch(/dashboard "ci": duplicate id/);
    expect(errors.join('\n')).toMatch(/no hosts/);
    expect(errors.join('\n')).toMatch(/domain "bad domain"/);
    expect(errors.join('\n')).toMatch(/sensitive page "\/settings"/);
  });

  it('reports every problem, not only the first', () => {
    expect(
      check([vendor({ id: 'A' }), vendor({ id: 'b', category: 'nope' as never, domains: ['x.example'] })]).length,
    ).toBeGreaterThanOrEqual(2);
  });
});
