/**
 * The one owner of declarativeNetRequest rule ids, priorities and ruleset ids. Nothing else in Dashguard picks a
 * rule id or a priority: it names a band from here and asks for an id in it.
 *
 * Priority order, low to high (a higher priority wins; at equal priority "allow" beats "block"):
 *   default block < essential allow < user category < user vendor < user vendor-on-dashboard < tab pause
 *   < report-only < policy category block < policy allow < policy block < first party
 *   < own-domain hosts (the same order again, below) < strict-mode CSP < strict-mode replace (allow)
 *   < strict-mode replacement CSP.
 * So a user can loosen a default, a policy beats the user (report-only and pause included), nothing blocks a
 * dashboard's own domains, and no allow rule can switch off the strict-mode header. (A modifyHeaders rule is ignored
 * when an allow rule of the same extension with an equal or higher priority matches the request.) The one exception
 * is deliberate: where the settings loosen strict mode on a dashboard (a vendor allowed there, report-only), the
 * "replace" allow rule switches off the static strict-mode header of that page's document request and the
 * "replacement" rule above it sets the loosened header instead, so the static rulesets never need rewriting.
 *
 * Hosts inside a dashboard's own domains that a vendor names (first-party telemetry such as Bitrise's Segment proxy on
 * pa-events-api.bitrise.io, or a host an organisation's policy blocks there) would lose every decision to the
 * own-domain allow. So every rule about such a host gets a twin restricted to those hosts, in the own-domain-host band
 * between first party and strict mode (OWN_DOMAIN_HOST_PRIORITY): the same precedence again, one level up, for those
 * exact hosts only; the rest of the own domain is untouched.
 *
 * Tab cover (tab-cover.ts): every rule scoped to dashboards by initiator has a twin scoped to the tabs whose top-level
 * document is on those dashboards, with the same priority and action, so a request from any frame of a dashboard tab
 * gets the dashboard's verdict. Chromium: `topDomains` twins (static ruleset tabCover, dynamic band tabCover);
 * Firefox: `tabIds` session rules (session band tabCover).
 */

/** Static rulesets, as named in the manifest's `declarative_net_request.rule_resources`. */
export const RULESET = {
  allowlist: 'dashboard_allowlist',
  blocklist: 'dashboard_blocklist',
  /** Strict-mode headers for the catalog's sensitive pages: in force before the worker runs. */
  strictMode: 'strict_mode',
  /** Chromium only: the `topDomains` twins of the other rulesets' initiator-scoped rules (tab-cover.ts). */
  tabCover: 'tab_cover',
} as const;
export type RulesetId = (typeof RULESET)[keyof typeof RULESET];

export const PRIORITY = {
  defaultBlock: 100,
  essentialAllow: 200,
  userCategory: 300,
  userVendor: 400,
  userVendorOnDashboard: 500,
  tabPause: 600,
  reportOnly: 650,
  policyCategoryBlock: 700,
  policyAllow: 800,
  policyBlock: 900,
  firstParty: 1_000,
  strictModeCsp: 1_200,
  strictModeReplace: 1_300,
  strictModeReplacement: 1_400,
} as const;

/** A priority of the bands below first party, and what it becomes for a host inside a dashboard's own domains. */
type LiftablePriority = Exclude<
  keyof typeof PRIORITY,
  'firstParty' | 'strictModeCsp' | 'strictModeReplace' | 'strictModeReplacement'
>;

/**
 * The own-domain-host band: the precedence below first party, replayed between first party (1,000) and strict mode
 * (1,200) for the exact hosts inside a dashboard's own domains that a vendor names, so they win over the own-domain
 * allow and keep their order among themselves.
 */
export const OWN_DOMAIN_HOST_PRIORITY: Readonly<Record<LiftablePriority, number>> = {
  defaultBlock: 1_010,
  essentialAllow: 1_020,
  userCategory: 1_030,
  userVendor: 1_040,
  userVendorOnDashboard: 1_050,
  tabPause: 1_060,
  reportOnly: 1_065,
  policyCategoryBlock: 1_070,
  policyAllow: 1_080,
  policyBlock: 1_090,
};

/** The own-domain-host priority of a rule's priority, or undefined for one that is not below first party. */
export function ownDomainHostPriority(priority: number): number | undefined {
  const name = (Object.keys(OWN_DOMAIN_HOST_PRIORITY) as LiftablePriority[]).find((key) => PRIORITY[key] === priority);
  return name === undefined ? undefined : OWN_DOMAIN_HOST_PRIORITY[name];
}

export type PriorityBand = keyof typeof PRIORITY;

/**
 * The band a rule's priority belongs to, the own-domain-host band read as the band it replays (the same decision, for
 * a host inside a dashboard's own domains); undefined for a priority no band owns. The audit names a decision by it.
 */
export function priorityBand(priority: number): PriorityBand | undefined {
  const bands = Object.keys(PRIORITY) as PriorityBand[];
  return (
    bands.find((band) => PRIORITY[band] === priority) ??
    (Object.keys(OWN_DOMAIN_HOST_PRIORITY) as LiftablePriority[]).find(
      (band) => OWN_DOMAIN_HOST_PRIORITY[band] === priority,
    )
  );
}

/** Size of each dynamic/session id band; far above the browsers' 5,000 dynamic-rule limit. */
const BAND_SIZE = 100_000;

/**
 * Bands of dynamic and session rule ids, one per kind of rule. An id tells which kind made it, so the audit can name
 * the reason for a match from the id alone, and stale ids from an older version are recognised and removed.
 */
export const DYNAMIC_BAND = {
  customDashboardBlock: 1,
  customDashboardEssential: 2,
  userCategory: 3,
  userVendor: 4,
  userVendorOnDashboard: 5,
  policyCategoryBlock: 7,
  policyAllow: 8,
  policyBlock: 9,
  reportOnly: 11,
  strictModeCsp: 12,
  customVendorDefault: 13,
  strictModeReplace: 14,
  strictModeReplacement: 15,
  /** Twins of the rules above for hosts inside a dashboard's own domains (OWN_DOMAIN_HOST_PRIORITY). */
  ownDomainHost: 16,
  /** Chromium: the `topDomains` twins of the dynamic rules above. */
  tabCover: 17,
} as const;
export type DynamicBand = keyof typeof DYNAMIC_BAND;

export const SESSION_BAND = {
  tabPause: 6,
  /** Twins of session rules for hosts inside a dashboard's own domains (OWN_DOMAIN_HOST_PRIORITY). */
  ownDomainHost: 20,
  /** Firefox: the `tabIds` twins of the static and dynamic rules scoped by initiator. */
  tabCover: 21,
} as const;
export type SessionBand = keyof typeof SESSION_BAND;

function idInBand(band: number, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= BAND_SIZE) {
    throw new RangeError(`rule index ${index} is outside its band (0..${BAND_SIZE - 1})`);
  }
  return band * BAND_SIZE + index + 1;
}

/** The id of the `index`-th dynamic rule of a kind. */
export function dynamicRuleId(band: DynamicBand, index: number): number {
  return idInBand(DYNAMIC_BAND[band], index);
}

/** The id of the `index`-th session rule of a kind. */
export function sessionRuleId(band: SessionBand, index: number): number {
  return idInBand(SESSION_BAND[band], index);
}

/** Which kind of dynamic rule an id belongs to, or undefined for an id no current band owns (stale: remove it). */
export function dynamicBandOf(id: number): DynamicBand | undefined {
  const band = Math.floor((id - 1) / BAND_SIZE);
  return (Object.keys(DYNAMIC_BAND) as DynamicBand[]).find((name) => DYNAMIC_BAND[name] === band);
}

/** Static rule ids are positions in their ruleset file, from 1. */
export function staticRuleId(index: number): number {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`bad static rule index ${index}`);
  return index + 1;
}
