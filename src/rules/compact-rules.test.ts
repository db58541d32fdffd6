import { outcomeOf, winningRule } from './dnr-matcher';
import type { DnrRule } from './dnr-rule';
import { compactRules, mergeByRequestDomains } from './compact-rules';

const rule = (
  id: number,
  priority: number,
  action: 'allow' | 'block',
  requestDomains: string[] | undefined,
  initiatorDomains = ['app.ci.example'],
): DnrRule => ({
  id,
  priority,
  action: { type: action },
  condition: { ...(requestDomains ? { requestDomains } : {}), initiatorDomains },
});

/** A small seeded generator, so a failing case can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('compactRules', () => {
  it('merges rules that differ only in their request domains, keeping every subject and the first place', () => {
    const merged = compactRules([
      { rule: rule(1, 100, 'block', ['b.example']), subject: 'b' },
      { rule: rule(2, 200, 'allow', ['live.example']), subject: 'live' },
      { rule: rule(3, 100, 'block', ['a.example', 'b.example']), subject: 'a' },
      { rule: rule(4, 100, 'block', ['c.example'], ['forge.example']), subject: 'c' },
    ]);
    expect(merged).toEqual([
      {
        rule: {
          priority: 100,
          action: { type: 'block' },
          condition: { requestDomains: ['a.example', 'b.example'], initiatorDomains: ['app.ci.example'] },
        },
        subjects: ['b', 'a'],
      },
      {
        rule: {
          priority: 200,
          action: { type: 'allow' },
          condition: { requestDomains: ['live.example'], initiatorDomains: ['app.ci.example'] },
        },
        subjects: ['live'],
      },
      {
        rule: {
          priority: 100,
          action: { type: 'block' },
          condition: { requestDomains: ['c.example'], initiatorDomains: ['forge.example'] },
        },
        subjects: ['c'],
      },
    ]);
  });

  it('keeps apart rules with another priority, action, scope or header, and those without request domains', () => {
    const headers = (value: string): DnrRule => ({
      id: 9,
      priority: 100,
      action: { type: 'modifyHeaders', responseHeaders: [{ header: 'X', operation: 'set', value }] },
      condition: { requestDomains: ['a.example'] },
    });
    const rules = [
      rule(1, 100, 'block', ['a.example']),
      rule(2, 100, 'allow', ['b.example']),
      rule(3, 200, 'block', ['c.example']),
      rule(4, 100, 'block', undefined),
      headers('1'),
      headers('2'),
    ];
    expect(compactRules(rules.map((r) => ({ rule: r, subject: r.id })))).toHaveLength(rules.length);
    // Two list-free rules match every host alike: one is enough.
    expect(mergeByRequestDomains([rule(1, 100, 'block', undefined), rule(2, 100, 'block', undefined)])).toHaveLength(1);
  });

  it('decides every request as the rules before merging (generated rule sets, DNR model)', () => {
    const random = mulberry32(16);
    const domains = ['a.example', 'x.a.example', 'b.example', 'c.example', 'y.c.example'];
    const scopes = [['app.ci.example'], ['forge.example'], ['app.ci.example', 'forge.example']];
    for (let run = 0; run < 300; run += 1) {
      const rules = Array.from({ length: 2 + Math.floor(random() * 8) }, (_, i) => {
        const picked = domains.filter(() => random() < 0.4);
        const action = random() < 0.5 ? 'allow' : 'block';
        return rule(
          i + 1,
          [100, 200, 1_000][Math.floor(random() * 3)]!,
          action,
          picked.length > 0 ? picked : undefined,
          scopes[Math.floor(random() * scopes.length)],
        );
      });
      const merged = mergeByRequestDomains(rules).map((r, i) => ({ ...r, id: i + 1 }));
      expect(merged.length).toBeLessThanOrEqual(rules.length);
      for (const host of [...domains, 'z.x.a.example', 'other.example']) {
        for (const initiatorHost of [undefined, 'app.ci.example', 'forge.example', 'widget.example']) {
          const request = { url: `https://${host}/x`, initiatorHost, type: 'script' as const };
          expect(outcomeOf(merged, request)).toBe(outcomeOf(rules, request));
          expect(winningRule(merged, request)?.priority).toBe(winningRule(rules, request)?.priority);
        }
      }
    }
  });
});
