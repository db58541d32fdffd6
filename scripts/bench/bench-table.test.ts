import {
  formatTarget,
  formatValue,
  markdownTable,
  notMeasuredRow,
  textTable,
  verdict,
  type FigureRow,
} from './bench-table';

const row = (overrides: Partial<FigureRow> = {}): FigureRow => ({
  section: '2. Toggle to effect',
  figure: 'Settings change to next request, median',
  value: 12.34,
  unit: 'ms',
  target: { op: '<', value: 50 },
  ...overrides,
});

describe('verdict', () => {
  it('compares the value with its target', () => {
    expect(verdict({ value: 49, target: { op: '<', value: 50 } })).toBe('meets');
    expect(verdict({ value: 50, target: { op: '<', value: 50 } })).toBe('misses');
    expect(verdict({ value: 50, target: { op: '<=', value: 50 } })).toBe('meets');
    expect(verdict({ value: 3, target: { op: '>', value: 0 } })).toBe('meets');
    expect(verdict({ value: 0, target: { op: '>', value: 0 } })).toBe('misses');
    expect(verdict({ value: 0, target: { op: '>=', value: 0 } })).toBe('meets');
  });
  it('calls a missing figure broken, never slow or fast', () => {
    expect(verdict({ value: Number.NaN, target: { op: '<', value: 50 } })).toBe('broken');
    expect(verdict({ value: Number.POSITIVE_INFINITY, target: { op: '>', value: 0 } })).toBe('broken');
  });
  it('calls a figure the run could not measure "not measured", whatever its value', () => {
    expect(verdict({ value: Number.NaN, target: { op: '<', value: 50 }, notMeasured: 'the worker did not stop' })).toBe(
      'not measured',
    );
    expect(verdict(notMeasuredRow('4. Service worker', 'service worker cold start', 'a reason'))).toBe('not measured');
  });
});

describe('formatValue', () => {
  it('shows small times with a decimal and large ones grouped', () => {
    expect(formatValue(4.26, 'ms')).toBe('4.3 ms');
    expect(formatValue(1234.4, 'ms')).toBe('1,234 ms');
    expect(formatValue(48.26, 'ms')).toBe('48.3 ms');
  });
  it('shows ratios with two decimals and a times sign', () => {
    expect(formatValue(0.4237, 'ratio')).toBe('0.42×');
  });
  it('shows bytes in binary units', () => {
    expect(formatValue(512, 'bytes')).toBe('512 B');
    expect(formatValue(39_117, 'bytes')).toBe('38.2 KiB');
    expect(formatValue(3 * 1024 * 1024, 'bytes')).toBe('3.00 MiB');
  });
  it('groups counts and says n/a for a missing figure', () => {
    expect(formatValue(30_000, 'count')).toBe('30,000');
    expect(formatValue(Number.NaN, 'count')).toBe('n/a');
  });
  it('shows percentages', () => {
    expect(formatValue(95.123, 'percent')).toBe('95.1 %');
  });
});

describe('formatTarget', () => {
  it("writes the comparison as a sign and the bound in the figure's unit", () => {
    expect(formatTarget({ op: '<=', value: 16.7 }, 'ms')).toBe('≤ 16.7 ms');
    expect(formatTarget({ op: '<', value: 1 }, 'ratio')).toBe('< 1.00×');
  });
});

describe('textTable', () => {
  const rows = [
    row(),
    row({
      section: '6. Bundles and rules',
      figure: 'content.js',
      value: 39_117,
      unit: 'bytes',
      target: { op: '<=', value: 65_536 },
      detail: 'gzip 11 KiB',
    }),
  ];
  const text = textTable(rows);
  const lines = text.split('\n');

  it('has a header, then each section with its rows in order', () => {
    expect(lines[0]).toMatch(/^ {2}Figure +Value +Target +Verdict$/);
    expect(lines.indexOf('2. Toggle to effect')).toBeLessThan(lines.indexOf('6. Bundles and rules'));
  });
  it("puts value, target and verdict on the figure's line, and the detail under it", () => {
    const figureLine = lines.find((l) => l.includes('content.js'));
    expect(figureLine).toMatch(/38\.2 KiB +≤ 64\.0 KiB +meets$/);
    expect(lines[lines.indexOf(figureLine!) + 1]?.trim()).toBe('gzip 11 KiB');
  });
  it('aligns the verdict column', () => {
    const columns = lines
      .filter((l) => /(meets|misses|broken)$/.test(l))
      .map((l) => l.search(/(meets|misses|broken)$/));
    expect(new Set(columns).size).toBe(1);
  });
});

describe('markdownTable', () => {
  it('has one bold row per section and escapes pipes', () => {
    const md = markdownTable([row({ figure: 'with | without' }), row({ figure: 'second' })]);
    const lines = md.split('\n');
    expect(lines[0]).toBe('| Figure | Value | Target | Verdict | Measured as |');
    expect(lines.filter((l) => l.startsWith('| **'))).toEqual(['| **2. Toggle to effect** | | | | |']);
    expect(lines[3]).toBe('| with \\| without | 12.3 ms | < 50 ms | meets |  |');
  });
  it('marks a figure the run did not produce as broken', () => {
    expect(markdownTable([row({ value: Number.NaN })])).toContain('| n/a | < 50 ms | broken |');
  });
  it('writes a figure that could not be measured with its reason and no target', () => {
    const md = markdownTable([
      notMeasuredRow('4. Service worker', 'service worker cold start', 'the worker did not stop | twice'),
    ]);
    expect(md).toContain(
      '| service worker cold start | n/a | - | not measured | not measured: the worker did not stop \\| twice |',
    );
    const text = textTable([
      notMeasuredRow('4. Service worker', 'service worker cold start', 'the worker did not stop'),
    ]).split('\n');
    expect(text.find((l) => l.includes('service worker cold start'))).toMatch(/n\/a +- +not measured$/);
    expect(text).toContain('      not measured: the worker did not stop');
  });
});
