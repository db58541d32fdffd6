import { isDeepStrictEqual } from 'node:util';
import type { CatalogVendor } from './catalog-types';
import { vendorCatalog } from '../catalog-data';
import { packCatalog, unpackCatalog, type PackedCatalog } from './packed-catalog';
import type { RuntimeCatalog } from './runtime-catalog';

const tpw = (id: string, category: CatalogVendor['category'], kind: string): CatalogVendor => ({
  id,
  name: id.slice(4),
  category,
  domains: [`${id}.example`],
  defaultAction: 'block',
  reason: `Listed by third-party-web as ${kind}; a CI dashboard works without it.`,
  source: 'third-party-web',
});
const curated: CatalogVendor = {
  id: 'pusher',
  name: 'Pusher',
  category: 'realtime',
  domains: ['pusher.com'],
  defaultAction: 'allow',
  reason: 'Streams the build log.',
  source: 'curated',
};
const catalogOf = (vendors: CatalogVendor[]): RuntimeCatalog => ({
  version: 'v',
  categories: [],
  vendors,
  dashboards: [],
});

describe('packed catalog', () => {
  it('gives back the build catalog exactly, vendors in the same order, with the third-party-web ones packed', () => {
    const packed = packCatalog(vendorCatalog);
    expect(isDeepStrictEqual(unpackCatalog(packed), vendorCatalog)).toBe(true);
    expect(packed.thirdPartyWeb.vendors.length).toBeGreaterThan(1_000);
    expect(packed.thirdPartyWeb.groups.length).toBeLessThan(20);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(vendorCatalog).length * 0.6);
  });

  it('shares one group per category and reason', () => {
    const packed = packCatalog(
      catalogOf([
        curated,
        tpw('tpw-a', 'advertising', 'ad'),
        tpw('tpw-b', 'analytics', 'analytics'),
        tpw('tpw-c', 'advertising', 'ad'),
      ]),
    );
    expect(packed.vendors).toEqual([curated]);
    expect(packed.thirdPartyWeb.groups).toHaveLength(2);
    expect(packed.thirdPartyWeb.vendors.map((row) => row[3])).toEqual([0, 1, 0]);
  });

  it('keeps whole, and in place, a vendor with anything of its own, and everything before it', () => {
    const noted = { ...tpw('tpw-n', 'analytics', 'analytics'), thirdPartyWebNote: 'Also a CDN.' };
    const vendors = [tpw('tpw-a', 'advertising', 'ad'), noted, curated, tpw('tpw-b', 'analytics', 'analytics')];
    const packed = packCatalog(catalogOf(vendors));
    expect(packed.vendors).toEqual(vendors.slice(0, 3));
    expect(unpackCatalog(packed).vendors).toEqual(vendors);
    const allowed = { ...tpw('tpw-k', 'analytics', 'analytics'), defaultAction: 'allow' as const };
    expect(packCatalog(catalogOf([allowed])).vendors).toEqual([allowed]);
  });

  it('refuses a row that names no group rather than make up a vendor', () => {
    const broken: PackedCatalog = {
      ...packCatalog(catalogOf([])),
      thirdPartyWeb: { groups: [], vendors: [['tpw-x', 'x', ['x.example'], 0]] },
    };
    expect(() => unpackCatalog(broken)).toThrow('names no group 0');
  });
});
