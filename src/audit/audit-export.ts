/**
 * The audit log as a file (pure): JSON (the records as stored, in an envelope) and CSV (one line per record, the
 * same fields flattened, then one line per source the log dropped records from, told apart by the `rowType` column,
 * so the file stays one table any CSV reader takes). docs/AUDIT-LOG.md documents both; change them together.
 *
 * URLs and reasons come from web pages and the catalog: in CSV every field is quoted when it needs to be, and a field
 * a spreadsheet would read as a formula (starting with = + - @ or a tab or carriage return) is prefixed with '.
 */
import { sourceOf } from './audit-log-eviction';
import { OBSERVED_OUTCOMES, type AuditLogRecord } from './audit-types';

export const AUDIT_EXPORT_FORMAT = 'dashguard-audit-log';
export const AUDIT_EXPORT_VERSION = 1;

export interface AuditExportInfo {
  /** When the file was made, ms since the epoch. */
  readonly exportedAt: number;
  readonly extensionVersion: string;
  readonly retentionDays: number;
  /** Records the log dropped to stay within its caps, by source. */
  readonly dropped: Readonly<Record<string, number>>;
}

export function auditLogJson(records: readonly AuditLogRecord[], info: AuditExportInfo): string {
  return `${JSON.stringify(
    {
      format: AUDIT_EXPORT_FORMAT,
      version: AUDIT_EXPORT_VERSION,
      exportedAt: new Date(info.exportedAt).toISOString(),
      extensionVersion: info.extensionVersion,
      retentionDays: info.retentionDays,
      dropped: Object.entries(info.dropped).map(([source, count]) => ({ source, count })),
      records,
    },
    null,
    2,
  )}\n`;
}

/** CSV columns, in order. */
export const AUDIT_CSV_COLUMNS = [
  'firstSeen',
  'lastSeen',
  'pageUrl',
  'dashboardId',
  'vendorId',
  'vendorName',
  'category',
  'vendorSource',
  'status',
  'reason',
  'type',
  'host',
  'path',
  'url',
  'urlTruncated',
  'count',
  ...OBSERVED_OUTCOMES,
  'integrity',
  'reportedByPage',
  'source',
  'changedFrom',
  /** `record`, or `dropped` for a line that counts the records dropped from one source (`source`). */
  'rowType',
  'droppedRecords',
] as const;

function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvRow(record: AuditLogRecord): string[] {
  return [
    new Date(record.firstSeen).toISOString(),
    new Date(record.lastSeen).toISOString(),
    record.pageUrl,
    record.dashboardId ?? '',
    record.vendor.id ?? '',
    record.vendor.name,
    record.vendor.category ?? '',
    record.vendor.source ?? '',
    record.status,
    record.reason,
    record.type,
    record.host,
    record.path,
    record.url,
    String(record.urlTruncated),
    String(record.count),
    ...OBSERVED_OUTCOMES.map((outcome) => String(record.outcomes[outcome] ?? 0)),
    record.integrity ?? '',
    String(record.reportedByPage === true),
    sourceOf(record),
    record.changedFrom ?? '',
    'record',
    '',
  ];
}

/** A line that says how many records the log dropped from `source`: every other field empty. */
function droppedRow(source: string, count: number): string[] {
  return AUDIT_CSV_COLUMNS.map((column) => {
    if (column === 'source') return source;
    if (column === 'rowType') return 'dropped';
    if (column === 'droppedRecords') return String(count);
    return '';
  });
}

/** RFC 4180 CSV with a header line and CRLF line ends: the records, then the drop counts by source. */
export function auditLogCsv(
  records: readonly AuditLogRecord[],
  dropped: Readonly<Record<string, number>> = {},
): string {
  const lines = [
    [...AUDIT_CSV_COLUMNS],
    ...records.map(csvRow),
    ...Object.entries(dropped).map(([source, count]) => droppedRow(source, count)),
  ].map((fields) => fields.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** File name for an export made at `time`: dashguard-audit-2026-11-28T12-00-00Z.json. */
export function auditExportFileName(time: number, extension: 'json' | 'csv'): string {
  return `dashguard-audit-${new Date(time)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}.${extension}`;
}
