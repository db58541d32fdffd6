/**
 * The audit's messages and the checks of their replies where they are received. The check of `audit/report` payloads
 * (the background's) is in audit-report-parser.ts.
 */
import type { AuditLogRecord, AuditReportAck } from './audit-types';
import type { DocumentStrictMode } from '../strict-mode';
import { isDocumentStrictMode } from '../strict-mode';
import { isRecord } from '../shared';

/** Content script -> background: what the page requested. Reply: AuditReportAck. */
export const AUDIT_REPORT = 'audit/report';

/** Checks an `audit/report` reply where the content script receives it. */
export function isAuditReportAck(value: unknown): value is AuditReportAck {
  return isRecord(value) && typeof value.storedThrough === 'number';
}
/** Extension page -> background: delete the audit log. Payload null. Reply: null. */
export const AUDIT_CLEAR_LOG = 'audit/clear-log';
/** Extension page -> background: the audit log within retention, to export. Payload null. Reply: AuditLogExport. */
export const AUDIT_EXPORT_LOG = 'audit/export-log';
/**
 * Background -> content script of a tab's top frame (tabs.sendMessage): "which document are you?". Reply:
 * AuditPageAnswer. No reply means the tab no longer shows a dashboard.
 */
export const AUDIT_PAGE_QUERY = 'audit/page-query';

export interface AuditPageAnswer {
  readonly timeOrigin: number;
  /** Whether the document was loaded under strict mode's policy (its response's marker): the popup shows this. */
  readonly strictMode?: DocumentStrictMode;
}

/** Checks a page's answer where it is received (the background, the popup). */
export function isAuditPageAnswer(value: unknown): value is AuditPageAnswer {
  if (!isRecord(value) || typeof value.timeOrigin !== 'number') return false;
  return value.strictMode === undefined || isDocumentStrictMode(value.strictMode);
}

/** Records the log dropped to stay within its caps, by the source they came from (AuditLogRecord.source). */
export type DroppedRecords = Readonly<Record<string, number>>;

export interface AuditLogExport {
  readonly records: readonly AuditLogRecord[];
  readonly dropped: DroppedRecords;
  readonly retentionDays: number;
  readonly extensionVersion: string;
}

/** Checks an `audit/export-log` reply where it is received (an extension page). */
export function isAuditLogExport(value: unknown): value is AuditLogExport {
  return (
    isRecord(value) &&
    Array.isArray(value.records) &&
    isRecord(value.dropped) &&
    Object.values(value.dropped).every((n) => typeof n === 'number') &&
    typeof value.retentionDays === 'number' &&
    typeof value.extensionVersion === 'string'
  );
}
