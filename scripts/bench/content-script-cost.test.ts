import { verdict } from './bench-table';
import { contentScriptRows, type ContentScriptResult, type PageLoadCost } from './content-script-cost';

const loads = (cpu: readonly number[], wall: readonly number[]): PageLoadCost[] =>
  cpu.map((value, index) => ({ cpu: value, wall: wall[index] ?? Number.NaN }));

/** Three rounds: with and without each loaded once a round, the two floors beside them. */
const result: ContentScriptResult = {
  typical: {
    with: loads([20, 22, 30], [18, 19, 25]),
    without: loads([10, 12, 11], [8, 9, 8]),
    floor: loads([12, 13, 12], [9, 10, 9]),
    reading: loads([13, 14, 13], [10, 11, 10]),
  },
  stress: {
    with: loads([100, 140, 110], [90, 130, 100]),
    without: loads([70, 80, 60], [50, 55, 45]),
    floor: loads([78, 86, 70], [57, 63, 52]),
    reading: loads([85, 95, 82], [60, 70, 58]),
  },
};

describe('content-script cost rows', () => {
  const rows = contentScriptRows(result);
  const row = (figure: string) => {
    const found = rows.find((r) => r.figure === figure);
    if (found === undefined) throw new Error(`no row "${figure}" in ${JSON.stringify(rows.map((r) => r.figure))}`);
    return found;
  };

  test('the figure is the median with Dashguard minus the median without, against one frame', () => {
    const typical = row('Extra main-thread CPU time in script per page load, typical page');
    expect(typical.value).toBe(22 - 11);
    expect(typical.target).toEqual({ op: '<=', value: 1000 / 60 });
    expect(verdict(typical)).toBe('meets');
    const stress = row('Extra main-thread CPU time in script per page load, stress page');
    expect(stress.value).toBe(110 - 70);
    expect(verdict(stress)).toBe('misses');
    expect(row('Extra scripting wall time per page load, stress page').value).toBe(100 - 50);
  });

  test("the detail gives the range of the rounds' differences, so one load's distance from the median shows", () => {
    // Stress CPU rounds: 100-70, 140-80, 110-60 = 30, 60, 50.
    expect(row('Extra main-thread CPU time in script per page load, stress page').detail).toContain(
      'round by round, with minus without from 30 ms to 60 ms',
    );
    // Typical wall rounds: 18-8, 19-9, 25-8 = 10, 10, 17.
    expect(row('Extra scripting wall time per page load, typical page').detail).toContain(
      'round by round, with minus without from 10 ms to 17 ms',
    );
  });

  test('a load that gave no figure is left out of the range, not counted as zero', () => {
    const missing: ContentScriptResult = {
      ...result,
      stress: { ...result.stress, with: loads([100, Number.NaN, 110], [90, 130, 100]) },
    };
    expect(
      contentScriptRows(missing).find(
        (r) => r.figure === 'Extra main-thread CPU time in script per page load, stress page',
      )?.detail,
    ).toContain('from 30 ms to 50 ms');
  });

  test('both floors are reported over the page without an extension', () => {
    const detail = row('Extra main-thread CPU time in script per page load, stress page').detail;
    expect(detail).toContain(
      'listener floor (a content script subscribed to the same callbacks, doing nothing in them) 8 ms over without',
    );
    // Medians: reading 85, without 70.
    expect(detail).toContain(
      "reading floor (the same, reading only each request's URL and type and each script's src) 15 ms over without",
    );
    expect(row('Extra scripting wall time per page load, stress page').detail).toContain(
      "each script's src) 10 ms over without",
    );
  });
});
