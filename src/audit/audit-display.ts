/**
 * A tab's audit as the popup shows it (pure): vendor groups in display order (those with a blocked request first,
 * each part in groupByVendor's order), each with its status and reason, the summary and the requests per category.
 * The background computes it from the audit it holds in memory and sends the popup its first screen
 * (`firstScreenOf`), so the popup draws without reading and grouping the whole audit first; the popup computes it
 * again from the full audit it reads after.
 */
import { auditSummarySchema, groupByVendor, summarise, type VendorGroup } from './audit-groups';
import {
  AUDIT_STATUSES,
  BLOCKED_STATUSES,
  auditEntrySchema,
  auditPageSchema,
  vendorRefSchema,
  type AuditEntry,
  type TabAudit,
} from './audit-types';
import type { SchemaType } from '../schema';

const count = { type: 'integer', minimum: 0 } as const;
const text = { type: 'string' } as const;

/** Blocked and allowed requests per category, most requests first: the summary bar. */
export const categoryCountSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'blocked', 'allowed'],
  properties: { id: text, blocked: count, allowed: count },
} as const;
export type CategoryCount = SchemaType<typeof categoryCountSchema>;

/** One vendor's group as the list shows it. */
export const groupShownSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['key', 'vendor', 'entries', 'rows', 'count', 'reason'],
  properties: {
    key: text,
    vendor: vendorRefSchema,
    /** Its request rows at hand, in display order: every one, or in a first screen only the first (perhaps none). */
    entries: { type: 'array', items: auditEntrySchema },
    /** How many request rows it has in all. */
    rows: count,
    /** How many requests its rows count. */
    count,
    /** The status every row shares, absent when they differ. */
    status: { enum: AUDIT_STATUSES },
    /** The reason every row shares, or a line saying they differ. */
    reason: text,
  },
} as const;
export type GroupShown = SchemaType<typeof groupShownSchema>;

export const auditDisplaySchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'tabId',
    'page',
    'groups',
    'groupCount',
    'summary',
    'categories',
    'rows',
    'unlisted',
    'updatedAt',
    'complete',
  ],
  properties: {
    tabId: count,
    page: { oneOf: [{ type: 'null' }, auditPageSchema] },
    /** Display order. */
    groups: { type: 'array', items: groupShownSchema },
    /** How many groups the audit has in all (a first screen may hold fewer). */
    groupCount: count,
    summary: auditSummarySchema,
    categories: { type: 'array', items: categoryCountSchema },
    /** How many request rows the audit has in all. */
    rows: count,
    unlisted: count,
    updatedAt: { type: 'number' },
    /** Every group and every row is here (false for a first screen that left some out). */
    complete: { type: 'boolean' },
  },
} as const;
export type AuditDisplay = SchemaType<typeof auditDisplaySchema>;

export const MIXED_REASONS = 'Different rules apply to its requests: see each one.';

export function countsByCategory(entries: readonly AuditEntry[]): CategoryCount[] {
  const counts = new Map<string, { blocked: number; allowed: number }>();
  for (const entry of entries) {
    const id = entry.status === 'allowed-unknown' ? 'unknown' : (entry.vendor.category ?? 'custom');
    const count = counts.get(id) ?? { blocked: 0, allowed: 0 };
    if (BLOCKED_STATUSES.has(entry.status)) count.blocked += entry.count;
    else count.allowed += entry.count;
    counts.set(id, count);
  }
  return [...counts]
    .map(([id, c]) => ({ id, ...c }))
    .sort((a, b) => b.blocked + b.allowed - (a.blocked + a.allowed) || a.id.localeCompare(b.id, 'en'));
}

function reasonOf(entries: readonly AuditEntry[]): string {
  const first = entries[0];
  if (first === undefined) return '';
  return entries.every((e) => e.reason === first.reason) ? first.reason : MIXED_REASONS;
}

const hasBlocked = (group: VendorGroup): boolean => group.entries.some((e) => BLOCKED_STATUSES.has(e.status));

export function displayAudit(audit: TabAudit): AuditDisplay {
  const grouped = groupByVendor(audit.entries);
  // Blocked first (what Dashguard did on this page), each part in the audit's order; sort is stable.
  const blocked = new Set(grouped.filter(hasBlocked));
  const groups = [...grouped]
    .sort((a, b) => Number(blocked.has(b)) - Number(blocked.has(a)))
    .map((group): GroupShown => ({
      key: group.key,
      vendor: group.vendor,
      entries: group.entries,
      rows: group.entries.length,
      count: group.count,
      status: group.status,
      reason: reasonOf(group.entries),
    }));
  return {
    tabId: audit.tabId,
    page: audit.page,
    groups,
    groupCount: groups.length,
    summary: summarise(audit.entries),
    categories: countsByCategory(audit.entries),
    rows: audit.entries.length,
    unlisted: audit.unlisted,
    updatedAt: audit.updatedAt,
    complete: true,
  };
}

/**
 * What the popup's first draw shows: the first `items` list items, vendor groups first (folded, they are the first
 * screen), then request rows in list order; the summary and categories whole. Small whatever the audit's size.
 */
export function firstScreenOf(display: AuditDisplay, items: number): AuditDisplay {
  const heads = display.groups.slice(0, Math.max(0, items));
  let left = Math.max(0, items - heads.length);
  let kept = 0;
  const groups = heads.map((group) => {
    const take = Math.min(group.entries.length, left);
    left -= take;
    kept += take;
    return take === group.entries.length ? group : { ...group, entries: group.entries.slice(0, take) };
  });
  return { ...display, groups, complete: heads.length === display.groups.length && kept === display.rows };
}
