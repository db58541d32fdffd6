/**
 * What a content script sends the background (`audit/report`) and the acknowledgement it gets back. Apart from the
 * audit's other shapes (audit-types.ts) so the pages, which never send a report, bundle none of it.
 */
import { DOCUMENT_STRICT_MODES } from '../strict-mode';
import type { SchemaType } from '../schema';
import { AUDIT_LIMITS } from './audit-limits';
import { AUDIT_RESOURCE_TYPES, OBSERVED_OUTCOMES } from './audit-types';

const flag = { type: 'boolean' } as const;
/** A time in milliseconds since the epoch (or a document's `timeOrigin`): a number above 0. */
const time = { type: 'number', exclusiveMinimum: 0 } as const;

/** One request the content script saw (the `audit/report` wire format). */
export const observationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['seq', 'url', 'urlTruncated', 'type', 'observed', 'integrity', 'time'],
  properties: {
    /** Position in this content-script instance's sequence, from 1; the background acknowledges by it. */
    seq: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    /**
     * http(s) or ws(s) URL, cut to AUDIT_LIMITS.urlLength. The scheme is checked by parsing the URL as the browser
     * does (`auditableUrl`), which no pattern states exactly.
     */
    url: { type: 'string', minLength: 1, maxLength: AUDIT_LIMITS.urlLength },
    urlTruncated: flag,
    type: { enum: AUDIT_RESOURCE_TYPES },
    observed: { enum: OBSERVED_OUTCOMES },
    /** Script elements: whether the element carried an `integrity` attribute. null when not a script element. */
    integrity: { enum: [true, false, null] },
    /** When it was seen. */
    time,
    /**
     * Reported by the page's own world (the WebSocket observer), not seen by the content script itself: the page can
     * send such a report too, so it is budgeted apart and marked wherever it is shown. Only `true` is kept.
     */
    reportedByPage: flag,
  },
} as const;
export type Observation = SchemaType<typeof observationSchema>;

/** Payload of `audit/report` (content script -> background). */
export const auditReportSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['instanceId', 'timeOrigin', 'observations'],
  properties: {
    /** Random id of the content-script instance (one per frame document): letters, digits and dashes (a UUID). */
    instanceId: { type: 'string', maxLength: AUDIT_LIMITS.instanceIdLength, pattern: '^[A-Za-z0-9-]+$' },
    /** `performance.timeOrigin` of the frame's document: tells a new page from an old one in the same tab. */
    timeOrigin: time,
    observations: { type: 'array', maxItems: AUDIT_LIMITS.observationsPerReport, items: observationSchema },
    /**
     * True on the first report after the page came back from the back-forward cache: the tab shows this document
     * again, and the content script resends what it saw on it.
     */
    restored: flag,
    /**
     * Whether the document was loaded under strict mode's policy, from the marker on its own response
     * (document-strict-mode.ts). The audit says "refused by strict mode" only for a document that was.
     */
    strictMode: { enum: DOCUMENT_STRICT_MODES },
  },
} as const;
export type AuditReport = SchemaType<typeof auditReportSchema>;

/** Reply to `audit/report`: every observation up to this `seq` is stored (the content script may forget them). */
export const auditReportAckSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['storedThrough'],
  properties: { storedThrough: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER } },
} as const;
export type AuditReportAck = SchemaType<typeof auditReportAckSchema>;
