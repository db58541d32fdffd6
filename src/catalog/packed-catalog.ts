/**
 * The run-time catalog as the build writes it (rules/generated/catalog.json) and the background bundles it: the
 * third-party-web vendors, over a thousand entries that differ only in id, name and domains, are stored as rows of
 * those three, each naming its category and reason once in a shared group. Without it their repeated fields were
 * most of background.js. `unpackCatalog` gives back the same catalog, vendors in the same order (pure).
 */
import type { CatalogVendor, CategoryId } from './catalog-types';
import type { RuntimeCatalog } from './runtime-catalog';

/** What every third-party-web vendor of one group shares. */
export interface PackedGroup {
  readonly category: CategoryId;
  readonly reason: string;
}

/** One third-party-web vendor: id, name, domains and its group's index. */
export type PackedVendor = readonly [id: string, name: string, domains: readonly string[], group: number];

export interface PackedCatalog extends Omit<RuntimeCatalog, 'vendors'> {
  /** Vendors kept whole (curated ones, and any that does not fit a group), before the packed ones. */
  readonly vendors: readonly CatalogVendor[];
  readonly thirdPartyWeb: { readonly groups: readonly PackedGroup[]; readonly vendors: readonly PackedVendor[] };
}

/** A vendor a row can stand for: generated from third-party-web with nothing of its own but id, name and domains. */
function isPackable(vendor: CatalogVendor): boolean {
  const fields = Object.keys(vendor).sort().join(',');
  return (
    vendor.source === 'third-party-web' &&
    vendor.defaultAction === 'block' &&
    fields === 'category,defaultAction,domains,id,name,reason,source'
  );
}

export function packCatalog(catalog: RuntimeCatalog): PackedCatalog {
  // Only the vendors after the last one kept whole are packed, so unpacking keeps the order.
  let split = catalog.vendors.length;
  while (split > 0 && isPackable(catalog.vendors[split - 1]!)) split -= 1;
  const groups: PackedGroup[] = [];
  const groupIndex = new Map<string, number>();
  const rows = catalog.vendors.slice(split).map((vendor): PackedVendor => {
    const key = `${vendor.category}\n${vendor.reason}`;
    let index = groupIndex.get(key);
    if (index === undefined) {
      index = groups.push({ category: vendor.category, reason: vendor.reason }) - 1;
      groupIndex.set(key, index);
    }
    return [vendor.id, vendor.name, vendor.domains, index];
  });
  return {
    version: catalog.version,
    categories: catalog.categories,
    vendors: catalog.vendors.slice(0, split),
    thirdPartyWeb: { groups, vendors: rows },
    dashboards: catalog.dashboards,
  };
}

export function unpackCatalog(packed: PackedCatalog): RuntimeCatalog {
  const { groups, vendors: rows } = packed.thirdPartyWeb;
  const unpacked = rows.map(([id, name, domains, index]): CatalogVendor => {
    const group = groups[index];
    if (group === undefined) throw new Error(`The packed catalog's vendor ${id} names no group ${index}.`);
    return {
      id,
      name,
      category: group.category,
      domains,
      defaultAction: 'block',
      reason: group.reason,
      source: 'third-party-web',
    };
  });
  return {
    version: packed.version,
    categories: packed.categories,
    vendors: [...packed.vendors, ...unpacked],
    dashboards: packed.dashboards,
  };
}
