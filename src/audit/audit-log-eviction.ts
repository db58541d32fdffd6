/**
 * Which records the audit log drops when it is over a cap (pure). A page chooses what it requests, so one page could
 * otherwise fill the log and push every other page's records out. The log takes from the source holding the most
 * records first (a source is one page of one tab: its origin and the tab), again and again, so a flood from one
 * page is cut down to the size of the others before any of theirs goes. Within a source: what the page itself
 * reported first, then what was let through (allowed, unknown, report-only, paused), then what was blocked; oldest
 * first within each. So a blocked vendor's record never goes while its page still has an allowed or unknown one.
 */
import { BLOCKED_STATUSES, type AuditLogRecord } from './audit-types';

/** The source of a record: its own, or for a record stored before sources existed, its page's origin. */
export function sourceOf(record: Pick<AuditLogRecord, 'source' | 'pageUrl'>): string {
  if (record.source !== undefined) return record.source;
  try {
    const origin = new URL(record.pageUrl).origin;
    return origin === 'null' ? record.pageUrl : origin;
  } catch {
    return record.pageUrl;
  }
}

/** 0: reported by the page; 1: let through; 2: blocked. Lower goes first. */
export function evictionRank(record: Pick<AuditLogRecord, 'reportedByPage' | 'status'>): number {
  if (record.reportedByPage === true) return 0;
  return BLOCKED_STATUSES.has(record.status) ? 2 : 1;
}

export interface EvictionCandidate {
  readonly source: string;
  readonly rank: number;
  readonly lastSeen: number;
  readonly bytes: number;
}

export interface EvictionLimits {
  readonly count: number;
  readonly bytes: number;
}

/** Indexes (into `records`) of the records to drop so that at most `limits` remain. */
export function chooseEvictions(records: readonly EvictionCandidate[], limits: EvictionLimits): Set<number> {
  const bySource = new Map<string, number[]>();
  let count = records.length;
  let bytes = 0;
  records.forEach((record, index) => {
    bytes += record.bytes;
    const list = bySource.get(record.source);
    if (list) list.push(index);
    else bySource.set(record.source, [index]);
  });
  const queues = [...bySource.values()].map((indexes) => ({
    order: indexes.sort((a, b) => {
      const x = records[a]!;
      const y = records[b]!;
      return x.rank - y.rank || x.lastSeen - y.lastSeen || a - b;
    }),
    next: 0,
  }));
  const victims = new Set<number>();
  while (count > limits.count || bytes > limits.bytes) {
    // The source holding the most records gives one up (ties: the one holding more bytes is not tracked; first wins).
    let largest: (typeof queues)[number] | undefined;
    for (const queue of queues)
      if (
        queue.next < queue.order.length &&
        (largest === undefined || queue.order.length - queue.next > largest.order.length - largest.next)
      )
        largest = queue;
    if (largest === undefined) break;
    const index = largest.order[largest.next]!;
    largest.next += 1;
    victims.add(index);
    count -= 1;
    bytes -= records[index]!.bytes;
  }
  return victims;
}

/** Adds `more` drop counts to `current`, keeping at most `maxSources` sources; the smallest are summed as "other pages". */
export function addDropped(
  current: Readonly<Record<string, number>>,
  more: Readonly<Record<string, number>>,
  maxSources: number,
): Record<string, number> {
  const sum = new Map(Object.entries(current));
  for (const [source, n] of Object.entries(more)) sum.set(source, (sum.get(source) ?? 0) + n);
  const OTHER = 'other pages';
  const ranked = [...sum].filter(([source]) => source !== OTHER).sort((a, b) => b[1] - a[1]);
  const kept = ranked.slice(0, Math.max(0, maxSources - 1));
  const rest = ranked.slice(kept.length).reduce((n, [, c]) => n + c, 0) + (sum.get(OTHER) ?? 0);
  return Object.fromEntries(rest > 0 ? [...kept, [OTHER, rest]] : kept);
}
