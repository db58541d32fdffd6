/**
 * Size limits of the audit. A page chooses the URLs it loads, so every size the audit keeps is bounded: a hostile or
 * runaway page can fill its own tab's audit, never the extension's storage quota (storage.session and storage.local
 * hold 10 MB each in Chrome).
 */
export const AUDIT_LIMITS = {
  /** Characters of a URL kept (the rest is cut and the entry marked `urlTruncated`). Host and path fit in far less. */
  urlLength: 2_048,
  /** Observations in one `audit/report` message; the content script sends more in later messages. */
  observationsPerReport: 200,
  /** Distinct rows in one tab's audit; further requests are counted as `unlisted`. */
  tabEntries: 5_000,
  /** Approximate size of one tab's rows, so a few hostile tabs cannot exhaust storage.session. */
  tabBytes: 3_000_000,
  /** Records in the cross-tab audit log; the oldest go first. */
  logRecords: 10_000,
  /** Approximate size of the log in bytes (JSON), so 10,000 long URLs cannot exceed storage.local's quota. */
  logBytes: 6_000_000,
  /** Records per storage.local item of the log, so an append rewrites one small item, not the whole log. */
  logChunkRecords: 250,
  /**
   * Third-party script URLs a content script remembers (to tell a script's Resource Timing entry from another request,
   * and a CSP refusal from a script error); beyond it the oldest settled ones are forgotten. A page that loads a new
   * JSONP URL every few seconds for days stays within it.
   */
  trackedScriptUrls: 5_000,
  /**
   * What the page's own world may report (WebSockets it says it opened; the page can forge these): per document at
   * most this many, at most `pageReportsPerSecond` on average with bursts of `pageReportBurst`; the rest are dropped
   * in the page. They never take a place of the content script's own observations.
   */
  pageReportsPerDocument: 500,
  pageReportsPerSecond: 20,
  pageReportBurst: 50,
  /** Page reports waiting in a content script's outbox, apart from its own observations (`maxPending`). */
  pagePending: 200,
  /** Rows of a tab's audit from page reports; the content script's own observations can always take their place. */
  tabPageEntries: 500,
  /** When the log is over a cap it drops this many records more, so it is not rewritten on every append after. */
  logEvictionSlack: 500,
  /** Sources the log remembers drop counts for (the rest are summed under "other pages"). */
  droppedSources: 50,
  /** Content-script instances remembered per tab for de-duplicating resent reports. */
  instancesPerTab: 200,
  /** Content-script instance ids: letters, digits and dashes (a UUID). */
  instanceIdLength: 64,
} as const;

/** Retention of the audit log when neither the user nor the policy sets one. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 30;
export const MIN_AUDIT_RETENTION_DAYS = 1;
export const MAX_AUDIT_RETENTION_DAYS = 3_650;

/** A retention every reader accepts (settings, imports, changes, the policy): a whole number of days in range. */
export function isAuditRetentionDays(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_AUDIT_RETENTION_DAYS &&
    value <= MAX_AUDIT_RETENTION_DAYS
  );
}

/** `url` cut to the audit's limit, and whether it was cut. */
export function capUrl(url: string): { url: string; truncated: boolean } {
  return url.length <= AUDIT_LIMITS.urlLength
    ? { url, truncated: false }
    : { url: url.slice(0, AUDIT_LIMITS.urlLength), truncated: true };
}
