/**
 * Domain names by the public-suffix list: normalising what a user or a catalog file wrote, and a host's registrable
 * domain. Matching a host against a domain needs no list and is in host-match.ts, so the pages need not bundle one.
 */
import { parse } from 'tldts';
import type { Result } from '../shared';
import { isWellFormedHost, MAX_HOST_LENGTH } from './host-match';

/** A normalised domain name, or the sentence saying what is wrong with the input. */
export type DomainCheck = Result<string>;

export interface NormaliseOptions {
  /**
   * Accept a private public suffix (`githubusercontent.com`, `github.io`) as a domain. The catalog may name one,
   * since it lists a service's own shared hosts; a person typing a host may not, since it would cover every tenant.
   */
  readonly allowPrivateSuffix?: boolean;
}

/**
 * Normalises a host name a person typed: trims, lower-cases, drops one trailing dot, converts IDN to punycode, and
 * refuses what is not a host (URLs, paths, ports, wildcards), public suffixes alone (`com`, `co.uk`) and IP addresses.
 */
export function normaliseDomain(input: string, options: NormaliseOptions = {}): DomainCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a domain name, such as ci.example.com.' };
  if (trimmed.length > MAX_HOST_LENGTH + 1)
    return { ok: false, error: `A domain name has at most ${MAX_HOST_LENGTH} characters.` };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || /[/?#@\\]/.test(trimmed)) {
    return { ok: false, error: 'Enter a domain name only, without https:// or a path.' };
  }
  if (trimmed.includes('*'))
    return { ok: false, error: 'Wildcards are not needed: a domain also covers its subdomains.' };
  if (/:\d*$/.test(trimmed)) return { ok: false, error: 'Leave the port out: a domain name only.' };
  const withoutDot = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  let ascii: string;
  try {
    // The URL parser applies IDNA (Unicode to punycode) and lower-cases, as the browser does for requests.
    ascii = new URL(`http://${withoutDot}/`).hostname;
  } catch {
    return { ok: false, error: `"${trimmed}" is not a valid domain name.` };
  }
  if (/^\d+(\.\d+){3}$/.test(ascii) || ascii.startsWith('['))
    return { ok: false, error: 'Enter a domain name, not an IP address.' };
  const parsed = parse(ascii, { allowPrivateDomains: options.allowPrivateSuffix !== true });
  if (parsed.publicSuffix === ascii)
    return { ok: false, error: `"${ascii}" is a public suffix: name a domain under it.` };
  if (!isWellFormedHost(ascii) || parsed.domain === null)
    return { ok: false, error: `"${trimmed}" is not a valid domain name.` };
  return { ok: true, value: ascii };
}

/** The registrable domain (eTLD+1) of a host, or the host itself when it has none (localhost, IPs). */
export function registrableDomain(host: string): string {
  return parse(host, { allowPrivateDomains: true }).domain ?? host;
}
