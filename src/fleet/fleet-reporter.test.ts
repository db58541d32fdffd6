import { FakeStorageArea } from '../../test/unit/fake-storage-area';
import { NO_POLICY, type ManagedPolicy } from '../policy/managed-policy';
import type { FleetEvent } from './fleet-event';
import type { ReportedRequests } from './fleet-queue';
import { createFleetReporter, type FetchLike } from './fleet-reporter';
import type { FleetReportingConfig } from '../policy/fleet-reporting-config';
import { FLEET_QUEUE_KEY } from './fleet-storage-layout';

const CONFIG: FleetReportingConfig = {
  endpoint: 'https://collector.example.com/v1/logs',
  format: 'splunk-hec',
  authorization: 'Splunk t0k',
  intervalSeconds: 10,
  deviceLabel: undefined,
};
const AMPLITUDE = { id: 'amplitude', name: 'Amplitude', category: 'analytics' as const, source: 'curated' as const };

interface Answer {
  readonly status: number;
  readonly retryAfter?: string;
}

/** A world with a clock, timers, storage and a collector; a "restart" makes a new reporter on the same storage. */
function world(initialPolicy: ManagedPolicy = { ...NO_POLICY, fleetReporting: CONFIG }) {
  let now = 1_000_000;
  let policy = initialPolicy;
  const area = new FakeStorageArea();
  const timers = new Map<number, { at: number; run: () => void }>();
  let timerIds = 0;
  let ids = 0;
  const posts: { at: number; headers: Record<string, string>; events: { id: string; kind: string }[] }[] = [];
  let answer: Answer | Error = { status: 200 };
  let hashFailures = 0;
  const fetch: FetchLike = async (_url, init) => {
    posts.push({
      at: now,
      headers: init.headers,
      events: init.body.split('\n').map((line) => (JSON.parse(line) as { event: { id: string; kind: string } }).event),
    });
    if (answer instanceof Error) throw answer;
    const { status, retryAfter } = answer;
    return {
      ok: status >= 200 && status < 300,
      status,
      headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? (retryAfter ?? null) : null) },
    };
  };
  const make = () =>
    createFleetReporter({
      loadPolicy: async () => policy,
      area,
      fetch,
      now: () => now,
      random: () => 0.5,
      newId: () => `e${(ids += 1)}`,
      sha256: async () => {
        if (hashFailures === 0) return '00';
        hashFailures -= 1;
        throw new Error('digest failed');
      },
      context: { extensionVersion: '1.0.0', browser: 'chrome', userAgent: 'UA' },
      setTimer: (run, delayMs) => {
        timerIds += 1;
        timers.set(timerIds, { at: now + delayMs, run });
        return timerIds;
      },
      clearTimer: (id) => void timers.delete(id as number),
      backoff: { baseMs: 1_000, maxMs: 60_000 },
    });
  let reporter = make();
  return {
    area,
    posts,
    get reporter() {
      return reporter;
    },
    setAnswer(next: Answer | Error) {
      answer = next;
    },
    setPolicy(next: ManagedPolicy) {
      policy = next;
    },
    /** The next `count` policy hashes throw: a step before the send fails (as storage or the policy read may). */
    failHashes(count: number) {
      hashFailures = count;
    },
    /** The background stopped and started again: timers and memory gone, storage kept. */
    restart() {
      timers.clear();
      reporter = make();
    },
    /** Moves the clock, running the timers that come due (as a living background would). */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].run();
        await new Promise((resolve) => setTimeout(resolve, 0));
        await reporter.status();
      }
      now = end;
    },
    get now() {
      return now;
    },
  };
}

let lastSeq = 0;
/** A content script's report of `count` blocked Amplitude requests, under its next sequence numbers. */
const seen = (count: number, source = 'instance-a'): ReportedRequests => {
  const requests = Array.from({ length: count }, () => ({
    seq: (lastSeq += 1),
    vendor: AMPLITUDE,
    status: 'blocked' as const,
  }));
  return { source, maxSeq: lastSeq, dashboard: 'circleci', requests };
};
const pauseEvent = (id: string, time: number): FleetEvent => ({
  kind: 'tab-pause',
  id,
  time,
  dashboard: 'circleci',
  durationSeconds: 3,
});

describe('fleet reporter', () => {
  test('without the policy key nothing is queued and nothing is sent', async () => {
    const w = world(NO_POLICY);
    await w.reporter.countRequests(seen(3));
    await w.reporter.add(() => [pauseEvent('p', 0)]);
    await w.advance(60_000);
    await w.reporter.poke();
    expect(w.posts).toEqual([]);
    expect(w.area.data.size).toBe(0);
    expect(await w.reporter.status()).toEqual({
      enabled: false,
      host: undefined,
      lastSentAt: undefined,
      waiting: 0,
      lastError: undefined,
    });
  });

  test('counts per interval and sends once the interval has ended, with the Authorization header as given', async () => {
    const w = world();
    await w.reporter.countRequests(seen(2));
    await w.reporter.countRequests(seen(3));
    expect(w.posts).toEqual([]);
    await w.advance(10_100);
    expect(w.posts).toHaveLength(1);
    expect(w.posts[0]?.headers).toEqual({ 'content-type': 'application/json', authorization: 'Splunk t0k' });
    expect(w.posts[0]?.events).toEqual([expect.objectContaining({ kind: 'requests', count: 5 })]);
    expect(await w.reporter.status()).toMatchObject({
      enabled: true,
      host: 'collector.example.com',
      waiting: 0,
      lastSentAt: w.posts[0]?.at,
    });
  });

  test('collector down, background stopped twice, collector back: every event delivered once, by id', async () => {
    const w = world();
    w.setAnswer({ status: 503 });
    await w.reporter.add((newId, now) => [pauseEvent(newId(), now)]);
    await w.reporter.countRequests(seen(4));
    await w.advance(10_100);
    expect(w.posts).toHaveLength(1);
    expect(await w.reporter.status()).toMatchObject({ waiting: 2, lastError: 'the collector answered 503' });
    w.restart();
    await w.reporter.poke();
    await w.advance(5_000);
    w.setAnswer(new TypeError('Failed to fetch'));
    w.restart();
    await w.reporter.add((newId, now) => [pauseEvent(newId(), now)]);
    await w.advance(30_000);
    w.setAnswer({ status: 200 });
    w.restart();
    await w.reporter.poke();
    await w.advance(120_000);
    const accepted = w.posts.at(-1)?.events.map((e) => e.id) ?? [];
    const everyId = new Set(w.posts.flatMap((p) => p.events.map((e) => e.id)));
    expect(accepted.sort()).toEqual([...everyId].sort());
    expect(accepted).toHaveLength(3);
    expect(await w.reporter.status()).toMatchObject({ waiting: 0, lastError: undefined });
  });

  test('a 429 with Retry-After is honoured, across a restart too', async () => {
    const w = world();
    w.setAnswer({ status: 429, retryAfter: '40' });
    await w.reporter.add((newId, now) => [pauseEvent(newId(), now)]);
    await w.advance(10_100);
    const refusedAt = w.posts[0]?.at ?? 0;
    w.setAnswer({ status: 200 });
    w.restart();
    await w.reporter.poke();
    await w.advance(39_000);
    expect(w.posts).toHaveLength(1);
    await w.advance(2_000);
    expect(w.posts).toHaveLength(2);
    expect((w.posts[1]?.at ?? 0) - refusedAt).toBeGreaterThanOrEqual(40_000);
  });

  test('a step that throws before the send is tried again with backoff, and the status says why meanwhile', async () => {
    const w = world();
    await w.reporter.countRequests(seen(2));
    w.failHashes(2);
    await w.advance(10_100);
    expect(w.posts).toEqual([]);
    expect(await w.reporter.status()).toMatchObject({
      waiting: 1,
      lastError: 'an error inside Dashguard: digest failed',
    });
    // This world's backoff: 750 ms after the first failure, 1,500 ms after the second.
    await w.advance(800);
    expect(w.posts).toEqual([]);
    await w.advance(1_400);
    expect(w.posts).toEqual([]);
    await w.advance(200);
    expect(w.posts).toHaveLength(1);
    expect(w.posts[0]?.events).toEqual([expect.objectContaining({ kind: 'requests', count: 2 })]);
    expect(await w.reporter.status()).toMatchObject({ waiting: 0, lastError: undefined });
  });

  test('a report sent again after the background stopped between storing and acknowledging it is counted once', async () => {
    const w = world();
    const report = seen(3);
    await w.reporter.countRequests(report);
    // The background stopped before the content script had its acknowledgement: the same report comes again, to a
    // new background, with what the page saw since.
    w.restart();
    await w.reporter.countRequests(report);
    const later = seen(2);
    await w.reporter.countRequests({ ...later, requests: [...report.requests, ...later.requests] });
    // Another document's report counts on its own.
    await w.reporter.countRequests(seen(1, 'instance-b'));
    await w.advance(10_100);
    expect(w.posts.flatMap((p) => p.events)).toEqual([expect.objectContaining({ kind: 'requests', count: 6 })]);
  });

  test('an event added once under a key goes out once, across restarts and after it was sent', async () => {
    const w = world();
    let made = 0;
    const make = (newId: () => string, now: number): FleetEvent[] => {
      made += 1;
      return [
        { kind: 'sensitive-unprotected', id: newId(), time: now, dashboard: 'circleci', page: 'https://x.example/t' },
      ];
    };
    await w.reporter.add(make, { once: 'doc-1 https://x.example/t' });
    w.restart();
    await w.reporter.add(make, { once: 'doc-1 https://x.example/t' });
    await w.advance(10_100);
    w.restart();
    await w.reporter.add(make, { once: 'doc-1 https://x.example/t' });
    await w.reporter.add(make, { once: 'doc-2 https://x.example/t' });
    await w.advance(10_100);
    expect(made).toBe(2);
    expect(w.posts.flatMap((p) => p.events).map((e) => e.kind)).toEqual([
      'sensitive-unprotected',
      'sensitive-unprotected',
    ]);
  });

  test('when the policy stops reporting, the queue and the state are deleted and nothing more is sent', async () => {
    const w = world();
    w.setAnswer({ status: 503 });
    await w.reporter.add((newId, now) => [pauseEvent(newId(), now)]);
    await w.advance(10_100);
    expect(w.area.data.has(FLEET_QUEUE_KEY)).toBe(true);
    w.setPolicy(NO_POLICY);
    await w.reporter.poke();
    expect([...w.area.data.keys()]).toEqual([]);
    w.setAnswer({ status: 200 });
    await w.advance(600_000);
    expect(w.posts).toHaveLength(1);
  });
});
