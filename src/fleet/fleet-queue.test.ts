import type { VendorRef } from '../audit/audit-types';
import type { FleetEvent, TabPauseEvent } from './fleet-event';
import {
  acknowledge,
  countReport,
  countRequests,
  EMPTY_QUEUE,
  enqueue,
  enqueueOnce,
  MAX_COUNTED_SOURCES,
  MAX_ONCE_KEYS,
  nextReadyAt,
  readQueue,
  takeBatch,
  wentOnce,
  type FleetQueue,
  type ReportedRequests,
} from './fleet-queue';

const AMPLITUDE: VendorRef = { id: 'amplitude', name: 'Amplitude', category: 'analytics', source: 'curated' };
const UNKNOWN: VendorRef = { id: null, name: 'example.net', category: null, source: null };
const INTERVAL = 10_000;

function ids(): () => string {
  let n = 0;
  return () => `id-${(n += 1)}`;
}
const pause = (id: string, time: number): TabPauseEvent => ({
  kind: 'tab-pause',
  id,
  time,
  dashboard: 'circleci',
  durationSeconds: 5,
});

describe('countRequests', () => {
  test('merges requests of one interval per dashboard, vendor and status; a new interval starts new events', () => {
    const newId = ids();
    let queue = countRequests(
      EMPTY_QUEUE,
      [{ dashboard: 'circleci', vendor: AMPLITUDE, status: 'blocked', count: 2 }],
      1_000,
      INTERVAL,
      newId,
    );
    queue = countRequests(
      queue,
      [
        { dashboard: 'circleci', vendor: AMPLITUDE, status: 'blocked', count: 3 },
        { dashboard: 'gitlab', vendor: AMPLITUDE, status: 'blocked', count: 1 },
        { dashboard: 'circleci', vendor: UNKNOWN, status: 'allowed-unknown', count: 4 },
      ],
      9_999,
      INTERVAL,
      newId,
    );
    queue = countRequests(
      queue,
      [{ dashboard: 'circleci', vendor: AMPLITUDE, status: 'blocked', count: 7 }],
      10_000,
      INTERVAL,
      newId,
    );
    expect(
      queue.events.map((e) =>
        e.kind === 'requests'
          ? [e.id, e.dashboard, e.vendor.name, e.verdict, e.count, e.windowStart, e.windowEnd]
          : e.kind,
      ),
    ).toEqual([
      ['id-1', 'circleci', 'Amplitude', 'blocked', 5, 0, 10_000],
      ['id-2', 'gitlab', 'Amplitude', 'blocked', 1, 0, 10_000],
      ['id-3', 'circleci', 'example.net', 'unknown-third-party', 4, 0, 10_000],
      ['id-4', 'circleci', 'Amplitude', 'blocked', 7, 10_000, 20_000],
    ]);
  });
});

describe('takeBatch', () => {
  test('sends an event only once its interval has ended, oldest first', () => {
    const newId = ids();
    let queue = countRequests(
      EMPTY_QUEUE,
      [{ dashboard: 'circleci', vendor: AMPLITUDE, status: 'blocked', count: 1 }],
      1_000,
      INTERVAL,
      newId,
    );
    queue = enqueue(queue, [pause('p1', 2_000), pause('p2', 12_000)]);
    expect(takeBatch(queue, 9_999, INTERVAL, newId).batch).toEqual([]);
    expect(takeBatch(queue, 10_000, INTERVAL, newId).batch.map((e) => e.id)).toEqual(['id-1', 'p1']);
    expect(takeBatch(queue, 20_000, INTERVAL, newId).batch.map((e) => e.id)).toEqual(['id-1', 'p1', 'p2']);
    expect(nextReadyAt(queue, INTERVAL)).toBe(10_000);
  });

  test('respects the batch limits, always sending at least one event', () => {
    const queue = enqueue(EMPTY_QUEUE, [pause('a', 0), pause('b', 0), pause('c', 0)]);
    expect(
      takeBatch(queue, INTERVAL, INTERVAL, ids(), { maxEvents: 2, maxBytes: 1_000_000 }).batch.map((e) => e.id),
    ).toEqual(['a', 'b']);
    expect(takeBatch(queue, INTERVAL, INTERVAL, ids(), { maxEvents: 10, maxBytes: 1 }).batch.map((e) => e.id)).toEqual([
      'a',
    ]);
  });

  test('an event left unacknowledged is sent again under the same id', () => {
    const queue = enqueue(EMPTY_QUEUE, [pause('a', 0)]);
    const first = takeBatch(queue, INTERVAL, INTERVAL, ids());
    const again = takeBatch(first.queue, INTERVAL * 3, INTERVAL, ids());
    expect(again.batch).toEqual(first.batch);
    expect(takeBatch(acknowledge(first.queue, ['a']), INTERVAL * 3, INTERVAL, ids()).batch).toEqual([]);
  });
});

describe('bounds', () => {
  test('a full queue drops the oldest, and the next batch starts with a "dropped N" event, stored with the queue', () => {
    const limits = { maxEvents: 3, maxBytes: 1_000_000 };
    let queue: FleetQueue = EMPTY_QUEUE;
    for (let i = 1; i <= 5; i += 1) queue = enqueue(queue, [pause(`p${i}`, i)], limits);
    expect(queue.events.map((e) => e.id)).toEqual(['p3', 'p4', 'p5']);
    expect(queue.dropped).toBe(2);
    const { queue: sending, batch } = takeBatch(queue, INTERVAL, INTERVAL, () => 'dropped-1');
    expect(batch[0]).toEqual({ kind: 'dropped', id: 'dropped-1', time: INTERVAL, dashboard: null, count: 2 });
    expect(batch.map((e) => e.id)).toEqual(['dropped-1', 'p3', 'p4', 'p5']);
    expect(sending.dropped).toBe(0);
    expect(sending.events[0]?.id).toBe('dropped-1');
  });

  test('a dropped "dropped" event passes its count on', () => {
    const limits = { maxEvents: 2, maxBytes: 1_000_000 };
    const dropped: FleetEvent = { kind: 'dropped', id: 'd', time: 0, dashboard: null, count: 40 };
    const queue = enqueue({ ...EMPTY_QUEUE, events: [dropped, pause('a', 1)] }, [pause('b', 2)], limits);
    expect(queue.events.map((e) => e.id)).toEqual(['a', 'b']);
    expect(queue.dropped).toBe(40);
  });

  test('bounded in bytes too', () => {
    const size = JSON.stringify(pause('p10', 10)).length;
    let queue: FleetQueue = EMPTY_QUEUE;
    for (let i = 1; i <= 10; i += 1)
      queue = enqueue(queue, [pause(`p${i}`, i)], { maxEvents: 1_000, maxBytes: size * 4 });
    expect(queue.events.length).toBe(4);
    expect(queue.dropped).toBe(6);
  });
});

describe('readQueue', () => {
  test('anything unreadable is an empty queue', () => {
    expect(readQueue(undefined)).toEqual(EMPTY_QUEUE);
    expect(readQueue({ v: 99, events: [], dropped: 0 })).toEqual(EMPTY_QUEUE);
    expect(readQueue({ v: 1, events: [pause('a', 1), { junk: true }], dropped: 3 })).toEqual({
      v: 1,
      events: [pause('a', 1)],
      dropped: 3,
      counted: {},
      once: [],
    });
  });

  test('keeps the marks that are readable and drops the rest', () => {
    expect(
      readQueue({
        v: 1,
        events: [],
        dropped: 0,
        counted: { a: 4, b: 'x', c: 1.5 },
        once: ['k', 3],
      }),
    ).toEqual({ ...EMPTY_QUEUE, counted: { a: 4 }, once: ['k'] });
  });
});

/** A report of instance `source` with one blocked Amplitude request per sequence number. */
const reported = (source: string, seqs: readonly number[], maxSeq = Math.max(...seqs)): ReportedRequests => ({
  source,
  maxSeq,
  dashboard: 'circleci',
  requests: seqs.map((seq) => ({ seq, vendor: AMPLITUDE, status: 'blocked' as const })),
});
const countOf = (queue: FleetQueue): number =>
  queue.events.reduce((sum, e) => sum + (e.kind === 'requests' ? e.count : 0), 0);

describe('countReport', () => {
  test('a report sent again (stored, then the background stopped before acknowledging it) counts nothing twice', () => {
    const newId = ids();
    const first = countReport(EMPTY_QUEUE, reported('doc-a', [1, 2, 3]), 1_000, INTERVAL, newId);
    expect(countOf(first)).toBe(3);
    expect(first.counted).toEqual({ 'doc-a': 3 });
    // The same report again: nothing more.
    const again = countReport(
      readQueue(JSON.parse(JSON.stringify(first))),
      reported('doc-a', [1, 2, 3]),
      2_000,
      INTERVAL,
      newId,
    );
    expect(countOf(again)).toBe(3);
    // Resent with what came after it: only the new ones count.
    const more = countReport(again, reported('doc-a', [2, 3, 4, 5]), 3_000, INTERVAL, newId);
    expect(countOf(more)).toBe(5);
    expect(more.counted).toEqual({ 'doc-a': 5 });
  });

  test('instances count apart; the mark moves to the highest sequence number, malformed ones included', () => {
    const newId = ids();
    let queue = countReport(EMPTY_QUEUE, reported('doc-a', [1, 2], 7), 1_000, INTERVAL, newId);
    queue = countReport(queue, reported('doc-b', [1, 2]), 1_000, INTERVAL, newId);
    // 3..7 of doc-a were in the report that set the mark (unreadable ones, acknowledged and dropped): not counted.
    queue = countReport(queue, reported('doc-a', [6, 8]), 1_000, INTERVAL, newId);
    expect(countOf(queue)).toBe(5);
    expect(queue.counted).toEqual({ 'doc-a': 8, 'doc-b': 2 });
  });

  test('a mark never goes back, and the marks kept are bounded, the least recently reporting instance first out', () => {
    const newId = ids();
    let queue = countReport(EMPTY_QUEUE, reported('doc-a', [5]), 1_000, INTERVAL, newId);
    queue = countReport(queue, { ...reported('doc-a', []), maxSeq: 2 }, 1_000, INTERVAL, newId);
    expect(queue.counted['doc-a']).toBe(5);
    for (let i = 0; i < MAX_COUNTED_SOURCES; i += 1)
      queue = countReport(queue, { ...reported(`doc-${i}`, []), maxSeq: 1 }, 1_000, INTERVAL, newId);
    expect(Object.keys(queue.counted)).toHaveLength(MAX_COUNTED_SOURCES);
    expect(queue.counted['doc-a']).toBeUndefined();
    expect(queue.counted['doc-0']).toBe(1);
  });

  test('the marks survive sending and acknowledging', () => {
    const queue = countReport(EMPTY_QUEUE, reported('doc-a', [1, 2]), 1_000, INTERVAL, ids());
    const { queue: sending, batch } = takeBatch(queue, INTERVAL, INTERVAL, ids());
    const sent = acknowledge(
      sending,
      batch.map((e) => e.id),
    );
    expect(sent.events).toEqual([]);
    expect(sent.counted).toEqual({ 'doc-a': 2 });
    expect(countOf(countReport(sent, reported('doc-a', [1, 2]), INTERVAL + 1, INTERVAL, ids()))).toBe(0);
  });
});

describe('enqueueOnce', () => {
  test('events under one key go in once, even after they were sent', () => {
    let queue = enqueueOnce(EMPTY_QUEUE, 'doc-a /tokens', [pause('a', 1)]);
    expect(wentOnce(queue, 'doc-a /tokens')).toBe(true);
    expect(enqueueOnce(queue, 'doc-a /tokens', [pause('b', 2)])).toBe(queue);
    queue = acknowledge(queue, ['a']);
    expect(enqueueOnce(readQueue(JSON.parse(JSON.stringify(queue))), 'doc-a /tokens', [pause('c', 3)]).events).toEqual(
      [],
    );
    expect(enqueueOnce(queue, 'doc-b /tokens', [pause('d', 4)]).events.map((e) => e.id)).toEqual(['d']);
  });

  test('nothing to add marks nothing; the keys kept are bounded, the oldest first out', () => {
    expect(enqueueOnce(EMPTY_QUEUE, 'k', [])).toBe(EMPTY_QUEUE);
    let queue: FleetQueue = EMPTY_QUEUE;
    for (let i = 0; i <= MAX_ONCE_KEYS; i += 1) queue = enqueueOnce(queue, `k${i}`, [pause(`p${i}`, i)]);
    expect(queue.once).toHaveLength(MAX_ONCE_KEYS);
    expect(wentOnce(queue, 'k0')).toBe(false);
    expect(wentOnce(queue, `k${MAX_ONCE_KEYS}`)).toBe(true);
  });
});
