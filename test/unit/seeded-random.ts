/**
 * A small seeded random generator for generated (property) tests: the same seed always gives the same input, so a
 * failure names its seed and can be replayed with `-t 'seed N'`. No dependency: mulberry32 and a few helpers.
 */

/** mulberry32: 32 bits of state, good enough to spread test inputs. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Gen {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Each item with probability p, in order. */
  some<T>(items: readonly T[], p = 0.4): T[] {
    return items.filter(() => this.chance(p));
  }

  shuffle<T>(items: readonly T[]): T[] {
    return [...items]
      .map((item) => ({ item, key: this.next() }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item);
  }
}

/** Sets an own property, even `__proto__`, the way JSON.parse does (plain assignment would change the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A JSON array nested `depth` deep, as text (JSON.stringify itself overflows the stack on such values). */
export function deeplyNestedJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}null${'}'.repeat(depth)}`;
}
