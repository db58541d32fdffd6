/** Host-name matching with the semantics of declarativeNetRequest's `requestDomains`: a domain covers its subdomains. */

/** Lower case, without a port or a trailing dot. */
export function normalizeHost(hostHeader: string): string {
  const withoutPort = hostHeader.startsWith('[') ? hostHeader : hostHeader.replace(/:\d+$/, '');
  return withoutPort.replace(/\.$/, '').toLowerCase();
}

/** True when `host` is `domain` or one of its subdomains. */
export function hostMatchesDomain(host: string, domain: string): boolean {
  const h = normalizeHost(host);
  const d = normalizeHost(domain);
  return h === d || h.endsWith(`.${d}`);
}
