import { FakeDnr } from '../../test/unit/fake-dnr';
import type { DnrRule } from '../shared/dnr-rule';
import { createRuleSync } from './rule-sync';

const rule = (id: number, domain = 'a.example'): DnrRule => ({ id, priority: 1, action: { type: 'block' }, condition: { requestDomains: [domain] } });

describe('createRuleSync', () => {
  it('replaces every dynamic and session rule, including ids it did not make', async () => {
    const dnr = new FakeDnr();
    dnr.dynamic.set(3, rule(3, 'stale.example'));
    const sync = createRuleSync(dnr);
    await sync.apply({ dynamicRules: [rule(10), rule(11)], sessionRules: [rule(20)] });
    expect([...dnr.dynamic.keys()].sort()).toEqual([10, 11]);
    expect([...dnr.session.keys()]).toEqual([20]);
  });

  it('is safe to repeat: the same state twice gives the same rules', async () => {
    const dnr = new FakeDnr();
    const sync = createRuleSync(dnr);
    const state = { dynamicRules: [rule(10)], sessionRules: [] };
    await sync.apply(state);
    await sync.apply(state);
    expect([...dnr.dynamic.values()]).toEqual([rule(10)]);
  });

  it('leaves the previous rules in force when the browser refuses an update', async () => {
    const dnr = new FakeDnr();
    const sync = createRuleSync(dnr);
    await sync.apply({ dynamicRules: [rule(10)], sessionRules: [] });
    await expect(sync.apply({ dynamicRules: [rule(11), rule(11)], sessionRules: [] })).rejects.toThrow(/unique/);
    expect([...dnr.dynamic.keys()]).toEqual([10]);
    // And it keeps working afterwards.
    await sync.apply({ dynamicRules: [rule(12)], sessionRules: [] });
    expect([...dnr.dynamic.keys()]).toEqual([12]);
  });

  it('serialises overlapping calls so the last one wins', async () => {
    const dnr = new FakeDnr();
    const sync = createRuleSync(dnr);
    await Promise.all([1, 2, 3, 4, 5].map((n) => sync.apply({ dynamicRules: [rule(100 + n)], sessionRules: [] })));
    expect([...dnr.dynamic.keys()]).toEqual([105]);
  });
});
