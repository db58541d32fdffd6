/**
 * declarativeNetRequest `urlFilter` matching, for the syntax Dashguard writes (`||host/path*`): lets the extension's
 * own code (the audit, the popup) tell whether a page is one a strict-mode rule applies to, the way the browser does.
 *   `||` at the start: the host or any of its subdomains follows the scheme;
 *   `|` at the start or end: the URL starts or ends there;
 *   `*`: any characters; `^`: a separator (not a letter, digit, `_`, `-`, `.` or `%`) or the end of the URL.
 * Matching is case-insensitive, as the browsers do by default (isUrlFilterCaseSensitive: false).
 */

const cache = new Map<string, RegExp>();

function escape(text: string): string {
  return text.replace(/[.+?{}()[\]\\$|]/g, '\\$&');
}

export function urlFilterToRegExp(filter: string): RegExp {
  const cached = cache.get(filter);
  if (cached) return cached;
  let body = filter;
  let prefix = '';
  let suffix = '';
  if (body.startsWith('||')) {
    // Scheme, optional user info, then a label boundary in the host.
    prefix = '^[a-z][a-z0-9+.-]*:\\/\\/(?:[^/?#@]*@)?(?:[^/?#:]*\\.)?';
    body = body.slice(2);
  } else if (body.startsWith('|')) {
    prefix = '^';
    body = body.slice(1);
  }
  if (body.endsWith('|')) {
    suffix = '$';
    body = body.slice(0, -1);
  }
  const pattern = body
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '^' ? '(?:[^a-z0-9_.%-]|$)' : escape(char)))
    .join('');
  const regExp = new RegExp(`${prefix}${pattern}${suffix}`, 'i');
  cache.set(filter, regExp);
  return regExp;
}

/** True when the browser would consider `url` matched by `filter`. */
export function matchesUrlFilter(filter: string, url: string): boolean {
  return urlFilterToRegExp(filter).test(url);
}

/** The host a `||host/...` filter is anchored on (it also covers its subdomains), or undefined for another form. */
export function urlFilterHost(filter: string): string | undefined {
  const match = /^\|\|([a-z0-9.-]+)(?::\d+)?(?:[/^*]|$)/i.exec(filter);
  return match?.[1]?.toLowerCase();
}
