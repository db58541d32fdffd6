import { FakeDnr } from '../../test/unit/fake-dnr';
import type { DnrRule } from './dnr-rule';
import { RULESET } from './rule-registry';
import { STATIC_RULESETS, type RuleState } from './rule-state';
import { createRuleSync } from './rule-sync';

const rule = (id: number, domain = 'a.example'): DnrRule => ({
  id,
  priority: 1,
  action: { type: 'block' },
  condition: { requestDomains: [domain] },
});
const state = (dynamicRules: DnrRule[], sessionRules: DnrRule[] = []): RuleState => ({
  dynamicRules,
  sessionRules,
  enabledRulesets: [...STATIC_RULESETS],
});

describe('createRuleSync', () => {
  it('replaces every dynamic and session rule, including ids it did not make', async () => {
    const dnr = new FakeDnr();
    dnr.dynamic.set(3, rule(3, 'stale.example'));
    const sync = createRuleSync(dnr);
    await sync.apply(state([rule(10), rule(11)], [rule(20)]));
    expect([...dnr.dynamic.keys()].sort()).toEqual([10, 11]);
    expect([...dnr.session.keys()]).toEqual([20]);
  });

  it('is safe to repeat: the same state twice gives the same rules', async () => {
    const dnr = new FakeDnr();
    const sync = createRuleSync(dnr);
    const same = state([rule(10)]);
    await sync.apply(same);
    await sync.apply(same);
    expect([...dnr.dynamic.values()]).toEqual([rule(10)]);
  });

  it('leaves the previous rules in force when the browser refuses an update', async () => {
    const dnr = new FakeDnr();
    const sync = createRuleSync(dnr);
    await sync.apply(state([rule(10)]));
    await expect(sync.apply(state([rule(11), rule(11)]))).rejects.toThrow(/unique/);
    expect([...dnr.dynamic.keys()]).toEqual([10]);
    // And it keeps working afterwards.
    await sync.apply(state([rule(12)]));
    expect([...dnr.dynamic.keys()]).toEqual([12]);
  });

  it('serialises overlapping calls so the last one wins', async () => {
    const dnr = new FakeDnr();
    const sync = createRuleSync(dnr);
    await Promise.all([1, 2, 3, 4, 5].map((n) => sync.apply(state([rule(100 + n)]))));
    expect([...dnr.dynamic.keys()]).toEqual([105]);
  });

  it('switches back on a static ruleset that was switched off, and only then touches the dynamic rules', async () => {
    const dnr = new FakeDnr();
    dnr.enabledRulesets.delete(RULESET.blocklist);
    dnr.enabledRulesets.delete(RULESET.strictMode);
    const sync = createRuleSync(dnr);
    await sync.apply(state([rule(10)]));
    expect([...dnr.enabledRulesets].sort()).toEqual([...dnr.rulesets].sort());
    expect([...dnr.dynamic.keys()]).toEqual([10]);
  });

  it('leaves every rule as it was when the browser refuses to switch a ruleset back on', async () => {
    const dnr = new FakeDnr();
    const sync = createRuleSync(dnr);
    await sync.apply(state([rule(10)]));
    dnr.enabledRulesets.delete(RULESET.blocklist);
    dnr.failRulesetsNext = new Error('The number of enabled static rules exceeds the limit.');
    await expect(sync.apply(state([rule(11)]))).rejects.toThrow(/exceeds/);
    expect([...dnr.dynamic.keys()]).toEqual([10]);
    // The next sync tries again.
    await sync.apply(state([rule(11)]));
    expect(dnr.enabledRulesets.has(RULESET.blocklist)).toBe(true);
    expect([...dnr.dynamic.keys()]).toEqual([11]);
  });

  it('asks nothing of the browser when every ruleset is already on', async () => {
    const dnr = new FakeDnr();
    const calls: string[] = [];
    const update = dnr.updateEnabledRulesets.bind(dnr);
    dnr.updateEnabledRulesets = async (options) => {
      calls.push(JSON.stringify(options));
      return update(options);
    };
    await createRuleSync(dnr).apply(state([rule(10)]));
    expect(calls).toEqual([]);
  });

  it('writes only the part that changed, and everything again after a failure', async () => {
    const dnr = new FakeDnr();
    const sync = createRuleSync(dnr);
    await sync.apply(state([rule(10)], [rule(20)]));
    expect(dnr.updates).toBe(2);
    await sync.apply(state([rule(10)], [rule(21)]));
    expect(dnr.updates).toBe(3);
    expect([...dnr.session.keys()]).toEqual([21]);
    dnr.failNext = new Error('refused');
    await expect(sync.apply(state([rule(11)], [rule(21)]))).rejects.toThrow('refused');
    // The refused set is not taken for applied: the same state is tried again in full.
    await sync.apply(state([rule(11)], [rule(21)]));
    expect([...dnr.dynamic.keys()]).toEqual([11]);
  });

  it('writes an unchanged set again when something else removed its rules', async () => {
    const dnr = new FakeDnr();
    const sync = createRuleSync(dnr);
    await sync.apply(state([rule(10)], [rule(20)]));
    dnr.session.clear();
    await sync.apply(state([rule(10)], [rule(20)]));
    expect([...dnr.session.keys()]).toEqual([20]);
  });

  it('writes both sets on its first apply, whatever the browser holds', async () => {
    const dnr = new FakeDnr();
    dnr.session.set(99, rule(99, 'stale.example'));
    await createRuleSync(dnr).apply(state([]));
    expect([...dnr.session.keys()]).toEqual([]);
  });
});
