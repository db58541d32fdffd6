/**
 * The audit's messages from extension pages to the background (never from a content script: a web page can neither
 * read nor erase the log), with the schemas of their payloads and replies and the checks of the replies.
 */
import { auditLogRecordSchema } from './audit-types';
import { MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from './audit-limits';
import type { SchemaType } from '../schema';
import { NO_PAYLOAD, defineMessage } from '../messaging';

/** Extension page -> background: delete the audit log. Payload null. Reply: null. */
export const AUDIT_CLEAR_LOG = 'audit/clear-log';
export const auditClearLogReplySchema = { type: 'null' } as const;

/** Extension page -> background: the audit log within retention, to export. Payload null. Reply: AuditLogExport. */
export const AUDIT_EXPORT_LOG = 'audit/export-log';

const count = { type: 'integer', minimum: 0 } as const;

/** Records the log dropped to stay within its caps, by the source they came from (AuditLogRecord.source). */
export const droppedRecordsSchema = { type: 'object', additionalProperties: count } as const;
export type DroppedRecords = SchemaType<typeof droppedRecordsSchema>;

export const auditLogExportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['records', 'dropped', 'retentionDays', 'extensionVersion'],
  properties: {
    records: { type: 'array', items: auditLogRecordSchema },
    dropped: droppedRecordsSchema,
    retentionDays: { type: 'integer', minimum: MIN_AUDIT_RETENTION_DAYS, maximum: MAX_AUDIT_RETENTION_DAYS },
    extensionVersion: { type: 'string' },
  },
} as const;
export type AuditLogExport = SchemaType<typeof auditLogExportSchema>;

/**
 * Extension page -> background: `{ dashboard, tabId }` -> the keys of the dashboard's unseen new third parties
 * (third-party-history.ts), which count as seen from then on.
 */
export const NEW_THIRD_PARTIES_TAKE = 'new-third-parties/take';
export const newThirdPartiesTakeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['dashboard', 'tabId'],
  properties: {
    /** A dashboard id (catalog, custom or policy). */
    dashboard: { type: 'string', minLength: 1, maxLength: 300 },
    tabId: { type: 'integer' },
  },
} as const;
export const newThirdPartiesReplySchema = { type: 'array', items: { type: 'string' } } as const;

/** The messages, declared once (src/messaging): each reply checked against its schema where a page receives it. */
export const auditExportLog = defineMessage(AUDIT_EXPORT_LOG, NO_PAYLOAD, auditLogExportSchema);
export const auditClearLog = defineMessage(AUDIT_CLEAR_LOG, NO_PAYLOAD, auditClearLogReplySchema);
export const newThirdPartiesTake = defineMessage(
  NEW_THIRD_PARTIES_TAKE,
  newThirdPartiesTakeSchema,
  newThirdPartiesReplySchema,
);
