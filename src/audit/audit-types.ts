/**
 * The audit's data model, shared by the content script (what it saw), the background (what it stored) and the
 * popup (what it shows). The stored and exported shapes are documented in docs/AUDIT-LOG.md; change both together.
 */
import type { CategoryId } from '../catalog';
import type { DocumentStrictMode } from '../strict-mode';
import { TRACKER_RESOURCE_TYPES } from '../rules';

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

/** One request the content script saw (the `audit/report` wire format). */
export interface Observation {
  /** Position in this content-script instance's sequence, from 1; the background acknowledges by it. */
  readonly seq: number;
  /** http(s) or ws(s) URL, cut to MAX_AUDIT_URL_LENGTH. */
  readonly url: string;
  readonly urlTruncated: boolean;
  readonly type: AuditResourceType;
  readonly observed: ObservedOutcome;
  /** Script elements: whether the element carried an `integrity` attribute. null when not a script element. */
  readonly integrity: boolean | null;
  /** When it was seen, in milliseconds since the epoch. */
  readonly time: number;
  /**
   * Reported by the page's own world (the WebSocket observer), not seen by the content script itself: the page can
   * send such a report too, so it is budgeted apart and marked wherever it is shown.
   */
  readonly reportedByPage?: true;
}

/** Payload of `audit/report` (content script -> background). */
export interface AuditReport {
  /** Random id of the content-script instance (one per frame document). */
  readonly instanceId: string;
  /** `performance.timeOrigin` of the frame's document: tells a new page from an old one in the same tab. */
  readonly timeOrigin: number;
  readonly observations: readonly Observation[];
  /**
   * True on the first report after the page came back from the back-forward cache: the tab shows this document
   * again, and the content script resends what it saw on it.
   */
  readonly restored?: boolean;
  /**
   * Whether the document was loaded under strict mode's policy, from the marker on its own response
   * (document-strict-mode.ts). The audit says "refused by strict mode" only for a document that was.
   */
  readonly strictMode?: DocumentStrictMode;
}

/** Reply to `audit/report`: every observation up to this `seq` is stored (the content script may forget them). */
export interface AuditReportAck {
  readonly storedThrough: number;
}

/** Whether script elements of an entry carried `integrity`: all, none, some. null for other resource types. */
export type IntegrityState = 'present' | 'absent' | 'mixed' | null;

/** Who a third-party host belongs to. */
export interface VendorRef {
  /** Catalog or custom vendor id; null for an unknown third party. */
  readonly id: string | null;
  /** The vendor's name, or the host's registrable domain for an unknown third party. */
  readonly name: string;
  readonly category: CategoryId | null;
  readonly source: 'curated' | 'third-party-web' | 'custom' | null;
}

/**
 * One row of an audit: the requests of one page to one URL path (query strings vary per request and are not part of
 * the identity), of one resource type and one status. `url` is the first full URL seen.
 */
/** What the tab audit and the log both say about the requests to one URL. */
export interface AuditedRequests {
  readonly url: string;
  readonly urlTruncated: boolean;
  readonly host: string;
  readonly path: string;
  readonly type: AuditResourceType;
  readonly vendor: VendorRef;
  readonly status: AuditStatus;
  /** One line for a person: which rule or setting decided, and why. */
  readonly reason: string;
  /** How many requests had each outcome. */
  readonly outcomes: Readonly<Partial<Record<ObservedOutcome, number>>>;
  readonly integrity: IntegrityState;
  readonly count: number;
  /** Only what the page's own world reported (see Observation): shown as "reported by the page". */
  readonly reportedByPage?: true;
  /**
   * The status these requests were first given, when it differs: judged at once with the policy at hand (right
   * after the browser starts, before managed storage answered), then again with the organisation's policy.
   */
  readonly changedFrom?: AuditStatus;
}

export interface AuditEntry extends AuditedRequests {
  readonly key: string;
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** True when seen from a frame of the page rather than the page itself. */
  readonly inFrame: boolean;
}

/** The page a tab's audit is about. */
export interface AuditPage {
  /** The top-level page's URL, without its fragment, cut to MAX_AUDIT_URL_LENGTH. */
  readonly url: string;
  readonly host: string;
  readonly timeOrigin: number;
  readonly dashboardId: string | null;
  readonly dashboardName: string | null;
}

/** Version of the stored per-tab audit and of the log records. */
export const AUDIT_FORMAT_VERSION = 1;

/** A tab's audit, as kept in storage.session under `tabAuditKey(tabId)`. */
export interface TabAudit {
  readonly v: typeof AUDIT_FORMAT_VERSION;
  readonly tabId: number;
  /** null until the page's own frame has reported (a frame of it may report first). */
  readonly page: AuditPage | null;
  readonly entries: readonly AuditEntry[];
  /** Requests counted but not listed because the tab reached its limit of rows (AUDIT_LIMITS). */
  readonly unlisted: number;
  /** Approximate size of `entries` (JSON characters), kept under AUDIT_LIMITS.tabBytes. */
  readonly bytes: number;
  /** Content-script instance id -> highest `seq` stored, so a resent report is never counted twice. */
  readonly stored: Readonly<Record<string, number>>;
  readonly updatedAt: number;
}

/**
 * Whether a value read from storage.session is a tab's audit in this format (the store and the popup read the same
 * key; an audit of another format is treated as none).
 */
export const isTabAudit = (value: unknown): value is TabAudit =>
  typeof value === 'object' &&
  value !== null &&
  (value as TabAudit).v === AUDIT_FORMAT_VERSION &&
  Array.isArray((value as TabAudit).entries);

/** One record of the cross-tab audit log (storage.local): the requests of one report to one row key. */
export interface AuditLogRecord extends AuditedRequests {
  /** When the requests were seen: the first and the last of them, in ms since the epoch. */
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** The page (frame) that made the requests, without its fragment. */
  readonly pageUrl: string;
  readonly dashboardId: string | null;
  /**
   * Which page produced it: the tab's page origin and the tab (`https://app.circleci.com tab 12`). The log drops
   * records from the source that holds the most first, so one page cannot flush the others' (audit-log-eviction.ts).
   * Absent in records stored before it existed: their page's origin stands in.
   */
  readonly source?: string;
}

/** storage.session key of a tab's audit. */
export function tabAuditKey(tabId: number): string {
  return `audit:tab:${tabId}`;
}

/** The tab id a storage.session key is about, or undefined when the key is not a tab audit. */
export function tabIdOfAuditKey(key: string): number | undefined {
  const match = /^audit:tab:(\d+)$/.exec(key);
  return match ? Number(match[1]) : undefined;
}
