/**
 * The content script's outbox. Observations are numbered, batched (a short delay gathers a burst into one message)
 * and kept until the background acknowledges that they are stored; a failed send (the service worker was stopped
 * and the message lost, storage refused the write) is retried with a growing delay, and the message itself wakes a
 * stopped worker. One message is in flight at a time, always from the oldest unacknowledged observation on, so the
 * background's "stored through seq N" mark is all it needs to ignore a resend. The one exception is the page going
 * away (`flushNow`: a tab closing): then everything pending leaves at once, since nothing waiting would outlive it.
 */
import type { AuditReport, AuditReportAck, Observation } from '../audit';
import { AUDIT_LIMITS } from '../audit';

export type NewObservation = Omit<Observation, 'seq'>;

export interface ReportQueueDeps {
  /** Sends the report; resolves with the background's acknowledgement, rejects if it got none or a refusal. */
  readonly send: (report: AuditReport) => Promise<AuditReportAck>;
  readonly schedule: (run: () => void, delayMs: number) => void;
  readonly newInstanceId: () => string;
  readonly timeOrigin: number;
  /** Gathers a burst of observations into one message. */
  readonly batchDelayMs: number;
  readonly maxRetryDelayMs: number;
  /** Observations kept unacknowledged at most; beyond it new ones are counted as dropped. */
  readonly maxPending: number;
  /** The same for what the page's own world reported (`reportedByPage`), counted apart so it never fills the rest. */
  readonly maxPagePending: number;
  /** Told when the queue starts and stops holding something the background has not acknowledged. */
  readonly onWaitingChange?: (waiting: boolean) => void;
}

export interface ReportQueue {
  add(observation: NewObservation): void;
  /** Sends the page's first report even with nothing to say, so the background learns the tab shows a new page. */
  announce(): void;
  /**
   * Sends everything pending without waiting for the batch delay (the page is going away), even beside a message
   * still unanswered, in as many messages as it takes; the answers to the extra messages are not awaited.
   */
  flushNow(): void;
  /** The page came back from the back-forward cache: resend everything it saw, as a new instance. */
  restored(): void;
  /** For tests and benchmarks. */
  state(): { readonly pending: number; readonly pagePending: number; readonly dropped: number; readonly sent: number };
}

/** Observations remembered for a resend after a back-forward cache restore (page reports within their own share). */
const HISTORY_LIMIT = 5_000;

export function createReportQueue(deps: ReportQueueDeps): ReportQueue {
  let instanceId = deps.newInstanceId();
  let seq = 0;
  let pending: Observation[] = [];
  let pagePending = 0;
  const history: NewObservation[] = [];
  let pageHistory = 0;
  let mustAnnounce = false;
  let restoredFlag = false;
  let scheduled = false;
  let inFlight = false;
  let retryDelay = 0;
  let dropped = 0;
  let sent = 0;
  let waiting = false;
  const noteWaiting = (): void => {
    const now = inFlight || mustAnnounce || pending.length > 0;
    if (now === waiting) return;
    waiting = now;
    deps.onWaitingChange?.(now);
  };

  const schedule = (delayMs: number): void => {
    if (scheduled || inFlight) return;
    scheduled = true;
    deps.schedule(() => {
      scheduled = false;
      void flush();
    }, delayMs);
  };

  const flush = async (): Promise<void> => {
    if (inFlight || (pending.length === 0 && !mustAnnounce)) return;
    inFlight = true;
    const batch = pending.slice(0, AUDIT_LIMITS.observationsPerReport);
    const backlogThrough = seq;
    const report: AuditReport = {
      instanceId,
      timeOrigin: deps.timeOrigin,
      observations: batch,
      ...(restoredFlag ? { restored: true } : {}),
    };
    const sentAs = instanceId;
    let mark: number | undefined;
    try {
      sent += 1;
      mark = (await deps.send(report)).storedThrough;
    } catch {
      mark = undefined;
    }
    inFlight = false;
    // A restore started a new instance meanwhile: this answer is about the old one.
    if (sentAs !== instanceId) {
      schedule(0);
      return;
    }
    if (mark === undefined) {
      retryDelay = Math.min(deps.maxRetryDelayMs, Math.max(deps.batchDelayMs, retryDelay * 2));
      schedule(retryDelay);
      return;
    }
    retryDelay = 0;
    mustAnnounce = false;
    restoredFlag = false;
    // What is acknowledged is the oldest (pending is in seq order): dropped from the front, so a burst acknowledged
    // message by message does not go through the whole backlog again for each.
    let acknowledged = 0;
    for (const o of pending) {
      if (o.seq > mark) break;
      acknowledged += 1;
      if (o.reportedByPage === true) pagePending -= 1;
    }
    pending.splice(0, acknowledged);
    // What was waiting when this message left (a burst larger than one message) goes at once; what arrived while it
    // was in flight is gathered like any other, or a page whose requests trickle in would send a message for each
    // one or two of them (every message and its answer are calls into the page's process).
    const first = pending[0];
    if (first !== undefined) schedule(first.seq <= backlogThrough ? 0 : deps.batchDelayMs);
    noteWaiting();
  };

  return {
    add(observation) {
      const byPage = observation.reportedByPage === true;
      if (byPage ? pagePending >= deps.maxPagePending : pending.length - pagePending >= deps.maxPending) {
        dropped += 1;
        return;
      }
      seq += 1;
      pending.push({ ...observation, seq });
      if (byPage) pagePending += 1;
      if (byPage ? pageHistory < deps.maxPagePending : history.length - pageHistory < HISTORY_LIMIT) {
        history.push(observation);
        if (byPage) pageHistory += 1;
      }
      schedule(retryDelay > 0 ? retryDelay : deps.batchDelayMs);
      noteWaiting();
    },
    announce() {
      mustAnnounce = true;
      schedule(0);
      noteWaiting();
    },
    flushNow() {
      // The first message as usual (its answer awaited), if none is unanswered and no retry waits.
      let from = 0;
      if (!inFlight && retryDelay === 0) {
        void flush();
        from = AUDIT_LIMITS.observationsPerReport;
      }
      // The page is going away: the document may be gone before an answer comes, and with it everything queued
      // behind. So the rest goes now too, from the oldest unacknowledged on; the background stores each observation
      // once, by its seq, whichever message comes first.
      for (let start = from; start < pending.length; start += AUDIT_LIMITS.observationsPerReport) {
        sent += 1;
        deps
          .send({
            instanceId,
            timeOrigin: deps.timeOrigin,
            observations: pending.slice(start, start + AUDIT_LIMITS.observationsPerReport),
            ...(restoredFlag ? { restored: true } : {}),
          })
          .catch(() => undefined);
      }
    },
    restored() {
      instanceId = deps.newInstanceId();
      seq = 0;
      pending = history.map((o) => ({ ...o, seq: ++seq }));
      pagePending = pageHistory;
      mustAnnounce = true;
      restoredFlag = true;
      retryDelay = 0;
      schedule(0);
      noteWaiting();
    },
    state: () => ({ pending: pending.length, pagePending, dropped, sent }),
  };
}
