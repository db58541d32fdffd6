/**
 * The popup's view of a tab's audit (pure): the summary line, the rows grouped by vendor in the order a reviewer
 * wants them (what got through first, unknown third parties first of all), and the findings worth flagging on a row.
 */
import { BLOCKED_STATUSES, type AuditEntry, type AuditStatus, type VendorRef } from './audit-types';
import type { SchemaType } from '../schema';

const count = { type: 'integer', minimum: 0 } as const;

export const auditSummarySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['blocked', 'allowed', 'unknown', 'wouldBeBlocked'],
  properties: {
    /** Requests blocked by a rule or refused by strict mode (the badge shows the same number). */
    blocked: count,
    /** Requests a rule allowed (essential, user, policy, pause) or report-only let through. */
    allowed: count,
    /** Requests to hosts no vendor in the catalog owns (allowed: no rule applies). */
    unknown: count,
    /** Of `allowed`: what report-only mode let through that would be blocked. */
    wouldBeBlocked: count,
  },
} as const;
export type AuditSummary = SchemaType<typeof auditSummarySchema>;

export function summarise(entries: readonly AuditEntry[]): AuditSummary {
  let blocked = 0;
  let allowed = 0;
  let unknown = 0;
  let wouldBeBlocked = 0;
  for (const entry of entries) {
    if (BLOCKED_STATUSES.has(entry.status)) blocked += entry.count;
    else if (entry.status === 'allowed-unknown') unknown += entry.count;
    else allowed += entry.count;
    if (entry.status === 'report-only') wouldBeBlocked += entry.count;
  }
  return { blocked, allowed, unknown, wouldBeBlocked };
}

/** "3 blocked, 2 allowed, 1 unknown". */
export function summaryText(summary: AuditSummary): string {
  const main = `${summary.blocked} blocked, ${summary.allowed} allowed, ${summary.unknown} unknown`;
  return summary.wouldBeBlocked > 0 ? `${main} (${summary.wouldBeBlocked} would be blocked without report-only)` : main;
}

/** Badge text for a blocked count: empty for none, capped so it fits the toolbar. */
export function badgeText(blocked: number): string {
  if (blocked <= 0) return '';
  return blocked > 999 ? '999+' : String(blocked);
}

/** Order of statuses in the list: what reached the page first. */
const STATUS_RANK: Readonly<Record<AuditStatus, number>> = {
  'allowed-unknown': 0,
  'report-only': 1,
  'allowed-user': 2,
  'allowed-policy': 3,
  'allowed-paused': 4,
  'allowed-essential': 5,
  'strict-mode': 6,
  blocked: 7,
};

export function statusRank(status: AuditStatus): number {
  return STATUS_RANK[status];
}

/** Short label of a status, as a badge on a row. */
export const STATUS_LABEL: Readonly<Record<AuditStatus, string>> = {
  blocked: 'Blocked',
  'strict-mode': 'Blocked: strict mode',
  'report-only': 'Would be blocked',
  'allowed-essential': 'Allowed: essential',
  'allowed-user': 'Allowed by you',
  'allowed-policy': 'Allowed by policy',
  'allowed-paused': 'Allowed: paused',
  'allowed-unknown': 'Allowed: unknown',
};

/** Key of a vendor group: the vendor id, or the registrable domain of an unknown third party. */
export function groupKey(vendor: VendorRef): string {
  return vendor.id ?? `unknown:${vendor.name}`;
}

export interface VendorGroup {
  readonly key: string;
  readonly vendor: VendorRef;
  readonly entries: AuditEntry[];
  readonly count: number;
  /** Best (lowest) status rank of its rows: the group sorts by it. */
  readonly rank: number;
  /** The status all its rows share, or undefined when they differ. */
  readonly status: AuditStatus | undefined;
}

function compareEntries(a: AuditEntry, b: AuditEntry): number {
  return (
    statusRank(a.status) - statusRank(b.status) || b.count - a.count || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)
  );
}

/** Rows grouped by vendor, groups and rows in display order. Linear in the number of rows, plus the sorts. */
export function groupByVendor(entries: readonly AuditEntry[]): VendorGroup[] {
  const groups = new Map<string, { vendor: VendorRef; entries: AuditEntry[] }>();
  for (const entry of entries) {
    const key = groupKey(entry.vendor);
    const group = groups.get(key);
    if (group) group.entries.push(entry);
    else groups.set(key, { vendor: entry.vendor, entries: [entry] });
  }
  const result: VendorGroup[] = [];
  for (const [key, { vendor, entries: rows }] of groups) {
    rows.sort(compareEntries);
    const first = rows[0];
    const status = first !== undefined && rows.every((r) => r.status === first.status) ? first.status : undefined;
    result.push({
      key,
      vendor,
      entries: rows,
      count: rows.reduce((sum, r) => sum + r.count, 0),
      rank: Math.min(...rows.map((r) => statusRank(r.status))),
      status,
    });
  }
  return result.sort(
    (a, b) => a.rank - b.rank || b.count - a.count || a.vendor.name.localeCompare(b.vendor.name, 'en'),
  );
}

export interface EntryFindings {
  /** An allowed third-party script element without an `integrity` attribute. */
  readonly noSri: boolean;
  /** The rules block it, yet the page saw it load (rules not in force, a cached copy, or another path). */
  readonly loadedAnyway: boolean;
  /** Allowed, yet it failed to load (network error, another blocker). */
  readonly failed: boolean;
}

export function entryFindings(entry: AuditEntry): EntryFindings {
  const blocked = BLOCKED_STATUSES.has(entry.status);
  const loaded = entry.outcomes.loaded ?? 0;
  return {
    noSri: !blocked && entry.type === 'script' && (entry.integrity === 'absent' || entry.integrity === 'mixed'),
    loadedAnyway: blocked && loaded > 0,
    failed: !blocked && loaded === 0 && (entry.outcomes.failed ?? 0) > 0,
  };
}
