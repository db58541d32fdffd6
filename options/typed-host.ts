/**
 * The host name typed in the self-hosted dashboard field, as the browser's URL parser normalises it (case, a
 * trailing dot, international names to punycode), or what is wrong with it (pure). The page needs the name at once,
 * to ask for access inside the click; the background checks it in full (public suffixes, overlaps) when it is saved.
 */
import { isWellFormedHost } from '../src/domains';

export type TypedHost = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };

export function typedHost(input: string): TypedHost {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter a host name, such as jenkins.example.com.' };
  if (/[/:@*?#\s]/.test(text))
    return {
      ok: false,
      error: `"${text}" is not a host name: enter the host alone, without https://, a port, a path or a wildcard.`,
    };
  let host: string;
  try {
    host = new URL(`http://${text}`).hostname.replace(/\.$/, '');
  } catch {
    return { ok: false, error: `"${text}" is not a valid domain name.` };
  }
  if (/^[\d.]+$/.test(host))
    return { ok: false, error: `${host} is an IP address: Dashguard protects dashboards by host name.` };
  return isWellFormedHost(host)
    ? { ok: true, value: host }
    : { ok: false, error: `"${text}" is not a valid domain name.` };
}
