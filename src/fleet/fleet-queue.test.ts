import type { VendorRef } from '../audit/audit-types';
import type { FleetEvent, TabPauseEvent } from './fleet-event';
import {
  acknowledge,
  countRequests,
  EMPTY_QUEUE,
  enqueue,
  nextReadyAt,
  readQueue,
  takeBatch,
  type FleetQueue,
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
    });
  });
});
