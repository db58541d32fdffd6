/**
 * Runs tasks one at a time, in the order they were queued: a read-modify-write never interleaves with another, and
 * an older write can never land after a newer one. A failed task rejects its own caller only; the next task still
 * runs.
 */
export interface SerialQueue {
  run<T>(task: () => T | Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(() => task());
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
