/**
 * What the options page shows for each vendor and category (pure): the state on dashboards, where it comes from
 * (the default, a category choice, the person's choice, the organisation), whether the person may change it, and
 * which change a click sends. Controls are rendered from this model, so a control the policy locks is disabled and
 * labelled "managed by your organisation" the same way everywhere.
 */
import type { CatalogVendor, CategoryEntry, CategoryId, RuntimeCatalog } from '../src/catalog';
import type { DecisionOrDefault, UserSettings, VendorDecision } from '../src/settings';
import type { ManagedPolicy } from '../src/policy';
import { managedVendorState } from '../src/policy';
import { effectiveUserSettings } from '../src/rules';

export const MANAGED_LABEL = 'Managed by your organisation';

export type Origin = 'default' | 'category' | 'yours' | 'organisation';

export interface VendorRowModel {
  readonly id: string;
  readonly name: string;
  readonly state: VendorDecision;
  readonly origin: Origin;
  /** What a click on the switch sends (`null`: back to the default), or undefined when the person may not change it. */
  readonly toggle: DecisionOrDefault | undefined;
  /** Set when the organisation decides or limits this control: shown next to it, and the reason it is disabled. */
  readonly managed: string | undefined;
}

/** A vendor as a row needs it; custom vendors have no category (and are blocked by default). */
export interface RowVendor {
  readonly id: string;
  readonly name: string;
  readonly category: CategoryId | undefined;
  readonly defaultAction: VendorDecision;
}

export function vendorRow(vendor: RowVendor, settings: UserSettings, policy: ManagedPolicy): VendorRowModel {
  const effective = effectiveUserSettings(settings, policy);
  const managed = managedVendorState(policy, vendor.id, vendor.category);
  const categoryChoice = vendor.category === undefined ? undefined : effective.categoryRules[vendor.category];
  const inherited: VendorDecision = categoryChoice ?? vendor.defaultAction;
  const own = effective.vendorRules[vendor.id];
  const state: VendorDecision = managed.forced ?? own ?? inherited;
  const origin: Origin = managed.forced
    ? 'organisation'
    : own !== undefined
      ? 'yours'
      : categoryChoice !== undefined
        ? 'category'
        : 'default';
  const next: VendorDecision = state === 'block' ? 'allow' : 'block';
  const permitted = next === 'allow' ? managed.userMayAllow : managed.userMayBlock;
  const toggle = permitted ? (next === inherited ? null : next) : undefined;
  return { id: vendor.id, name: vendor.name, state, origin, toggle, managed: managed.reason };
}

export type CategoryChoice = 'default' | VendorDecision;

export interface CategoryModel {
  readonly entry: CategoryEntry;
  readonly choice: CategoryChoice;
  /** Choices the person may pick. */
  readonly allowed: readonly CategoryChoice[];
  readonly managed: string | undefined;
  /** Reviewed by hand: shown at once. */
  readonly curated: readonly CatalogVendor[];
  /** From third-party-web: many, rendered only when the person opens the list or searches. */
  readonly more: readonly CatalogVendor[];
}

export function categoryModels(
  catalog: RuntimeCatalog,
  settings: UserSettings,
  policy: ManagedPolicy,
): CategoryModel[] {
  const effective = effectiveUserSettings(settings, policy);
  const byName = (a: CatalogVendor, b: CatalogVendor): number =>
    a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  return catalog.categories.map((entry) => {
    const vendors = catalog.vendors.filter((v) => v.category === entry.id);
    const blockedByPolicy = policy.blockedCategories.includes(entry.id);
    const allowed: CategoryChoice[] = blockedByPolicy
      ? []
      : policy.lockUserRules
        ? ['default', 'block']
        : ['default', 'block', 'allow'];
    const managed = blockedByPolicy
      ? 'Your organisation blocks this category.'
      : policy.lockUserRules
        ? 'Your organisation lets you block, not allow.'
        : undefined;
    return {
      entry,
      choice: blockedByPolicy ? 'block' : (effective.categoryRules[entry.id] ?? 'default'),
      allowed,
      managed,
      curated: vendors.filter((v) => v.source === 'curated').sort(byName),
      more: vendors.filter((v) => v.source !== 'curated').sort(byName),
    };
  });
}

/** The change a category choice sends. */
export function categoryChange(
  category: CategoryId,
  choice: CategoryChoice,
): { kind: 'set-category'; category: CategoryId; action: DecisionOrDefault } {
  return { kind: 'set-category', category, action: choice === 'default' ? null : choice };
}

export interface SearchIndex {
  readonly entries: readonly { readonly vendor: CatalogVendor; readonly text: string }[];
}

export function searchIndex(vendors: readonly CatalogVendor[]): SearchIndex {
  return {
    entries: vendors.map((vendor) => ({
      vendor,
      text: `${vendor.name}\n${vendor.id}\n${vendor.domains.join('\n')}`.toLowerCase(),
    })),
  };
}

/** Vendors whose name, id or a domain contains the query; curated ones first. */
export function searchVendors(
  index: SearchIndex,
  query: string,
  limit: number,
): { vendors: CatalogVendor[]; total: number } {
  const needle = query.trim().toLowerCase();
  if (needle === '') return { vendors: [], total: 0 };
  const found = index.entries.filter((entry) => entry.text.includes(needle)).map((entry) => entry.vendor);
  found.sort(
    (a, b) =>
      Number(b.source === 'curated') - Number(a.source === 'curated') ||
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
  );
  return { vendors: found.slice(0, limit), total: found.length };
}
