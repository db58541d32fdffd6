/**
 * Content script on dashboard pages (document_start, every frame; matches from the catalog's dashboards): watches
 * what the page loads from third parties and reports it to the background for the audit (audit-collector.ts,
 * report-queue.ts), with whether the document was loaded under strict mode's policy (document-marker.ts). It reads no
 * page content and changes nothing in the page, with one exception: in the top frame it cancels an in-app route to a
 * sensitive page and has the background load that page as a new document (sensitive-route-guard.ts).
 */
import { dashboards } from '../../rules/catalog/dashboards';
import { firstPartyTelemetryVendors } from '../../rules/catalog/first-party-telemetry';
import { AUDIT_LIMITS } from '../audit/audit-limits';
import { AUDIT_REPORT } from '../audit/audit-messages';
import { startAuditCollector } from './audit-collector';
import { readDocumentStrictMode } from './document-marker';
import { startSensitiveRouteGuard } from './sensitive-route-guard';
import {
  STRICT_MODE_FRESH_LOAD,
  STRICT_MODE_PAGES,
  catalogPagesFor,
  isStrictModePagesReply,
  type FreshLoadReply,
  type SensitivePageFilter,
} from '../strict-mode/sensitive-route';
import { extensionRuntime } from './extension-runtime';
import { pageScope } from './observation-filter';
import { answerPageQueries } from './page-query';
import { createReportQueue } from './report-queue';

const runtime = extensionRuntime();
const timeOrigin = performance.timeOrigin;
const isTopFrame = window === window.top;
// Read once: a document's response headers never change, and the entry is there from document_start.
const strictMode = readDocumentStrictMode(performance);

const newInstanceId = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const queue = createReportQueue({
  send: (report) => runtime.sendMessage({ type: AUDIT_REPORT, payload: { ...report, strictMode } }),
  schedule: (run, delayMs) => void setTimeout(run, delayMs),
  newInstanceId,
  timeOrigin,
  batchDelayMs: 250,
  maxRetryDelayMs: 5_000,
  maxPending: 5_000,
  maxPagePending: AUDIT_LIMITS.pagePending,
});

const collector = startAuditCollector({
  window,
  document,
  scope: pageScope(
    location.hostname,
    dashboards,
    firstPartyTelemetryVendors.flatMap((v) => v.domains),
  ),
  now: () => Date.now(),
  emit: (observation) => queue.add(observation),
  outcomeTimeoutMs: 10_000,
});

if (isTopFrame) {
  // Tells the background this tab now shows a new page, even if it loads nothing from third parties.
  queue.announce();
  answerPageQueries(runtime, timeOrigin, strictMode);
}

/** The value of a `{ ok: true, value }` reply from the background, or undefined. */
const replyValue = (reply: unknown): unknown =>
  typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true
    ? (reply as { value?: unknown }).value
    : undefined;

// A document loaded under the strict policy keeps it wherever the app routes; any other one is watched, so that a
// sensitive page is never shown inside it (sensitive-route-guard.ts).
if (isTopFrame && strictMode !== 'enforced') {
  // The catalog's pages at once; the background's answer adds the organisation's and the person's, and says whether
  // the policy is enforced at all.
  let pages: readonly SensitivePageFilter[] = catalogPagesFor(location.hostname, dashboards);
  const guard = startSensitiveRouteGuard({
    window,
    location,
    observeChanges: (callback) => new MutationObserver(callback).observe(document, { childList: true, subtree: true }),
    pages: () => pages,
    requestFreshLoad: async (url) => {
      const value = replyValue(await runtime.sendMessage({ type: STRICT_MODE_FRESH_LOAD, payload: { url } }));
      return typeof value === 'object' && value !== null && typeof (value as FreshLoadReply).loaded === 'boolean'
        ? (value as FreshLoadReply)
        : undefined;
    },
  });
  runtime.sendMessage({ type: STRICT_MODE_PAGES, payload: null }).then(
    (reply) => {
      const value = replyValue(reply);
      if (!isStrictModePagesReply(value)) return;
      pages = value.pages;
      guard.check();
    },
    () => undefined,
  );
}

// Only the browser's own lifecycle events: a page that dispatches a fake pagehide would settle every script still
// loading as pending (their real outcome then ignored), a fake pageshow would resend its whole history again.
addEventListener('pagehide', (event) => {
  if (!event.isTrusted) return;
  collector.settleAll();
  queue.flushNow();
});
addEventListener('pageshow', (event) => {
  if (event.isTrusted && event.persisted) queue.restored();
});
