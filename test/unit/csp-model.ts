/**
 * A small model of how a browser enforces Content-Security-Policy headers, for the directives and source expressions
 * strict mode writes ('self', host sources with an optional scheme and `*.`, data:, blob:, 'none', fallback to
 * default-src), with CSP3 scheme
 * matching (a scheme-less source on an https page does not match wss:). Every enforced policy must allow a load;
 * report-only policies never refuse. Unit tests use it to check strict-mode rules by outcome.
 */
import type { DnrHeaderOperation, ResourceType } from '../../src/rules/dnr-rule';

const DIRECTIVE_FOR: Partial<Record<ResourceType, string>> = {
  script: 'script-src',
  xmlhttprequest: 'connect-src',
  websocket: 'connect-src',
  ping: 'connect-src',
  sub_frame: 'frame-src',
  image: 'img-src',
  stylesheet: 'style-src',
  font: 'font-src',
  media: 'media-src',
  // What DNR calls "other" from a page (prefetch, a manifest, an object's data) falls to default-src at least.
  other: 'default-src',
};

/** CSP3 "scheme-part match": may a source (or page) of scheme `a` load a URL of scheme `b`? */
function schemeMatches(a: string, b: string): boolean {
  return (
    a === b ||
    (a === 'http' && b === 'https') ||
    (a === 'ws' && ['wss', 'http', 'https'].includes(b)) ||
    (a === 'wss' && b === 'https')
  );
}

function sourceMatches(source: string, url: URL, page: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  const pageScheme = page.protocol.slice(0, -1);
  if (source === "'self'") {
    // 'self' also covers the page's host over WebSockets.
    const sameHost = url.host === page.host;
    return (
      sameHost &&
      (scheme === pageScheme ||
        schemeMatches(pageScheme, scheme) ||
        (pageScheme === 'https' && scheme === 'wss') ||
        (pageScheme === 'http' && scheme === 'ws'))
    );
  }
  if (source.startsWith("'")) return false;
  if (/^[a-z][a-z0-9+.-]*:$/.test(source)) return scheme === source.slice(0, -1);
  const explicit = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/.exec(source);
  const hostPart = explicit ? explicit[2]! : source;
  if (!schemeMatches(explicit ? explicit[1]! : pageScheme, scheme)) return false;
  const host = url.hostname;
  if (hostPart.startsWith('*.')) return host.endsWith(hostPart.slice(1));
  return host === hostPart;
}

function allows(policy: string, directive: string, url: URL, page: URL): boolean {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map((parts) => [parts[0]!, parts.slice(1)]),
  );
  // CSP3 fallbacks: worker-src to script-src, then every fetch directive to default-src.
  const sources =
    directives.get(directive) ??
    (directive === 'worker-src' ? directives.get('script-src') : undefined) ??
    directives.get('default-src');
  if (sources === undefined) return true;
  return sources.some((source) => sourceMatches(source, url, page));
}

export type CspOutcome = 'allowed' | 'refused' | 'reported';

/** What the page at `pageUrl`, under the headers appended to its document, does with a request of `type` to `url`. */
export function cspOutcome(
  headers: readonly DnrHeaderOperation[],
  pageUrl: string,
  type: ResourceType,
  url: string,
): CspOutcome {
  const directive = DIRECTIVE_FOR[type];
  if (directive === undefined) return 'allowed';
  const page = new URL(pageUrl);
  const target = new URL(url);
  const policies = (name: string): string[] =>
    headers.filter((h) => h.header.toLowerCase() === name && h.operation === 'append').map((h) => h.value ?? '');
  if (policies('content-security-policy').some((policy) => !allows(policy, directive, target, page))) return 'refused';
  if (policies('content-security-policy-report-only').some((policy) => !allows(policy, directive, target, page)))
    return 'reported';
  return 'allowed';
}
