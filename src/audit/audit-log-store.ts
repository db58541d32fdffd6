/**
 * The cross-tab audit log in storage.local (layout: src/audit/audit-log-layout.ts). Appends are serialised and
 * batched; each flush aggregates what it appends (the same page, URL path, type and status become one record with a
 * count), keeps at most AUDIT_LIMITS.logRecords records and about AUDIT_LIMITS.logBytes (records go from the source
 * holding the most first, audit-log-eviction.ts, and the meta counts them by source), and
 * drops chunks past retention. Readers filter by retention too, so an expired record is never shown even before its
 * chunk is dropped. A caller's promise resolves once its records are stored.
 */
import { AUDIT_LIMITS } from './audit-limits';
import {
  AUDIT_LOG_CHUNK_PREFIX,
  AUDIT_LOG_META_KEY,
  auditLogChunkKey,
  EMPTY_LOG_META,
  parseLogChunk,
  parseLogMeta,
  readAuditLog,
  readDroppedRecords,
  type AuditLogChunkInfo,
  type AuditLogMeta,
} from './audit-log-layout';
import { addDropped, chooseEvictions, evictionRank, sourceOf } from './audit-log-eviction';
import { retentionCutoff } from './audit-retention';
import { AUDIT_FORMAT_VERSION, type AuditLogRecord, type IntegrityState } from './audit-types';
import type { StorageArea } from '../storage';
import { withRecentMark } from '../shared';
import { createSerialBatcher } from './serial-batcher';

export interface LoggedObservation extends AuditLogRecord {
  readonly seq: number;
}

export interface AuditLogAppend {
  readonly instanceId: string;
  /** Highest sequence number of the report: the instance's mark moves there even if nothing in it is logged. */
  readonly maxSeq: number;
  /** One per third-party observation, each with count 1. */
  readonly observations: readonly LoggedObservation[];
}

export interface AuditLogStore {
  append(batch: AuditLogAppend): Promise<void>;
  /** Every record within retention, oldest first. */
  read(): Promise<AuditLogRecord[]>;
  /** Records dropped to stay within the caps, by source. */
  dropped(): Promise<Readonly<Record<string, number>>>;
  clear(): Promise<void>;
}

export interface AuditLogDeps {
  readonly area: StorageArea;
  readonly now: () => number;
  readonly retentionDays: () => Promise<number>;
}

/** Content-script instances whose marks the log keeps (the oldest are forgotten). */
const MAX_INSTANCE_MARKS = 1_000;

function recordKey(r: AuditLogRecord): string {
  return `${r.source ?? ''}\n${r.pageUrl}\n${r.type}\n${r.status}\n${r.host}\n${r.path}\n${r.reportedByPage === true ? 'page' : ''}`;
}

function mergeIntegrity(a: IntegrityState, b: IntegrityState): IntegrityState {
  if (a === null) return b;
  if (b === null) return a;
  return a === b ? a : 'mixed';
}

/** The batch's new observations as records, one per page/path/type/status. */
function aggregate(observations: readonly LoggedObservation[]): AuditLogRecord[] {
  const byKey = new Map<string, AuditLogRecord>();
  for (const { seq: _seq, ...record } of observations) {
    const key = recordKey(record);
    const existing = byKey.get(key);
    if (existing === undefined) {
      byKey.set(key, record);
      continue;
    }
    const outcomes: Record<string, number> = { ...existing.outcomes };
    for (const [outcome, n] of Object.entries(record.outcomes)) outcomes[outcome] = (outcomes[outcome] ?? 0) + (n ?? 0);
    byKey.set(key, {
      ...existing,
      count: existing.count + record.count,
      outcomes,
      integrity: mergeIntegrity(existing.integrity, record.integrity),
      firstSeen: Math.min(existing.firstSeen, record.firstSeen),
      lastSeen: Math.max(existing.lastSeen, record.lastSeen),
    });
  }
  return [...byKey.values()];
}

const sizeOf = (record: AuditLogRecord): number => JSON.stringify(record).length;

function chunkInfo(id: number, records: readonly AuditLogRecord[]): AuditLogChunkInfo {
  return {
    id,
    count: records.length,
    bytes: records.reduce((sum, r) => sum + sizeOf(r), 0),
    newest: records.reduce((max, r) => Math.max(max, r.lastSeen), 0),
  };
}

type Item = { readonly append: AuditLogAppend } | { readonly clear: true };

export function createAuditLogStore(deps: AuditLogDeps): AuditLogStore {
  const { area } = deps;
  // The background is the only writer: what it last wrote is what storage holds. A new worker reads it again.
  let meta: AuditLogMeta | undefined;
  let tail: { id: number; records: AuditLogRecord[] } | undefined;

  const loadMeta = async (): Promise<AuditLogMeta> => {
    meta ??= parseLogMeta((await area.get(AUDIT_LOG_META_KEY))[AUDIT_LOG_META_KEY]);
    return meta;
  };
  const loadChunk = async (id: number): Promise<AuditLogRecord[]> => {
    if (tail?.id === id) return [...tail.records];
    const key = auditLogChunkKey(id);
    return parseLogChunk((await area.get(key))[key]);
  };

  const clearAll = async (): Promise<void> => {
    // Every chunk key, listed or not (one left by a worker stopped between its two writes).
    const keys = Object.keys(await area.get(null)).filter(
      (key) => key === AUDIT_LOG_META_KEY || key.startsWith(AUDIT_LOG_CHUNK_PREFIX),
    );
    if (keys.length > 0) await area.remove(keys);
    meta = EMPTY_LOG_META;
    tail = undefined;
  };

  const appendAll = async (batches: readonly AuditLogAppend[]): Promise<void> => {
    const current = await loadMeta();
    let stored: Record<string, number> = current.stored;
    const fresh: LoggedObservation[] = [];
    for (const batch of batches) {
      const mark = stored[batch.instanceId] ?? 0;
      fresh.push(...batch.observations.filter((o) => o.seq > mark));
      stored = withRecentMark(stored, batch.instanceId, batch.maxSeq, MAX_INSTANCE_MARKS);
    }

    const chunks = [...current.chunks];
    let nextChunkId = current.nextChunkId;
    const written = new Map<number, AuditLogRecord[]>();
    const last = chunks[chunks.length - 1];
    let open =
      last !== undefined && last.count < AUDIT_LIMITS.logChunkRecords
        ? { id: last.id, records: await loadChunk(last.id) }
        : undefined;
    if (open !== undefined) chunks.pop();
    for (const record of aggregate(fresh)) {
      if (open === undefined || open.records.length >= AUDIT_LIMITS.logChunkRecords) {
        if (open !== undefined) {
          chunks.push(chunkInfo(open.id, open.records));
          written.set(open.id, open.records);
        }
        open = { id: nextChunkId, records: [] };
        nextChunkId += 1;
      }
      open.records.push(record);
    }
    if (open !== undefined) {
      chunks.push(chunkInfo(open.id, open.records));
      written.set(open.id, open.records);
    }

    // Retention first: whole chunks past it go without being read.
    const cutoff = retentionCutoff(deps.now(), await deps.retentionDays());
    const droppedChunks: number[] = [];
    let keep = chunks.filter((c) => {
      const expired = c.newest < cutoff;
      if (expired) droppedChunks.push(c.id);
      return !expired;
    });
    // Then the caps: records go by source, the fullest source first (audit-log-eviction.ts), a slack more than needed
    // so the next appends do not read the whole log again.
    let droppedRecords: Record<string, number> = {};
    const total = keep.reduce((t, c) => ({ count: t.count + c.count, bytes: t.bytes + c.bytes }), {
      count: 0,
      bytes: 0,
    });
    if (total.count > AUDIT_LIMITS.logRecords || total.bytes > AUDIT_LIMITS.logBytes) {
      const loaded = await Promise.all(
        keep.map(async (c) => ({ id: c.id, records: written.get(c.id) ?? (await loadChunk(c.id)) })),
      );
      const all = loaded.flatMap((chunk) => chunk.records.map((record) => ({ chunk: chunk.id, record })));
      const victims = chooseEvictions(
        all.map(({ record }) => ({
          source: sourceOf(record),
          rank: evictionRank(record),
          lastSeen: record.lastSeen,
          bytes: sizeOf(record),
        })),
        {
          count:
            total.count > AUDIT_LIMITS.logRecords
              ? AUDIT_LIMITS.logRecords - AUDIT_LIMITS.logEvictionSlack
              : AUDIT_LIMITS.logRecords,
          bytes: total.bytes > AUDIT_LIMITS.logBytes ? Math.floor(AUDIT_LIMITS.logBytes * 0.95) : AUDIT_LIMITS.logBytes,
        },
      );
      const gone = new Set<AuditLogRecord>();
      for (const index of victims) {
        const { record } = all[index]!;
        gone.add(record);
        const source = sourceOf(record);
        droppedRecords[source] = (droppedRecords[source] ?? 0) + 1;
      }
      const next: AuditLogChunkInfo[] = [];
      for (const chunk of loaded) {
        const records = chunk.records.filter((record) => !gone.has(record));
        if (records.length === chunk.records.length) {
          next.push(keep.find((c) => c.id === chunk.id) ?? chunkInfo(chunk.id, records));
          continue;
        }
        if (records.length === 0) {
          droppedChunks.push(chunk.id);
          continue;
        }
        next.push(chunkInfo(chunk.id, records));
        written.set(chunk.id, records);
      }
      keep = next;
      droppedRecords = addDropped(current.dropped, droppedRecords, AUDIT_LIMITS.droppedSources);
    } else {
      droppedRecords = { ...current.dropped };
    }
    for (const id of droppedChunks) written.delete(id);

    const nextMeta: AuditLogMeta = {
      v: AUDIT_FORMAT_VERSION,
      chunks: keep,
      nextChunkId,
      stored,
      dropped: droppedRecords,
    };
    // The index and the chunks it names in one write; chunks it no longer names are removed after.
    await area.set({
      [AUDIT_LOG_META_KEY]: nextMeta,
      ...Object.fromEntries([...written].map(([id, records]) => [auditLogChunkKey(id), records])),
    });
    meta = nextMeta;
    const newest = keep[keep.length - 1];
    tail =
      newest === undefined
        ? undefined
        : { id: newest.id, records: written.get(newest.id) ?? (await loadChunk(newest.id)) };
    if (droppedChunks.length > 0) await area.remove(droppedChunks.map(auditLogChunkKey));
  };

  const writes = createSerialBatcher<Item, void>(async (items) => {
    // Items run in order: appends before a clear are cleared with the rest, appends after it start the new log.
    let appends: AuditLogAppend[] = [];
    for (const item of items) {
      if ('clear' in item) {
        appends = [];
        await clearAll();
      } else appends.push(item.append);
    }
    if (appends.length > 0) await appendAll(appends);
    return items.map(() => undefined);
  });

  return {
    append: (batch) => writes.add({ append: batch }),
    clear: () => writes.add({ clear: true }),
    async read() {
      return readAuditLog(area, retentionCutoff(deps.now(), await deps.retentionDays()));
    },
    dropped: () => readDroppedRecords(area),
  };
}
