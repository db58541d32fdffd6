/**
 * Content script on dashboard pages (document_start, every frame; matches from the catalog's dashboards): watches
 * what the page loads from third parties and reports it to the background for the audit (audit-collector.ts,
 * report-queue.ts). It only observes: it never changes the page, and it reads no page content.
 */
import { dashboards } from '../../rules/catalog/dashboards';
import { firstPartyTelemetryVendors } from '../../rules/catalog/first-party-telemetry';
import { AUDIT_REPORT } from '../shared/audit-messages';
import { startAuditCollector } from './audit-collector';
import { extensionRuntime } from './extension-runtime';
import { pageScope } from './observation-filter';
import { answerPageQueries } from './page-query';
import { createReportQueue } from './report-queue';

const runtime = extensionRuntime();
const timeOrigin = performance.timeOrigin;
const isTopFrame = window === window.top;

const newInstanceId = (): string =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const queue = createReportQueue({
  send: (report) => runtime.sendMessage({ type: AUDIT_REPORT, payload: report }),
  schedule: (run, delayMs) => void setTimeout(run, delayMs),
  newInstanceId,
  timeOrigin,
  batchDelayMs: 250,
  maxRetryDelayMs: 5_000,
  maxPending: 5_000,
});

const collector = startAuditCollector({
  window,
  document,
  scope: pageScope(location.hostname, dashboards, firstPartyTelemetryVendors.flatMap((v) => v.domains)),
  now: () => Date.now(),
  emit: (observation) => queue.add(observation),
  outcomeTimeoutMs: 10_000,
});

if (isTopFrame) {
  // Tells the background this tab now shows a new page, even if it loads nothing from third parties.
  queue.announce();
  answerPageQueries(runtime, timeOrigin);
}

addEventListener('pagehide', () => {
  collector.settleAll();
  queue.flushNow();
});
addEventListener('pageshow', (event) => {
  if (event.persisted) queue.restored();
});
