import { outcomeOf } from './dnr-matcher';
import { mulberry32 } from '../../test/unit/seeded-random';
import type { DnrRule } from './dnr-rule';
import { mergeByRequestDomains } from './compact-rules';
import { isInitiatorScoped, tabIdsTwins, topDomainsTwin } from './tab-cover';

const scope = {
  initiatorDomains: ['app.ci.example', 'forge.example'],
  excludedInitiatorDomains: ['www.app.ci.example'],
};
const rule = (id: number, priority: number, type: 'allow' | 'block', domains?: string[]): DnrRule => ({
  id,
  priority,
  action: { type },
  condition: { ...(domains ? { requestDomains: domains } : {}), ...scope },
});
const DASHBOARD_HOSTS = ['app.ci.example', 'forge.example'];

describe('isInitiatorScoped', () => {
  it('takes block and allow rules scoped by initiator, and nothing else', () => {
    expect(isInitiatorScoped(rule(1, 100, 'block', ['a.example']))).toBe(true);
    expect(isInitiatorScoped({ id: 2, priority: 600, action: { type: 'allow' }, condition: { tabIds: [3] } })).toBe(
      false,
    );
    expect(
      isInitiatorScoped({
        id: 3,
        priority: 1200,
        action: { type: 'modifyHeaders', responseHeaders: [] },
        condition: { urlFilter: '||x.example/', ...scope },
      }),
    ).toBe(false);
    expect(
      isInitiatorScoped({
        id: 4,
        priority: 100,
        action: { type: 'block' },
        condition: { resourceTypes: ['main_frame'], ...scope },
      }),
    ).toBe(false);
  });
});

describe('topDomainsTwin', () => {
  it('moves the initiator scope to the top-level document, and keeps allow twins off dashboard documents', () => {
    expect(topDomainsTwin(rule(5, 100, 'block', ['a.example']), DASHBOARD_HOSTS)).toEqual({
      id: 5,
      priority: 100,
      action: { type: 'block' },
      condition: {
        requestDomains: ['a.example'],
        topDomains: scope.initiatorDomains,
        excludedTopDomains: scope.excludedInitiatorDomains,
      },
    });
    expect(
      topDomainsTwin(rule(6, 200, 'allow', ['b.example']), DASHBOARD_HOSTS).condition.excludedInitiatorDomains,
    ).toEqual(DASHBOARD_HOSTS);
  });
});

describe('tabIdsTwins', () => {
  const tabs = [
    { tabId: 1, host: 'app.ci.example' },
    { tabId: 2, host: 'forge.example' },
    { tabId: 3, host: 'www.app.ci.example' },
  ];

  it("covers the tabs in the rule's scope only, and has no twin without one", () => {
    const [twin] = tabIdsTwins([rule(1, 100, 'block', ['a.example'])], tabs, DASHBOARD_HOSTS);
    expect(twin?.condition.tabIds).toEqual([1, 2]);
    expect(
      tabIdsTwins([rule(1, 100, 'block', ['a.example'])], [{ tabId: 3, host: 'www.app.ci.example' }], DASHBOARD_HOSTS),
    ).toEqual([]);
  });

  it('merges twins that differ only in their request domains, and keeps rules without domains apart', () => {
    const twins = tabIdsTwins(
      [
        rule(1, 100, 'block', ['a.example']),
        rule(2, 100, 'block', ['b.example']),
        rule(3, 100, 'allow', ['c.example']),
        rule(4, 650, 'allow'),
      ],
      tabs,
      DASHBOARD_HOSTS,
    );
    expect(twins).toHaveLength(3);
    expect(twins.find((t) => t.action.type === 'block')?.condition.requestDomains).toEqual(['a.example', 'b.example']);
    expect(twins.find((t) => t.priority === 650)?.condition.requestDomains).toBeUndefined();
  });

  it('decides every request as the twins before merging would (generated rule sets)', () => {
    const random = mulberry32(7);
    const domains = ['a.example', 'x.a.example', 'b.example', 'c.example', 'y.c.example'];
    for (let run = 0; run < 300; run += 1) {
      const rules = Array.from({ length: 2 + Math.floor(random() * 6) }, (_, i) => {
        const picked = domains.filter(() => random() < 0.4);
        return rule(
          i + 1,
          [100, 200, 400, 500][Math.floor(random() * 4)]!,
          random() < 0.5 ? 'allow' : 'block',
          picked.length > 0 ? picked : undefined,
        );
      });
      const unmerged = rules.flatMap((r, i) =>
        tabIdsTwins([r], tabs, DASHBOARD_HOSTS).map((t) => ({ ...t, id: i + 1 })),
      );
      const merged = tabIdsTwins(rules, tabs, DASHBOARD_HOSTS).map((t, i) => ({ ...t, id: i + 1 }));
      // Merging the rules first (as the state does with the static rules) changes nothing either.
      const premerged = tabIdsTwins(
        mergeByRequestDomains(rules).map((r, i) => ({ ...r, id: i + 1 })),
        tabs,
        DASHBOARD_HOSTS,
      ).map((t, i) => ({ ...t, id: i + 1 }));
      const originals = rules;
      const remerged = mergeByRequestDomains(rules).map((r, i) => ({ ...r, id: i + 1 }));
      for (const host of domains) {
        for (const initiatorHost of [undefined, 'widget.example', 'app.ci.example']) {
          for (const tabId of [1, 2, 3, 4]) {
            const request = { url: `https://${host}/x`, initiatorHost, type: 'script' as const, tabId };
            expect(outcomeOf(merged, request)).toBe(outcomeOf(unmerged, request));
            expect(outcomeOf(premerged, request)).toBe(outcomeOf(unmerged, request));
            expect(outcomeOf(remerged, request)).toBe(outcomeOf(originals, request));
          }
        }
      }
    }
  });
});
