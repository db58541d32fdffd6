/**
 * Strict mode's Content-Security-Policy: the header a declarativeNetRequest `modifyHeaders` rule appends to the
 * document response of a sensitive page (token and secret pages). An appended policy is enforced next to the site's
 * own (a resource must pass both), so it can only narrow what the page loads, never widen it.
 *
 * Every fetch directive is set (default-src, script, style, img, font, media, connect, frame, worker, manifest,
 * object), plus form-action and base-uri: the page may load from, send to and post to its own origin, its dashboard's
 * hosts and own domains, and the vendors allowed on that dashboard, and nothing else. Code (scripts, workers) never
 * comes from the own domains that serve what users upload (`userContentDomains`: GitHub's githubusercontent.com,
 * CircleCI's artifacts). `data:` and `blob:` are allowed only where they make no request and run no code (images,
 * fonts, media); inline code and eval only where the dashboard's own pages need them (`strictMode` in the catalog,
 * each with its reason).
 *
 * The same rule also appends a `Server-Timing` metric (the marker): the content script reads it from the document's
 * own navigation entry, so the popup and the audit say "strict mode" only for a document that was really loaded under
 * this policy, never from the URL alone (docs: README "Strict mode on sensitive pages").
 */
import type { DashboardEntry, StrictModeAllowances, StrictModeNeeds } from '../catalog';
import type { DnrRule, ResourceType } from '../rules';
import { hostMatchesAny } from '../domains';
import { STRICT_MODE_MARKER, STRICT_MODE_MARKER_HEADER } from './document-strict-mode';

/** Both browsers accept appending to this response header (Chromium 156 and Firefox ESR 153, see the e2e tests). */
export const CSP_HEADER = 'Content-Security-Policy';
/** Report-only mode appends this one instead: violations are reported (to the page's console and to a
 * `securitypolicyviolation` event the audit can see), nothing is refused. */
export const CSP_REPORT_ONLY_HEADER = 'Content-Security-Policy-Report-Only';

/** Strict mode applies to the page itself and to frames that load a sensitive page. */
export const STRICT_MODE_RESOURCE_TYPES = ['main_frame', 'sub_frame'] as const;

/**
 * Allowances for a page whose dashboard the catalog does not describe (a self-hosted Jenkins, GitLab, TeamCity...,
 * or a page an organisation added outside any dashboard): nothing tells what its pages need.
 */
export const UNKNOWN_DASHBOARD_ALLOWANCES: StrictModeAllowances = {
  inlineScripts:
    'Self-hosted CI pages (Jenkins, GitLab, TeamCity) use inline scripts; their own policy, if any, decides.',
  evalScripts:
    "Self-hosted CI pages may evaluate code (GitLab's own policy allows it); their own policy, if any, decides.",
  blobScripts: 'Self-hosted GitLab runs workers from blob: URLs.',
};

/** Where a sensitive page's policy lets it load from, send to and take code from, besides its own origin. */
export interface StrictModeSources {
  /** Hosts (each with its subdomains) the page may use: its dashboard's hosts and own domains, allowed vendors. */
  readonly domains: readonly string[];
  /** The ones code may come from: the same without the own domains that serve user content. */
  readonly scriptDomains: readonly string[];
  readonly allowances: StrictModeAllowances;
  /** Exact hosts its profile says the app needs, by what loads them (the build derives them: strict-mode-needs.ts). */
  readonly needs: StrictModeNeeds;
}

const NO_NEEDS: StrictModeNeeds = { image: [], script: [], connect: [], frame: [], style: [] };

/** The sources of a sensitive page of `dashboard` (undefined: a page on no known dashboard: its own origin only). */
export function strictModeSources(
  dashboard:
    Pick<DashboardEntry, 'hosts' | 'ownDomains' | 'userContentDomains' | 'strictMode' | 'strictModeNeeds'> | undefined,
  allowedVendorDomains: readonly string[] = [],
): StrictModeSources {
  const own = [...(dashboard?.hosts ?? []), ...(dashboard?.ownDomains ?? [])];
  const userContent = dashboard?.userContentDomains ?? [];
  const sorted = (list: readonly string[]): string[] => [...new Set(list)].sort();
  return {
    domains: sorted([...own, ...allowedVendorDomains]),
    scriptDomains: sorted([...own.filter((domain) => !hostMatchesAny(domain, userContent)), ...allowedVendorDomains]),
    // Every catalog dashboard states its allowances (the build checks it); a self-hosted one cannot.
    allowances: dashboard?.strictMode ?? UNKNOWN_DASHBOARD_ALLOWANCES,
    needs: dashboard?.strictModeNeeds ?? NO_NEEDS,
  };
}

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

/** The policy text for a sensitive page with these sources. */
export function strictModePolicy(sources: StrictModeSources): string {
  const hosts = hostSources(sources.domains);
  const code = hostSources(sources.scriptDomains);
  const { inlineScripts, evalScripts, blobScripts } = sources.allowances;
  const { needs } = sources;
  const directive = (name: string, ...list: string[]): string => [name, ...list].join(' ');
  // A needed host is one exact host (no subdomains), in the directives that load it only.
  const exact = (...lists: (readonly string[])[]): string[] => [...new Set(lists.flat())].sort();
  return [
    directive('default-src', "'self'", ...hosts),
    directive(
      'script-src',
      "'self'",
      ...(inlineScripts ? ["'unsafe-inline'"] : []),
      ...(evalScripts ? ["'unsafe-eval'"] : []),
      ...(blobScripts ? ['blob:'] : []),
      ...code,
      ...exact(needs.script),
    ),
    directive('worker-src', "'self'", ...(blobScripts ? ['blob:'] : []), ...code),
    // Styles run no code, and every dashboard styles its elements inline; what a style loads is img-src and font-src.
    directive('style-src', "'self'", "'unsafe-inline'", ...hosts, ...exact(needs.style)),
    // data: and blob: make no request: icons, inline images, fonts and media players need them everywhere.
    directive('img-src', "'self'", 'data:', 'blob:', ...hosts, ...exact(needs.image)),
    directive('font-src', "'self'", 'data:', ...hosts, ...exact(needs.connect)),
    directive('media-src', "'self'", 'blob:', ...hosts),
    directive(
      'connect-src',
      "'self'",
      ...hostSources(sources.domains, true),
      ...exact(needs.connect).flatMap((host) => [host, `wss://${host}`]),
    ),
    directive('frame-src', "'self'", ...hosts, ...exact(needs.frame)),
    directive('manifest-src', "'self'", ...hosts),
    "object-src 'none'",
    directive('form-action', "'self'", ...hosts),
    "base-uri 'self'",
  ].join('; ');
}

export interface StrictModeRuleSpec {
  readonly id: number;
  readonly priority: number;
  /** A `||host/path` URL filter of the sensitive page. */
  readonly urlFilter: string;
  readonly sources: StrictModeSources;
  /** Report-only mode: report what the policy would refuse, refuse nothing. */
  readonly reportOnly?: boolean;
}

/** The modifyHeaders rule that puts a sensitive page in strict mode, and marks the response as such. */
export function strictModeRule(spec: StrictModeRuleSpec): DnrRule {
  return {
    id: spec.id,
    priority: spec.priority,
    action: {
      type: 'modifyHeaders',
      responseHeaders: [
        {
          header: spec.reportOnly ? CSP_REPORT_ONLY_HEADER : CSP_HEADER,
          operation: 'append',
          value: strictModePolicy(spec.sources),
        },
        {
          header: STRICT_MODE_MARKER_HEADER,
          operation: 'append',
          value: spec.reportOnly ? STRICT_MODE_MARKER.reportOnly : STRICT_MODE_MARKER.enforced,
        },
      ],
    },
    condition: { urlFilter: spec.urlFilter, resourceTypes: [...STRICT_MODE_RESOURCE_TYPES] },
  };
}

/**
 * Whether the policy with these sources lets a document at `documentUrl` make a request of `type` to `url` (pure; the
 * audit's model of the header above, checked against the CSP model in the unit tests). Every type the page can
 * request is covered; only code is held to `scriptDomains`.
 */
export function strictModeAllows(
  sources: StrictModeSources,
  type: ResourceType,
  url: string,
  documentUrl: string,
): boolean {
  if (type === 'main_frame') return true;
  let target: URL;
  let document: URL;
  try {
    target = new URL(url);
    document = new URL(documentUrl);
  } catch {
    return false;
  }
  // 'self' is the document's origin; CSP Level 3 lets it cover ws(s) to the same host too.
  const wsScheme = document.protocol === 'https:' ? 'wss:' : 'ws:';
  if (target.origin === document.origin || (target.protocol === wsScheme && target.host === document.host)) return true;
  // CSP3 scheme matching: a scheme-less host source takes the page's scheme (or its secure upgrade); connect-src also
  // lists each host with ws://, which matches every one of http, https, ws and wss.
  const connect = type === 'xmlhttprequest' || type === 'websocket' || type === 'ping';
  const schemes = connect
    ? ['http:', 'https:', 'ws:', 'wss:']
    : document.protocol === 'https:'
      ? ['https:']
      : ['http:', 'https:'];
  if (!schemes.includes(target.protocol)) return false;
  const host = target.hostname.toLowerCase().replace(/\.$/, '');
  if (hostMatchesAny(host, type === 'script' ? sources.scriptDomains : sources.domains)) return true;
  // A needed host is exact, and only in the directives that load it (connect-src lists it with https and wss).
  const needed = NEEDS_BY_TYPE[type]?.flatMap((kind) => sources.needs[kind]) ?? [];
  const exactSchemes = [
    ...(document.protocol === 'https:' ? ['https:'] : ['http:', 'https:']),
    ...(connect ? ['wss:'] : []),
  ];
  return exactSchemes.includes(target.protocol) && needed.includes(host);
}

/** Which of a dashboard's needs a request of each type may use. */
const NEEDS_BY_TYPE: Partial<Record<ResourceType, readonly (keyof StrictModeNeeds)[]>> = {
  script: ['script'],
  stylesheet: ['style'],
  image: ['image'],
  font: ['connect'],
  xmlhttprequest: ['connect'],
  websocket: ['connect'],
  ping: ['connect'],
  sub_frame: ['frame'],
};
