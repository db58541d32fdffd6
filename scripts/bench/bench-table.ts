/**
 * The benchmark's result rows, each figure with its target, and their two renderings: a plain-text table for the
 * terminal and a Markdown table for docs/BENCHMARKS.md. Pure.
 */

export type Unit = 'ms' | 'ratio' | 'count' | 'bytes' | 'percent';
export type Comparison = '<' | '<=' | '>' | '>=';

export interface Target {
  readonly op: Comparison;
  readonly value: number;
}

export interface FigureRow {
  /** The measurement it belongs to, e.g. "1. Dashboard load". */
  readonly section: string;
  readonly figure: string;
  /** NaN when the run produced no figure: the row is then "not measured" (with the reason) or "broken". */
  readonly value: number;
  readonly unit: Unit;
  readonly target: Target;
  /** What the value is made of (the two sides of a ratio, run counts...). */
  readonly detail?: string;
  /** Why the run could not measure this figure, after its retries (the value is then NaN). */
  readonly notMeasured?: string;
}

/**
 * A row as the module that measured it makes it: the runner gives it its section (each step's, in
 * run-benchmarks.ts), so a section's title is written once.
 */
export type Figure = Omit<FigureRow, 'section'>;

export type Verdict = 'meets' | 'misses' | 'not measured' | 'broken';

export function verdict(row: Pick<FigureRow, 'value' | 'target' | 'notMeasured'>): Verdict {
  const { value, target } = row;
  if (row.notMeasured !== undefined) return 'not measured';
  if (!Number.isFinite(value)) return 'broken';
  switch (target.op) {
    case '<':
      return value < target.value ? 'meets' : 'misses';
    case '<=':
      return value <= target.value ? 'meets' : 'misses';
    case '>':
      return value > target.value ? 'meets' : 'misses';
    case '>=':
      return value >= target.value ? 'meets' : 'misses';
  }
}

const KIB = 1024;
const MIB = 1024 * 1024;

function grouped(value: number, decimals: number, minDecimals = decimals): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: minDecimals, maximumFractionDigits: decimals });
}

/** A value in its unit, as people read it: "12.4 ms", "1,210 ms", "0.42×", "38.2 KiB", "1,470". */
export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ms':
      return `${grouped(value, Math.abs(value) < 100 ? 1 : 0, 0)} ms`;
    case 'ratio':
      return `${grouped(value, 2)}×`;
    case 'count':
      return grouped(value, Number.isInteger(value) ? 0 : 1);
    case 'percent':
      return `${grouped(value, 1)} %`;
    case 'bytes': {
      const size = Math.abs(value);
      if (size < KIB) return `${grouped(value, 0)} B`;
      if (size < MIB) return `${grouped(value / KIB, 1)} KiB`;
      return `${grouped(value / MIB, 2)} MiB`;
    }
  }
}

const OP_TEXT: Record<Comparison, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

export function formatTarget(target: Target, unit: Unit): string {
  return `${OP_TEXT[target.op]} ${formatValue(target.value, unit)}`;
}

interface Cells {
  readonly figure: string;
  readonly value: string;
  readonly target: string;
  readonly verdict: string;
  readonly detail: string;
}

function cells(row: FigureRow): Cells {
  return {
    figure: row.figure,
    value: formatValue(row.value, row.unit),
    target: row.notMeasured !== undefined ? '-' : formatTarget(row.target, row.unit),
    verdict: verdict(row),
    detail: row.notMeasured !== undefined ? `not measured: ${row.notMeasured}` : (row.detail ?? ''),
  };
}

/** The row that stands for a measurement the run could not make: its title, and why. */
export function notMeasuredRow(section: string, figure: string, reason: string): FigureRow {
  return { section, figure, value: Number.NaN, unit: 'count', target: { op: '>=', value: 0 }, notMeasured: reason };
}

/** Rows in their order, each section once, in the order it first appears. */
function sections(rows: readonly FigureRow[]): [string, FigureRow[]][] {
  const bySection = new Map<string, FigureRow[]>();
  for (const row of rows) bySection.set(row.section, [...(bySection.get(row.section) ?? []), row]);
  return [...bySection.entries()];
}

/** Fixed-width text for a terminal: a heading line per section, then figure, value, target, verdict. */
export function textTable(rows: readonly FigureRow[]): string {
  const header: Cells = { figure: 'Figure', value: 'Value', target: 'Target', verdict: 'Verdict', detail: '' };
  const all = [header, ...rows.map(cells)];
  const width = (key: keyof Cells): number => Math.max(...all.map((c) => c[key].length));
  const line = (c: Cells): string =>
    [
      '  ' + c.figure.padEnd(width('figure')),
      c.value.padStart(width('value')),
      c.target.padEnd(width('target')),
      c.verdict,
    ]
      .join('  ')
      .trimEnd();
  const out = [line(header), '-'.repeat(line(header).length + 2)];
  for (const [section, sectionRows] of sections(rows)) {
    out.push(section);
    for (const row of sectionRows) {
      const c = cells(row);
      out.push(line(c));
      if (c.detail) out.push(`      ${c.detail}`);
    }
  }
  return out.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table: a bold row per section, then one row per figure. */
export function markdownTable(rows: readonly FigureRow[]): string {
  const out = ['| Figure | Value | Target | Verdict | Measured as |', '| --- | ---: | --- | --- | --- |'];
  for (const [section, sectionRows] of sections(rows)) {
    out.push(`| **${escapeCell(section)}** | | | | |`);
    for (const row of sectionRows) {
      const c = cells(row);
      out.push(
        `| ${escapeCell(c.figure)} | ${escapeCell(c.value)} | ${escapeCell(c.target)} | ${c.verdict} | ${escapeCell(c.detail)} |`,
      );
    }
  }
  return out.join('\n');
}
