import { auditRetentionDays, retentionCutoff } from './audit-retention';

describe('auditRetentionDays', () => {
  it("takes the policy's value over the user's", () => {
    expect(auditRetentionDays({ auditRetentionDays: 30 }, { auditRetentionDays: undefined })).toBe(30);
    expect(auditRetentionDays({ auditRetentionDays: 30 }, { auditRetentionDays: 7 })).toBe(7);
  });

  it('keeps the value within 1 to 3650 days, whatever is stored', () => {
    expect(auditRetentionDays({ auditRetentionDays: 0 }, { auditRetentionDays: undefined })).toBe(1);
    expect(auditRetentionDays({ auditRetentionDays: 99_999 }, { auditRetentionDays: undefined })).toBe(3650);
    expect(auditRetentionDays({ auditRetentionDays: 2.5 }, { auditRetentionDays: undefined })).toBe(30);
  });

  it('turns days into a cutoff time', () => {
    expect(retentionCutoff(10 * 86_400_000, 3)).toBe(7 * 86_400_000);
  });
});
