/**
 * The audit's messages between content scripts and the background, the schemas of their replies and the checks of
 * those replies where they are received. The check of `audit/report` payloads (the background's) is in
 * audit-report-parser.ts; the messages of extension pages are in audit-page-messages.ts, so the content script's
 * bundle carries none of their schemas.
 */
import type { AuditReport, AuditReportAck } from './audit-types';
import type { ParsedReport } from './audit-report-parser';
import { defineMessage, parsedByHandler } from '../messaging';
import { DOCUMENT_STRICT_MODES } from '../strict-mode';
import type { SchemaType } from '../schema';
import { conforms } from '../schema';
import { isRecord } from '../shared';

/** Content script -> background: what the page requested. Reply: AuditReportAck. */
export const AUDIT_REPORT = 'audit/report';

/**
 * Checks an `audit/report` reply where the content script receives it: auditReportAckSchema, written out so the
 * content script's bundle carries no schema checker (a unit test holds it to the schema, beside ajv).
 */
export function isAuditReportAck(value: unknown): value is AuditReportAck {
  if (!isRecord(value)) return false;
  const { storedThrough } = value;
  return (
    Object.keys(value).every((key) => key === 'storedThrough' || value[key] === undefined) &&
    Number.isSafeInteger(storedThrough) &&
    (storedThrough as number) >= 0
  );
}

/**
 * Background -> content script of a tab's top frame (tabs.sendMessage): "which document are you?". Reply:
 * AuditPageAnswer. No reply means the tab no longer shows a dashboard.
 */
export const AUDIT_PAGE_QUERY = 'audit/page-query';

export const auditPageAnswerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['timeOrigin'],
  properties: {
    timeOrigin: { type: 'number' },
    /** Whether the document was loaded under strict mode's policy (its response's marker): the popup shows this. */
    strictMode: { enum: DOCUMENT_STRICT_MODES },
  },
} as const;
export type AuditPageAnswer = SchemaType<typeof auditPageAnswerSchema>;

/** Checks a page's answer where it is received (the background, the popup). */
export function isAuditPageAnswer(value: unknown): value is AuditPageAnswer {
  return conforms(value, auditPageAnswerSchema);
}

/**
 * `audit/report`, declared once (src/messaging). Its handler parses the report (audit-report-parser.ts: the report's
 * schema, a malformed observation dropped rather than the whole report refused); the acknowledgement is checked by the
 * guard above, so the content script carries no schema checker.
 */
export const auditReport = defineMessage(AUDIT_REPORT, parsedByHandler<AuditReport, ParsedReport>(), isAuditReportAck);
