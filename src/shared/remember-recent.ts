/**
 * Bounded memory of the most recent keys, for what the background remembers in memory (closed tabs, content-script
 * instances). A Map or Set iterates in insertion order, so a key seen again is moved to the end and the oldest are
 * the first ones iterated.
 */
export function rememberRecent<K>(set: Set<K>, key: K, limit: number): void;
export function rememberRecent<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void;
export function rememberRecent<K, V>(
  collection: Set<K> | Map<K, V>,
  key: K,
  valueOrLimit: V | number,
  mapLimit?: number,
): void {
  collection.delete(key);
  let limit: number;
  if (collection instanceof Map) {
    collection.set(key, valueOrLimit as V);
    limit = mapLimit ?? 0;
  } else {
    collection.add(key);
    limit = valueOrLimit as number;
  }
  for (const oldest of collection.keys()) {
    if (collection.size <= limit) return;
    collection.delete(oldest);
  }
}
