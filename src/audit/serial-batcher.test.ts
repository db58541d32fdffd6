import { createSerialBatcher } from './serial-batcher';

describe('createSerialBatcher', () => {
  it('batches what arrives while a flush runs, and answers each item', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const batcher = createSerialBatcher<number, number>(async (items) => {
      batches.push([...items]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((n) => n * 10);
    });
    const first = [batcher.add(1), batcher.add(2)];
    await Promise.resolve();
    await Promise.resolve();
    const later = [batcher.add(3), batcher.add(4), batcher.add(5)];
    release();
    expect(await Promise.all([...first, ...later])).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('rejects the items of a failed flush and keeps working', async () => {
    let fail = true;
    const batcher = createSerialBatcher<string, string>(async (items) => {
      if (fail) {
        fail = false;
        throw new Error('quota');
      }
      return items.map((s) => s.toUpperCase());
    });
    await expect(batcher.add('a')).rejects.toThrow('quota');
    await expect(batcher.add('b')).resolves.toBe('B');
  });
});
