/**
 * Strict mode's Content-Security-Policy: the header a declarativeNetRequest `modifyHeaders` rule appends to the
 * document response of a sensitive page (token and secret pages). An appended policy is enforced next to the site's
 * own (a resource must pass both), so it can only narrow what the page loads, never widen it.
 *
 * What it narrows: scripts, workers, connections (fetch, XHR, WebSocket, sendBeacon, EventSource) and frames may
 * come from the page's own origin, the dashboard's hosts and its own domains (and the domains of vendors the user
 * allowed on that dashboard) only. That keeps third-party code off the page and keeps the page's own code from
 * sending data to a third party; the page itself still works. Images, styles and fonts are left alone: they run no
 * code, and avatars or fonts from a CDN would otherwise break.
 */
import type { DashboardEntry } from './catalog-types';
import type { DnrRule } from './dnr-rule';

/** Both browsers accept appending to this response header (Chromium 156 and Firefox ESR 153, see the e2e tests). */
export const CSP_HEADER = 'Content-Security-Policy';
/** Report-only mode appends this one instead: violations are reported (to the page's console and to a
 * `securitypolicyviolation` event the audit can see), nothing is refused. */
export const CSP_REPORT_ONLY_HEADER = 'Content-Security-Policy-Report-Only';

/** Strict mode applies to the page itself and to frames that load a sensitive page. */
export const STRICT_MODE_RESOURCE_TYPES = ['main_frame', 'sub_frame'] as const;

/**
 * Source expressions for a list of domains: each domain and its subdomains, with no scheme, so an https page allows
 * https, and an http page (a self-hosted dashboard) http and https. A scheme-less source never matches a WebSocket
 * URL from an http(s) page (CSP3 "scheme-part match": https does not match wss), so connect-src also lists each
 * domain with wss:// and ws://: live build logs (Pusher, GitHub's alive.github.com) are WebSockets.
 */
function hostSources(domains: Iterable<string>, withSockets = false): string[] {
  return [...new Set(domains)].sort().flatMap((domain) => {
    const hosts = [domain, `*.${domain}`];
    return withSockets ? [...hosts, ...hosts.map((h) => `wss://${h}`), ...hosts.map((h) => `ws://${h}`)] : hosts;
  });
}

/** The domains strict mode lets a dashboard's sensitive page use, besides its own origin. */
export function strictModeDomains(dashboard: Pick<DashboardEntry, 'hosts' | 'ownDomains'> | undefined, allowedVendorDomains: readonly string[] = []): string[] {
  return [...new Set([...(dashboard?.hosts ?? []), ...(dashboard?.ownDomains ?? []), ...allowedVendorDomains])].sort();
}

/** The policy text for a sensitive page of `dashboard`. */
export function strictModePolicy(domains: readonly string[]): string {
  const hosts = hostSources(domains);
  const list = (...sources: string[]): string => [...sources, ...hosts].join(' ');
  // 'unsafe-inline' and 'unsafe-eval' only keep this policy from judging inline code: the site's own policy still
  // does. What this policy adds is the list of hosts code may come from and talk to.
  return [
    `script-src ${list("'self'", "'unsafe-inline'", "'unsafe-eval'", 'blob:')}`,
    `worker-src ${list("'self'", 'blob:')}`,
    `connect-src ${["'self'", ...hostSources(domains, true)].join(' ')}`,
    `frame-src ${list("'self'")}`,
    "object-src 'none'",
  ].join('; ');
}

export interface StrictModeRuleSpec {
  readonly id: number;
  readonly priority: number;
  /** A `||host/path` URL filter of the sensitive page. */
  readonly urlFilter: string;
  readonly domains: readonly string[];
  /** Report-only mode: report what the policy would refuse, refuse nothing. */
  readonly reportOnly?: boolean;
}

/** The modifyHeaders rule that puts a sensitive page in strict mode. */
export function strictModeRule(spec: StrictModeRuleSpec): DnrRule {
  return {
    id: spec.id,
    priority: spec.priority,
    action: {
      type: 'modifyHeaders',
      responseHeaders: [{ header: spec.reportOnly ? CSP_REPORT_ONLY_HEADER : CSP_HEADER, operation: 'append', value: strictModePolicy(spec.domains) }],
    },
    condition: { urlFilter: spec.urlFilter, resourceTypes: [...STRICT_MODE_RESOURCE_TYPES] },
  };
}

/** CSP fetch directives this policy restricts, by DNR resource type of the request made from the page. */
export const STRICT_MODE_RESTRICTED_TYPES: ReadonlySet<string> = new Set(['script', 'xmlhttprequest', 'websocket', 'ping', 'sub_frame', 'other']);
