/**
 * The check of `audit/report` payloads, in the background. A report comes from a content script running in a page the
 * extension does not control, so everything in it is bounded and checked before the background looks at it: sizes
 * (AUDIT_LIMITS), URL schemes (http, https, ws, wss only: never `javascript:` or `data:`), enums, numbers. Both checks
 * are the report's schema (audit-types.ts): the envelope is refused whole when it does not conform; an observation
 * that does not is dropped and counted, the rest kept. Members the schema does not declare are ignored, not refused.
 */
import { AUDIT_LIMITS } from './audit-limits';
import { AUDIT_REPORT } from './audit-messages';
import { auditReportSchema, observationSchema, type AuditReport, type Observation } from './audit-report-schema';
import { payloadParser } from '../messaging';
import { describeSchemaError, fieldName, schemaProblem } from '../schema';
import type { Result } from '../shared';
import { isRecord } from '../shared';

export const AUDIT_URL_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** The URL if it is one the audit records (an absolute http(s)/ws(s) URL within the length limit), else undefined. */
export function auditableUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > AUDIT_LIMITS.urlLength) return undefined;
  try {
    return AUDIT_URL_SCHEMES.has(new URL(value).protocol) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `raw`'s members that `schema` declares: what a lenient reader looks at. */
function declaredMembers(raw: Readonly<Record<string, unknown>>, schema: { readonly properties: object }) {
  return Object.fromEntries(Object.keys(schema.properties).flatMap((key) => (key in raw ? [[key, raw[key]]] : [])));
}

/**
 * One observation, checked against its schema (`at` names where it is, `/observations/3`); the refusal names the
 * field. `reportedByPage` is kept only when true.
 */
export function parseObservation(raw: unknown, at = ''): Result<Observation> {
  const candidate = isRecord(raw) ? declaredMembers(raw, observationSchema) : raw;
  const problem = schemaProblem(candidate, observationSchema, at);
  if (problem !== undefined)
    return { ok: false, error: describeSchemaError(problem, 'the observation') ?? 'is not valid' };
  const { reportedByPage, ...observation } = candidate as Observation;
  if (auditableUrl(observation.url) === undefined)
    return { ok: false, error: `${fieldName(at, 'url')}: must be an http, https, ws or wss address` };
  return { ok: true, value: reportedByPage === true ? { ...observation, reportedByPage } : observation };
}

export interface ParsedReport extends AuditReport {
  /** Highest `seq` in the report, malformed observations included: they are acknowledged and dropped, never retried. */
  readonly maxSeq: number;
  /** How many observations were malformed and dropped. */
  readonly dropped: number;
  readonly restored: boolean;
}

/** The envelope: the report's schema with its observations' list bounded but not looked into. */
const { items: _observations, ...observationList } = auditReportSchema.properties.observations;
const parseEnvelope = payloadParser(AUDIT_REPORT, {
  ...auditReportSchema,
  properties: { ...auditReportSchema.properties, observations: observationList },
});
const seqSchema = observationSchema.properties.seq;

/** Checks an `audit/report` payload. A malformed envelope is refused whole; a malformed observation is dropped. */
export function parseAuditReport(raw: unknown): Result<ParsedReport> {
  const envelope = parseEnvelope(isRecord(raw) ? declaredMembers(raw, auditReportSchema) : raw);
  if (!envelope.ok) return envelope;
  const { observations, restored, ...rest } = envelope.value;
  const parsed: Observation[] = [];
  let maxSeq = 0;
  let dropped = 0;
  for (const [index, item] of observations.entries()) {
    const seq = isRecord(item) ? item.seq : undefined;
    if (schemaProblem(seq, seqSchema) === undefined && (seq as number) > maxSeq) maxSeq = seq as number;
    const observation = parseObservation(item, `/observations/${index}`);
    if (observation.ok) parsed.push(observation.value);
    else dropped += 1;
  }
  return { ok: true, value: { ...rest, observations: parsed, maxSeq, dropped, restored: restored === true } };
}
