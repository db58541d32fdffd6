import { MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelayMs } from './retry-backoff';

const OPTIONS = { baseMs: 1_000, maxMs: 60_000 };

describe('retryDelayMs', () => {
  test('doubles with each failure, within the upper half of the step (jitter), up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, undefined, 0, OPTIONS))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, undefined, 1, OPTIONS))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(40, undefined, 1, OPTIONS)).toBe(60_000);
    expect(retryDelayMs(40, undefined, 0, OPTIONS)).toBe(30_000);
  });

  test('jitter spreads devices that failed together', () => {
    const delays = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((random) => retryDelayMs(5, undefined, random, OPTIONS)));
    expect(delays.size).toBe(5);
  });

  test('never sooner than Retry-After, even beyond the cap', () => {
    expect(retryDelayMs(1, 30_000, 0, OPTIONS)).toBe(30_000);
    expect(retryDelayMs(1, 3_600_000, 0, OPTIONS)).toBe(3_600_000);
    expect(retryDelayMs(10, 100, 1, OPTIONS)).toBe(60_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-03T12:00:00Z');
  test('seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  test('an HTTP date', () => {
    expect(parseRetryAfter('Thu, 03 Dec 2026 12:01:30 GMT', now)).toBe(90_000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 11:00:00 GMT', now)).toBe(0);
  });
  test('absent or unreadable: no constraint', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
  test('a collector asking for weeks is read as a day at most', () => {
    expect(parseRetryAfter(String(60 * 60 * 24 * 30), now)).toBe(MAX_RETRY_AFTER_MS);
  });
});
