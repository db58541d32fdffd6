import { withRecentMark } from './with-recent-mark';

describe('withRecentMark', () => {
  it('raises a mark and never lowers it', () => {
    expect(withRecentMark({ a: 5 }, 'a', 9, 10)).toEqual({ a: 9 });
    expect(withRecentMark({ a: 5 }, 'a', 3, 10)).toEqual({ a: 5 });
    expect(withRecentMark({}, 'a', 3, 10)).toEqual({ a: 3 });
  });

  it('makes the source the newest and drops the oldest beyond the limit', () => {
    const marks = withRecentMark({ a: 1, b: 2, c: 3 }, 'a', 4, 3);
    expect(Object.keys(marks)).toEqual(['b', 'c', 'a']);
    expect(Object.keys(withRecentMark(marks, 'd', 1, 3))).toEqual(['c', 'a', 'd']);
  });

  it('keeps the order through JSON, as storage does', () => {
    const stored = JSON.parse(JSON.stringify(withRecentMark({ x: 1, y: 2 }, 'x', 3, 2))) as Record<string, number>;
    expect(Object.keys(withRecentMark(stored, 'z', 1, 2))).toEqual(['x', 'z']);
  });

  it('leaves the marks it was given untouched', () => {
    const marks = Object.freeze({ a: 1, b: 2 });
    withRecentMark(marks, 'c', 1, 1);
    expect(marks).toEqual({ a: 1, b: 2 });
  });
});
