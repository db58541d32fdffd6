/**
 * Checks a catalog before any rule is generated from it (pure). Returns every problem found, each naming the entry,
 * so one build run reports them all.
 */
import type { CategoryEntry, DashboardEntry, VendorEntry, VendorSource } from '../../src/catalog';
import { CATEGORY_IDS } from '../../src/catalog';
import { hostMatchesDomain, normaliseDomain, strictParents } from '../../src/domains';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface CatalogInput {
  readonly categories: readonly CategoryEntry[];
  readonly vendors: readonly (VendorEntry & { readonly source?: VendorSource })[];
  readonly dashboards: readonly DashboardEntry[];
}

function domainProblem(domain: unknown): string | undefined {
  if (typeof domain !== 'string') return 'is not a string';
  const checked = normaliseDomain(domain, { allowPrivateSuffix: true });
  if (!checked.ok) return checked.error;
  if (checked.value !== domain) return `must be written as "${checked.value}"`;
  return undefined;
}

interface DomainOwner {
  readonly where: string;
  /** Third-party-web may name a parent of a curated domain: the curated, more specific entry explains that host. */
  readonly broadThirdPartyWeb: boolean;
  /** A first-party-telemetry vendor names exact hosts inside a dashboard's domains (its rules run above the own-domain allow). */
  readonly firstPartyTelemetry?: boolean;
  readonly dashboard?: boolean;
}

export function validateCatalog(input: CatalogInput): string[] {
  const errors: string[] = [];
  const known = new Set<string>(CATEGORY_IDS);

  const categoryIds = new Set<string>();
  for (const category of input.categories) {
    if (!known.has(category.id)) errors.push(`category "${category.id}": unknown category id`);
    if (categoryIds.has(category.id)) errors.push(`category "${category.id}": listed twice`);
    categoryIds.add(category.id);
  }

  // Domain -> owner, for the "a domain in two vendors" and "a vendor domain is a dashboard's own" checks.
  const owners = new Map<string, DomainOwner>();
  const dashboardIds = new Set<string>();
  for (const dashboard of input.dashboards) {
    const where = `dashboard "${dashboard.id}"`;
    if (!ID.test(dashboard.id)) errors.push(`${where}: id must be kebab-case`);
    if (dashboardIds.has(dashboard.id)) errors.push(`${where}: duplicate id`);
    dashboardIds.add(dashboard.id);
    if (dashboard.name.trim() === '') errors.push(`${where}: empty name`);
    if (dashboard.hosts.length === 0) errors.push(`${where}: no hosts`);
    for (const host of [...dashboard.hosts, ...dashboard.ownDomains]) {
      const problem = domainProblem(host);
      if (problem !== undefined) errors.push(`${where}: domain "${String(host)}" ${problem}`);
      else owners.set(host, { where, broadThirdPartyWeb: false, dashboard: true });
    }
    for (const excluded of dashboard.excludedHosts ?? []) {
      const problem = domainProblem(excluded);
      if (problem !== undefined) errors.push(`${where}: excluded host "${String(excluded)}" ${problem}`);
      else if (!dashboard.hosts.some((host) => hostMatchesDomain(excluded, host) && excluded !== host)) {
        errors.push(`${where}: excluded host "${excluded}" is not a subdomain of one of its hosts`);
      }
    }
    for (const pattern of dashboard.sensitivePages ?? []) {
      if (!pattern.startsWith('||') || /\s/.test(pattern))
        errors.push(`${where}: sensitive page "${pattern}" must be a "||host/path" URL filter`);
    }
    for (const domain of dashboard.userContentDomains ?? []) {
      const problem = domainProblem(domain);
      if (problem !== undefined) errors.push(`${where}: user-content domain "${String(domain)}" ${problem}`);
      else if (!dashboard.ownDomains.some((own) => hostMatchesDomain(domain, own)))
        errors.push(`${where}: user-content domain "${domain}" is not one of its own domains`);
    }
    // Strict mode's allowances are stated, never assumed: a dashboard without them would get a self-hosted one's.
    if (dashboard.strictMode === undefined)
      errors.push(`${where}: no strictMode (state the code its sensitive pages need, {} for none)`);
    for (const [kind, reason] of Object.entries(dashboard.strictMode ?? {})) {
      if (typeof reason !== 'string' || reason.trim() === '')
        errors.push(`${where}: strictMode.${kind} needs its reason`);
    }
  }

  const vendorIds = new Set<string>();
  for (const vendor of input.vendors) {
    const where = `vendor "${vendor.id}"`;
    if (!ID.test(vendor.id)) errors.push(`${where}: id must be kebab-case`);
    if (vendorIds.has(vendor.id)) errors.push(`${where}: duplicate id`);
    vendorIds.add(vendor.id);
    if (vendor.name.trim() === '') errors.push(`${where}: empty name`);
    if (vendor.reason.trim() === '') errors.push(`${where}: empty reason`);
    if (!categoryIds.has(vendor.category)) errors.push(`${where}: unknown category "${vendor.category}"`);
    if (vendor.defaultAction !== 'block' && vendor.defaultAction !== 'allow') {
      errors.push(`${where}: defaultAction must be "block" or "allow"`);
    }
    if (vendor.domains.length === 0) errors.push(`${where}: no domains`);
    for (const domain of vendor.domains) {
      const problem = domainProblem(domain);
      if (problem !== undefined) {
        errors.push(`${where}: domain "${String(domain)}" ${problem}`);
        continue;
      }
      const clash = owners.get(domain);
      if (clash !== undefined) errors.push(`${where}: domain "${domain}" is already covered by ${clash.where}`);
      owners.set(domain, {
        where,
        broadThirdPartyWeb: vendor.source === 'third-party-web',
        firstPartyTelemetry: vendor.category === 'first-party-telemetry',
      });
    }
  }
  // Nesting: a domain under another entry's domain (either order of listing).
  for (const [domain, owner] of owners) {
    for (const parent of strictParents(domain)) {
      const other = owners.get(parent);
      if (other === undefined || other.where === owner.where) continue;
      if (other.broadThirdPartyWeb && !owner.broadThirdPartyWeb && owner.where.startsWith('vendor')) continue;
      if (other.dashboard === true && owner.firstPartyTelemetry === true) continue;
      errors.push(`${owner.where}: domain "${domain}" is already covered by ${other.where} ("${parent}")`);
    }
  }
  return errors;
}
