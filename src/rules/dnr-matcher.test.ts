/**
 * The matcher's index (the audit matches every request a dashboard makes) must find exactly the rules a scan of every
 * rule finds. What it then decides is checked against the browsers' documented order in rule-state.test.ts and
 * against real browsers in the e2e tests.
 */
import { allCases, rulesFor, TAB } from '../../test/unit/rule-cases';
import { createRuleMatcher, outcomeOf, rankedRules, winnerOf, type DnrRequest } from './dnr-matcher';
import { hostMatchesAny } from '../domains/host-match';
import type { DnrRule } from './dnr-rule';

const HOSTS = [
  'tracker.example',
  'cdn.tracker.example',
  'a.b.cdn.tracker.example',
  'badtracker.example',
  'ws.live.example',
  'app.ci.example',
  'static.ci-assets.example',
  'files.ci-uploads.example',
  'x.bigads.example',
  'fonts.nobody.example',
];
const INITIATORS = ['app.ci.example', 'forge.example', 'docs.app.ci.example', 'unrelated.example', undefined];
const TYPES = ['script', 'image', 'websocket', 'sub_frame', 'main_frame', 'beacon'] as const;

function requests(): DnrRequest[] {
  const all: DnrRequest[] = [];
  for (const host of HOSTS)
    for (const initiatorHost of INITIATORS)
      for (const type of TYPES)
        for (const path of ['/x.js', '/settings/tokens'])
          all.push({ url: `https://${host}${path}`, initiatorHost, type, tabId: TAB });
  return all;
}

describe('createRuleMatcher', () => {
  it('finds, for every request, exactly the rules a scan of every rule finds, over the rule states of many settings', () => {
    // The scan: request domains by the production host matcher, the rest of the condition by a matcher of one rule
    // without its request domains (which the index does not take part in).
    const scanner = (rules: readonly DnrRule[]) => {
      const parts = rules.map((rule) => {
        const { requestDomains, ...condition } = rule.condition;
        return { rule, requestDomains, rest: createRuleMatcher([{ ...rule, condition }]) };
      });
      return (request: DnrRequest): DnrRule[] => {
        const host = new URL(request.url).hostname;
        return parts
          .filter(({ requestDomains }) => requestDomains === undefined || hostMatchesAny(host, requestDomains))
          .filter(({ rest }) => rest.matching(request).length === 1)
          .map(({ rule }) => rule);
      };
    };
    const wrong: string[] = [];
    let checked = 0;
    for (const c of allCases().filter((_, i) => i % 401 === 0)) {
      for (const cover of [undefined, 'chromium', 'firefox'] as const) {
        const rules = rulesFor(c, cover);
        const matcher = createRuleMatcher(rules);
        const scanned = scanner(rules);
        for (const request of requests()) {
          checked += 1;
          const matching = matcher.matching(request);
          const ids = (list: readonly DnrRule[]): string => list.map((r) => r.id).join(',');
          if (ids(matching) !== ids(scanned(request)))
            wrong.push(`${JSON.stringify(request)}: ${ids(matching)} vs ${ids(scanned(request))}`);
          if (rankedRules(matching)[0] !== winnerOf(matching)) wrong.push(`${JSON.stringify(request)}: ranked first`);
        }
      }
    }
    expect(checked).toBeGreaterThan(25_000);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  const rule = (id: number, priority: number, type: 'allow' | 'block', condition: DnrRule['condition']): DnrRule => ({
    id,
    priority,
    action: { type },
    condition,
  });
  const request = (url: string, type: DnrRequest['type'] = 'script'): DnrRequest => ({
    url,
    initiatorHost: 'app.ci.example',
    type,
  });

  it('finds a rule by its domain for the domain and its subdomains, not for look-alikes', () => {
    const matcher = createRuleMatcher([rule(1, 100, 'block', { requestDomains: ['tracker.example'] })]);
    expect(matcher.matching(request('https://tracker.example/')).map((r) => r.id)).toEqual([1]);
    expect(matcher.matching(request('https://a.b.tracker.example/')).map((r) => r.id)).toEqual([1]);
    expect(matcher.matching(request('https://badtracker.example/'))).toEqual([]);
    expect(matcher.matching(request('https://tracker.example.evil/'))).toEqual([]);
  });

  it('ranks by priority, then allow over block, and keeps the given order between equals', () => {
    const rules = [
      rule(1, 100, 'block', { requestDomains: ['tracker.example'] }),
      rule(2, 300, 'block', { requestDomains: ['cdn.tracker.example'] }),
      rule(3, 300, 'allow', {}),
      rule(4, 300, 'allow', { requestDomains: ['tracker.example'] }),
      rule(5, 50, 'allow', { resourceTypes: ['main_frame'] }),
    ];
    const matcher = createRuleMatcher(rules);
    expect(rankedRules(matcher.matching(request('https://cdn.tracker.example/'))).map((r) => r.id)).toEqual([
      3, 4, 2, 1,
    ]);
    expect(outcomeOf(rules, request('https://cdn.tracker.example/'))).toBe('allow');
    // Rules without request domains still match only the types they name (a list-free one: all but main_frame).
    expect(matcher.matching(request('https://cdn.tracker.example/', 'main_frame')).map((r) => r.id)).toEqual([5]);
  });
});
