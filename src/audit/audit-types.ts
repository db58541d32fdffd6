/**
 * The audit's data model, shared by the content script (what it saw), the background (what it stored) and the
 * popup (what it shows). The stored and exported shapes are documented in docs/AUDIT-LOG.md; change both together.
 */
import { CATEGORY_IDS } from '../catalog';
import { TRACKER_RESOURCE_TYPES } from '../rules';
import type { SchemaType } from '../schema';
import { conforms } from '../schema';

/** The shapes of `audit/report` (what content scripts send), declared in audit-report-schema.ts. */
export type { AuditReport, AuditReportAck, Observation } from './audit-report-schema';

/**
 * Why a third-party request got the outcome it got, as the rules decide it (explain-request.ts). Values are part of
 * the popup's test contract (`data-status`) and of the export format.
 */
export const AUDIT_STATUSES = [
  /** A declarativeNetRequest rule blocks it: the catalog default, a user rule or the policy (see `reason`). */
  'blocked',
  /** Not blocked by a rule, but the page's strict-mode Content-Security-Policy refuses it (sensitive pages). */
  'strict-mode',
  /** Report-only mode let it through; without it, it would have been blocked (by a rule or by strict mode). */
  'report-only',
  /** Allowed because the catalog marks the vendor as needed by dashboards (Pusher, LaunchDarkly...). */
  'allowed-essential',
  /** Allowed by the user's own rule (vendor, category or vendor-on-this-dashboard). */
  'allowed-user',
  /** Allowed by the organisation's policy. */
  'allowed-policy',
  /** Allowed because the user paused Dashguard on this tab. */
  'allowed-paused',
  /** No vendor in the catalog matches the host: nothing blocks it. */
  'allowed-unknown',
] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/** Statuses counted as "blocked" in the summary line and the toolbar badge. */
export const BLOCKED_STATUSES: ReadonlySet<AuditStatus> = new Set(['blocked', 'strict-mode']);

/** The resource types the audit records: every type the rules cover (never the page itself). */
export const AUDIT_RESOURCE_TYPES = TRACKER_RESOURCE_TYPES;
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

/**
 * What the page saw happen to a request. `loaded` / `failed`: its element fired `load` or `error`. `requested`: the
 * Resource Timing API listed it (fetch, XHR, beacon, image...); both browsers list blocked requests there too, with
 * nothing that tells them from a cross-origin load, so this says "the page asked for it", not whether it got it.
 * `refused-by-csp` / `reported-by-csp`: the page's Content-Security-Policy refused or reported it (strict mode).
 * `pending`: a script element with no outcome before its report was due.
 */
export const OBSERVED_OUTCOMES = [
  'loaded',
  'failed',
  'requested',
  'refused-by-csp',
  'reported-by-csp',
  'pending',
] as const;
export type ObservedOutcome = (typeof OBSERVED_OUTCOMES)[number];

const count = { type: 'integer', minimum: 0 } as const;
const flag = { type: 'boolean' } as const;
const text = { type: 'string' } as const;
const textOrNull = { oneOf: [text, { type: 'null' }] } as const;
const resourceType = { enum: AUDIT_RESOURCE_TYPES } as const;
const status = { enum: AUDIT_STATUSES } as const;

/** Whether script elements of an entry carried `integrity`: all, none, some. null for other resource types. */
const integrityState = { enum: ['present', 'absent', 'mixed', null] } as const;
export type IntegrityState = SchemaType<typeof integrityState>;

/** Who a third-party host belongs to. */
export const vendorRefSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'category', 'source'],
  properties: {
    /** Catalog or custom vendor id; null for an unknown third party. */
    id: textOrNull,
    /** The vendor's name, or the host's registrable domain for an unknown third party. */
    name: text,
    category: { enum: [...CATEGORY_IDS, null] },
    source: { enum: ['curated', 'third-party-web', 'custom', null] },
  },
} as const;
export type VendorRef = SchemaType<typeof vendorRefSchema>;

/** How many requests had each outcome (only the outcomes seen). */
const outcomeCounts = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(OBSERVED_OUTCOMES.map((outcome) => [outcome, count])) as {
    readonly [outcome in ObservedOutcome]: typeof count;
  },
} as const;

/**
 * What the tab audit and the log both say about the requests to one URL path of a page (query strings vary per
 * request and are not part of the identity), of one resource type and one status. `url` is the first full URL seen.
 */
const auditedRequests = {
  url: text,
  urlTruncated: flag,
  host: text,
  path: text,
  type: resourceType,
  vendor: vendorRefSchema,
  status,
  /** One line for a person: which rule or setting decided, and why. */
  reason: text,
  outcomes: outcomeCounts,
  integrity: integrityState,
  count,
  /** Only what the page's own world reported (see Observation): shown as "reported by the page". */
  reportedByPage: { const: true },
  /**
   * The status these requests were first given, when it differs: judged at once with the policy at hand (right
   * after the browser starts, before managed storage answered), then again with the organisation's policy.
   */
  changedFrom: status,
} as const;
const AUDITED_REQUESTS_REQUIRED = [
  'url',
  'urlTruncated',
  'host',
  'path',
  'type',
  'vendor',
  'status',
  'reason',
  'outcomes',
  'integrity',
  'count',
] as const;

/** One row of a tab's audit. */
export const auditEntrySchema = {
  type: 'object',
  additionalProperties: false,
  required: [...AUDITED_REQUESTS_REQUIRED, 'key', 'firstSeen', 'lastSeen', 'inFrame'],
  properties: {
    ...auditedRequests,
    key: text,
    firstSeen: { type: 'number' },
    lastSeen: { type: 'number' },
    /** True when seen from a frame of the page rather than the page itself. */
    inFrame: flag,
  },
} as const;
export type AuditEntry = SchemaType<typeof auditEntrySchema>;

/** The page a tab's audit is about. */
export const auditPageSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'host', 'timeOrigin', 'dashboardId', 'dashboardName'],
  properties: {
    /** The top-level page's URL, without its fragment, cut to AUDIT_LIMITS.urlLength. */
    url: text,
    host: text,
    timeOrigin: { type: 'number' },
    dashboardId: textOrNull,
    dashboardName: textOrNull,
  },
} as const;
export type AuditPage = SchemaType<typeof auditPageSchema>;

/** Version of the stored per-tab audit and of the log records. */
export const AUDIT_FORMAT_VERSION = 1;

/** A tab's audit, as kept in storage.session under `tabAuditKey(tabId)`. */
export const tabAuditSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['v', 'tabId', 'page', 'entries', 'unlisted', 'bytes', 'stored', 'updatedAt'],
  properties: {
    v: { const: AUDIT_FORMAT_VERSION },
    tabId: { type: 'integer' },
    /** null until the page's own frame has reported (a frame of it may report first). */
    page: { oneOf: [auditPageSchema, { type: 'null' }] },
    entries: { type: 'array', items: auditEntrySchema },
    /** Requests counted but not listed because the tab reached its limit of rows (AUDIT_LIMITS). */
    unlisted: count,
    /** Approximate size of `entries` (JSON characters), kept under AUDIT_LIMITS.tabBytes. */
    bytes: count,
    /** Content-script instance id -> highest `seq` stored, so a resent report is never counted twice. */
    stored: { type: 'object', additionalProperties: count },
    updatedAt: { type: 'number' },
  },
} as const;
export type TabAudit = SchemaType<typeof tabAuditSchema>;

/** What isTabAudit checks: every member of tabAuditSchema, the rows only as a list. */
const tabAuditMembersSchema = {
  ...tabAuditSchema,
  properties: { ...tabAuditSchema.properties, entries: { type: 'array' } },
} as const;

/**
 * Whether a value read from storage.session is a tab's audit in this format (the store and the popup read the same
 * key; an audit of another format is treated as none). Its rows are not looked into: the popup asks on every change
 * of the tab's audit, and checking a full one (5,000 rows, 3 MB) takes about 55 ms in node against 0.2 ms for the
 * rest; the background is their only writer, each row made from a checked observation.
 */
export const isTabAudit = (value: unknown): value is TabAudit => conforms(value, tabAuditMembersSchema);

/** One record of the cross-tab audit log (storage.local): the requests of one report to one row key. */
export const auditLogRecordSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...AUDITED_REQUESTS_REQUIRED, 'firstSeen', 'lastSeen', 'pageUrl', 'dashboardId'],
  properties: {
    ...auditedRequests,
    /** When the requests were seen: the first and the last of them, in ms since the epoch. */
    firstSeen: { type: 'number' },
    lastSeen: { type: 'number' },
    /** The page (frame) that made the requests, without its fragment. */
    pageUrl: text,
    dashboardId: textOrNull,
    /**
     * Which page produced it: the tab's page origin and the tab (`https://app.circleci.com tab 12`). The log drops
     * records from the source that holds the most first, so one page cannot flush the others' (audit-log-eviction.ts).
     * Absent in records stored before it existed: their page's origin stands in.
     */
    source: text,
  },
} as const;
export type AuditLogRecord = SchemaType<typeof auditLogRecordSchema>;

/** storage.session key of a tab's audit. */
export function tabAuditKey(tabId: number): string {
  return `audit:tab:${tabId}`;
}

/** The tab id a storage.session key is about, or undefined when the key is not a tab audit. */
export function tabIdOfAuditKey(key: string): number | undefined {
  const match = /^audit:tab:(\d+)$/.exec(key);
  return match ? Number(match[1]) : undefined;
}
