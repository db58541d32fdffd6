/**
 * The vendors rules can name, by id: the catalog's, then the organisation's extra vendors, then the person's custom
 * ones. An id already taken is skipped, so a user's custom vendor never shadows the organisation's or the catalog's.
 */
import type { CategoryId } from './catalog-types';
import type { ManagedPolicy } from '../policy';
import type { UserSettings, VendorDecision } from '../settings';
import type { RuntimeCatalog } from './runtime-catalog';

/** A vendor as the rule state sees it: catalog or custom (custom ones have no category and are blocked by default). */
export interface RuleVendor {
  readonly id: string;
  readonly domains: readonly string[];
  readonly category: CategoryId | undefined;
  readonly defaultAction: VendorDecision;
}

export function ruleVendors(
  catalog: RuntimeCatalog,
  settings: Pick<UserSettings, 'customVendors'>,
  policy: Pick<ManagedPolicy, 'extraVendors'>,
): Map<string, RuleVendor> {
  const vendors = new Map<string, RuleVendor>();
  for (const vendor of catalog.vendors) vendors.set(vendor.id, vendor);
  for (const vendor of [...policy.extraVendors, ...settings.customVendors]) {
    if (!vendors.has(vendor.id))
      vendors.set(vendor.id, { id: vendor.id, domains: vendor.domains, category: undefined, defaultAction: 'block' });
  }
  return vendors;
}
