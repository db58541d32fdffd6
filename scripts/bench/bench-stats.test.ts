import { interleavedOrder, interleavedSides, median, percentile, ratio, summarize } from './bench-stats';

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('is the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('leaves out runs without a figure and is NaN with none', () => {
    expect(median([Number.NaN, 7, 3, Number.POSITIVE_INFINITY])).toBe(5);
    expect(median([])).toBeNaN();
    expect(median([Number.NaN])).toBeNaN();
  });
  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 0.9)).toBe(90);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 1)).toBe(100);
  });
  it('refuses a fraction outside [0, 1]', () => {
    expect(() => percentile([1], 90)).toThrow(RangeError);
  });
});

describe('ratio', () => {
  it('divides', () => {
    expect(ratio(250, 1000)).toBe(0.25);
  });
  it('is NaN rather than Infinity or a number made of a missing figure', () => {
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
    expect(ratio(2, Number.NaN)).toBeNaN();
  });
});

describe('summarize', () => {
  it('gives count, median, p90 and range of the finite values', () => {
    expect(summarize([5, 1, Number.NaN, 3])).toEqual({ n: 3, median: 3, p90: 5, min: 1, max: 5 });
  });
});

describe('interleavedOrder', () => {
  it('alternates ABBA so both sides see the same drift', () => {
    expect(interleavedOrder(3)).toEqual(['with', 'without', 'without', 'with', 'with', 'without']);
  });
  it('has as many runs of each side', () => {
    const order = interleavedOrder(7);
    expect(order.filter((side) => side === 'with')).toHaveLength(7);
    expect(order.filter((side) => side === 'without')).toHaveLength(7);
  });
});

describe('interleavedSides', () => {
  it('runs the sides forward, then backward, round after round', () => {
    expect(interleavedSides(['a', 'b', 'c'], 3)).toEqual(['a', 'b', 'c', 'c', 'b', 'a', 'a', 'b', 'c']);
  });
  it('runs each side once per round and nothing with no rounds', () => {
    const order = interleavedSides(['with', 'without', 'floor'], 4);
    for (const side of ['with', 'without', 'floor']) expect(order.filter((s) => s === side)).toHaveLength(4);
    expect(interleavedSides(['a', 'b'], 0)).toEqual([]);
  });
});
