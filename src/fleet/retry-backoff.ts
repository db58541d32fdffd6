/**
 * When to try again after a failed send: exponential backoff with jitter, never sooner than the collector's
 * `Retry-After`. Pure; the caller passes the random number.
 */

export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 15 * 60_000 };
/** A Retry-After further away than this is read as this: a collector's mistake must not stop reports for weeks. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

/**
 * `Retry-After` (RFC 9110: seconds, or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.min(Number(value) * 1000, MAX_RETRY_AFTER_MS);
  // An HTTP date names its day and month ("Thu, 03 Dec 2026 12:00:00 GMT"); Date.parse alone would read "-5" as a year.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} /.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/**
 * Delay before attempt number `failures + 1`, after `failures` failures in a row (1 or more): a random point in the
 * upper half of base * 2^(failures-1), capped, so devices that failed together do not retry together; and at least
 * what Retry-After asked.
 */
export function retryDelayMs(
  failures: number,
  retryAfterMs: number | undefined,
  random: number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  const jittered = Math.round(ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random, 0), 1));
  return Math.max(jittered, retryAfterMs ?? 0);
}
