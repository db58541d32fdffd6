/**
 * How the cross-tab audit log lies in storage.local, and reading it back. The background alone writes it
 * (src/audit/audit-log-store.ts); extension pages read it here to export it.
 *
 * Layout: one small index item (`auditLog:meta`) and the records in chunks of at most AUDIT_LIMITS.logChunkRecords
 * (`auditLog:chunk:<id>`), oldest chunk first. An append rewrites the newest chunk and the index only, so a busy
 * dashboard never rewrites megabytes per report; dropping the oldest records drops or trims the oldest chunk.
 */
import { AUDIT_FORMAT_VERSION, type AuditLogRecord } from './audit-types';
import type { StorageArea } from '../storage';
import { isRecord } from '../shared';

export const AUDIT_LOG_META_KEY = 'auditLog:meta';
export const AUDIT_LOG_CHUNK_PREFIX = 'auditLog:chunk:';

export function auditLogChunkKey(id: number): string {
  return `${AUDIT_LOG_CHUNK_PREFIX}${id}`;
}

export interface AuditLogChunkInfo {
  readonly id: number;
  readonly count: number;
  /** Approximate size (JSON characters) of its records. */
  readonly bytes: number;
  /** Latest `lastSeen` of its records: a chunk entirely past retention is dropped without reading it. */
  readonly newest: number;
}

export interface AuditLogMeta {
  readonly v: typeof AUDIT_FORMAT_VERSION;
  /** Oldest first. */
  readonly chunks: readonly AuditLogChunkInfo[];
  readonly nextChunkId: number;
  /** Content-script instance id -> highest `seq` logged, so a resent report is never logged twice. */
  readonly stored: Readonly<Record<string, number>>;
  /** Records dropped to stay within the caps, by source (AuditLogRecord.source); cleared with the log. */
  readonly dropped: Readonly<Record<string, number>>;
}

export const EMPTY_LOG_META: AuditLogMeta = {
  v: AUDIT_FORMAT_VERSION,
  chunks: [],
  nextChunkId: 1,
  stored: {},
  dropped: {},
};

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The stored index, or an empty one when it is missing or not of this version. */
export function parseLogMeta(raw: unknown): AuditLogMeta {
  if (
    !isRecord(raw) ||
    raw.v !== AUDIT_FORMAT_VERSION ||
    !Array.isArray(raw.chunks) ||
    !isCount(raw.nextChunkId) ||
    !isRecord(raw.stored)
  )
    return EMPTY_LOG_META;
  const chunks = raw.chunks.filter(
    (c): c is AuditLogChunkInfo =>
      isRecord(c) && isCount(c.id) && isCount(c.count) && isCount(c.bytes) && typeof c.newest === 'number',
  );
  const counts = (value: unknown): Record<string, number> =>
    isRecord(value)
      ? Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => isCount(entry[1])))
      : {};
  return {
    v: AUDIT_FORMAT_VERSION,
    chunks,
    nextChunkId: raw.nextChunkId,
    stored: counts(raw.stored),
    dropped: counts(raw.dropped),
  };
}

/** The records of a stored chunk (anything else in it is skipped). */
export function parseLogChunk(raw: unknown): AuditLogRecord[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (r): r is AuditLogRecord =>
      isRecord(r) &&
      typeof r.url === 'string' &&
      typeof r.status === 'string' &&
      typeof r.lastSeen === 'number' &&
      isCount(r.count),
  );
}

/** How many records the log dropped to stay within its caps, by source (read by the popup). */
export async function readDroppedRecords(area: Pick<StorageArea, 'get'>): Promise<Readonly<Record<string, number>>> {
  return parseLogMeta((await area.get(AUDIT_LOG_META_KEY))[AUDIT_LOG_META_KEY]).dropped;
}

/** Every record still within retention (last seen at or after `cutoff`), oldest first. */
export async function readAuditLog(area: Pick<StorageArea, 'get'>, cutoff: number): Promise<AuditLogRecord[]> {
  const meta = parseLogMeta((await area.get(AUDIT_LOG_META_KEY))[AUDIT_LOG_META_KEY]);
  const keys = meta.chunks.filter((c) => c.newest >= cutoff).map((c) => auditLogChunkKey(c.id));
  if (keys.length === 0) return [];
  const stored = await area.get(keys);
  return keys.flatMap((key) => parseLogChunk(stored[key])).filter((record) => record.lastSeen >= cutoff);
}
