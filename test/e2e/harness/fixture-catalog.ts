/**
 * The vendors and sites the fixture page exercises, derived from the real catalog so a vendor added there is tested
 * without touching the e2e tests.
 */
import { dashboards } from '../../../rules/catalog/dashboards';
import { curatedVendors } from '../../../rules/catalog/vendors';
import type { VendorEntry } from '../../../src/catalog/catalog-types';
import { hostMatchesDomain } from './domain-match';
import type { RecordedRequest } from './request-log';

export interface FixtureVendor {
  readonly vendor: VendorEntry;
  /**
   * Where the page loads the vendor's script from: a `cdn.` subdomain of each catalog domain, as real snippets load
   * from a CDN host, which also exercises the rule's subdomain matching.
   */
  readonly scriptHosts: readonly string[];
  /** Where the page sends its own beacons (image, fetch): each catalog domain itself. */
  readonly beaconHosts: readonly string[];
  /**
   * navigator.sendBeacon goes out once per vendor from the page (to the first domain) and once from the snippet (on
   * the first script host), not once per host: Chromium fails keep-alive requests beyond 256 in flight per page
   * (URLLoaderFactory::kMaxKeepaliveConnectionsPerTopLevelFrame, net::ERR_INSUFFICIENT_RESOURCES).
   */
  readonly sendBeaconHosts: { readonly page: string; readonly snippet: string };
}

export const fixtureVendors: readonly FixtureVendor[] = curatedVendors.map((vendor) => {
  const scriptHosts = vendor.domains.map((domain) => `cdn.${domain}`);
  const beaconHosts = [...vendor.domains];
  return {
    vendor,
    scriptHosts,
    beaconHosts,
    sendBeaconHosts: { page: beaconHosts[0] ?? '', snippet: scriptHosts[0] ?? '' },
  };
});

/** Keep-alive requests one page load makes at once, with room under Chromium's limit of 256 for the SDKs' own. */
const MAX_SEND_BEACONS_PER_PAGE = 200;

export const blockedVendors = fixtureVendors.filter((entry) => entry.vendor.defaultAction === 'block');
export const allowedVendors = fixtureVendors.filter((entry) => entry.vendor.defaultAction === 'allow');

/** The three sites the same fixture page is served from. */
export const SITES = {
  /** The logged-in CircleCI app: Dashguard's rules apply here. */
  dashboard: 'app.circleci.com',
  /** CircleCI's marketing site: not a dashboard, so nothing is touched. */
  marketing: 'circleci.com',
  /** A site that has nothing to do with any dashboard. */
  unrelated: 'unrelated.example',
  /** A self-hosted CI that is not in the catalog: a dashboard only when a setting or a policy adds it. */
  selfHosted: 'ci.selfhosted.example',
  /** Another built-in dashboard (GitLab), for rules that must hold on one dashboard and not on another. */
  otherDashboard: 'gitlab.com',
} as const;
export type SiteName = keyof typeof SITES;

/** The page path, as on the real app: rules are scoped by host, so the path only needs to look realistic. */
export const DASHBOARD_PATH = '/pipelines/github/dashguard/demo';

export function siteUrl(site: SiteName, query: Record<string, string> = {}): string {
  const url = new URL(`https://${SITES[site]}${DASHBOARD_PATH}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.href;
}

/**
 * Fails at import time if the catalog no longer matches the premises of the tests (the app host is a dashboard,
 * the marketing host is not, the essential vendors are allowed), so a catalog change cannot turn a test vacuous.
 */
function checkPremises(): void {
  const isDashboardHost = (host: string): boolean =>
    dashboards.some(
      (dashboard) =>
        dashboard.hosts.some((h) => hostMatchesDomain(host, h)) &&
        !(dashboard.excludedHosts ?? []).includes(host) &&
        !dashboard.hosts.some((h) => host === `www.${h}`),
    );
  const problems: string[] = [];
  if (!isDashboardHost(SITES.dashboard))
    problems.push(`${SITES.dashboard} is not a dashboard host in rules/catalog/dashboards.ts`);
  if (isDashboardHost(SITES.marketing)) problems.push(`${SITES.marketing} (marketing) is a dashboard host`);
  if (isDashboardHost(SITES.unrelated)) problems.push(`${SITES.unrelated} is a dashboard host`);
  if (isDashboardHost(SITES.selfHosted))
    problems.push(`${SITES.selfHosted} (self-hosted) is a built-in dashboard host`);
  if (!isDashboardHost(SITES.otherDashboard))
    problems.push(`${SITES.otherDashboard} is not a dashboard host in rules/catalog/dashboards.ts`);
  for (const id of ['pusher', 'launchdarkly']) {
    const vendor = curatedVendors.find((v) => v.id === id);
    if (vendor?.defaultAction !== 'allow') problems.push(`curated vendor "${id}" is missing or not allowed by default`);
  }
  if (blockedVendors.length === 0) problems.push('the catalog has no vendor blocked by default');
  if (curatedVendors.some((vendor) => vendor.domains.length === 0)) problems.push('a curated vendor has no domain');
  if (fixtureVendors.length * 2 > MAX_SEND_BEACONS_PER_PAGE) {
    problems.push(
      `${fixtureVendors.length} vendors send more than ${MAX_SEND_BEACONS_PER_PAGE} beacons per page: split the fixture page`,
    );
  }
  if (problems.length > 0) throw new Error(`The e2e fixture no longer fits the catalog:\n- ${problems.join('\n- ')}`);
}
checkPremises();

/** Every catalog domain, longest first, with its vendor: used to attribute a host to exactly one vendor. */
const domainOwners: readonly { domain: string; vendorId: string }[] = curatedVendors
  .flatMap((vendor) => vendor.domains.map((domain) => ({ domain, vendorId: vendor.id })))
  .sort((a, b) => b.domain.length - a.domain.length);

/** The vendor whose most specific catalog domain covers `host`, as the rules would see it. */
export function vendorOwningHost(host: string): string | undefined {
  return domainOwners.find((owner) => hostMatchesDomain(host, owner.domain))?.vendorId;
}

/** Requests that reached one of the vendor's domains (or their subdomains). */
export function requestsToVendor(requests: readonly RecordedRequest[], vendorId: string): RecordedRequest[] {
  return requests.filter((request) => vendorOwningHost(request.host) === vendorId);
}

/** Every host name the browsers must send to the fixture server, as domains that also cover their subdomains. */
export function fixtureDomains(): string[] {
  return [...new Set([...curatedVendors.flatMap((vendor) => vendor.domains), ...Object.values(SITES)])].sort();
}
