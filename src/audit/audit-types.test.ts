import { entry, logRecord, TRACKER } from '../../test/unit/audit-fixtures';
import { expectAgreementWithAjv } from '../../test/unit/schema-mutations';
import { describeSchemaError, schemaProblem } from '../schema';
import { auditEntrySchema, auditLogRecordSchema, isTabAudit, tabAuditSchema } from './audit-types';
import { emptyTabAudit } from './tab-audit-merge';
import { auditReportSchema, observationSchema } from './audit-report-schema';

const OBSERVATION = {
  seq: 3,
  url: 'https://cdn.tracker.example/t.js',
  urlTruncated: false,
  type: 'script',
  observed: 'failed',
  integrity: null,
  time: 1_700_000_000_000,
  reportedByPage: true,
};
const REPORT = { instanceId: 'abc-1', timeOrigin: 4_000.5, observations: [OBSERVATION], strictMode: 'none' };
const TAB_AUDIT = {
  ...emptyTabAudit(7, 1_000),
  page: {
    url: 'https://app.ci.example/',
    host: 'app.ci.example',
    timeOrigin: 4.5,
    dashboardId: 'ci',
    dashboardName: 'CI',
  },
  entries: [entry()],
  stored: { 'abc-1': 3 },
};

/** The first problem of `value` against `schema`, as the line a person reads. */
const refusal = (value: unknown, schema: unknown): string | undefined => {
  const problem = schemaProblem(value, schema);
  return problem === undefined ? undefined : describeSchemaError(problem, 'the value');
};

describe("the audit's schemas", () => {
  it.each([
    ['an observation', observationSchema, OBSERVATION],
    ['a report', auditReportSchema, REPORT],
    ['a tab audit row', auditEntrySchema, entry({ reportedByPage: true, changedFrom: 'allowed-policy' })],
    ['a log record', auditLogRecordSchema, logRecord({ source: 'https://app.ci.example tab 3' })],
    ["a tab's audit", tabAuditSchema, TAB_AUDIT],
  ])('agree with ajv on %s, for a valid value and a thousand mutations of it', (_name, schema, start) => {
    expectAgreementWithAjv(schema, start, 5);
  });

  it('take the rows and records the fixtures build, with and without their optional members', () => {
    for (const row of [entry(), entry({ outcomes: {}, integrity: null, vendor: { ...TRACKER, source: 'custom' } })])
      expect(refusal(row, auditEntrySchema)).toBeUndefined();
    expect(refusal(logRecord(), auditLogRecordSchema)).toBeUndefined();
  });

  it.each([
    [{ ...entry(), vendor: { ...TRACKER, category: 'spam' } }, /^vendor\.category: must be one of "analytics", /],
    [{ ...entry(), outcomes: { seen: 1 } }, /^outcomes\.seen: unknown field \(remove it\)$/],
    [{ ...entry(), outcomes: { failed: -1 } }, /^outcomes\.failed: must be 0 or more$/],
    [{ ...entry(), reportedByPage: false }, /^reportedByPage: must be true$/],
    [{ ...entry(), integrity: true }, /^integrity: must be one of "present", "absent", "mixed", null$/],
    [{ ...entry(), key: undefined }, /^key: missing$/],
  ])('name the field of a bad row (%#)', (row, message) => {
    expect(refusal(row, auditEntrySchema)).toMatch(message);
  });

  it('name the field of a bad log record', () => {
    expect(refusal({ ...logRecord(), pageUrl: null }, auditLogRecordSchema)).toBe('pageUrl: must be text in quotes');
    expect(refusal({ ...logRecord(), inFrame: true }, auditLogRecordSchema)).toBe('inFrame: unknown field (remove it)');
  });
});

describe('isTabAudit', () => {
  it("takes a tab's audit as the store writes it, a new one included", () => {
    expect(isTabAudit(emptyTabAudit(7, 1_000))).toBe(true);
    expect(isTabAudit(TAB_AUDIT)).toBe(true);
    expect(refusal(TAB_AUDIT, tabAuditSchema)).toBeUndefined();
  });

  it.each([
    ['another format', { ...TAB_AUDIT, v: 2 }],
    ['rows that are not a list', { ...TAB_AUDIT, entries: {} }],
    ['a damaged mark of what was stored', { ...TAB_AUDIT, stored: { 'abc-1': 'three' } }],
    ['a page without its host', { ...TAB_AUDIT, page: { ...TAB_AUDIT.page, host: undefined } }],
    ['a missing count', { ...TAB_AUDIT, unlisted: undefined }],
    ['a member it does not know', { ...TAB_AUDIT, rows: [] }],
    ['no object', 'audit'],
  ])('refuses %s', (_name, value) => {
    expect(isTabAudit(value)).toBe(false);
  });

  it('does not look into the rows (the full check is the schema, too slow for every change the popup hears)', () => {
    const withBadRow = { ...TAB_AUDIT, entries: [{ ...entry(), key: undefined }] };
    expect(isTabAudit(withBadRow)).toBe(true);
    expect(refusal(withBadRow, tabAuditSchema)).toBe('entries[0].key: missing');
  });
});
