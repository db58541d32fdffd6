/**
 * Which requests the content script reports, and as what (pure, but for each page scope's memo of hosts already
 * answered). Only third parties are reported: a cheap check here drops the page's own host and its dashboard's hosts
 * and own domains, which is nearly all first-party traffic; the background makes the exact call (public suffix list),
 * so this bundle stays free of the suffix list and cheap to load on every dashboard page.
 */
import type { AuditResourceType } from '../audit';
import { capUrl } from '../audit';

const SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:']);

export interface PageScope {
  readonly pageHost: string;
  /** The page's dashboard's hosts and own domains (each covering its subdomains). */
  readonly ownDomains: readonly string[];
  /**
   * Hosts inside those own domains that a vendor names (first-party telemetry): reported all the same, since rules
   * decide about them like any vendor's.
   */
  readonly namedHosts: readonly string[];
  /**
   * Whether each host is reported, as already answered: a page's requests go to a few hosts, hundreds of times each.
   * Emptied at HOST_ANSWERS_KEPT hosts, so a page that makes up host names cannot make it grow.
   */
  readonly hostAnswers: Map<string, boolean>;
}

const HOST_ANSWERS_KEPT = 1_000;

/** `host` is `domain` or a subdomain of it (hosts are lower case, as URL parsing gives them). */
function covers(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function pageScope(
  pageHost: string,
  dashboards: readonly { readonly hosts: readonly string[]; readonly ownDomains: readonly string[] }[],
  namedHosts: readonly string[] = [],
): PageScope {
  const host = pageHost.toLowerCase();
  const dashboard = dashboards.find((d) => d.hosts.some((h) => covers(host, h)));
  return {
    pageHost: host,
    ownDomains: dashboard ? [...dashboard.hosts, ...dashboard.ownDomains] : [],
    namedHosts,
    hostAnswers: new Map<string, boolean>(),
  };
}

export interface ThirdPartyUrl {
  readonly url: string;
  readonly urlTruncated: boolean;
  readonly host: string;
}

/** Whether a request to `host` is reported: a third party's, or a first-party host a vendor names. */
function isReportedHost(host: string, scope: PageScope): boolean {
  if (scope.namedHosts.some((d) => covers(host, d))) return true;
  return host !== scope.pageHost && !scope.ownDomains.some((d) => covers(host, d));
}

function isReported(host: string, scope: PageScope): boolean {
  const answers = scope.hostAnswers;
  let answer = answers.get(host);
  if (answer === undefined) {
    answer = isReportedHost(host, scope);
    if (answers.size >= HOST_ANSWERS_KEPT) answers.clear();
    answers.set(host, answer);
  }
  return answer;
}

/** The request as the audit records it (no fragment, no credentials), or undefined when it is first party or not a network URL. */
export function thirdPartyUrl(raw: string, baseUrl: string, scope: PageScope): ThirdPartyUrl | undefined {
  let url: URL;
  try {
    url = new URL(raw, baseUrl);
  } catch {
    return undefined;
  }
  if (!SCHEMES.has(url.protocol)) return undefined;
  const host = url.hostname;
  if (!isReported(host, scope)) return undefined;
  // Each setter makes the URL again: set only what is there (a page making hundreds of requests pays per request).
  if (url.hash !== '') url.hash = '';
  // Credentials in a URL (https://user:token@host/) never reach the audit, its log or an export.
  if (url.username !== '' || url.password !== '') {
    url.username = '';
    url.password = '';
  }
  const capped = capUrl(url.href);
  return { url: capped.url, urlTruncated: capped.truncated, host };
}

// A serialised http(s)/ws(s) URL whose authority is a plain host name (an optional port, no credentials): what the
// URL parser would give back unchanged.
const PLAIN_SERIALISED = /^(?:https?|wss?):\/\/([a-z0-9._-]+)(?::[0-9]+)?(?=[/?]|$)/;

/**
 * thirdPartyUrl for a URL the browser serialised itself (a Resource Timing entry's name, a script element's `src`),
 * read as a string: a serialised URL parses back to itself, so when it has no fragment and a plain host, its host is
 * where it stands and nothing needs parsing (on a page that makes hundreds of requests, parsing each was most of the
 * content script's cost). Anything else (credentials, an IPv6 host, a fragment, a `src` that did not parse) goes
 * through thirdPartyUrl.
 */
export function serialisedThirdPartyUrl(
  serialised: string,
  baseUrl: () => string,
  scope: PageScope,
): ThirdPartyUrl | undefined {
  const match = serialised.includes('#') ? null : PLAIN_SERIALISED.exec(serialised);
  if (match === null) return thirdPartyUrl(serialised, baseUrl(), scope);
  const host = match[1] ?? '';
  if (!isReported(host, scope)) return undefined;
  const capped = capUrl(serialised);
  return { url: capped.url, urlTruncated: capped.truncated, host };
}

/** declarativeNetRequest's resource type for a Resource Timing `initiatorType`. */
export function resourceTypeOf(initiatorType: string, url: string): AuditResourceType {
  switch (initiatorType) {
    case 'script':
      return 'script';
    case 'img':
    case 'image':
    case 'input':
      return 'image';
    case 'fetch':
    case 'xmlhttprequest':
      return 'xmlhttprequest';
    case 'beacon':
      return 'ping';
    case 'iframe':
    case 'frame':
      return 'sub_frame';
    case 'video':
    case 'audio':
    case 'track':
      return 'media';
    case 'css':
      // Loaded by a stylesheet: a font or an image; the extension tells which.
      return /\.(woff2?|ttf|otf|eot)(\?|$)/i.test(url) ? 'font' : 'image';
    case 'link':
      return /\.css(\?|$)/i.test(url) ? 'stylesheet' : 'other';
    default:
      return 'other';
  }
}

/** declarativeNetRequest's resource type for a CSP directive that refused or reported a request. */
export function resourceTypeOfDirective(directive: string, url: string): AuditResourceType {
  if (directive.startsWith('script-src') || directive === 'worker-src') return 'script';
  if (directive === 'connect-src') return /^wss?:/i.test(url) ? 'websocket' : 'xmlhttprequest';
  if (directive === 'frame-src' || directive === 'child-src') return 'sub_frame';
  if (directive.startsWith('img-src')) return 'image';
  if (directive.startsWith('style-src')) return 'stylesheet';
  if (directive === 'font-src') return 'font';
  if (directive === 'media-src') return 'media';
  return 'other';
}

const JS_TYPES =
  /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/(?:javascript1\.[0-5]|jscript|livescript))$/i;

/** Whether a script element with these attributes makes the browser fetch its `src` (classic or module script). */
export function isFetchedScriptType(type: string | null, noModule: boolean): boolean {
  if (noModule) return false;
  return JS_TYPES.test((type ?? '').trim());
}

/**
 * Keeps a map of tracked items near `max` entries: once it holds a quarter more, the oldest settled ones are
 * forgotten until `max` remain (unsettled ones stay: they still wait for their outcome). Amortised, so a page that
 * inserts scripts by the thousand pays little for it.
 */
export function forgetOldestSettled<K, V extends { readonly settled: boolean }>(map: Map<K, V>, max: number): void {
  if (map.size <= max + Math.floor(max / 4)) return;
  for (const [key, value] of map) {
    if (map.size <= max) return;
    if (value.settled) map.delete(key);
  }
}
