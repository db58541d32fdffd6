/**
 * Types of the catalog: vendors, dashboards and categories. The data lives in `rules/catalog/`;
 * these types are shared by the build (rule generation) and by the extension at run time.
 */

/** What Dashguard does with a vendor on a dashboard when nobody said otherwise. */
export type DefaultAction = 'block' | 'allow';

/** Category ids. Kept as a literal union so a typo in a catalog file is a compile error. */
export const CATEGORY_IDS = [
  'analytics',
  'advertising',
  'marketing',
  'session-replay',
  'product-tour',
  'support-widget',
  'social',
  'tag-manager',
  'consent',
  'ab-testing',
  'monitoring',
  'realtime',
  'feature-flags',
  'payments',
  'sign-in',
  'captcha',
  'avatars',
  'status',
  'first-party-telemetry',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface CategoryEntry {
  readonly id: CategoryId;
  /** Shown in the UI. */
  readonly label: string;
  /** One line for the options page: why vendors of this kind are blocked or kept. */
  readonly description: string;
  /** The default for vendors of this category that come from third-party-web (curated vendors set their own). */
  readonly defaultAction: DefaultAction;
  /**
   * Why dashboards need vendors of this category, when they do: such a category is allowed by default and the
   * breakage guard keeps "block all" of the other categories from touching the hosts dashboard profiles need. A
   * person or a policy can still block it.
   */
  readonly essentialBecause?: string;
}

export interface VendorEntry {
  /** Stable kebab-case id; settings and policy refer to it, so it never changes once released. */
  readonly id: string;
  readonly name: string;
  readonly category: CategoryId;
  /**
   * Host names or registrable domains, lower case, ASCII (punycode). Each also covers its subdomains,
   * as declarativeNetRequest's `requestDomains` does.
   */
  readonly domains: readonly string[];
  readonly defaultAction: DefaultAction;
  /** One line a user reads in the UI: why this vendor is blocked or kept. */
  readonly reason: string;
  /**
   * Where this vendor's classification differs from third-party-web's (another category that third-party-web
   * blocks or allows, another entity owning one of the domains), the explanation. The cross-check test fails on any
   * disagreement that is not explained here.
   */
  readonly thirdPartyWebNote?: string;
}

/** Where a vendor entry came from: curated by us, or generated from the third-party-web package. */
export type VendorSource = 'curated' | 'third-party-web';

export interface CatalogVendor extends VendorEntry {
  readonly source: VendorSource;
}

/**
 * Code a dashboard's own sensitive pages run that strict mode's policy must let through, each given with the reason
 * (and where the evidence comes from). Absent: the policy refuses it. Either way the site's own policy still applies.
 */
export interface StrictModeAllowances {
  /** Inline `<script>` elements and event-handler attributes ('unsafe-inline' in script-src). */
  readonly inlineScripts?: string;
  /** `eval()` and `new Function()` ('unsafe-eval'). */
  readonly evalScripts?: string;
  /** Scripts and workers made from `blob:` URLs. */
  readonly blobScripts?: string;
}

/** Where a fact of the catalog comes from, and how old the evidence is. */
export interface EvidenceSource {
  /** `owner/repo:path`, a GitHub issue (`owner/repo#123`), or a documentation URL. */
  readonly where: string;
  /** When the evidence was seen or last changed: `YYYY` or `YYYY-MM`. */
  readonly seen: string;
  /** Evidence older than the service's current app (an archived frontend, a years-old capture): said so in the docs. */
  readonly old?: true;
}

/** What a dashboard needs a host for. */
export type NeededPurpose =
  | 'app'
  | 'sign-in'
  | 'captcha'
  | 'avatars'
  | 'billing'
  | 'status'
  | 'logs-artifacts'
  | 'realtime'
  | 'assets'
  | 'feature-flags';

/** How the real app requests a host: the fixture page per dashboard requests it the same way. */
export type RequestKind = 'image' | 'script' | 'fetch' | 'frame' | 'stylesheet';

/** A host a dashboard's logged-in app loads and cannot work without. */
export interface NeededHost {
  /** An exact host name (a `*` label becomes one real example host, e.g. `productionresultssa0.blob.core.windows.net`). */
  readonly host: string;
  readonly purpose: NeededPurpose;
  readonly loadedAs: RequestKind;
  readonly source: EvidenceSource;
}

/** A third party the real app loads that Dashguard blocks by default: the profile's fixture page proves it stays blocked. */
export interface ProfileTracker {
  readonly host: string;
  readonly loadedAs: RequestKind;
  readonly source: EvidenceSource;
}

/** What the real logged-in app of a dashboard loads, from its published CSP, allow-list docs or open-source frontend. */
export interface DashboardProfile {
  readonly dashboardId: string;
  readonly needs: readonly NeededHost[];
  readonly trackers: readonly ProfileTracker[];
}

/**
 * A registrable domain that also serves sign-in, APIs, CDNs or products of a large company: never blocked whole, only
 * the tracking hosts a vendor names under it.
 */
export interface PlatformDomain {
  readonly domain: string;
  readonly company: string;
  /** What else it serves (why blocking it whole breaks things). */
  readonly serves: string;
  /** Hosts under it that serve the product, never tracking, even when an entity lists them (`www.linkedin.com`). */
  readonly productHosts?: readonly string[];
}

/**
 * Exact hosts beyond the dashboard's own domains that its sensitive pages need, by what loads them, derived by the build
 * from the dashboard's profile (rules/catalog/dashboard-profiles.ts): the app's own hosts, its assets, its avatars and
 * its sign-in, never captcha, billing, realtime, status or logs (vendors, or not on token pages).
 */
export interface StrictModeNeeds {
  readonly image: readonly string[];
  readonly script: readonly string[];
  /** fetch, XHR, WebSocket, beacons, and the fonts a needed stylesheet loads. */
  readonly connect: readonly string[];
  readonly frame: readonly string[];
  readonly style: readonly string[];
}

export interface DashboardEntry {
  /** Stable kebab-case id. */
  readonly id: string;
  readonly name: string;
  /**
   * Hosts of the authenticated app. Each also covers its subdomains (as `initiatorDomains` does), except the
   * ones listed in `excludedHosts` and the `www.` subdomain, which are always marketing.
   */
  readonly hosts: readonly string[];
  /** Subdomains of `hosts` that are marketing or documentation, never the dashboard. */
  readonly excludedHosts?: readonly string[];
  /**
   * The service's own domains (asset CDNs, API and avatar hosts). They are the dashboard itself: never blocked
   * there, and counted as first party by the audit.
   */
  readonly ownDomains: readonly string[];
  /**
   * Those of `ownDomains` (or their subdomains) that serve what users upload or build: artifacts, raw files,
   * attachments. They stay first party, but strict mode never takes code from them: anyone's file could run there.
   */
  readonly userContentDomains?: readonly string[];
  /**
   * URL filters (declarativeNetRequest `urlFilter` syntax) of pages that create tokens or show secrets. Used by
   * strict mode.
   */
  readonly sensitivePages?: readonly string[];
  /** What strict mode's policy lets the sensitive pages run besides scripts from the dashboard's own hosts. Every
   * catalog dashboard states it (`{}` for nothing); a self-hosted one gets UNKNOWN_DASHBOARD_ALLOWANCES. */
  readonly strictMode?: StrictModeAllowances;
  /** Written by the build from the dashboard's profile (never in the catalog source): see StrictModeNeeds. */
  readonly strictModeNeeds?: StrictModeNeeds;
}
