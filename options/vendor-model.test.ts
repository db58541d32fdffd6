import { testCatalog } from '../test/unit/test-catalog';
import { NO_POLICY, type ManagedPolicy } from '../src/policy/managed-policy';
import { DEFAULT_SETTINGS, type UserSettings } from '../src/settings/user-settings';
import { categoryChange, categoryModels, searchIndex, searchVendors, vendorRow } from './vendor-model';

const { catalog } = testCatalog();
const vendor = (id: string) => catalog.vendors.find((v) => v.id === id)!;
const row = (id: string, settings: UserSettings = DEFAULT_SETTINGS, policy: ManagedPolicy = NO_POLICY) =>
  vendorRow(vendor(id), settings, policy);

describe('vendorRow', () => {
  it("shows the default, and a click sends the opposite as the person's choice", () => {
    expect(row('tracker')).toMatchObject({ state: 'block', origin: 'default', toggle: 'allow', managed: undefined });
    expect(row('live')).toMatchObject({ state: 'allow', origin: 'default', toggle: 'block' });
  });

  it('goes back to the default (null) when the click lands on what the vendor would be without the choice', () => {
    expect(row('tracker', { ...DEFAULT_SETTINGS, vendorRules: { tracker: 'allow' } })).toMatchObject({
      state: 'allow',
      origin: 'yours',
      toggle: null,
    });
    const categoryAllows = { ...DEFAULT_SETTINGS, categoryRules: { analytics: 'allow' as const } };
    expect(row('tracker', categoryAllows)).toMatchObject({ state: 'allow', origin: 'category', toggle: 'block' });
  });

  it('is disabled and labelled when the organisation decides, and can only block under the lock', () => {
    expect(row('tracker', DEFAULT_SETTINGS, { ...NO_POLICY, blockedVendors: ['tracker'] })).toMatchObject({
      state: 'block',
      origin: 'organisation',
      toggle: undefined,
      managed: 'Blocked by your organisation.',
    });
    expect(row('tracker', DEFAULT_SETTINGS, { ...NO_POLICY, lockUserRules: true })).toMatchObject({
      state: 'block',
      toggle: undefined,
      managed: expect.stringMatching(/block vendors but not allow/),
    });
    expect(row('live', DEFAULT_SETTINGS, { ...NO_POLICY, lockUserRules: true })).toMatchObject({
      state: 'allow',
      toggle: 'block',
    });
    // A stored allow the lock ignores shows as what is in force.
    expect(
      row('tracker', { ...DEFAULT_SETTINGS, vendorRules: { tracker: 'allow' } }, { ...NO_POLICY, lockUserRules: true }),
    ).toMatchObject({ state: 'block', origin: 'default' });
  });

  it('treats a custom vendor (no category) as blocked by default', () => {
    expect(
      vendorRow(
        { id: 'custom-x', name: 'X', category: undefined, defaultAction: 'block' },
        { ...DEFAULT_SETTINGS, categoryRules: { analytics: 'allow' } },
        NO_POLICY,
      ),
    ).toMatchObject({ state: 'block', toggle: 'allow' });
  });
});

describe('categoryModels', () => {
  it('splits curated from third-party-web vendors and offers only the choices the policy permits', () => {
    const models = categoryModels(catalog, DEFAULT_SETTINGS, NO_POLICY);
    const advertising = models.find((m) => m.entry.id === 'advertising')!;
    expect(advertising.curated).toEqual([]);
    expect(advertising.more.map((v) => v.id)).toEqual(['tpw-big-ads']);
    expect(models.find((m) => m.entry.id === 'analytics')).toMatchObject({
      choice: 'default',
      allowed: ['default', 'block', 'allow'],
    });
    const locked = categoryModels(
      catalog,
      { ...DEFAULT_SETTINGS, categoryRules: { analytics: 'allow' } },
      { ...NO_POLICY, lockUserRules: true, blockedCategories: ['realtime'] },
    );
    expect(locked.find((m) => m.entry.id === 'analytics')).toMatchObject({
      choice: 'default',
      allowed: ['default', 'block'],
    });
    expect(locked.find((m) => m.entry.id === 'realtime')).toMatchObject({
      choice: 'block',
      allowed: [],
      managed: expect.stringMatching(/organisation blocks/),
    });
  });

  it('sends null for the default choice', () => {
    expect(categoryChange('analytics', 'default')).toEqual({
      kind: 'set-category',
      category: 'analytics',
      action: null,
    });
    expect(categoryChange('analytics', 'allow')).toEqual({
      kind: 'set-category',
      category: 'analytics',
      action: 'allow',
    });
  });
});

describe('searchVendors', () => {
  it('finds by name, id or domain, curated first, and caps the list', () => {
    const index = searchIndex(catalog.vendors);
    expect(searchVendors(index, 'REPLAY', 10).vendors.map((v) => v.id)).toEqual(['replay']);
    expect(searchVendors(index, 'bigads.example', 10).vendors.map((v) => v.id)).toEqual(['tpw-big-ads']);
    expect(searchVendors(index, 'e', 1)).toMatchObject({ total: catalog.vendors.length });
    expect(searchVendors(index, '   ', 10)).toEqual({ vendors: [], total: 0 });
  });

  it('is fast on a catalog of 1,500 vendors', () => {
    const many = Array.from({ length: 1_500 }, (_, i) => ({
      ...vendor('tracker'),
      id: `v-${i}`,
      name: `Vendor ${i}`,
      domains: [`v${i}.example`],
    }));
    const index = searchIndex(many);
    const started = performance.now();
    for (let i = 0; i < 50; i += 1) searchVendors(index, `vendor ${i}`, 100);
    expect((performance.now() - started) / 50).toBeLessThan(5);
  });
});
