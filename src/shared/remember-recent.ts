/**
 * Bounded memory of the most recent keys, for what the background remembers in memory (closed tabs, content-script
 * instances). A Map or Set iterates in insertion order, so a key seen again is moved to the end and the oldest are
 * the first ones iterated.
 */

/** Remembers `key` as the newest of `set`, which keeps its `limit` newest keys. */
export function rememberRecentKey<K>(set: Set<K>, key: K, limit: number): void {
  set.delete(key);
  set.add(key);
  forgetOldest(set, limit);
}

/** Remembers `key` with `value` as the newest entry of `map`, which keeps its `limit` newest entries. */
export function rememberRecentEntry<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  forgetOldest(map, limit);
}

function forgetOldest<K>(collection: Set<K> | Map<K, unknown>, limit: number): void {
  for (const oldest of collection.keys()) {
    if (collection.size <= limit) return;
    collection.delete(oldest);
  }
}
