/**
 * Whether a script element's `integrity` attribute holds a hash the browser enforces (pure). Browsers ignore
 * metadata they cannot use (an unknown algorithm, a digest that is not base64), and a script with nothing usable
 * loads unchecked: `integrity="x"` protects nothing, so it must not count as SRI.
 */
const DIGEST_CHARS: Readonly<Record<string, number>> = { sha256: 43, sha384: 64, sha512: 86 };

/** One `alg-digest[?options]` token: a supported algorithm and a base64 (or base64url) digest of its exact length. */
function isValidToken(token: string): boolean {
  const match = /^(sha256|sha384|sha512)-([A-Za-z0-9+/_-]+)(={0,2})(\?.*)?$/i.exec(token);
  if (match === null) return false;
  const [, alg = '', digest = '', padding = ''] = match;
  const expected = DIGEST_CHARS[alg.toLowerCase()];
  if (expected === undefined || digest.length !== expected) return false;
  // Padding, when written, brings the digest to a multiple of 4 characters and no further.
  return padding === '' || (digest.length + padding.length) % 4 === 0;
}

export function hasEnforcedIntegrity(attribute: string | null): boolean {
  if (attribute === null) return false;
  return attribute.split(/[\t\n\f\r ]+/).some((token) => token !== '' && isValidToken(token));
}
