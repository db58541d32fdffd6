import { rememberRecentEntry, rememberRecentKey } from './remember-recent';

describe('rememberRecentKey and rememberRecentEntry', () => {
  it('keeps the newest keys of a Set, a key seen again counting as new', () => {
    const set = new Set<number>();
    for (const key of [1, 2, 3]) rememberRecentKey(set, key, 3);
    rememberRecentKey(set, 1, 3);
    rememberRecentKey(set, 4, 3);
    expect([...set]).toEqual([3, 1, 4]);
  });

  it('keeps the newest entries of a Map with their latest values', () => {
    const map = new Map<string, string>();
    rememberRecentEntry(map, 'a', 'first', 2);
    rememberRecentEntry(map, 'b', 'second', 2);
    rememberRecentEntry(map, 'a', 'again', 2);
    rememberRecentEntry(map, 'c', 'third', 2);
    expect([...map]).toEqual([
      ['a', 'again'],
      ['c', 'third'],
    ]);
  });

  it('trims a collection that already held more than the limit', () => {
    const set = new Set([1, 2, 3, 4, 5]);
    rememberRecentKey(set, 6, 2);
    expect([...set]).toEqual([5, 6]);
  });

  it('keeps the key just remembered even with a limit of one', () => {
    const map = new Map([['old', 0]]);
    rememberRecentEntry(map, 'new', 1, 1);
    expect([...map]).toEqual([['new', 1]]);
  });
});
