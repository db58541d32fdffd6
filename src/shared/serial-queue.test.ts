import { createSerialQueue } from './serial-queue';

describe('createSerialQueue', () => {
  it('runs one task at a time, in the order queued', async () => {
    const queue = createSerialQueue();
    const events: string[] = [];
    let release: () => void = () => undefined;
    const first = queue.run(async () => {
      events.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      events.push('first ends');
      return 1;
    });
    const second = queue.run(() => {
      events.push('second runs');
      return 2;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['first starts']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(events).toEqual(['first starts', 'first ends', 'second runs']);
  });

  it('rejects a failed task to its caller and runs the next one', async () => {
    const queue = createSerialQueue();
    const failed = queue.run(() => Promise.reject(new Error('quota')));
    const next = queue.run(() => 'written');
    await expect(failed).rejects.toThrow('quota');
    await expect(next).resolves.toBe('written');
  });
});
