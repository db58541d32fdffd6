/**
 * Folds one report into a tab's audit (pure): which page the tab shows, the rows, and what was already stored.
 *
 * Which page: the top frame's document decides. A report from the top frame with a later `timeOrigin` than the page
 * on record is a new page: the old rows go (except those a frame of the new page sent before the top frame spoke).
 * A report from a document older than the page on record comes from a page the tab has left: it is not shown (it is
 * still logged). Frames of the page are documents created after it, so their `timeOrigin` is later.
 * A page restored from the back-forward cache says so (`restored`) and becomes the page on record again.
 *
 * Each content-script instance numbers its observations; those at or below the instance's stored mark were already
 * counted (a report resent after its acknowledgement was lost) and are skipped.
 */
import { AUDIT_LIMITS } from './audit-limits';
import { withRecentMark } from '../shared';
import type { Classification } from './audit-classify';
import {
  AUDIT_FORMAT_VERSION,
  BLOCKED_STATUSES,
  type AuditEntry,
  type AuditPage,
  type IntegrityState,
  type Observation,
  type TabAudit,
} from './audit-types';

export interface ClassifiedObservation extends Observation {
  readonly classification: Classification;
}

export interface TabAuditUpdate {
  readonly tabId: number;
  readonly isTopFrame: boolean;
  /** The reporting document's URL (without fragment, capped). */
  readonly documentUrl: string;
  readonly timeOrigin: number;
  readonly instanceId: string;
  readonly restored: boolean;
  /** Highest sequence number in the report (malformed observations included). */
  readonly maxSeq: number;
  readonly dashboard: { readonly id: string; readonly name: string } | undefined;
  readonly observations: readonly ClassifiedObservation[];
  readonly now: number;
}

export function emptyTabAudit(tabId: number, now: number): TabAudit {
  return { v: AUDIT_FORMAT_VERSION, tabId, page: null, entries: [], unlisted: 0, bytes: 0, stored: {}, updatedAt: now };
}

/** Path of a URL for display and grouping (no query: it differs per request); '' when it does not parse. */
export function urlPath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

export function entryKey(type: string, status: string, host: string, path: string, reportedByPage = false): string {
  return `${type}|${status}|${host}|${path}${reportedByPage ? '|page' : ''}`;
}

/**
 * Finds the row a full tab audit gives up for a new one, or -1. What the page itself reported goes first, for anything
 * the content script saw; an allowed or unknown row goes for a blocked one. Otherwise the new row is counted unlisted.
 * A row given up leaves a hole (`undefined`) until the merge ends. Each kind of candidate is looked for from where the
 * last search stopped: during one merge a row's status and origin do not change and new rows go at the end, so a
 * page flooding a full audit costs one pass over it per report, not one per request.
 */
function rowsToGiveUp(
  entries: readonly (AuditEntry | undefined)[],
): (incoming: { readonly reportedByPage: boolean; readonly blocked: boolean }) => number {
  let byPage = 0;
  let unblocked = 0;
  const from = (start: number, isCandidate: (entry: AuditEntry) => boolean): number => {
    let at = start;
    for (; at < entries.length; at += 1) {
      const entry = entries[at];
      if (entry !== undefined && isCandidate(entry)) break;
    }
    return at;
  };
  return (incoming) => {
    if (incoming.reportedByPage) return -1;
    byPage = from(byPage, (e) => e.reportedByPage === true);
    if (byPage < entries.length) return byPage;
    if (!incoming.blocked) return -1;
    unblocked = from(unblocked, (e) => !BLOCKED_STATUSES.has(e.status));
    return unblocked < entries.length ? unblocked : -1;
  };
}

function mergeIntegrity(current: IntegrityState, next: boolean | null): IntegrityState {
  if (next === null) return current;
  const state = next ? 'present' : 'absent';
  return current === null || current === state ? state : 'mixed';
}

function pageOf(update: TabAuditUpdate): AuditPage {
  let host = '';
  try {
    host = new URL(update.documentUrl).hostname;
  } catch {
    // Kept empty: the URL came from the browser (sender.url), so this does not happen in practice.
  }
  return {
    url: update.documentUrl,
    host,
    timeOrigin: update.timeOrigin,
    dashboardId: update.dashboard?.id ?? null,
    dashboardName: update.dashboard?.name ?? null,
  };
}

/** One observation judged again: it leaves the row its first verdict put it in and joins the row of its new one. */
export interface VerdictCorrection {
  /** As first classified. */
  readonly before: ClassifiedObservation;
  /** The same observation, classified again. */
  readonly after: ClassifiedObservation;
}

const keyOf = (observation: ClassifiedObservation): string | undefined =>
  observation.classification.audited
    ? entryKey(
        observation.type,
        observation.classification.status,
        observation.classification.host,
        urlPath(observation.url),
        observation.reportedByPage === true,
      )
    : undefined;

/**
 * Moves observations whose verdict changed (pure): out of the old row (which goes when it counts none), into the row
 * of the new verdict, which says what it was first (`changedFrom`). Rows of a page the tab has left are gone already.
 */
export function correctTabAudit(current: TabAudit, corrections: readonly VerdictCorrection[], now: number): TabAudit {
  const entries = [...current.entries];
  for (const { before, after } of corrections) {
    const oldKey = keyOf(before);
    const at = oldKey === undefined ? -1 : entries.findIndex((e) => e.key === oldKey);
    const old = entries[at];
    if (old === undefined || !before.classification.audited) continue;
    const outcomes = { ...old.outcomes, [before.observed]: Math.max(0, (old.outcomes[before.observed] ?? 0) - 1) };
    if (old.count <= 1) entries.splice(at, 1);
    else entries[at] = { ...old, count: old.count - 1, outcomes };
    const newKey = keyOf(after);
    if (newKey === undefined || !after.classification.audited) continue;
    const { classification } = after;
    const existing = entries.findIndex((e) => e.key === newKey);
    const target = entries[existing];
    if (target !== undefined) {
      entries[existing] = {
        ...target,
        count: target.count + 1,
        outcomes: { ...target.outcomes, [after.observed]: (target.outcomes[after.observed] ?? 0) + 1 },
        firstSeen: Math.min(target.firstSeen, after.time),
        lastSeen: Math.max(target.lastSeen, after.time),
        changedFrom: target.changedFrom ?? before.classification.status,
      };
      continue;
    }
    entries.push({
      ...old,
      key: newKey,
      host: classification.host,
      vendor: classification.vendor,
      status: classification.status,
      reason: classification.reason,
      count: 1,
      outcomes: { [after.observed]: 1 },
      integrity: mergeIntegrity(null, after.integrity),
      firstSeen: after.time,
      lastSeen: after.time,
      changedFrom: before.classification.status,
    });
  }
  const bytes = entries.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
  return { ...current, entries, bytes, updatedAt: now };
}

export function mergeTabAudit(current: TabAudit | undefined, update: TabAuditUpdate): TabAudit {
  const base = current ?? emptyTabAudit(update.tabId, update.now);
  const storedThrough = base.stored[update.instanceId] ?? 0;
  const fresh = update.observations.filter((o) => o.seq > storedThrough);
  const stored = withRecentMark(base.stored, update.instanceId, update.maxSeq, AUDIT_LIMITS.instancesPerTab);

  let page = base.page;
  let entries: readonly AuditEntry[] = base.entries;
  let unlisted = base.unlisted;
  let bytes = base.bytes;
  let shown = true;
  if (update.isTopFrame) {
    if (page === null || update.timeOrigin > page.timeOrigin || update.restored) {
      // A new page (or one back from the cache): keep only what its own frames already sent.
      const startedAt = update.timeOrigin;
      if (page !== null) {
        entries = update.restored ? [] : entries.filter((e) => e.firstSeen >= startedAt);
        unlisted = 0;
        bytes = entries.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
      }
      page = pageOf(update);
    } else if (update.timeOrigin < page.timeOrigin) {
      shown = false;
    }
  } else if (page !== null && update.timeOrigin < page.timeOrigin) {
    shown = false;
  }

  if (shown) {
    // A row given up is a hole until the end (positions in `index` stay true); the holes go in one pass.
    const rows: (AuditEntry | undefined)[] = [...entries];
    const index = new Map(entries.map((e, i) => [e.key, i]));
    let live = rows.length;
    const giveUp = rowsToGiveUp(rows);
    let pageRows = entries.filter((e) => e.reportedByPage === true).length;
    for (const observation of fresh) {
      const { classification } = observation;
      if (!classification.audited) continue;
      const path = urlPath(observation.url);
      const byPage = observation.reportedByPage === true;
      const key = entryKey(observation.type, classification.status, classification.host, path, byPage);
      const at = index.get(key);
      const existing = at === undefined ? undefined : rows[at];
      if (at !== undefined && existing !== undefined) {
        rows[at] = {
          ...existing,
          count: existing.count + 1,
          outcomes: {
            ...existing.outcomes,
            [observation.observed]: (existing.outcomes[observation.observed] ?? 0) + 1,
          },
          integrity: mergeIntegrity(existing.integrity, observation.integrity),
          firstSeen: Math.min(existing.firstSeen, observation.time),
          lastSeen: Math.max(existing.lastSeen, observation.time),
          inFrame: existing.inFrame || !update.isTopFrame,
        };
        continue;
      }
      const entry: AuditEntry = {
        key,
        url: observation.url,
        urlTruncated: observation.urlTruncated,
        host: classification.host,
        path,
        type: observation.type,
        vendor: classification.vendor,
        status: classification.status,
        reason: classification.reason,
        outcomes: { [observation.observed]: 1 },
        integrity: mergeIntegrity(null, observation.integrity),
        count: 1,
        firstSeen: observation.time,
        lastSeen: observation.time,
        inFrame: !update.isTopFrame,
        ...(byPage ? { reportedByPage: true as const } : {}),
      };
      const size = JSON.stringify(entry).length;
      if (byPage && pageRows >= AUDIT_LIMITS.tabPageEntries) {
        unlisted += 1;
        continue;
      }
      if (live >= AUDIT_LIMITS.tabEntries || bytes + size > AUDIT_LIMITS.tabBytes) {
        const victim = giveUp({ reportedByPage: byPage, blocked: BLOCKED_STATUSES.has(classification.status) });
        const given = victim >= 0 ? rows[victim] : undefined;
        const givenSize = given === undefined ? 0 : JSON.stringify(given).length;
        if (given === undefined || bytes - givenSize + size > AUDIT_LIMITS.tabBytes) {
          unlisted += 1;
          continue;
        }
        rows[victim] = undefined;
        index.delete(given.key);
        live -= 1;
        bytes -= givenSize;
        unlisted += given.count;
        if (given.reportedByPage === true) pageRows -= 1;
      }
      index.set(key, rows.length);
      rows.push(entry);
      live += 1;
      bytes += size;
      if (byPage) pageRows += 1;
    }
    entries = rows.filter((e): e is AuditEntry => e !== undefined);
  }
  return {
    v: AUDIT_FORMAT_VERSION,
    tabId: update.tabId,
    page,
    entries,
    unlisted,
    bytes,
    stored,
    updatedAt: update.now,
  };
}
