/**
 * Fleet reporting at run time: counts what the audit stored into the queue, sends ready batches to the
 * organisation's collector, retries with backoff, and deletes everything when the policy stops reporting.
 *
 * Without the `fleetReporting` policy key nothing is queued, nothing is sent, and any queue left is deleted.
 *
 * When it sends, without the `alarms` permission: a timer while the background runs (to the end of the current
 * interval, or to the next retry), and a check whenever the background starts and whenever the audit stores a report.
 * A browser stops an idle background after about 30 s and its timers with it, so a batch that became ready while no
 * dashboard was open goes out at the next of those moments instead (the next dashboard page, the next browser
 * start); nothing is lost meanwhile, the queue is in storage.local. Every step is serialised, and the queue and the
 * retry state are written before and after each send, so a background stopped at any point resumes where it was.
 */
import type { StorageArea } from '../storage';
import type { ManagedPolicy, FleetReportingConfig } from '../policy';
import { createSerialQueue, errorMessage, isRecord } from '../shared';
import { collectorHost } from '../policy';
import type { FleetEvent, FleetReportContext } from './fleet-event';
import {
  acknowledge,
  countReport,
  DEFAULT_BATCH_LIMITS,
  DEFAULT_QUEUE_LIMITS,
  enqueue,
  enqueueOnce,
  nextReadyAt,
  readQueue,
  takeBatch,
  wentOnce,
  type BatchLimits,
  type FleetQueue,
  type QueueLimits,
  type ReportedRequests,
} from './fleet-queue';
import type { FleetStatus } from './fleet-status';
import { encodeOtlpJson } from './otlp-json-encoder';
import { parseRetryAfter, retryDelayMs, type BackoffOptions, DEFAULT_BACKOFF } from './retry-backoff';
import { encodeSplunkHec } from './splunk-hec-encoder';

import { FLEET_QUEUE_KEY, FLEET_STATE_KEY } from './fleet-storage-layout';

/** What storage.local keeps about sending, next to the queue. */
export interface FleetSendState {
  /** The collector this state is about: a new endpoint starts afresh. */
  readonly endpoint: string;
  readonly lastSentAt: number | undefined;
  /** Failed sends in a row. */
  readonly failures: number;
  /** No send before this (backoff, Retry-After). */
  readonly nextAttemptAt: number;
  readonly lastError: string | undefined;
}

export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string;
    credentials: 'omit';
    cache: 'no-store';
    signal?: AbortSignal;
  },
) => Promise<{ ok: boolean; status: number; headers: { get(name: string): string | null } }>;

export interface FleetReporterDeps {
  readonly loadPolicy: () => Promise<ManagedPolicy>;
  readonly area: StorageArea;
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly random: () => number;
  readonly newId: () => string;
  /** SHA-256, hex. */
  readonly sha256: (text: string) => Promise<string>;
  readonly context: Pick<FleetReportContext, 'extensionVersion' | 'browser' | 'userAgent'>;
  readonly setTimer: (run: () => void, delayMs: number) => unknown;
  readonly clearTimer: (timer: unknown) => void;
  readonly queueLimits?: QueueLimits;
  /** Test builds: bounds set by an end-to-end test, read at each change; undefined keeps `queueLimits`. */
  readonly loadQueueLimits?: () => Promise<QueueLimits | undefined>;
  readonly batchLimits?: BatchLimits;
  readonly backoff?: BackoffOptions;
  /** A send that takes longer is abandoned and retried. */
  readonly sendTimeoutMs?: number;
  readonly onError?: (error: unknown) => void;
}

export interface FleetReporter {
  /**
   * Requests of an audit report the audit stored; counted into the current interval, each sequence number of its
   * content-script instance once (a report sent again counts nothing twice).
   */
  countRequests(report: ReportedRequests): Promise<void>;
  /**
   * Discrete events (a new third party, a pause, a rule change...); `make` gets the id maker. With `once`, events
   * under that key go into the queue once, whatever restarts come between (`make` is not even asked again).
   */
  add(make: (newId: () => string, now: number) => FleetEvent[], options?: { readonly once?: string }): Promise<void>;
  /** Sends what is ready if it is time (worker start, an audit report, a timer, a policy change). */
  poke(): Promise<void>;
  status(): Promise<FleetStatus>;
}

function readState(stored: unknown, endpoint: string): FleetSendState {
  if (
    isRecord(stored) &&
    stored.endpoint === endpoint &&
    typeof stored.failures === 'number' &&
    typeof stored.nextAttemptAt === 'number'
  ) {
    return {
      endpoint,
      lastSentAt: typeof stored.lastSentAt === 'number' ? stored.lastSentAt : undefined,
      failures: stored.failures,
      nextAttemptAt: stored.nextAttemptAt,
      lastError: typeof stored.lastError === 'string' ? stored.lastError : undefined,
    };
  }
  return { endpoint, lastSentAt: undefined, failures: 0, nextAttemptAt: 0, lastError: undefined };
}

/** The policy as hashed for reports: everything in force but the credential. */
export function policyForHash(policy: ManagedPolicy): unknown {
  return {
    ...policy,
    fleetReporting:
      policy.fleetReporting === undefined
        ? undefined
        : {
            ...policy.fleetReporting,
            authorization: policy.fleetReporting.authorization === undefined ? undefined : 'set',
          },
  };
}

export function createFleetReporter(deps: FleetReporterDeps): FleetReporter {
  const defaultLimits = deps.queueLimits ?? DEFAULT_QUEUE_LIMITS;
  const limits = async (): Promise<QueueLimits> =>
    deps.loadQueueLimits === undefined ? defaultLimits : ((await deps.loadQueueLimits()) ?? defaultLimits);
  const batchLimits = deps.batchLimits ?? DEFAULT_BATCH_LIMITS;
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const sendTimeoutMs = deps.sendTimeoutMs ?? 30_000;
  const steps = createSerialQueue();
  const serially = <T>(run: () => Promise<T>): Promise<T> => steps.run(run);
  let timer: unknown;
  let timerAt: number | undefined;

  const loadQueue = async (): Promise<FleetQueue> => readQueue((await deps.area.get(FLEET_QUEUE_KEY))[FLEET_QUEUE_KEY]);
  const saveQueue = (queue: FleetQueue): Promise<void> => deps.area.set({ [FLEET_QUEUE_KEY]: queue });
  const loadState = async (endpoint: string): Promise<FleetSendState> =>
    readState((await deps.area.get(FLEET_STATE_KEY))[FLEET_STATE_KEY], endpoint);
  const saveState = (state: FleetSendState): Promise<void> => deps.area.set({ [FLEET_STATE_KEY]: state });

  /** The reporting config in force; with none, whatever was queued is deleted. */
  const configInForce = async (): Promise<FleetReportingConfig | undefined> => {
    const policy = await deps.loadPolicy();
    if (policy.fleetReporting !== undefined) return policy.fleetReporting;
    const stored = await deps.area.get(FLEET_QUEUE_KEY);
    const state = await deps.area.get(FLEET_STATE_KEY);
    if (FLEET_QUEUE_KEY in stored || FLEET_STATE_KEY in state)
      await deps.area.remove([FLEET_QUEUE_KEY, FLEET_STATE_KEY]);
    if (timer !== undefined) deps.clearTimer(timer);
    timer = undefined;
    timerAt = undefined;
    return undefined;
  };

  const wakeAt = (at: number): void => {
    if (timerAt !== undefined && timerAt <= at) return;
    if (timer !== undefined) deps.clearTimer(timer);
    timerAt = at;
    // A little after, so the interval has surely ended.
    timer = deps.setTimer(
      () => {
        timer = undefined;
        timerAt = undefined;
        void poke();
      },
      Math.max(0, at - deps.now()) + 50,
    );
  };

  const context = async (config: FleetReportingConfig): Promise<FleetReportContext> => ({
    ...deps.context,
    policyHash: await deps.sha256(JSON.stringify(policyForHash(await deps.loadPolicy()))),
    deviceLabel: config.deviceLabel,
  });

  const send = async (
    config: FleetReportingConfig,
    batch: readonly FleetEvent[],
    now: number,
  ): Promise<{ ok: true } | { ok: false; error: string; retryAfterMs: number | undefined }> => {
    const shared = await context(config);
    const body = config.format === 'otlp-json' ? encodeOtlpJson(batch, shared, now) : encodeSplunkHec(batch, shared);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (config.authorization !== undefined) headers.authorization = config.authorization;
    const abort = new AbortController();
    const timeout = deps.setTimer(() => abort.abort(), sendTimeoutMs);
    try {
      const response = await deps.fetch(config.endpoint, {
        method: 'POST',
        headers,
        body,
        credentials: 'omit',
        cache: 'no-store',
        signal: abort.signal,
      });
      if (response.ok) return { ok: true };
      return {
        ok: false,
        error: `the collector answered ${response.status}`,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), deps.now()),
      };
    } catch (error) {
      return {
        ok: false,
        error: `the collector could not be reached (${errorMessage(error)})`,
        retryAfterMs: undefined,
      };
    } finally {
      deps.clearTimer(timeout);
    }
  };

  /** Sends every ready batch, one after the other, until none is ready or a send fails. */
  const flush = async (config: FleetReportingConfig): Promise<void> => {
    let state = await loadState(config.endpoint);
    for (;;) {
      const now = deps.now();
      const queue = await loadQueue();
      if (state.nextAttemptAt > now) {
        wakeAt(state.nextAttemptAt);
        return;
      }
      const { queue: sending, batch } = takeBatch(queue, now, config.intervalSeconds * 1000, deps.newId, batchLimits);
      if (batch.length === 0) {
        const next = queue.dropped > 0 ? now : nextReadyAt(queue, config.intervalSeconds * 1000);
        if (next !== undefined) wakeAt(next);
        return;
      }
      // The dropped event (if one was made) is stored before it is sent, so a retry sends it under the same id.
      if (sending !== queue) await saveQueue(sending);
      const result = await send(config, batch, now);
      if (result.ok) {
        await saveQueue(
          acknowledge(
            await loadQueue(),
            batch.map((event) => event.id),
          ),
        );
        state = { ...state, lastSentAt: deps.now(), failures: 0, nextAttemptAt: 0, lastError: undefined };
        await saveState(state);
        continue;
      }
      const failures = state.failures + 1;
      state = {
        ...state,
        failures,
        nextAttemptAt: deps.now() + retryDelayMs(failures, result.retryAfterMs, deps.random(), backoff),
        lastError: result.error,
      };
      await saveState(state);
      wakeAt(state.nextAttemptAt);
      return;
    }
  };

  // Steps that threw in a row (storage, the policy read: before a send, or recording one); kept in memory only,
  // since the failing part may be storage itself.
  let stepFailures = 0;
  let stepError: string | undefined;
  const poke = (): Promise<void> =>
    serially(async () => {
      const config = await configInForce();
      if (config !== undefined) await flush(config);
    }).then(
      () => {
        stepFailures = 0;
        stepError = undefined;
      },
      (error: unknown) => {
        // Without this the queue would wait, with no timer, for the next report or background start: try again
        // with the backoff of a failed send, and say why meanwhile.
        stepFailures += 1;
        stepError = `an error inside Dashguard: ${errorMessage(error)}`;
        wakeAt(deps.now() + retryDelayMs(stepFailures, undefined, deps.random(), backoff));
        deps.onError?.(error);
      },
    );

  return {
    countRequests: (report) =>
      serially(async () => {
        const config = await configInForce();
        if (config === undefined) return;
        const stored = await loadQueue();
        const queue = countReport(
          stored,
          report,
          deps.now(),
          config.intervalSeconds * 1000,
          deps.newId,
          await limits(),
        );
        if (queue === stored) return;
        await saveQueue(queue);
        // Most reports only count: a send is due only when something became ready (the timer may not have run).
        const ready = nextReadyAt(queue, config.intervalSeconds * 1000);
        // A send is a step of its own (a timer): the audit waits for the count, to acknowledge the report, but not for
        // a collector.
        if (ready !== undefined) wakeAt(ready);
      }),
    add: (make, options = {}) =>
      serially(async () => {
        const config = await configInForce();
        if (config === undefined) return;
        const queue = await loadQueue();
        const { once } = options;
        if (once !== undefined && wentOnce(queue, once)) return;
        const events = make(deps.newId, deps.now());
        if (events.length === 0) return;
        await saveQueue(
          once === undefined
            ? enqueue(queue, events, await limits())
            : enqueueOnce(queue, once, events, await limits()),
        );
        // The send decides what is ready (a dropped count may be); a step of its own, as above.
        wakeAt(deps.now());
      }),
    poke,
    status: () =>
      serially(async () => {
        const config = await configInForce();
        if (config === undefined)
          return { enabled: false, host: undefined, lastSentAt: undefined, waiting: 0, lastError: undefined };
        const [queue, state] = await Promise.all([loadQueue(), loadState(config.endpoint)]);
        return {
          enabled: true,
          host: collectorHost(config),
          lastSentAt: state.lastSentAt,
          waiting: queue.events.length + queue.dropped,
          lastError: stepError ?? state.lastError,
        };
      }),
  };
}
