import { rememberRecent } from './remember-recent';

describe('rememberRecent', () => {
  it('keeps the newest keys of a Set, a key seen again counting as new', () => {
    const set = new Set<number>();
    for (const key of [1, 2, 3]) rememberRecent(set, key, 3);
    rememberRecent(set, 1, 3);
    rememberRecent(set, 4, 3);
    expect([...set]).toEqual([3, 1, 4]);
  });

  it('keeps the newest entries of a Map with their latest values', () => {
    const map = new Map<string, string>();
    rememberRecent(map, 'a', 'first', 2);
    rememberRecent(map, 'b', 'second', 2);
    rememberRecent(map, 'a', 'again', 2);
    rememberRecent(map, 'c', 'third', 2);
    expect([...map]).toEqual([
      ['a', 'again'],
      ['c', 'third'],
    ]);
  });

  it('trims a collection that already held more than the limit', () => {
    const set = new Set([1, 2, 3, 4, 5]);
    rememberRecent(set, 6, 2);
    expect([...set]).toEqual([5, 6]);
  });

  it('keeps the key just remembered even with a limit of one', () => {
    const map = new Map([['old', 0]]);
    rememberRecent(map, 'new', 1, 1);
    expect([...map]).toEqual([['new', 1]]);
  });
});
