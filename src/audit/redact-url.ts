/**
 * The audit's one redaction of an address, applied before anything is stored or shown (and by anything else that
 * sends an address out of the browser). What a reviewer needs stays readable: the origin, the path, the query's
 * parameter names. What can carry a secret goes: every query value, every `;name=value` path parameter's value,
 * path segments that look like credentials (known token prefixes, JWTs, long mixed-case runs, UUID-like keys after a
 * token route such as `/reset/` or `/invite/`), user:password@ and the fragment. A masked part becomes a marker with
 * its length, never any of its characters: `[40]`.
 *
 * Pure and total: any string in, a string out that holds no masked value; the result redacted again is unchanged
 * (a marker is left as it is), so stored addresses can be passed through it again safely.
 */

/** A masked value: its length in characters (after percent-decoding), never a character of it. */
export const REDACTION_MARKER = /^\[\d{1,6}\]$/;

/** The marker for a value of `length` characters. */
export function redactionMarker(length: number): string {
  return `[${Math.min(length, 999_999)}]`;
}

/** Prefixes issued by services for secrets: a segment starting with one is masked whatever its length. */
const TOKEN_PREFIXES: readonly RegExp[] = [
  /^gh[pousr]_[A-Za-z0-9]{16,}/, // GitHub classic tokens
  /^github_pat_[A-Za-z0-9_]{20,}/, // GitHub fine-grained
  /^gl(pat|dt|rt|ptt|ft|imt|agent|oas|cbt|soat)-[A-Za-z0-9_-]{10,}/, // GitLab
  /^CCIPAT_[A-Za-z0-9_]{10,}/, // CircleCI personal
  /^CCI(PRJ|ORG)_[A-Za-z0-9_]{10,}/, // CircleCI project/org
  /^bkua_[A-Za-z0-9]{20,}/, // Buildkite
  /^(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}/, // AWS key ids
  /^xox[abposre]-[A-Za-z0-9-]{10,}/, // Slack
  /^xapp-[A-Za-z0-9-]{10,}/, // Slack app-level
  /^(sk|rk|pk)_(live|test)_[A-Za-z0-9]{10,}/, // Stripe secret, restricted, publishable
  /^whsec_[A-Za-z0-9]{10,}/, // Stripe webhook secret
  /^npm_[A-Za-z0-9]{30,}/, // npm
  /^AIza[A-Za-z0-9_-]{30,}/, // Google API key
  /^ya29\.[A-Za-z0-9_-]{10,}/, // Google OAuth access token
  /^hf_[A-Za-z0-9]{30,}/, // Hugging Face
  /^dop_v1_[a-f0-9]{30,}/, // DigitalOcean
  /^SG\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, // SendGrid
  /^sl\.[A-Za-z0-9_-]{30,}/, // Dropbox
  /^shp(at|ss|ca|pa)_[a-fA-F0-9]{20,}/, // Shopify
];

/** A JSON Web Token (or a JWS/JWE) anywhere in a segment: base64url JSON header starting `{"`. */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}(\.[A-Za-z0-9_-]*)?/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** Route words after which an id is a key to something (a reset link, an invitation, a share), not a record id. */
const TOKEN_ROUTE =
  /(token|reset|password|passwd|invit|confirm|verif|unlock|magic|secret|signin|sign-in|login|session|activat|unsubscribe|share|key|auth|otp|ticket|nonce|recover)/i;
/** Runs of characters a secret is written with (base64, base64url, base62). */
const SECRET_RUN = /[A-Za-z0-9+/=_-]{24,}/g;

function decoded(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return part;
  }
}

/** Bits per character of `text` (Shannon entropy over its characters). */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Whether a run looks random like a key: long enough, upper and lower case and digits mixed (base62/base64), and
 * high entropy. Content hashes written in lowercase hex (asset names, commit SHAs) and words joined by dashes stay.
 */
function isRandomRun(run: string): boolean {
  const letters = run.replace(/[^A-Za-z0-9]/g, '');
  if (letters.length < 24 || !/[a-z]/.test(letters) || !/[A-Z]/.test(letters)) return false;
  if (!/[0-9]/.test(letters) && letters.length < 32) return false;
  // Mixed case in a camelCase word list ("getAnalyticsEventsForAccount2") is readable; a key is not.
  const words = run.match(/[A-Z]?[a-z]{3,}/g)?.join('').length ?? 0;
  return words / letters.length < 0.6 && entropy(letters) >= 3.5;
}

/** Whether one path segment (raw, still percent-encoded) holds something that looks like a credential. */
export function isSecretLike(rawSegment: string, previousSegment: string | undefined): boolean {
  const text = decoded(rawSegment);
  if (text.length === 0 || REDACTION_MARKER.test(text)) return false;
  if (TOKEN_PREFIXES.some((prefix) => prefix.test(text))) return true;
  if (JWT.test(text)) return true;
  if (UUID.test(text) && previousSegment !== undefined && TOKEN_ROUTE.test(decoded(previousSegment))) return true;
  // Any other long value after a token route (an opaque reset key of any alphabet).
  if (
    previousSegment !== undefined &&
    TOKEN_ROUTE.test(decoded(previousSegment)) &&
    /^[A-Za-z0-9._~+/=-]{16,}$/.test(text) &&
    /\d/.test(text) &&
    !/^\d+$/.test(text)
  )
    return true;
  for (const run of text.match(SECRET_RUN) ?? []) {
    if (isRandomRun(run)) return true;
    if (TOKEN_PREFIXES.some((prefix) => prefix.test(run))) return true;
  }
  return false;
}

/** A query or matrix parameter name stays readable only when it looks like a name. */
function redactName(rawName: string): string {
  const text = decoded(rawName);
  if (/^[A-Za-z0-9_.\-[\]$:]{1,64}$/.test(text) && !isSecretLike(rawName, undefined)) return rawName;
  return redactionMarker(text.length);
}

function redactValue(rawValue: string): string {
  return REDACTION_MARKER.test(rawValue) ? rawValue : redactionMarker(decoded(rawValue).length);
}

/** `a=1&b&c=xyz` -> `a=[1]&b&c=[3]`; a bare part is a name (a flag) when it looks like one, else masked. */
function redactParams(raw: string, separator: '&' | ';'): string {
  return raw
    .split(separator)
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return part === '' ? '' : redactName(part);
      return `${redactName(part.slice(0, eq))}=${redactValue(part.slice(eq + 1))}`;
    })
    .join(separator);
}

function redactSegment(raw: string, previous: string | undefined): string {
  // Matrix parameters (`;jsessionid=...`) are values too.
  const semi = raw.indexOf(';');
  const head = semi < 0 ? raw : raw.slice(0, semi);
  const params = semi < 0 ? '' : `;${redactParams(raw.slice(semi + 1), ';')}`;
  const shownHead = isSecretLike(head, previous) ? redactionMarker(decoded(head).length) : head;
  return shownHead + params;
}

/** A path with every credential-like segment masked. */
export function redactPath(rawPath: string): string {
  const segments = rawPath.split('/');
  return segments.map((segment, i) => redactSegment(segment, i > 0 ? segments[i - 1] : undefined)).join('/');
}

const WEB_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * `url` redacted for storage and display. A web address keeps its origin, path (credential-like segments masked) and
 * query parameter names (values masked); everything else is reduced to what names it: `about:blank`,
 * `about:srcdoc`, `data:<media type>`, `blob:<origin>`, or the scheme alone. Anything that does not parse is
 * masked whole.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactionMarker(url.length);
  }
  const scheme = parsed.protocol;
  if (WEB_SCHEMES.has(scheme)) {
    // `host` leaves out user:password@; `search` leaves out the fragment.
    const origin = `${scheme}//${parsed.host}`;
    const path = redactPath(parsed.pathname);
    const query = parsed.search.length > 1 ? `?${redactParams(parsed.search.slice(1), '&')}` : '';
    return origin + path + query;
  }
  if (scheme === 'about:') return /^(blank|srcdoc)$/.test(parsed.pathname) ? `about:${parsed.pathname}` : 'about:';
  if (scheme === 'data:')
    return `data:${/^data:([a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+)/i.exec(url)?.[1]?.toLowerCase() ?? ''}`;
  if (scheme === 'blob:') {
    try {
      const origin = new URL(url.slice('blob:'.length)).origin;
      return origin === 'null' ? 'blob:' : `blob:${origin}`;
    } catch {
      return 'blob:';
    }
  }
  return /^[a-z][a-z0-9+.-]{0,30}:$/.test(scheme) ? scheme : redactionMarker(url.length);
}
