import { logRecord } from '../../test/unit/audit-fixtures';
import { expectAgreementWithAjv, refusedAgreeingWithAjv } from '../../test/unit/schema-mutations';
import { conforms, describeSchemaError, schemaProblem } from '../schema';
import { auditPageAnswerSchema, isAuditPageAnswer, isAuditReportAck } from './audit-messages';
import {
  auditExportLog,
  auditLogExportSchema,
  newThirdPartiesReplySchema,
  newThirdPartiesTakeSchema,
} from './audit-page-messages';
import { isReplyOf } from '../messaging';

/** The page's check of an `audit/export-log` reply: its declaration's. */
const isAuditLogExport = (value: unknown): boolean => isReplyOf(auditExportLog, value);
import { auditReportAckSchema } from './audit-report-schema';

const EXPORT = {
  records: [logRecord(), logRecord({ source: 'https://app.ci.example tab 3', reportedByPage: true })],
  dropped: { 'https://app.ci.example tab 3': 12 },
  retentionDays: 30,
  extensionVersion: '0.1.0',
};

describe('isAuditReportAck (the content script checks the reply)', () => {
  it('accepts the stored-through mark, and nothing else', () => {
    expect(isAuditReportAck({ storedThrough: 12 })).toBe(true);
    expect(isAuditReportAck({ storedThrough: '12' })).toBe(false);
    expect(isAuditReportAck({ ok: true, value: { storedThrough: 12 } })).toBe(false);
    expect(isAuditReportAck(null)).toBe(false);
  });

  it('is the schema written out: it agrees with schema-check and ajv on a thousand mutations', () => {
    const start = { storedThrough: 12 };
    const refused = refusedAgreeingWithAjv(auditReportAckSchema, start, 3, isAuditReportAck);
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(1_000);
    expect(refusedAgreeingWithAjv(auditReportAckSchema, start, 3)).toBe(refused);
    for (const odd of [{ storedThrough: 2 ** 53 }, { storedThrough: -1 }, { storedThrough: 1, more: 1 }, {}])
      expect(isAuditReportAck(odd)).toBe(conforms(odd, auditReportAckSchema));
    expect(isAuditReportAck({ storedThrough: 1, more: undefined })).toBe(true);
  });
});

describe('the replies extension pages check', () => {
  it.each([
    ['the page answer', auditPageAnswerSchema, { timeOrigin: 5.5, strictMode: 'enforced' }],
    ['the log export', auditLogExportSchema, EXPORT],
    ['the new third parties asked for', newThirdPartiesTakeSchema, { dashboard: 'circleci', tabId: 4 }],
    ['the new third parties', newThirdPartiesReplySchema, ['tracker', 'unknown:example.net']],
  ])('%s: agrees with ajv on a thousand mutations', (_name, schema, start) => {
    expectAgreementWithAjv(schema, start, 9);
  });

  it('checks the page answer and the export by their schemas, naming the field', () => {
    expect(isAuditPageAnswer({ timeOrigin: 5.5 })).toBe(true);
    expect(isAuditPageAnswer({ timeOrigin: 5.5, strictMode: 'protected' })).toBe(false);
    expect(isAuditPageAnswer({ timeOrigin: '5.5' })).toBe(false);
    expect(isAuditLogExport(EXPORT)).toBe(true);
    expect(isAuditLogExport(JSON.parse(JSON.stringify(EXPORT)))).toBe(true);
    for (const [bad, message] of [
      [{ ...EXPORT, records: [{ ...logRecord(), status: 'fine' }] }, /^records\[0\]\.status: must be one of /],
      [{ ...EXPORT, dropped: { page: 'many' } }, /^dropped\.page: must be a whole number$/],
      [{ ...EXPORT, retentionDays: 0 }, /^retentionDays: must be 1 or more$/],
      [{ ...EXPORT, extensionVersion: undefined }, /^extensionVersion: missing$/],
    ] as const) {
      expect(isAuditLogExport(bad)).toBe(false);
      const problem = schemaProblem(bad, auditLogExportSchema);
      expect(problem && describeSchemaError(problem)).toMatch(message);
    }
  });
});
