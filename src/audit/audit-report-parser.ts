/**
 * The check of `audit/report` payloads, in the background. A report comes from a content script running in a page the
 * extension does not control, so everything in it is bounded and checked before the background looks at it: sizes
 * (AUDIT_LIMITS), URL schemes (http, https, ws, wss only: never `javascript:` or `data:`), enums, numbers.
 */
import { AUDIT_LIMITS } from './audit-limits';
import {
  AUDIT_RESOURCE_TYPES,
  OBSERVED_OUTCOMES,
  type AuditReport,
  type AuditResourceType,
  type Observation,
  type ObservedOutcome,
} from './audit-types';
import type { Result } from '../shared';
import { isDocumentStrictMode } from '../strict-mode';
import { isRecord } from '../shared';

export const AUDIT_URL_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:']);

const INSTANCE_ID = /^[A-Za-z0-9-]+$/;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/** The URL if it is one the audit records (an absolute http(s)/ws(s) URL within the length limit), else undefined. */
export function auditableUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > AUDIT_LIMITS.urlLength) return undefined;
  try {
    return AUDIT_URL_SCHEMES.has(new URL(value).protocol) ? value : undefined;
  } catch {
    return undefined;
  }
}

function parseObservation(raw: unknown): Observation | undefined {
  if (!isRecord(raw)) return undefined;
  const url = auditableUrl(raw.url);
  const { seq, urlTruncated, type, observed, integrity, time, reportedByPage } = raw;
  if (url === undefined || typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return undefined;
  if (typeof urlTruncated !== 'boolean' || !isTime(time)) return undefined;
  if (
    !(AUDIT_RESOURCE_TYPES as readonly unknown[]).includes(type) ||
    !(OBSERVED_OUTCOMES as readonly unknown[]).includes(observed)
  )
    return undefined;
  if (integrity !== null && typeof integrity !== 'boolean') return undefined;
  if (reportedByPage !== undefined && typeof reportedByPage !== 'boolean') return undefined;
  return {
    seq,
    url,
    urlTruncated,
    type: type as AuditResourceType,
    observed: observed as ObservedOutcome,
    integrity,
    time,
    ...(reportedByPage === true ? { reportedByPage: true as const } : {}),
  };
}

export interface ParsedReport extends AuditReport {
  /** Highest `seq` in the report, malformed observations included: they are acknowledged and dropped, never retried. */
  readonly maxSeq: number;
  /** How many observations were malformed and dropped. */
  readonly dropped: number;
  readonly restored: boolean;
}

/** Checks an `audit/report` payload. A malformed envelope is refused whole; a malformed observation is dropped. */
export function parseAuditReport(raw: unknown): Result<ParsedReport> {
  if (!isRecord(raw)) return { ok: false, error: 'audit/report: payload must be an object' };
  const { instanceId, timeOrigin, observations, restored, strictMode } = raw;
  if (
    typeof instanceId !== 'string' ||
    instanceId.length > AUDIT_LIMITS.instanceIdLength ||
    !INSTANCE_ID.test(instanceId)
  ) {
    return { ok: false, error: 'audit/report: bad instanceId' };
  }
  if (!isTime(timeOrigin)) return { ok: false, error: 'audit/report: bad timeOrigin' };
  if (restored !== undefined && typeof restored !== 'boolean')
    return { ok: false, error: 'audit/report: bad restored flag' };
  if (strictMode !== undefined && !isDocumentStrictMode(strictMode))
    return { ok: false, error: 'audit/report: bad strictMode' };
  if (!Array.isArray(observations)) return { ok: false, error: 'audit/report: observations must be a list' };
  if (observations.length > AUDIT_LIMITS.observationsPerReport) {
    return { ok: false, error: `audit/report: at most ${AUDIT_LIMITS.observationsPerReport} observations per report` };
  }
  const parsed: Observation[] = [];
  let maxSeq = 0;
  let dropped = 0;
  for (const item of observations) {
    const seq = isRecord(item) && typeof item.seq === 'number' && Number.isSafeInteger(item.seq) ? item.seq : undefined;
    if (seq !== undefined && seq > maxSeq) maxSeq = seq;
    const observation = parseObservation(item);
    if (observation === undefined) dropped += 1;
    else parsed.push(observation);
  }
  return {
    ok: true,
    value: {
      instanceId,
      timeOrigin,
      observations: parsed,
      maxSeq,
      dropped,
      restored: restored === true,
      ...(strictMode !== undefined ? { strictMode } : {}),
    },
  };
}
