import { isAuditReportAck } from './audit-messages';

describe('isAuditReportAck (the content script checks the reply)', () => {
  it('accepts the stored-through mark, and nothing else', () => {
    expect(isAuditReportAck({ storedThrough: 12 })).toBe(true);
    expect(isAuditReportAck({ storedThrough: '12' })).toBe(false);
    expect(isAuditReportAck({ ok: true, value: { storedThrough: 12 } })).toBe(false);
    expect(isAuditReportAck(null)).toBe(false);
  });
});
