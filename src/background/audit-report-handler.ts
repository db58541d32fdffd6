/**
 * `audit/report`: what a dashboard page's content script saw. Checked (audit-messages.ts), classified against the
 * rules in force (audit-classify.ts), then stored twice, in the tab's audit (storage.session) and in the log
 * (storage.local). The reply acknowledges the report only after both writes succeeded; if either fails the handler
 * rejects, the content script keeps the observations and sends them again.
 * The page, tab and frame come from the browser (`sender`), never from the payload, so a page cannot file its
 * observations under another page or tab; a report sent as its tab closes, which Firefox gives no tab, gets the tab
 * its content-script instance's earlier reports came from (report-senders.ts). A frame with no address of its own
 * (about:blank, srcdoc, data:, blob:, sandboxed or not) is judged as the tab's page, as the tab-cover rules judge it,
 * and logged as that frame.
 * Requests are judged by their full address; what is stored (request, page and frame addresses) is redacted first
 * (src/audit/redact-url.ts) unless the settings or the policy keep addresses whole.
 */
import type {
  AuditClassifier,
  ParsedReport,
  AuditStatus,
  TabAudit,
  ClassifierAtHand,
  AuditBadge,
  AuditLogStore,
  LoggedObservation,
  ClassifiedObservation,
  TabAuditUpdate,
  VerdictCorrection,
  TabAuditStore,
} from '../audit';
import { auditReport, capUrl, parseAuditReport, urlPath } from '../audit';
import { handlerFor, type MessageSender } from './message-router';
import { createReportSenders } from './report-senders';

export interface AuditReportDeps {
  /** The settled classifier (settings and the organisation's policy as confirmed). */
  readonly classifier: () => Promise<AuditClassifier>;
  /** The settled classifier if ready at once, else one with the policy at hand (audit-classifier-source.ts). */
  readonly classifierAtHand?: () => Promise<ClassifierAtHand>;
  /** How addresses are written before they are stored: redacted, or whole (auditUrlWriter). */
  readonly urlWriter: () => Promise<(url: string) => string>;
  /** The same with the policy at hand (for rows shown before managed storage answered). */
  readonly urlWriterAtHand?: () => Promise<(url: string) => string>;
  readonly tabAudits: TabAuditStore;
  readonly auditLog: AuditLogStore;
  readonly badge: AuditBadge;
  readonly now: () => number;
  /**
   * Records the page's third parties in the dashboard's history; resolves to how many of the dashboard's new ones
   * the person has not seen (the badge shows them). Its failure never fails the report.
   */
  readonly newParties?: (stored: {
    readonly tabId: number;
    readonly dashboardId: string;
    readonly page: string;
    readonly observations: readonly ClassifiedObservation[];
  }) => Promise<number>;
  /**
   * Told what was stored, after it was and before the report is acknowledged (fleet reporting counts it, by the
   * instance's sequence numbers, so a report sent again is not counted twice). Its failure never fails the report.
   */
  readonly onStored?: (stored: {
    readonly dashboardId: string | null;
    readonly documentUrl: string;
    readonly documentKey: string;
    readonly instanceId: string;
    readonly maxSeq: number;
    readonly strictMode: ParsedReport['strictMode'];
    readonly observations: readonly ClassifiedObservation[];
  }) => Promise<void> | void;
  /** Test builds only: holds each report, once its sender is known, as a background slow to answer would. */
  readonly holdReport?: () => Promise<void>;
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
  if (url === 'about:srcdoc' || url.startsWith('about:srcdoc?') || url.startsWith('about:srcdoc#'))
    return 'about:srcdoc';
  if (url.startsWith('data:'))
    return `data:${/^data:([a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+)/i.exec(url)?.[1]?.toLowerCase() ?? ''}`;
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

function logged(
  observation: ClassifiedObservation,
  documentUrl: string,
  dashboardId: string | null,
  source: string,
  changedFrom: AuditStatus | undefined,
): LoggedObservation[] {
  const { classification } = observation;
  if (!classification.audited) return [];
  return [
    {
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
      ...(changedFrom !== undefined && changedFrom !== classification.status ? { changedFrom } : {}),
    },
  ];
}

export function createAuditReportHandler(deps: AuditReportDeps) {
  const senders = createReportSenders();
  return handlerFor(auditReport, {
    // A page whose tab is closing still sends what it has left (report-queue.ts), in Firefox without its tab.
    from: ['content-script', 'content-script-closing-tab'],
    parse: parseAuditReport,
    async handle(report, givenSender) {
      const sender = senders.resolve(report.instanceId, givenSender);
      if (sender === undefined) throw new Error('audit/report: not sent from a tab');
      const tabId = sender.tab.id;
      await deps.holdReport?.();
      const document = reportDocumentOf(sender);
      if (document === undefined) throw new Error('audit/report: not sent from a web page');
      const { documentUrl, frameUrl } = document;
      const source = `${new URL(documentUrl).origin} tab ${tabId}`;
      const strict = report.strictMode ? { documentStrictMode: report.strictMode } : {};
      const judge = (classifier: AuditClassifier, write: (url: string) => string): ClassifiedObservation[] =>
        report.observations.map((o) => ({
          ...o,
          url: write(o.url),
          classification: classifier.classify({ url: o.url, type: o.type, documentUrl, tabId, ...strict }),
        }));
      const tabUpdate = (
        classifier: AuditClassifier,
        write: (url: string) => string,
        observations: ClassifiedObservation[],
      ): TabAuditUpdate => {
        const dashboard = classifier.dashboardOf(documentUrl);
        return {
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
        };
      };
      const logAppend = (
        classifier: AuditClassifier,
        write: (url: string) => string,
        observations: ClassifiedObservation[],
        changedFrom: ReadonlyMap<number, AuditStatus> = new Map(),
      ) => {
        const dashboardId = classifier.dashboardOf(documentUrl)?.id ?? null;
        return deps.auditLog.append({
          instanceId: report.instanceId,
          maxSeq: report.maxSeq,
          observations: observations.flatMap((o) =>
            logged(o, write(frameUrl), dashboardId, source, changedFrom.get(o.seq)),
          ),
        });
      };

      /**
       * Once the report is stored: third parties new on the dashboard, the badge, and fleet reporting. `audit` is
       * undefined when the tab closed meanwhile: no badge and no history of its page, but fleet reporting counts.
       */
      const afterStored = async (
        classifier: AuditClassifier,
        observations: readonly ClassifiedObservation[],
        audit: TabAudit | undefined,
      ): Promise<void> => {
        const dashboard = classifier.dashboardOf(documentUrl);
        let unseenNew = 0;
        if (deps.newParties !== undefined && dashboard !== undefined && audit !== undefined && audit.page !== null) {
          unseenNew = await deps
            .newParties({ tabId, dashboardId: dashboard.id, page: `${tabId}:${audit.page.timeOrigin}`, observations })
            .catch((error: unknown) => {
              console.error('Dashguard: third parties new on this dashboard not recorded.', error);
              return 0;
            });
        }
        if (audit !== undefined) void deps.badge.show(audit, unseenNew);
        try {
          await deps.onStored?.({
            dashboardId: dashboard?.id ?? null,
            documentUrl,
            documentKey: `${tabId}:${report.instanceId}`,
            instanceId: report.instanceId,
            maxSeq: report.maxSeq,
            strictMode: report.strictMode,
            observations,
          });
        } catch (error) {
          console.error('Dashguard: fleet report not counted.', error);
        }
      };

      const first = deps.classifierAtHand
        ? await deps.classifierAtHand()
        : { classifier: await deps.classifier(), settled: true };
      if (first.settled) {
        const write = await deps.urlWriter();
        const observations = judge(first.classifier, write);
        const [audit] = await Promise.all([
          deps.tabAudits.record(tabUpdate(first.classifier, write, observations)),
          logAppend(first.classifier, write, observations),
        ]);
        // After the data is safe: a badge that fails to update loses nothing.
        await afterStored(first.classifier, observations, audit);
        return { storedThrough: report.maxSeq };
      }
      // Right after the browser starts: shown at once with the settings and the policy at hand (addresses written
      // as they say), then judged again with the organisation's policy before it is logged and acknowledged; a
      // verdict that changed moves to its new row, marked.
      const writeAtHand = await (deps.urlWriterAtHand ?? deps.urlWriter)();
      const early = judge(first.classifier, writeAtHand);
      const shown = await deps.tabAudits.record(tabUpdate(first.classifier, writeAtHand, early));
      if (shown !== undefined) void deps.badge.show(shown);
      if (early.length === 0) {
        // The page's first announcement: nothing to judge again or to log. Acknowledged as soon as the page is
        // stored, since the content script sends its observations only after this answer (one report in flight):
        // holding it for the policy would keep the first rows out of the popup for seconds after the browser starts.
        // What follows a stored report (fleet reporting's judgement of the page) waits for the policy as before.
        void deps
          .classifier()
          .then(async (settled) => {
            await afterStored(settled, [], await deps.tabAudits.get(tabId));
          })
          .catch((error: unknown) => console.error('Dashguard: a page announced at start-up was not reported.', error));
        return { storedThrough: report.maxSeq };
      }
      const [settled, write] = await Promise.all([deps.classifier(), deps.urlWriter()]);
      const final = judge(settled, writeAtHand);
      const corrections: VerdictCorrection[] = [];
      const changedFrom = new Map<number, AuditStatus>();
      early.forEach((before, i) => {
        const after = final[i];
        if (after === undefined || !before.classification.audited || !after.classification.audited) return;
        if (before.classification.status === after.classification.status) return;
        corrections.push({ before, after });
        changedFrom.set(before.seq, before.classification.status);
      });
      await deps.tabAudits.correct(tabId, corrections, deps.now());
      await logAppend(settled, write, judge(settled, write), changedFrom);
      await afterStored(settled, final, await deps.tabAudits.get(tabId));
      return { storedThrough: report.maxSeq };
    },
  });
}
