/**
 * A copy of stored per-source marks (a content-script instance's highest sequence number already taken) with
 * `source`'s mark raised to `seq` and made the newest, and the oldest dropped beyond `limit`. Stored objects keep
 * their keys' insertion order through JSON and extension storage, so that order is recency. Keys that read as array
 * indices ("42") would iterate first, as the oldest: sources are random ids with letters and hyphens.
 */
export function withRecentMark(
  marks: Readonly<Record<string, number>>,
  source: string,
  seq: number,
  limit: number,
): Record<string, number> {
  const next: Record<string, number> = { ...marks };
  delete next[source];
  next[source] = Math.max(seq, marks[source] ?? 0);
  const sources = Object.keys(next);
  for (const oldest of sources.slice(0, Math.max(0, sources.length - limit))) delete next[oldest];
  return next;
}
