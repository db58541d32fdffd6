/**
 * `audit/report`: what a dashboard page's content script saw. Checked (audit-messages.ts), classified against the
 * rules in force (audit-classify.ts), then stored twice, in the tab's audit (storage.session) and in the log
 * (storage.local). The reply acknowledges the report only after both writes succeeded; if either fails the handler
 * rejects, the content script keeps the observations and sends them again.
 * The page, tab and frame come from the browser (`sender`), never from the payload, so a page cannot file its
 * observations under another page or tab. A frame with no address of its own (about:blank, srcdoc, data:, blob:,
 * sandboxed or not) is judged as the tab's page, as the tab-cover rules judge it, and logged as that frame.
 * Requests are judged by their full address; what is stored (request, page and frame addresses) is redacted first
 * (src/audit/redact-url.ts) unless the settings or the policy keep addresses whole.
 */
import type { AuditClassifier } from '../audit/audit-classify';
import { capUrl } from '../audit/audit-limits';
import { parseAuditReport, type ParsedReport } from '../audit/audit-messages';
import type { AuditReportAck } from '../audit/audit-types';
import type { AuditBadge } from '../audit/audit-badge';
import type { AuditLogStore, LoggedObservation } from '../audit/audit-log-store';
import { defineHandler, type MessageHandler, type MessageSender } from './message-router';
import { urlPath, type ClassifiedObservation } from '../audit/tab-audit-merge';
import type { TabAuditStore } from '../audit/tab-audit-store';

export interface AuditReportDeps {
  readonly classifier: () => Promise<AuditClassifier>;
  /** How addresses are written before they are stored: redacted, or whole (auditUrlWriter). */
  readonly urlWriter: () => Promise<(url: string) => string>;
  readonly tabAudits: TabAuditStore;
  readonly auditLog: AuditLogStore;
  readonly badge: AuditBadge;
  readonly now: () => number;
}

/** The sending document's URL without its fragment or credentials, or undefined when it is not a web page. */
export function documentUrlOf(sender: MessageSender): string | undefined {
  if (sender.url === undefined) return undefined;
  try {
    const url = new URL(sender.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.hash = '';
    url.username = '';
    url.password = '';
    return capUrl(url.href).url;
  } catch {
    return undefined;
  }
}

/** How the log names a frame with no address of its own: its scheme and kind, never a data: URL's content. */
export function localFrameName(url: string): string | undefined {
  if (url === 'about:blank' || url.startsWith('about:blank?') || url.startsWith('about:blank#')) return 'about:blank';
  if (url === 'about:srcdoc' || url.startsWith('about:srcdoc?') || url.startsWith('about:srcdoc#')) return 'about:srcdoc';
  if (url.startsWith('data:')) return `data:${/^data:([a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+)/i.exec(url)?.[1]?.toLowerCase() ?? ''}`;
  if (url.startsWith('blob:')) {
    try {
      const origin = new URL(url.slice('blob:'.length)).origin;
      return origin === 'null' ? 'blob:' : `blob:${origin}`;
    } catch {
      return 'blob:';
    }
  }
  return undefined;
}

/**
 * The document a report is judged by, and the one it is logged under: a web page or frame, its own address; a frame
 * with no address of its own, the tab's page (its dashboard decides for every frame of the tab) and the frame's kind.
 */
export function reportDocumentOf(sender: MessageSender): { documentUrl: string; frameUrl: string } | undefined {
  const own = documentUrlOf(sender);
  if (own !== undefined) return { documentUrl: own, frameUrl: own };
  const frame = sender.url === undefined || sender.frameId === 0 ? undefined : localFrameName(sender.url);
  const page = sender.tab?.url === undefined ? undefined : documentUrlOf({ url: sender.tab.url });
  return frame !== undefined && page !== undefined ? { documentUrl: page, frameUrl: frame } : undefined;
}

function logged(observation: ClassifiedObservation, documentUrl: string, dashboardId: string | null, source: string): LoggedObservation[] {
  const { classification } = observation;
  if (!classification.audited) return [];
  return [{
    seq: observation.seq,
    firstSeen: observation.time,
    lastSeen: observation.time,
    pageUrl: documentUrl,
    dashboardId,
    url: observation.url,
    urlTruncated: observation.urlTruncated,
    host: classification.host,
    path: urlPath(observation.url),
    type: observation.type,
    vendor: classification.vendor,
    status: classification.status,
    reason: classification.reason,
    outcomes: { [observation.observed]: 1 },
    integrity: observation.integrity === null ? null : observation.integrity ? 'present' : 'absent',
    count: 1,
    source,
    ...(observation.reportedByPage === true ? { reportedByPage: true as const } : {}),
  }];
}

export function createAuditReportHandler(deps: AuditReportDeps): MessageHandler<ParsedReport, AuditReportAck> {
  return defineHandler<ParsedReport, AuditReportAck>({
    from: ['content-script'],
    parse: parseAuditReport,
    async handle(report, sender) {
      const tabId = sender.tab?.id;
      if (typeof tabId !== 'number' || tabId < 0) throw new Error('audit/report: not sent from a tab');
      const document = reportDocumentOf(sender);
      if (document === undefined) throw new Error('audit/report: not sent from a web page');
      const { documentUrl, frameUrl } = document;
      const [classifier, write] = await Promise.all([deps.classifier(), deps.urlWriter()]);
      const dashboard = classifier.dashboardOf(documentUrl);
      const observations: ClassifiedObservation[] = report.observations.map((o) => ({
        ...o,
        url: write(o.url),
        classification: classifier.classify({ url: o.url, type: o.type, documentUrl, tabId, ...(report.strictMode ? { documentStrictMode: report.strictMode } : {}) }),
      }));
      const [audit] = await Promise.all([
        deps.tabAudits.record({
          tabId,
          isTopFrame: sender.frameId === 0,
          documentUrl: write(documentUrl),
          timeOrigin: report.timeOrigin,
          instanceId: report.instanceId,
          restored: report.restored,
          maxSeq: report.maxSeq,
          dashboard: dashboard ? { id: dashboard.id, name: dashboard.name } : undefined,
          observations,
          now: deps.now(),
        }),
        deps.auditLog.append({
          instanceId: report.instanceId,
          maxSeq: report.maxSeq,
          observations: observations.flatMap((o) => logged(o, write(frameUrl), dashboard?.id ?? null, `${new URL(documentUrl).origin} tab ${tabId}`)),
        }),
      ]);
      // After the data is safe: a badge that fails to update loses nothing.
      void deps.badge.show(audit);
      return { storedThrough: report.maxSeq };
    },
  });
}
