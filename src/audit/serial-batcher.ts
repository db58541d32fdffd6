/**
 * Serialises writes and batches them: items added while a flush is running wait for the next flush, which takes them
 * all at once. So a burst of reports from busy pages costs a few storage writes, never one per report, and two
 * writes never interleave. Each caller's promise settles when the flush that included its item has.
 */
export interface SerialBatcher<T, R> {
  add(item: T): Promise<R>;
}

interface Waiting<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/** `flush` gets the waiting items in the order they came and returns one result per item, in the same order. */
export function createSerialBatcher<T, R>(flush: (items: readonly T[]) => Promise<readonly R[]>): SerialBatcher<T, R> {
  let waiting: Waiting<T, R>[] = [];
  let running = false;

  const run = async (): Promise<void> => {
    running = true;
    // Let the other items of this task join the first batch.
    await Promise.resolve();
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        const results = await flush(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i] as R));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    running = false;
  };

  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (!running) void run();
      });
    },
  };
}
