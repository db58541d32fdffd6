/**
 * The cross-tab audit log in storage.local (layout: src/audit/audit-log-layout.ts). Appends are serialised and
 * batched; each flush aggregates what it appends (the same page, URL path, type and status become one record with a
 * count), keeps at most AUDIT_LIMITS.logRecords records and about AUDIT_LIMITS.logBytes (the oldest go first), and
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
  type AuditLogChunkInfo,
  type AuditLogMeta,
} from './audit-log-layout';
import { retentionCutoff } from './audit-retention';
import { AUDIT_FORMAT_VERSION, type AuditLogRecord, type IntegrityState } from './audit-types';
import { createSerialBatcher } from '../shared/serial-batcher';
import type { StorageArea } from '../storage/storage-area';

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
  return `${r.pageUrl}\n${r.type}\n${r.status}\n${r.host}\n${r.path}`;
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
  return { id, count: records.length, bytes: records.reduce((sum, r) => sum + sizeOf(r), 0), newest: records.reduce((max, r) => Math.max(max, r.lastSeen), 0) };
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
    const keys = Object.keys(await area.get(null)).filter((key) => key === AUDIT_LOG_META_KEY || key.startsWith(AUDIT_LOG_CHUNK_PREFIX));
    if (keys.length > 0) await area.remove(keys);
    meta = EMPTY_LOG_META;
    tail = undefined;
  };

  const appendAll = async (batches: readonly AuditLogAppend[]): Promise<void> => {
    const current = await loadMeta();
    const stored: Record<string, number> = { ...current.stored };
    const fresh: LoggedObservation[] = [];
    for (const batch of batches) {
      const mark = stored[batch.instanceId] ?? 0;
      fresh.push(...batch.observations.filter((o) => o.seq > mark));
      delete stored[batch.instanceId];
      stored[batch.instanceId] = Math.max(mark, batch.maxSeq);
    }
    const instanceIds = Object.keys(stored);
    for (const id of instanceIds.slice(0, Math.max(0, instanceIds.length - MAX_INSTANCE_MARKS))) delete stored[id];

    const chunks = [...current.chunks];
    let nextChunkId = current.nextChunkId;
    const written = new Map<number, AuditLogRecord[]>();
    const last = chunks[chunks.length - 1];
    let open = last !== undefined && last.count < AUDIT_LIMITS.logChunkRecords ? { id: last.id, records: await loadChunk(last.id) } : undefined;
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

    // Retention, then the caps: whole chunks first, then the oldest records of the oldest chunk.
    const cutoff = retentionCutoff(deps.now(), await deps.retentionDays());
    const dropped: number[] = [];
    const keep = chunks.filter((c) => {
      const expired = c.newest < cutoff;
      if (expired) dropped.push(c.id);
      return !expired;
    });
    const total = (): { count: number; bytes: number } => keep.reduce((t, c) => ({ count: t.count + c.count, bytes: t.bytes + c.bytes }), { count: 0, bytes: 0 });
    for (let t = total(); keep.length > 1 && (t.count - (keep[0]?.count ?? 0) >= AUDIT_LIMITS.logRecords || t.bytes > AUDIT_LIMITS.logBytes); t = total()) {
      const oldest = keep.shift();
      if (oldest) dropped.push(oldest.id);
    }
    const excess = total().count - AUDIT_LIMITS.logRecords;
    const oldest = keep[0];
    if (excess > 0 && oldest !== undefined) {
      const records = (written.get(oldest.id) ?? (await loadChunk(oldest.id))).slice(excess);
      keep[0] = chunkInfo(oldest.id, records);
      written.set(oldest.id, records);
    }
    for (const id of dropped) written.delete(id);

    const nextMeta: AuditLogMeta = { v: AUDIT_FORMAT_VERSION, chunks: keep, nextChunkId, stored };
    // The index and the chunks it names in one write; chunks it no longer names are removed after.
    await area.set({ [AUDIT_LOG_META_KEY]: nextMeta, ...Object.fromEntries([...written].map(([id, records]) => [auditLogChunkKey(id), records])) });
    meta = nextMeta;
    const newest = keep[keep.length - 1];
    tail = newest === undefined ? undefined : { id: newest.id, records: written.get(newest.id) ?? (await loadChunk(newest.id)) };
    if (dropped.length > 0) await area.remove(dropped.map(auditLogChunkKey));
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
  };
}
