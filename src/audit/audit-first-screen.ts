/**
 * `audit/first-screen`: the popup asks the background for the first screen of its tab's audit (summary, categories,
 * the first vendor groups in display order and their first rows: audit-display.ts), computed from the audit the
 * background holds in memory. A few kilobytes, however large the audit: the popup draws it in one task, then reads
 * the full audit for the rest. Accepted from extension pages only; the answer is about the asked tab alone.
 *   audit/first-screen  FirstScreenRequest -> AuditDisplay | null (the tab has no audit)
 */
import type { AuditDisplay } from './audit-display';
import { isRecord } from '../shared';
import type { Result } from '../shared';

export const AUDIT_FIRST_SCREEN = 'audit/first-screen';

/** At most this many list items in one first screen (the popup draws 60). */
export const MAX_FIRST_SCREEN_ITEMS = 500;

export interface FirstScreenRequest {
  readonly tabId: number;
  /** List items the first draw holds: vendor groups first, then request rows. */
  readonly items: number;
}

export function parseFirstScreenRequest(payload: unknown): Result<FirstScreenRequest> {
  if (
    !isRecord(payload) ||
    !Number.isSafeInteger(payload.tabId) ||
    (payload.tabId as number) < 0 ||
    !Number.isSafeInteger(payload.items) ||
    (payload.items as number) < 1 ||
    (payload.items as number) > MAX_FIRST_SCREEN_ITEMS
  )
    return { ok: false, error: `needs { tabId, items } (items 1 to ${MAX_FIRST_SCREEN_ITEMS})` };
  return { ok: true, value: { tabId: payload.tabId as number, items: payload.items as number } };
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isText = (value: unknown): value is string => typeof value === 'string';

const isEntry = (value: unknown): boolean =>
  isRecord(value) &&
  isText(value.key) &&
  isText(value.url) &&
  isText(value.status) &&
  isText(value.reason) &&
  isCount(value.count) &&
  isRecord(value.vendor) &&
  isText(value.vendor.name) &&
  isRecord(value.outcomes);

const isGroup = (value: unknown): boolean =>
  isRecord(value) &&
  isText(value.key) &&
  isRecord(value.vendor) &&
  isText(value.vendor.name) &&
  (value.vendor.id === null || isText(value.vendor.id)) &&
  Array.isArray(value.entries) &&
  value.entries.every(isEntry) &&
  isCount(value.rows) &&
  isCount(value.count) &&
  (value.status === undefined || isText(value.status)) &&
  isText(value.reason);

/** Checks the reply where the popup receives it: the shapes it draws from (text is drawn as text). */
export function isAuditFirstScreen(value: unknown): value is AuditDisplay | null {
  if (value === null) return true;
  if (!isRecord(value)) return false;
  const { summary, page } = value;
  return (
    isCount(value.tabId) &&
    (page === null || (isRecord(page) && isText(page.url) && isText(page.host))) &&
    Array.isArray(value.groups) &&
    value.groups.every(isGroup) &&
    isCount(value.groupCount) &&
    isRecord(summary) &&
    isCount(summary.blocked) &&
    isCount(summary.allowed) &&
    isCount(summary.unknown) &&
    isCount(summary.wouldBeBlocked) &&
    Array.isArray(value.categories) &&
    value.categories.every((c) => isRecord(c) && isText(c.id) && isCount(c.blocked) && isCount(c.allowed)) &&
    isCount(value.rows) &&
    isCount(value.unlisted) &&
    typeof value.updatedAt === 'number' &&
    typeof value.complete === 'boolean'
  );
}
