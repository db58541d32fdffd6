/**
 * What a fleet report says, one event at a time. Events hold no page content and no identity: dashboards by id,
 * vendors by id and name, hosts, and page addresses only as the audit's redaction leaves them. Each carries an id
 * that stays the same across retries, so a collector can drop a batch it received twice.
 */
import type { AuditStatus, VendorRef } from '../audit';

/** A request's verdict as a security team reads it (the audit's status, coarser). */
export type FleetVerdict = 'blocked' | 'allowed' | 'would-be-blocked' | 'unknown-third-party';

export function verdictOf(status: AuditStatus): FleetVerdict {
  switch (status) {
    case 'blocked':
    case 'strict-mode':
      return 'blocked';
    case 'report-only':
      return 'would-be-blocked';
    case 'allowed-unknown':
      return 'unknown-third-party';
    default:
      return 'allowed';
  }
}

interface EventBase {
  /** Random, fixed when the event is made: a collector drops duplicates by it. */
  readonly id: string;
  /** When it happened (ms since the epoch); for `requests`, the end of its interval. */
  readonly time: number;
  /** Catalog dashboard id or a self-hosted dashboard's host; null when about no dashboard. */
  readonly dashboard: string | null;
}

/** Requests to one vendor on one dashboard with one status, over one reporting interval. */
export interface RequestsEvent extends EventBase {
  readonly kind: 'requests';
  readonly vendor: VendorRef;
  readonly status: AuditStatus;
  readonly verdict: FleetVerdict;
  readonly count: number;
  readonly windowStart: number;
  readonly windowEnd: number;
}

/** A third party this dashboard had not loaded in the last 30 days. */
export interface NewThirdPartyEvent extends EventBase {
  readonly kind: 'new-third-party';
  readonly vendor: VendorRef;
  readonly host: string;
}

/** A sensitive page shown in a document loaded without strict mode's policy. */
export interface SensitiveUnprotectedEvent extends EventBase {
  readonly kind: 'sensitive-unprotected';
  /** The page, redacted as the audit redacts addresses (origin and path). */
  readonly page: string;
}

/** A person paused Dashguard on a tab showing a dashboard; sent when the pause ends. */
export interface TabPauseEvent extends EventBase {
  readonly kind: 'tab-pause';
  readonly durationSeconds: number;
}

/** A person changed a rule for a vendor (on one dashboard, or on every dashboard when `dashboard` is null). */
export interface RuleChangeEvent extends EventBase {
  readonly kind: 'rule-change';
  readonly vendorId: string;
  readonly direction: 'block' | 'allow' | 'default';
}

/** The queue was full: this many of the oldest events were dropped unsent. */
export interface DroppedEvent extends EventBase {
  readonly kind: 'dropped';
  readonly count: number;
}

export type FleetEvent =
  RequestsEvent | NewThirdPartyEvent | SensitiveUnprotectedEvent | TabPauseEvent | RuleChangeEvent | DroppedEvent;
export type FleetEventKind = FleetEvent['kind'];

/** What every report says about where it comes from, once per batch. */
export interface FleetReportContext {
  readonly extensionVersion: string;
  /** The build: 'chrome' or 'firefox'. */
  readonly browser: string;
  /** The browser's user-agent string (no more identifying than any request it sends). */
  readonly userAgent: string;
  /** SHA-256 of the policy in force (its Authorization value left out), hex. */
  readonly policyHash: string;
  readonly deviceLabel: string | undefined;
}

/** One line for a person reading the collector's store. */
export function describeEvent(event: FleetEvent): string {
  const on = event.dashboard === null ? '' : ` on ${event.dashboard}`;
  switch (event.kind) {
    case 'requests':
      return `${event.count} request${event.count === 1 ? '' : 's'} to ${event.vendor.name}${on}: ${event.verdict}`;
    case 'new-third-party':
      return `New third party${on}: ${event.vendor.name} (${event.host})`;
    case 'sensitive-unprotected':
      return `Sensitive page shown without strict mode${on}: ${event.page}`;
    case 'tab-pause':
      return `Dashguard paused on a tab${on} for ${event.durationSeconds} s`;
    case 'rule-change':
      return `A person set ${event.vendorId} to ${event.direction}${event.dashboard === null ? ' on every dashboard' : on}`;
    case 'dropped':
      return `The report queue was full: ${event.count} older event${event.count === 1 ? '' : 's'} dropped unsent`;
  }
}
