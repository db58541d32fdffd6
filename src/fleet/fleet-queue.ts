/**
 * The fleet report queue, as pure operations on its stored value (storage.local holds one `FleetQueue`).
 *
 * - Bounded in events and in bytes: when full, the oldest go first and are counted; the count goes out as a
 *   `dropped` event at the front of the next batch, so a collector learns that something is missing.
 * - Events go out per interval: each once the interval it fell in has ended, in batches.
 * - Requests are counted per interval: a report's requests merge into the event of the interval they were seen in,
 *   one per dashboard, vendor and status. An event is sent only once its interval has ended, so an event that left
 *   never changes afterwards and its id always stands for the same content.
 * - Nothing leaves the queue before the collector accepted it (`acknowledge`).
 * - Nothing is counted twice: a content script resends observations the background stored but did not acknowledge
 *   (it stopped in between), so the queue keeps, per content-script instance, the highest sequence number it counted,
 *   and the keys of events that go out once (a sensitive page shown unprotected, once per document). Both are written
 *   in the same value as the events, so an event and its mark are stored together or not at all.
 */
import type { AuditStatus, VendorRef } from '../audit';
import { isRecord, withRecentMark } from '../shared';
import { seenRequestsOf, type AuditedRequest } from './audit-requests';
import { verdictOf, type DroppedEvent, type FleetEvent, type RequestsEvent } from './fleet-event';

export const FLEET_QUEUE_VERSION = 1;

export interface FleetQueue {
  readonly v: typeof FLEET_QUEUE_VERSION;
  /** Oldest first. */
  readonly events: readonly FleetEvent[];
  /** Events dropped since the last `dropped` event went into the queue. */
  readonly dropped: number;
  /** Per content-script instance, the highest sequence number counted; oldest instance first. */
  readonly counted: Readonly<Record<string, number>>;
  /** Keys of the events that go out once and went into the queue; oldest first. */
  readonly once: readonly string[];
}

export const EMPTY_QUEUE: FleetQueue = { v: FLEET_QUEUE_VERSION, events: [], dropped: 0, counted: {}, once: [] };

/** Marks kept: far more content-script instances, and documents, than a browser reports between two stops. */
export const MAX_COUNTED_SOURCES = 1_000;
export const MAX_ONCE_KEYS = 1_000;

export interface QueueLimits {
  readonly maxEvents: number;
  /** Of the events' JSON, about what storage.local holds. */
  readonly maxBytes: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { maxEvents: 5_000, maxBytes: 2_000_000 };

export interface BatchLimits {
  readonly maxEvents: number;
  readonly maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxEvents: 500, maxBytes: 500_000 };

const sizeOf = (event: FleetEvent): number => JSON.stringify(event).length;

/** The stored value as a queue; anything unreadable is an empty queue (it was never ours to send). */
export function readQueue(stored: unknown): FleetQueue {
  if (
    !isRecord(stored) ||
    stored.v !== FLEET_QUEUE_VERSION ||
    !Array.isArray(stored.events) ||
    typeof stored.dropped !== 'number'
  )
    return EMPTY_QUEUE;
  const events = stored.events.filter(
    (event): event is FleetEvent =>
      isRecord(event) &&
      typeof event.id === 'string' &&
      typeof event.kind === 'string' &&
      typeof event.time === 'number',
  );
  // Queues stored before the marks existed have none: nothing of theirs was counted twice yet.
  const counted: Record<string, number> = {};
  if (isRecord(stored.counted))
    for (const [source, seq] of Object.entries(stored.counted))
      if (typeof seq === 'number' && Number.isSafeInteger(seq)) counted[source] = seq;
  const once = Array.isArray(stored.once) ? stored.once.filter((key): key is string => typeof key === 'string') : [];
  return { v: FLEET_QUEUE_VERSION, events, dropped: stored.dropped, counted, once };
}

/** The start of the interval `time` falls in (intervals are aligned to the epoch, so every device shares them). */
export function windowStartOf(time: number, intervalMs: number): number {
  return Math.floor(time / intervalMs) * intervalMs;
}

/** Drops the oldest events until the queue is within its limits; a dropped `dropped` event passes its count on. */
function bounded(queue: FleetQueue, events: FleetEvent[], dropped: number, limits: QueueLimits): FleetQueue {
  let bytes = events.reduce((sum, event) => sum + sizeOf(event), 0);
  let first = 0;
  let lost = dropped;
  while (first < events.length && (events.length - first > limits.maxEvents || bytes > limits.maxBytes)) {
    const oldest = events[first] as FleetEvent;
    bytes -= sizeOf(oldest);
    lost += oldest.kind === 'dropped' ? oldest.count : 1;
    first += 1;
  }
  return { ...queue, events: events.slice(first), dropped: lost };
}

/** Appends events (other than requests), oldest dropped if the queue overflows. */
export function enqueue(
  queue: FleetQueue,
  events: readonly FleetEvent[],
  limits: QueueLimits = DEFAULT_QUEUE_LIMITS,
): FleetQueue {
  if (events.length === 0) return queue;
  return bounded(queue, [...queue.events, ...events], queue.dropped, limits);
}

/**
 * Appends events that go out once per `key` (a document shown unprotected): unchanged if that key went in before,
 * even if the background stopped since. The key is stored with the events; the oldest keys go beyond `MAX_ONCE_KEYS`.
 */
export function enqueueOnce(
  queue: FleetQueue,
  key: string,
  events: readonly FleetEvent[],
  limits: QueueLimits = DEFAULT_QUEUE_LIMITS,
): FleetQueue {
  if (events.length === 0 || queue.once.includes(key)) return queue;
  const once = [...queue.once, key];
  return { ...enqueue(queue, events, limits), once: once.slice(Math.max(0, once.length - MAX_ONCE_KEYS)) };
}

/** Whether events under `key` went into the queue already (enqueueOnce would change nothing). */
export function wentOnce(queue: FleetQueue, key: string): boolean {
  return queue.once.includes(key);
}

/** What one stored audit report saw: its content-script instance, its highest sequence number, its requests. */
export interface ReportedRequests {
  readonly source: string;
  readonly maxSeq: number;
  readonly dashboard: string | null;
  readonly requests: readonly (AuditedRequest & { readonly seq: number })[];
}

/**
 * Counts a report's requests that were not counted before (a sequence number above its instance's mark), and moves
 * the mark to the report's highest: a report sent again after the background stopped between storing it and
 * acknowledging it counts nothing the second time. The oldest instances' marks go beyond `MAX_COUNTED_SOURCES`.
 */
export function countReport(
  queue: FleetQueue,
  report: ReportedRequests,
  now: number,
  intervalMs: number,
  newId: () => string,
  limits: QueueLimits = DEFAULT_QUEUE_LIMITS,
): FleetQueue {
  const mark = queue.counted[report.source] ?? 0;
  const fresh = report.requests.filter((request) => request.seq > mark);
  const counted = countRequests(queue, seenRequestsOf(fresh, report.dashboard), now, intervalMs, newId, limits);
  return { ...counted, counted: withRecentMark(queue.counted, report.source, report.maxSeq, MAX_COUNTED_SOURCES) };
}

export interface SeenRequests {
  readonly dashboard: string | null;
  readonly vendor: VendorRef;
  readonly status: AuditStatus;
  readonly count: number;
}

/**
 * Counts requests seen at `now` into the events of `now`'s interval: one per dashboard, vendor (by id, or by name
 * for an unknown third party) and status. `newId` makes the id of an event that did not exist yet.
 */
export function countRequests(
  queue: FleetQueue,
  seen: readonly SeenRequests[],
  now: number,
  intervalMs: number,
  newId: () => string,
  limits: QueueLimits = DEFAULT_QUEUE_LIMITS,
): FleetQueue {
  if (seen.length === 0) return queue;
  const windowStart = windowStartOf(now, intervalMs);
  const windowEnd = windowStart + intervalMs;
  const events = [...queue.events];
  const keyOf = (dashboard: string | null, vendor: VendorRef, status: AuditStatus): string =>
    JSON.stringify([dashboard, vendor.id ?? `?${vendor.name}`, status]);
  // Only this interval's events are open; their index by key.
  const open = new Map<string, number>();
  events.forEach((event, index) => {
    if (event.kind === 'requests' && event.windowStart === windowStart)
      open.set(keyOf(event.dashboard, event.vendor, event.status), index);
  });
  for (const item of seen) {
    if (item.count <= 0) continue;
    const key = keyOf(item.dashboard, item.vendor, item.status);
    const index = open.get(key);
    const existing = index === undefined ? undefined : events[index];
    if (index !== undefined && existing?.kind === 'requests') {
      events[index] = { ...existing, count: existing.count + item.count };
    } else {
      const event: RequestsEvent = {
        kind: 'requests',
        id: newId(),
        time: windowEnd,
        dashboard: item.dashboard,
        vendor: item.vendor,
        status: item.status,
        verdict: verdictOf(item.status),
        count: item.count,
        windowStart,
        windowEnd,
      };
      open.set(key, events.length);
      events.push(event);
    }
  }
  return bounded(queue, events, queue.dropped, limits);
}

/** When an event may be sent: once the interval it fell in has ended (a `dropped` event goes with the next batch). */
export function readyAt(event: FleetEvent, intervalMs: number): number {
  if (event.kind === 'requests') return event.windowEnd;
  if (event.kind === 'dropped') return event.time;
  return windowStartOf(event.time, intervalMs) + intervalMs;
}

/**
 * The next batch to send, oldest first, within the batch limits; and the queue to store before sending it: a
 * pending dropped count becomes a `dropped` event at the front, so that it too is sent, and acknowledged, like any
 * other. `newId` is asked only then.
 */
export function takeBatch(
  queue: FleetQueue,
  now: number,
  intervalMs: number,
  newId: () => string,
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): { queue: FleetQueue; batch: FleetEvent[] } {
  let current = queue;
  if (queue.dropped > 0) {
    const dropped: DroppedEvent = { kind: 'dropped', id: newId(), time: now, dashboard: null, count: queue.dropped };
    current = { ...queue, events: [dropped, ...queue.events], dropped: 0 };
  }
  const batch: FleetEvent[] = [];
  let bytes = 0;
  for (const event of current.events) {
    if (readyAt(event, intervalMs) > now) continue;
    const size = sizeOf(event);
    if (batch.length >= limits.maxEvents || (batch.length > 0 && bytes + size > limits.maxBytes)) break;
    batch.push(event);
    bytes += size;
  }
  return { queue: current, batch };
}

/** Removes the events the collector accepted. */
export function acknowledge(queue: FleetQueue, ids: readonly string[]): FleetQueue {
  const sent = new Set(ids);
  return { ...queue, events: queue.events.filter((event) => !sent.has(event.id)) };
}

/** When the next event becomes ready (for the timer), or undefined when nothing waits. */
export function nextReadyAt(queue: FleetQueue, intervalMs: number): number | undefined {
  let next: number | undefined;
  for (const event of queue.events) {
    const at = readyAt(event, intervalMs);
    if (next === undefined || at < next) next = at;
  }
  return next;
}
