/**
 * Matching a host against a domain the way declarativeNetRequest's `requestDomains` / `initiatorDomains` do (the
 * domain itself and its subdomains). Plain string work, apart from domain-name.ts and its public-suffix list.
 */

/**
 * The host name of a URL as the browser requests it and the rules match it: lower case, without a trailing dot
 * (`cdn.example.com.` is `cdn.example.com`), no port; '' when the URL does not parse.
 */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** True when `host` is `domain` or one of its subdomains. Both must already be normalised. */
export function hostMatchesDomain(host: string, domain: string): boolean {
  return (
    host === domain ||
    (host.length > domain.length && host.endsWith(domain) && host[host.length - domain.length - 1] === '.')
  );
}

/** True when `host` is covered by any of `domains`. */
export function hostMatchesAny(host: string, domains: Iterable<string>): boolean {
  for (const domain of domains) if (hostMatchesDomain(host, domain)) return true;
  return false;
}

/** The parent domains of a host, nearest first, down to two labels: a.b.example.com -> [b.example.com, example.com]. */
export function strictParents(host: string): string[] {
  const labels = host.split('.');
  const parents: string[] = [];
  for (let i = 1; i < labels.length - 1; i += 1) parents.push(labels.slice(i).join('.'));
  return parents;
}

/** RFC 1035 limits. */
export const MAX_HOST_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const LABEL = /^(?!-)[a-z0-9-]+(?<!-)$/;

/** Syntax of an already-normalised ASCII host name (no IP literals, no wildcards). */
export function isWellFormedHost(host: string): boolean {
  if (host.length === 0 || host.length > MAX_HOST_LENGTH) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  return labels.every((label) => label.length > 0 && label.length <= MAX_LABEL_LENGTH && LABEL.test(label));
}
