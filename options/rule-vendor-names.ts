/**
 * The vendors a per-dashboard rule can name, with the names a person knows them by: the catalog's, the
 * organisation's extra vendors and the person's custom ones (pure).
 */
import type { RuntimeCatalog, NamedVendor } from '../src/catalog';
import type { UserSettings } from '../src/settings';
import type { ManagedPolicy } from '../src/policy';
import { ruleVendors } from '../src/catalog';

export function ruleVendorNames(catalog: RuntimeCatalog, settings: UserSettings, policy: ManagedPolicy): NamedVendor[] {
  const names = new Map<string, string>([...policy.extraVendors, ...settings.customVendors].map((v) => [v.id, v.name]));
  for (const v of catalog.vendors) names.set(v.id, v.name);
  return [...ruleVendors(catalog, settings, policy).values()].map((v) => ({
    id: v.id,
    name: names.get(v.id) ?? v.id,
    domains: v.domains,
  }));
}
