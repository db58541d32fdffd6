/**
 * Turns third-party-web entities into catalog vendors (pure). Only the categories Dashguard blocks on dashboards are
 * taken. Curated vendors win: a domain a curated vendor or a dashboard already covers is dropped from the entity, and
 * so is a broad domain under which a curated vendor names narrower hosts (bat.bing.com under bing.com). A platform
 * domain (rules/catalog/platform-domains.ts: microsoft.com, apple.com, okta.com...) is never taken whole, only the
 * tracking hosts an entity names under it, and never one of its product hosts.
 */
import type { CatalogVendor, CategoryId, DashboardEntry, PlatformDomain, VendorEntry } from '../../src/catalog';
import { hostMatchesDomain, normaliseDomain, strictParents } from '../../src/domains';

/** The fields of a third-party-web entity this build reads. */
export interface ThirdPartyWebEntity {
  readonly name: string;
  readonly category: string;
  readonly domains: readonly string[];
}

/** third-party-web category -> Dashguard category, for the categories blocked on dashboards. */
export const THIRD_PARTY_WEB_BLOCKED_CATEGORIES: Readonly<Record<string, CategoryId>> = {
  analytics: 'analytics',
  ad: 'advertising',
  marketing: 'marketing',
  'customer-success': 'support-widget',
  social: 'social',
  'tag-manager': 'tag-manager',
  'consent-provider': 'consent',
};

export interface DroppedDomain {
  readonly entity: string;
  readonly domain: string;
  readonly because: string;
}

export interface MergeResult {
  readonly vendors: CatalogVendor[];
  readonly dropped: DroppedDomain[];
}

/** third-party-web writes `*.example.com`; a DNR domain already covers subdomains. */
export function stripWildcard(pattern: string): string {
  return pattern.startsWith('*.') ? pattern.slice(2) : pattern;
}

function overlaps(a: string, b: string): boolean {
  return hostMatchesDomain(a, b) || hostMatchesDomain(b, a);
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function mergeThirdPartyWeb(
  entities: readonly ThirdPartyWebEntity[],
  curated: readonly VendorEntry[],
  dashboards: readonly DashboardEntry[],
  platformDomains: readonly PlatformDomain[] = [],
): MergeResult {
  const curatedDomains = curated.flatMap((vendor) => vendor.domains);
  const dashboardDomains = dashboards.flatMap((dashboard) => [...dashboard.hosts, ...dashboard.ownDomains]);
  const usedIds = new Set(curated.map((vendor) => vendor.id));
  const vendors: CatalogVendor[] = [];
  const dropped: DroppedDomain[] = [];

  const sorted = [...entities].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  // Pass 1: each domain goes to the first entity that names it, unless a dashboard or a curated vendor has it.
  const owner = new Map<string, string>();
  const kept = new Map<ThirdPartyWebEntity, string[]>();
  for (const entity of sorted) {
    if (THIRD_PARTY_WEB_BLOCKED_CATEGORIES[entity.category] === undefined) continue;
    const domains: string[] = [];
    for (const pattern of entity.domains) {
      const checked = normaliseDomain(stripWildcard(pattern), { allowPrivateSuffix: true });
      if (!checked.ok) {
        dropped.push({ entity: entity.name, domain: pattern, because: checked.error });
        continue;
      }
      const domain = checked.value;
      const dashboard = dashboardDomains.find((own) => overlaps(domain, own));
      const curatedDomain = curatedDomains.find((mine) => hostMatchesDomain(domain, mine));
      const narrower = curatedDomains.find((mine) => mine !== domain && hostMatchesDomain(mine, domain));
      const platform = platformDomains.find((p) => hostMatchesDomain(p.domain, domain));
      const productHost = platformDomains.find((p) => p.productHosts?.includes(domain));
      const because =
        dashboard !== undefined
          ? `overlaps the dashboard domain ${dashboard}`
          : curatedDomain !== undefined
            ? `covered by the curated domain ${curatedDomain}`
            : narrower !== undefined
              ? `a curated vendor names the narrower host ${narrower}`
              : platform !== undefined
                ? `${domain} is a platform domain of ${platform.company} (${platform.serves}): never blocked whole`
                : productHost !== undefined
                  ? `${domain} serves ${productHost.company}'s product, not tracking`
                  : owner.has(domain)
                    ? `already listed by ${owner.get(domain) ?? ''}`
                    : undefined;
      if (because !== undefined) {
        dropped.push({ entity: entity.name, domain, because });
        continue;
      }
      owner.set(domain, entity.name);
      domains.push(domain);
    }
    kept.set(entity, domains);
  }
  // Pass 2: a subdomain of a domain another entry already blocks adds nothing and would be "a domain in two vendors".
  for (const [entity, domains] of kept) {
    const remaining = domains.filter((domain) => {
      const parent = strictParents(domain).find((p) => owner.has(p));
      if (parent === undefined) return true;
      dropped.push({ entity: entity.name, domain, because: `covered by ${parent} (${owner.get(parent) ?? ''})` });
      return false;
    });
    if (remaining.length === 0) continue;
    const category = THIRD_PARTY_WEB_BLOCKED_CATEGORIES[entity.category] as CategoryId;
    let id = `tpw-${slug(entity.name) || 'entity'}`;
    for (let n = 2; usedIds.has(id); n += 1) id = `tpw-${slug(entity.name)}-${n}`;
    usedIds.add(id);
    vendors.push({
      id,
      name: entity.name,
      category,
      domains: remaining.sort(),
      defaultAction: 'block',
      reason: `Listed by third-party-web as ${entity.category}; a CI dashboard works without it.`,
      source: 'third-party-web',
    });
  }
  return { vendors, dropped };
}
