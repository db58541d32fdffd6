import { logRecord } from '../../test/unit/audit-fixtures';
import { parseCsv } from '../../test/unit/csv-parse';
import { AUDIT_CSV_COLUMNS, auditExportFileName, auditLogCsv, auditLogJson } from './audit-export';

const info = {
  exportedAt: Date.UTC(2026, 10, 28, 12, 0, 0),
  extensionVersion: '0.1.0',
  retentionDays: 30,
  dropped: { 'https://app.ci.example tab 3': 520 },
};

describe('audit log export', () => {
  const hostile = logRecord({
    url: 'https://cdn.evil.example/a.js?q="><img src=x onerror=alert(1)>,x\r\ny',
    reason: '=HYPERLINK("https://evil.example","click")',
    vendor: { id: null, name: '-evil.example', category: null, source: null },
  });
  const records = [logRecord(), hostile];

  it('writes JSON that parses back to the records, in an envelope naming the format', () => {
    const parsed = JSON.parse(auditLogJson(records, info)) as Record<string, unknown>;
    expect(parsed).toEqual({
      format: 'dashguard-audit-log',
      version: 1,
      exportedAt: '2026-11-28T12:00:00.000Z',
      extensionVersion: '0.1.0',
      retentionDays: 30,
      dropped: [{ source: 'https://app.ci.example tab 3', count: 520 }],
      records,
    });
  });

  it('writes CSV with one line per record that a CSV reader splits back into the same fields', () => {
    const rows = parseCsv(auditLogCsv(records));
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const column = (name: (typeof AUDIT_CSV_COLUMNS)[number], row: number): string | undefined =>
      rows[row]?.[AUDIT_CSV_COLUMNS.indexOf(name)];
    expect(column('url', 2)).toBe(hostile.url);
    expect(column('status', 1)).toBe('blocked');
    expect(column('count', 1)).toBe('1');
    expect(column('failed', 1)).toBe('1');
    expect(column('loaded', 1)).toBe('0');
    expect(column('firstSeen', 1)).toBe('1970-01-01T00:00:01.000Z');
    expect(column('reportedByPage', 1)).toBe('false');
    expect(column('source', 1)).toBe(new URL(logRecord().pageUrl).origin);
  });

  it('ends the CSV with one line per source the log dropped records from, in the same columns', () => {
    const dropped = { 'https://app.ci.example tab 3': 520, 'other pages': 7, '=cmd|x tab 1': 2 };
    const rows = parseCsv(auditLogCsv(records, dropped));
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    // Every line has every column: one table for any CSV reader.
    expect(rows.every((row) => row.length === AUDIT_CSV_COLUMNS.length)).toBe(true);
    const column = (row: readonly string[], name: (typeof AUDIT_CSV_COLUMNS)[number]): string | undefined =>
      row[AUDIT_CSV_COLUMNS.indexOf(name)];
    expect(rows.slice(1, 3).map((row) => [column(row, 'rowType'), column(row, 'droppedRecords')])).toEqual([
      ['record', ''],
      ['record', ''],
    ]);
    const droppedLines = rows.slice(3);
    expect(
      droppedLines.map((row) => [column(row, 'rowType'), column(row, 'source'), column(row, 'droppedRecords')]),
    ).toEqual([
      ['dropped', 'https://app.ci.example tab 3', '520'],
      ['dropped', 'other pages', '7'],
      // A source is a page's origin; whatever it holds, a spreadsheet never reads it as a formula.
      ['dropped', "'=cmd|x tab 1", '2'],
    ]);
    // Nothing else on a drop line: sums over `count` or the outcome columns are not disturbed.
    for (const row of droppedLines) {
      expect(
        AUDIT_CSV_COLUMNS.filter((name) => !['rowType', 'source', 'droppedRecords'].includes(name)).map((name) =>
          column(row, name),
        ),
      ).toEqual(
        AUDIT_CSV_COLUMNS.filter((name) => !['rowType', 'source', 'droppedRecords'].includes(name)).map(() => ''),
      );
    }
    // No drops: the records alone.
    expect(parseCsv(auditLogCsv(records, {}))).toHaveLength(3);
  });

  it('keeps spreadsheet formulas inert', () => {
    const rows = parseCsv(auditLogCsv([hostile]));
    expect(rows[1]?.[AUDIT_CSV_COLUMNS.indexOf('reason')]).toBe(`'${hostile.reason}`);
    expect(rows[1]?.[AUDIT_CSV_COLUMNS.indexOf('vendorName')]).toBe("'-evil.example");
  });

  it('names files after the time, without characters file systems refuse', () => {
    expect(auditExportFileName(info.exportedAt, 'csv')).toBe('dashguard-audit-2026-11-28T12-00-00Z.csv');
  });
});
