import type { AuditReport, AuditReportAck } from '../audit/audit-types';
import { createReportQueue, type NewObservation, type ReportQueue, type ReportQueueDeps } from './report-queue';

/** Timers run when the test says so, in order of due time. */
class ManualClock {
  now = 0;
  private timers: { at: number; run: () => void }[] = [];
  schedule = (run: () => void, delayMs: number): void => void this.timers.push({ at: this.now + delayMs, run });
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (next === undefined || next.at > until) break;
      this.timers.shift();
      this.now = next.at;
      next.run();
      for (let i = 0; i < 10; i += 1) await Promise.resolve();
    }
    this.now = until;
  }
}

const observation = (n: number): NewObservation => ({
  url: `https://cdn.x.example/${n}.js`,
  urlTruncated: false,
  type: 'script',
  observed: 'failed',
  integrity: false,
  time: n,
});

/** A background that stores what it receives, acknowledges it, and can be told to drop messages. */
function background() {
  const stored = new Map<string, number[]>();
  const reports: AuditReport[] = [];
  let down = false;
  return {
    reports,
    stored,
    setDown: (value: boolean) => void (down = value),
    send: async (report: AuditReport): Promise<AuditReportAck> => {
      reports.push(report);
      if (down) throw new Error('Could not establish connection. Receiving end does not exist.');
      const seqs = stored.get(report.instanceId) ?? [];
      const mark = seqs.length > 0 ? Math.max(...seqs) : 0;
      seqs.push(...report.observations.map((o) => o.seq).filter((s) => s > mark));
      stored.set(report.instanceId, seqs);
      return { storedThrough: Math.max(mark, ...report.observations.map((o) => o.seq)) };
    },
  };
}

/** The queue's settings in these tests (small limits, a 100 ms batch), with the clock and the send given. */
function queueDeps(clock: ManualClock, send: ReportQueueDeps['send'], instanceId = 'instance-1'): ReportQueueDeps {
  return {
    send,
    schedule: clock.schedule,
    newInstanceId: () => instanceId,
    timeOrigin: 1_000,
    batchDelayMs: 100,
    maxRetryDelayMs: 2_000,
    maxPending: 1_000,
    maxPagePending: 50,
  };
}

function setup() {
  const clock = new ManualClock();
  const bg = background();
  let ids = 0;
  const waiting: boolean[] = [];
  const queue = createReportQueue({
    ...queueDeps(clock, bg.send),
    newInstanceId: () => `instance-${(ids += 1)}`,
    onWaitingChange: (value) => void waiting.push(value),
  });
  return { clock, bg, queue, waiting };
}

describe('createReportQueue', () => {
  it('says when it starts and stops holding what the background has not acknowledged, once each', async () => {
    const { clock, bg, queue, waiting } = setup();
    queue.announce();
    queue.add(observation(1));
    expect(waiting).toEqual([true]);
    // The announcement leaves at once, with observation 1, and is answered.
    await clock.advance(0);
    expect(waiting).toEqual([true, false]);
    // Refused, then acknowledged when sent again: waiting all along, until then.
    bg.setDown(true);
    queue.add(observation(2));
    await clock.advance(100);
    expect(waiting).toEqual([true, false, true]);
    bg.setDown(false);
    await clock.advance(1_000);
    expect(waiting).toEqual([true, false, true, false]);
    expect(bg.stored.get('instance-1')).toEqual([1, 2]);
  });

  it('gathers a burst into few messages and forgets what was acknowledged', async () => {
    const { clock, bg, queue } = setup();
    for (let n = 1; n <= 450; n += 1) queue.add(observation(n));
    await clock.advance(100);
    expect(bg.reports.map((r) => r.observations.length)).toEqual([200, 200, 50]);
    expect(queue.state()).toMatchObject({ pending: 0, dropped: 0 });
    expect(bg.stored.get('instance-1')).toHaveLength(450);
  });

  it('gathers what arrives while a message is in flight instead of sending it at once, one or two at a time', async () => {
    const clock = new ManualClock();
    const reports: AuditReport[] = [];
    let answer: (() => void) | undefined;
    const queue = createReportQueue(
      queueDeps(clock, (report) => {
        reports.push(report);
        const through = Math.max(0, ...report.observations.map((o) => o.seq));
        return new Promise<AuditReportAck>((resolve) => {
          answer = () => resolve({ storedThrough: through });
        });
      }),
    );
    queue.add(observation(1));
    await clock.advance(100);
    expect(reports).toHaveLength(1);
    // Requests trickle in while the first message waits for its answer.
    queue.add(observation(2));
    queue.add(observation(3));
    answer?.();
    await clock.advance(0);
    expect(reports).toHaveLength(1);
    queue.add(observation(4));
    await clock.advance(99);
    expect(reports).toHaveLength(1);
    await clock.advance(1);
    expect(reports.map((r) => r.observations.map((o) => o.seq))).toEqual([[1], [2, 3, 4]]);
    answer?.();
    await clock.advance(1_000);
    expect(queue.state()).toMatchObject({ pending: 0, dropped: 0 });
  });

  it('sends everything pending when the page goes away with nothing unanswered: the first message as usual, the rest beside it', async () => {
    const { clock, bg, queue } = setup();
    for (let n = 1; n <= 450; n += 1) queue.add(observation(n));
    queue.flushNow();
    expect(bg.reports.map((r) => [r.observations[0]?.seq, r.observations.at(-1)?.seq])).toEqual([
      [1, 200],
      [201, 400],
      [401, 450],
    ]);
    await clock.advance(1_000);
    expect(bg.stored.get('instance-1')).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
  });

  it('sends everything pending when the page is hidden, even while a message is unanswered, and the background stores each observation once', async () => {
    const clock = new ManualClock();
    const bg = background();
    const reports: AuditReport[] = [];
    let answerFirst: (() => void) | undefined;
    const queue = createReportQueue(
      // The first message is delivered but its answer never comes (a background slow to start); the rest are answered.
      queueDeps(clock, (report) => {
        reports.push(report);
        const stored = bg.send(report);
        if (reports.length > 1) return stored;
        return new Promise<AuditReportAck>((resolve) => (answerFirst = () => void stored.then(resolve)));
      }),
    );
    queue.announce();
    queue.add(observation(1));
    await clock.advance(0);
    expect(reports).toHaveLength(1);
    for (let n = 2; n <= 250; n += 1) queue.add(observation(n));
    await clock.advance(100);
    // Without the page hiding, what came after waits for the answer.
    expect(reports).toHaveLength(1);
    queue.flushNow();
    await clock.advance(0);
    // From the oldest unacknowledged on, in messages of at most 200.
    expect(reports.slice(1).map((r) => [r.observations[0]?.seq, r.observations.at(-1)?.seq])).toEqual([
      [1, 200],
      [201, 250],
    ]);
    expect(bg.stored.get('instance-1')).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    // The late answer: the queue goes on as usual, and the background stores nothing twice.
    answerFirst?.();
    await clock.advance(1_000);
    expect(bg.stored.get('instance-1')).toHaveLength(250);
  });

  it('keeps what was not acknowledged and sends it again when the background is back, nothing lost or doubled', async () => {
    const { clock, bg, queue } = setup();
    queue.add(observation(1));
    await clock.advance(100);
    bg.setDown(true);
    queue.add(observation(2));
    queue.add(observation(3));
    await clock.advance(100);
    await clock.advance(400);
    expect(queue.state().pending).toBe(2);
    bg.setDown(false);
    queue.add(observation(4));
    await clock.advance(2_000);
    expect(queue.state().pending).toBe(0);
    expect(bg.stored.get('instance-1')).toEqual([1, 2, 3, 4]);
  });

  it('backs off while the background refuses, up to the limit', async () => {
    const { clock, bg, queue } = setup();
    bg.setDown(true);
    queue.add(observation(1));
    await clock.advance(10_000);
    // 100, 200, 400, 800, 1600, then every 2000 ms.
    expect(bg.reports.length).toBeLessThan(12);
    expect(bg.reports.length).toBeGreaterThan(5);
  });

  it('announces a page that has nothing to report yet, once', async () => {
    const { clock, bg, queue } = setup();
    queue.announce();
    await clock.advance(1_000);
    expect(bg.reports).toEqual([{ instanceId: 'instance-1', timeOrigin: 1_000, observations: [] }]);
  });

  it('resends everything as a new instance when the page comes back from the back-forward cache', async () => {
    const { clock, bg, queue } = setup();
    queue.add(observation(1));
    queue.add(observation(2));
    await clock.advance(100);
    queue.restored();
    await clock.advance(100);
    const last = bg.reports[bg.reports.length - 1];
    expect(last).toMatchObject({ instanceId: 'instance-2', restored: true });
    expect(last?.observations.map((o) => [o.seq, o.url])).toEqual([
      [1, 'https://cdn.x.example/1.js'],
      [2, 'https://cdn.x.example/2.js'],
    ]);
  });

  it('drops beyond its limit rather than grow without bound while the background is down', async () => {
    const { bg, queue } = setup();
    bg.setDown(true);
    for (let n = 1; n <= 1_200; n += 1) queue.add(observation(n));
    expect(queue.state()).toMatchObject({ pending: 1_000, dropped: 200 });
  });

  it('keeps page reports within their own share: 10,000 of them never crowd out an observation of its own', async () => {
    const { clock, bg, queue } = setup();
    bg.setDown(true);
    const byPage = (n: number): NewObservation => ({
      ...observation(n),
      url: `wss://f${n}.x.example/`,
      type: 'websocket',
      observed: 'requested',
      integrity: null,
      reportedByPage: true,
    });
    for (let n = 1; n <= 10_000; n += 1) queue.add(byPage(n));
    queue.add(observation(10_001));
    expect(queue.state()).toMatchObject({ pending: 51, pagePending: 50, dropped: 9_950 });
    bg.setDown(false);
    await clock.advance(5_000);
    const sent = bg.reports.flatMap((r) => r.observations.map((o) => o.url));
    expect(sent).toContain('https://cdn.x.example/10001.js');
    expect(queue.state()).toMatchObject({ pending: 0, pagePending: 0 });
    // Own observations still have their whole share after the flood.
    bg.setDown(true);
    for (let n = 1; n <= 1_000; n += 1) queue.add(observation(20_000 + n));
    expect(queue.state()).toMatchObject({ pending: 1_000 });
  });

  it('forgets exactly what an acknowledgement covers when the background stored only part of a message', async () => {
    const clock = new ManualClock();
    // What each message held, and what the queue still kept when it left (that is, after the previous answer).
    const sent: { first: number | undefined; size: number; pending: number; pagePending: number }[] = [];
    // Stores the first 30 of each message it gets, so every acknowledgement covers part of what was sent.
    const queue: ReportQueue = createReportQueue(
      queueDeps(
        clock,
        async (report) => {
          const { pending, pagePending } = queue.state();
          sent.push({ first: report.observations[0]?.seq, size: report.observations.length, pending, pagePending });
          return { storedThrough: report.observations[Math.min(29, report.observations.length - 1)]?.seq ?? 0 };
        },
        'instance',
      ),
    );
    // Own observations and the page's, interleaved: 1, 3, 5... are the page's.
    for (let n = 1; n <= 80; n += 1)
      queue.add(n % 2 === 1 ? { ...observation(n), reportedByPage: true } : observation(n));
    await clock.advance(100);
    expect(sent).toEqual([
      { first: 1, size: 80, pending: 80, pagePending: 40 },
      { first: 31, size: 50, pending: 50, pagePending: 25 },
      { first: 61, size: 20, pending: 20, pagePending: 10 },
    ]);
    expect(queue.state()).toMatchObject({ pending: 0, pagePending: 0 });
  });

  it('resends page reports after a restore within their share only', async () => {
    const { clock, bg, queue } = setup();
    for (let n = 1; n <= 80; n += 1) queue.add({ ...observation(n), reportedByPage: true });
    queue.add(observation(100));
    await clock.advance(100);
    queue.restored();
    await clock.advance(100);
    const last = bg.reports[bg.reports.length - 1];
    expect(last?.observations.filter((o) => o.reportedByPage)).toHaveLength(50);
    expect(last?.observations.filter((o) => !o.reportedByPage).map((o) => o.url)).toEqual([
      'https://cdn.x.example/100.js',
    ]);
  });
});
