import { BrokenRunError } from './bench-errors';
import { verdict, type Figure, type FigureRow } from './bench-table';
import { runStep, type MeasurementStep } from './step-runner';

/** What the measuring module makes: no section, which the step gives. */
const FIGURE: Figure = {
  figure: 'Cold start',
  value: 25,
  unit: 'ms',
  target: { op: '<=', value: 100 },
};
const ROW: FigureRow = { section: '4. Service worker', ...FIGURE };

/** A step whose attempts fail with the given errors, in order, then succeed. */
function flaky(errors: readonly Error[]): MeasurementStep & { attempts: () => number } {
  let attempts = 0;
  return {
    title: 'service worker cold start',
    section: '4. Service worker',
    attempts: () => attempts,
    run: async () => {
      const error = errors[attempts];
      attempts += 1;
      if (error) throw error;
      return [FIGURE];
    },
  };
}

describe('runStep', () => {
  it('returns the rows of the first attempt that works, after logging the ones that failed', async () => {
    const log: string[] = [];
    const step = flaky([new Error("Dashguard's service worker did not stop within 10000 ms\nstack...")]);
    const outcome = await runStep(step, (line) => log.push(line));
    expect(outcome).toEqual({
      kind: 'measured',
      rows: [ROW],
      failedAttempts: ["Dashguard's service worker did not stop within 10000 ms"],
    });
    expect(step.attempts()).toBe(2);
    expect(log).toEqual([
      "      attempt 1 of 3 failed: Dashguard's service worker did not stop within 10000 ms; trying again",
    ]);
  });

  it('reports the measurement "not measured" with the reason once every attempt failed', async () => {
    const step = flaky([new Error('timeout'), new Error('timeout'), new Error('timeout')]);
    const outcome = await runStep(step, () => undefined);
    expect(outcome.kind).toBe('not measured');
    expect(step.attempts()).toBe(3);
    expect(outcome.rows).toHaveLength(1);
    expect(outcome.rows[0]).toMatchObject({
      section: '4. Service worker',
      figure: 'service worker cold start',
      notMeasured: 'timeout (3 attempts)',
    });
    expect(verdict(outcome.rows[0]!)).toBe('not measured');
  });

  it('names each different reason when the attempts failed differently', async () => {
    const outcome = await runStep(flaky([new Error('a'), new Error('b')]), () => undefined, 2);
    expect(outcome.rows[0]?.notMeasured).toBe('a; then: b');
  });

  it('does not retry a broken premise: the run is broken', async () => {
    const step = flaky([
      new BrokenRunError('with Dashguard, 3 requests to blocked vendors reached the fixture server (chromium).'),
    ]);
    const outcome = await runStep(step, () => undefined);
    expect(step.attempts()).toBe(1);
    expect(outcome).toMatchObject({
      kind: 'broken',
      reason: 'Broken run: with Dashguard, 3 requests to blocked vendors reached the fixture server (chromium).',
    });
    expect(verdict(outcome.rows[0]!)).toBe('broken');
  });
});
