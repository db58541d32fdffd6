/**
 * A tab's first screen kept beside its audit in storage.session (`audit:first:<tabId>`): the popup reads it straight
 * from storage, so it draws at once also when the background's worker was stopped and would first have to read the
 * whole audit (megabytes) to answer `audit/first-screen`. The tab-audit store writes it in the same storage call as
 * the audit and removes it with the audit. It holds vendor group heads only (no request rows, whose URLs may each be
 * 2 KB): a few kilobytes, so storage.session's 10 MB stays for the audits. Same shape and schema as the background's
 * reply; a stored copy that does not conform, or is about another tab, is treated as none.
 */
import { conforms } from '../schema';
import { displayAudit, firstScreenOf, type AuditDisplay } from './audit-display';
import { firstScreenReplySchema } from './audit-first-screen';
import type { TabAudit } from './audit-types';

/** Vendor groups the stored first screen holds at most (a popup's first screen shows about ten). */
export const STORED_FIRST_SCREEN_GROUPS = 60;

/** storage.session key of a tab's stored first screen. */
export function firstScreenKey(tabId: number): string {
  return `audit:first:${tabId}`;
}

/** The tab id a storage.session key is about, or undefined when the key is not a stored first screen. */
export function tabIdOfFirstScreenKey(key: string): number | undefined {
  const match = /^audit:first:(\d+)$/.exec(key);
  return match ? Number(match[1]) : undefined;
}

/** What is stored beside `audit`: its first vendor groups' heads, the summary and categories whole. */
export function storedFirstScreenOf(audit: TabAudit, display: AuditDisplay = displayAudit(audit)): AuditDisplay {
  return firstScreenOf(display, Math.min(display.groups.length, STORED_FIRST_SCREEN_GROUPS));
}

/** Whether a value read from storage is a first screen of the reply's schema about `tabId`. */
export function isFirstScreenOf(value: unknown, tabId: number): value is AuditDisplay {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { tabId?: unknown }).tabId === tabId &&
    conforms(value, firstScreenReplySchema)
  );
}
