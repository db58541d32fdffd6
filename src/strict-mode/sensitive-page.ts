/**
 * Sensitive pages a person or an organisation adds for strict mode. They are stored as declarativeNetRequest URL
 * filters anchored on a host (`||ci.example.com/credentials`), the form the catalog uses; a person may type a URL,
 * `host/path`, or the filter itself. `*` in the path matches anything.
 */
import type { Result } from '../shared';
import { normaliseDomain, urlFilterHost } from '../domains';

export const MAX_SENSITIVE_PAGE_LENGTH = 500;

export type SensitivePageCheck = Result<{ pattern: string; host: string }>;

/** Characters a path may hold here: URL path characters and `*`, never the filter's own `|` or `^`. */
const PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*$/;

/** Normalises what a person typed into a `||host[:port]/path` filter, or says what is wrong with it. */
export function normaliseSensitivePage(input: string): SensitivePageCheck {
  let text = input.trim();
  if (text === '') return { ok: false, error: 'Enter the address of the page, such as ci.example.com/credentials.' };
  if (text.length > MAX_SENSITIVE_PAGE_LENGTH)
    return { ok: false, error: `An address has at most ${MAX_SENSITIVE_PAGE_LENGTH} characters.` };
  if (text.includes('#')) {
    return {
      ok: false,
      error: 'Leave out the part after "#": it never reaches the browser, so match the path of the page instead.',
    };
  }
  if (text.startsWith('||')) text = text.slice(2);
  else if (/^https?:\/\//i.test(text)) text = text.replace(/^https?:\/\//i, '');
  else if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/]+:\d+(\/|$)/.test(text)) {
    return { ok: false, error: 'Only http and https pages can be in strict mode.' };
  }
  const slash = text.indexOf('/');
  const authority = slash === -1 ? text : text.slice(0, slash);
  // Browsers match the percent-encoded URL: encode non-ASCII characters of the path the same way.
  const path = slash === -1 ? '/' : text.slice(slash).replace(/[\u0080-\uffff]/g, (char) => encodeURIComponent(char));
  const portMatch = /^(.*?)(:\d{1,5})?$/.exec(authority);
  const hostText = portMatch?.[1] ?? authority;
  const port = portMatch?.[2] ?? '';
  if (hostText.includes('*'))
    return {
      ok: false,
      error: 'The host cannot hold a wildcard: it already covers its subdomains. Use * in the path only.',
    };
  const host = normaliseDomain(hostText);
  if (!host.ok) return { ok: false, error: host.error };
  if (/[|^\s]/.test(path) || !PATH.test(path)) {
    return { ok: false, error: 'The path may hold letters, digits, / and * (any characters), but no spaces, | or ^.' };
  }
  return { ok: true, value: { pattern: `||${host.value}${port}${path}`, host: host.value } };
}

/** The host a stored `||host/path` filter is anchored on, or undefined when it is not of that form. */
export function sensitivePageHost(pattern: string): string | undefined {
  return urlFilterHost(pattern);
}
