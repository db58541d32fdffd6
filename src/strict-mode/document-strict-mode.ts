/**
 * Whether a document was loaded under strict mode's policy, from the marker the same declarativeNetRequest rule adds
 * to its response (strict-mode-csp.ts). The content script reads the marker from the document's own navigation entry
 * (`serverTiming`), which page scripts cannot change, and reports what it found; the popup and the audit go by that
 * fact, never by the URL alone: a page reached by in-app navigation, or loaded without the header (no host access, a
 * ruleset switched off), is not protected whatever its address says.
 */

/**
 * The marker: a response header the page cannot set or change once loaded, exposed to the content script (in both
 * browsers, on https pages) as `performance.getEntriesByType('navigation')[0].serverTiming`. (Here, not in
 * strict-mode-csp.ts, so the content script's bundle stays small.)
 */
export const STRICT_MODE_MARKER_HEADER = 'Server-Timing';
/** The metric names the marker carries: enforced, or report-only. */
export const STRICT_MODE_MARKER = { enforced: 'dashguard-strict', reportOnly: 'dashguard-strict-report-only' } as const;

/**
 * enforced / report-only: the document was loaded under the policy; none: it was not; unknown: the browser does not
 * say (it exposes serverTiming on https pages only: a plain-http self-hosted dashboard).
 */
export const DOCUMENT_STRICT_MODES = ['enforced', 'report-only', 'none', 'unknown'] as const;
export type DocumentStrictMode = (typeof DOCUMENT_STRICT_MODES)[number];

/** What the marker metrics of a document's response say (the enforced header wins if both are there). */
export function documentStrictModeOf(serverTimingNames: readonly string[]): DocumentStrictMode {
  if (serverTimingNames.includes(STRICT_MODE_MARKER.enforced)) return 'enforced';
  if (serverTimingNames.includes(STRICT_MODE_MARKER.reportOnly)) return 'report-only';
  return 'none';
}

export function isDocumentStrictMode(value: unknown): value is DocumentStrictMode {
  return (DOCUMENT_STRICT_MODES as readonly unknown[]).includes(value);
}
