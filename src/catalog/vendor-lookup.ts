/**
 * Finds the vendor a person means from what they typed in a vendor field: an id, a name (any case), the
 * "Name (id)" text a suggestion list fills in, or a domain the vendor owns.
 */
import type { Result } from '../shared';
import { hostMatchesAny } from '../domains';

export interface NamedVendor {
  readonly id: string;
  readonly name: string;
  readonly domains: readonly string[];
}

export type VendorLookup = Result<NamedVendor>;

/** The text a suggestion for this vendor carries. */
export function vendorSuggestion(vendor: NamedVendor): string {
  return `${vendor.name} (${vendor.id})`;
}

export function lookUpVendor(input: string, vendors: readonly NamedVendor[]): VendorLookup {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter a vendor name, such as Intercom.' };
  const suggested = /\(([a-z0-9-]+)\)$/.exec(text)?.[1];
  const byId = vendors.find((v) => v.id === (suggested ?? text));
  if (byId) return { ok: true, value: byId };
  const lower = text.toLowerCase();
  const byName = vendors.filter((v) => v.name.toLowerCase() === lower);
  if (byName.length === 1 && byName[0]) return { ok: true, value: byName[0] };
  if (byName.length > 1)
    return { ok: false, error: `Several vendors are called "${text}": pick one from the suggestions.` };
  const host = typedHost(text);
  if (host !== undefined) {
    const byDomain = vendors.find((v) => hostMatchesAny(host, v.domains));
    if (byDomain) return { ok: true, value: byDomain };
  }
  return {
    ok: false,
    error: `No vendor called "${text}". Pick one from the suggestions, or add it under "Custom vendors".`,
  };
}

/**
 * The host in what was typed (a domain or a URL), as the browser's URL parser normalises it (case, a trailing dot,
 * international names to punycode); undefined when it holds none. Only to find a vendor: nothing is stored from it.
 */
function typedHost(text: string): string | undefined {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
    const host = url.hostname.replace(/\.$/, '');
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}
