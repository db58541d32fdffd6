import { AUDIT_LIMITS } from '../../src/audit';
import { measureTabAuditFlood, tabAuditFloodRows } from './tab-audit-flood';

describe('tab audit under a flooding page', () => {
  it('measures both kinds of report on the real catalog, its premises checked', () => {
    // It throws (BrokenRunError) when the catalog no longer blocks the flood's vendor on CircleCI, or when the merge
    // did not take the new rows.
    const result = measureTabAuditFlood(2);
    expect(result.givingUp).toHaveLength(2);
    expect(result.listed).toHaveLength(2);
    expect(result.perReport).toBe(AUDIT_LIMITS.observationsPerReport);
  });

  it('gives the ratio of the medians, with both sides beside it', () => {
    const [row] = tabAuditFloodRows({ rounds: 3, perReport: 200, givingUp: [3, 2, 9], listed: [1, 2, 1] });
    expect(row?.value).toBe(3);
    expect(row?.target).toEqual({ op: '<=', value: 3 });
    expect(row?.detail).toContain('new rows 3.00 ms');
    expect(row?.detail).toContain('listed rows 1.00 ms');
    expect(row?.detail).toContain('median of 3 reports each');
  });
});
