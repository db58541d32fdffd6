import type { AuditStatus } from './audit-types';
import { addDropped, chooseEvictions, evictionRank, sourceOf, type EvictionCandidate } from './audit-log-eviction';

const rec = (source: string, lastSeen: number, rank = 1, bytes = 100): EvictionCandidate => ({
  source,
  rank,
  lastSeen,
  bytes,
});
const sourcesOf = (records: readonly EvictionCandidate[], victims: Set<number>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const i of victims) out[records[i]!.source] = (out[records[i]!.source] ?? 0) + 1;
  return out;
};

describe('chooseEvictions', () => {
  test('a flood from one page is cut down before any record of another page goes', () => {
    const records = [
      ...Array.from({ length: 50 }, (_, i) => rec('token-page', i)),
      ...Array.from({ length: 10_000 }, (_, i) => rec('flood', 1_000 + i)),
    ];
    const victims = chooseEvictions(records, { count: 9_500, bytes: Infinity });
    expect(victims.size).toBe(550);
    expect(sourcesOf(records, victims)).toEqual({ flood: 550 });
    // The flood's oldest went.
    expect(Math.max(...[...victims].map((i) => records[i]!.lastSeen))).toBe(1_000 + 549);
  });

  test('takes from the largest source each time: sources end level, the small ones untouched', () => {
    const records = [
      ...Array.from({ length: 300 }, (_, i) => rec('a', i)),
      ...Array.from({ length: 200 }, (_, i) => rec('b', i)),
      ...Array.from({ length: 20 }, (_, i) => rec('c', i)),
    ];
    const victims = chooseEvictions(records, { count: 320, bytes: Infinity });
    expect(sourcesOf(records, victims)).toEqual({ a: 150, b: 50 });
  });

  test('within a source: page reports first, then what was let through, then blocked; oldest first', () => {
    const records = [rec('p', 1, 2), rec('p', 2, 1), rec('p', 3, 0), rec('p', 4, 1), rec('p', 5, 2)];
    expect([...chooseEvictions(records, { count: 4, bytes: Infinity })]).toEqual([2]);
    expect([...chooseEvictions(records, { count: 2, bytes: Infinity })].sort()).toEqual([1, 2, 3]);
    expect([...chooseEvictions(records, { count: 1, bytes: Infinity })].sort()).toEqual([0, 1, 2, 3]);
  });

  test('the byte cap too', () => {
    const records = [rec('a', 1, 1, 1_000), rec('a', 2, 1, 1_000), rec('b', 3, 1, 10)];
    expect(sourcesOf(records, chooseEvictions(records, { count: 100, bytes: 1_500 }))).toEqual({ a: 1 });
  });

  test('nothing to do within the caps; everything when the caps are zero', () => {
    const records = [rec('a', 1), rec('b', 2)];
    expect(chooseEvictions(records, { count: 2, bytes: 200 }).size).toBe(0);
    expect(chooseEvictions(records, { count: 0, bytes: 0 }).size).toBe(2);
  });
});

describe('evictionRank and sourceOf', () => {
  test('ranks', () => {
    const of = (status: AuditStatus, reportedByPage?: true) =>
      evictionRank({ status, ...(reportedByPage ? { reportedByPage } : {}) });
    expect(of('blocked', true)).toBe(0);
    expect(of('allowed-unknown')).toBe(1);
    expect(of('report-only')).toBe(1);
    expect(of('blocked')).toBe(2);
    expect(of('strict-mode')).toBe(2);
  });
  test('old records without a source count under their page origin', () => {
    expect(sourceOf({ source: 'https://a.example tab 3', pageUrl: 'https://b.example/x' })).toBe(
      'https://a.example tab 3',
    );
    expect(sourceOf({ pageUrl: 'https://b.example/x?y=[1]' })).toBe('https://b.example');
    expect(sourceOf({ pageUrl: 'about:srcdoc' })).toBe('about:srcdoc');
  });
});

describe('addDropped', () => {
  test('sums per source and folds the smallest into "other pages"', () => {
    expect(addDropped({ a: 5 }, { a: 1, b: 2 }, 10)).toEqual({ a: 6, b: 2 });
    expect(addDropped({ a: 5, b: 1 }, { c: 3, d: 2 }, 3)).toEqual({ a: 5, c: 3, 'other pages': 3 });
    expect(addDropped({ a: 5, 'other pages': 4 }, { b: 1 }, 2)).toEqual({ a: 5, 'other pages': 5 });
  });
});
