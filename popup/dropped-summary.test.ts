import { droppedSummary } from './dropped-summary';

describe('droppedSummary', () => {
  test('says nothing when nothing was dropped', () => {
    expect(droppedSummary({})).toBe('');
    expect(droppedSummary({ a: 0 })).toBe('');
  });
  test('names the sources, largest first', () => {
    expect(droppedSummary({ 'https://b.example tab 2': 3, 'https://a.example tab 1': 1_200 })).toBe(
      '1,203 records dropped to keep the log within its limit: 1,200 from https://a.example tab 1, 3 from https://b.example tab 2.',
    );
    expect(droppedSummary({ a: 1 })).toBe('1 record dropped to keep the log within its limit: 1 from a.');
    expect(droppedSummary({ a: 4, b: 3, c: 2, d: 1, e: 1 })).toMatch(/4 from a, 3 from b, 2 from c, and 2 more\.$/);
  });
});
