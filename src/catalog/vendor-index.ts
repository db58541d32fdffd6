/**
 * Finds the vendors whose domains cover a host, the way declarativeNetRequest's `requestDomains` matches (a domain
 * covers its subdomains). The run-time catalog has thousands of domains, so they are indexed once by domain and a
 * host is looked up label by label: a few map reads per request.
 */
import type { CategoryId, DefaultAction } from './catalog-types';
import type { UserSettings } from '../settings';
import type { ManagedPolicy } from '../policy';
import { strictParents } from '../domains';
import type { RuntimeCatalog } from './runtime-catalog';

/** A vendor as the audit sees it: from the catalog (curated or third-party-web) or added by the user or policy. */
export interface IndexedVendor {
  readonly id: string;
  readonly name: string;
  /** undefined for custom vendors, as in the rule state (no category rule applies to them). */
  readonly category: CategoryId | undefined;
  readonly source: 'curated' | 'third-party-web' | 'custom';
  readonly defaultAction: DefaultAction;
  /** Why the catalog blocks or keeps it; empty for custom vendors. */
  readonly reason: string;
  readonly domains: readonly string[];
}

export interface VendorIndex {
  /** Every vendor by id: the catalog's, then the custom ones whose id the catalog does not use (policy first). */
  readonly byId: ReadonlyMap<string, IndexedVendor>;
  /** The vendors with a domain covering `host`, the most specific domain first. */
  matching(host: string): IndexedVendor[];
}

/** The vendors in force: the catalog's, then the organisation's custom vendors, then the user's (as computeRuleState). */
export function vendorsInForce(
  catalog: RuntimeCatalog,
  settings: UserSettings,
  policy: ManagedPolicy,
): Map<string, IndexedVendor> {
  const vendors = new Map<string, IndexedVendor>();
  for (const vendor of catalog.vendors) {
    vendors.set(vendor.id, {
      id: vendor.id,
      name: vendor.name,
      category: vendor.category,
      source: vendor.source,
      defaultAction: vendor.defaultAction,
      reason: vendor.reason,
      domains: vendor.domains,
    });
  }
  for (const vendor of [...policy.extraVendors, ...settings.customVendors]) {
    if (vendors.has(vendor.id)) continue;
    vendors.set(vendor.id, {
      id: vendor.id,
      name: vendor.name,
      category: undefined,
      source: 'custom',
      defaultAction: 'block',
      reason: '',
      domains: vendor.domains,
    });
  }
  return vendors;
}

export function createVendorIndex(vendors: ReadonlyMap<string, IndexedVendor>): VendorIndex {
  const byDomain = new Map<string, IndexedVendor[]>();
  for (const vendor of vendors.values()) {
    for (const domain of vendor.domains) {
      const list = byDomain.get(domain);
      if (list === undefined) byDomain.set(domain, [vendor]);
      else if (!list.includes(vendor)) list.push(vendor);
    }
  }
  return {
    byId: vendors,
    matching(host) {
      const found: IndexedVendor[] = [];
      // The host itself, then its parents, nearest first: the first hit is the most specific domain.
      for (const candidate of [host, ...strictParents(host)]) {
        for (const vendor of byDomain.get(candidate) ?? []) if (!found.includes(vendor)) found.push(vendor);
      }
      return found;
    },
  };
}
