/**
 * An in-memory storage area (storage.local / storage.session) that behaves like the browser's where it matters:
 * values are copied in and out (structured clone), a `set` of several keys is all-or-nothing, and it can be told to
 * fail the next write, as a full quota or a stopped worker would.
 */
export class FakeStorageArea {
  readonly data = new Map<string, unknown>();
  writes = 0;
  failNext: Error | undefined;

  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const result: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) result[key] = structuredClone(this.data.get(key));
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.writes += 1;
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }

  /** Approximate stored size, as JSON characters. */
  size(): number {
    return [...this.data.values()].reduce<number>((sum, value) => sum + JSON.stringify(value).length, 0);
  }
}
