import type { DnrRule } from '../../src/rules/dnr-rule';
import { checkStaticLimits } from './static-limits';

describe('checkStaticLimits', () => {
  const rule = (id: number): DnrRule => ({ id, priority: 1, action: { type: 'block' }, condition: {} });
  it('accepts rules within the limits', () => {
    expect(checkStaticLimits({ a: [rule(1), rule(2)] })).toEqual([]);
  });
  it('refuses too many rules, too many rulesets and duplicate ids', () => {
    expect(checkStaticLimits({ a: Array.from({ length: 30_001 }, (_, i) => rule(i + 1)) }).join()).toMatch(
      /exceed the 30000/,
    );
    expect(
      checkStaticLimits(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`r${i}`, [rule(1)]]))).join(),
    ).toMatch(/rulesets: 11/);
    expect(checkStaticLimits({ a: [rule(1), rule(1)] }).join()).toMatch(/duplicate rule id 1/);
  });
  it('refuses a rule that would block a page', () => {
    expect(checkStaticLimits({ a: [{ ...rule(1), condition: { resourceTypes: ['main_frame'] } }] }).join()).toMatch(
      /main_frame/,
    );
  });
});
