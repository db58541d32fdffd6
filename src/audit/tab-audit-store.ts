/**
 * Per-tab audits in storage.session: they survive the service worker being stopped (the popup reads them from
 * there, also while the worker sleeps) and go when the browser closes, the tab closes or it leaves the dashboard.
 * Writes are serialised and batched (serial-batcher.ts): every update waiting when a write starts goes into it, one
 * storage call for all tabs. A caller's promise resolves once its update is stored. Each audit is written together
 * with its first screen (stored-first-screen.ts) and removed with it.
 */
import type { AuditDisplay } from './audit-display';
import { isTabAudit, tabAuditKey, tabIdOfAuditKey, type TabAudit } from './audit-types';
import { firstScreenKey, isFirstScreenOf, storedFirstScreenOf, tabIdOfFirstScreenKey } from './stored-first-screen';
import type { StorageArea } from '../storage';
import { rememberRecentKey } from '../shared';
import { createSerialBatcher } from './serial-batcher';
import { correctTabAudit, mergeTabAudit, type TabAuditUpdate, type VerdictCorrection } from './tab-audit-merge';

/** The part of a storage area (storage.session) this store uses. */
export interface TabAuditStore {
  /**
   * Folds `update` into its tab's audit and stores it; resolves with the stored audit, or undefined when the tab was
   * closed (a page's last report can arrive after its tab closed: it must not bring the tab's audit back).
   */
  record(update: TabAuditUpdate): Promise<TabAudit | undefined>;
  /** Moves observations whose verdict changed to the rows of their new verdict (correctTabAudit). */
  correct(tabId: number, corrections: readonly VerdictCorrection[], now: number): Promise<void>;
  get(tabId: number): Promise<TabAudit | undefined>;
  /** The tab's audit if this worker holds it already (wrote or read it), without reading storage. */
  held(tabId: number): TabAudit | undefined;
  /** The first screen stored beside the tab's audit (a few KB; no request rows), undefined when none or malformed. */
  storedFirstScreen(tabId: number): Promise<AuditDisplay | undefined>;
  remove(tabId: number): Promise<void>;
  /** The tab closed: its audit goes, and no report arriving later stores one again. */
  closed(tabId: number): Promise<void>;
  /** Removes the audits of every tab not in `openTabIds` (tabs closed while the worker was stopped). */
  keepOnly(openTabIds: readonly number[]): Promise<void>;
}

/** Closed tabs remembered at most (browsers do not reuse a tab id within a session). */
const CLOSED_TABS_LIMIT = 1_000;

export function createTabAuditStore(area: StorageArea): TabAuditStore {
  const closedTabs = new Set<number>();
  // The background is the only writer, so what it last wrote is what storage holds; a new worker starts empty and
  // keeps what it reads (the popup's first screen is answered from here). A read that overlapped a write of its tab
  // may hold the value from before it, so only a read no write of that tab overlapped is kept.
  const cache = new Map<number, TabAudit>();
  /** Per tab: writes started or finished (odd while one is under way). */
  const writeMarks = new Map<number, number>();
  const markWrites = (tabIds: ReadonlySet<number>): void => {
    for (const tabId of tabIds) writeMarks.set(tabId, (writeMarks.get(tabId) ?? 0) + 1);
  };
  const load = async (tabId: number): Promise<TabAudit | undefined> => {
    const cached = cache.get(tabId);
    if (cached) return cached;
    const key = tabAuditKey(tabId);
    const before = writeMarks.get(tabId) ?? 0;
    const raw = (await area.get(key))[key];
    if (!isTabAudit(raw)) return undefined;
    if (before % 2 === 0 && (writeMarks.get(tabId) ?? 0) === before && !cache.has(tabId)) cache.set(tabId, raw);
    return raw;
  };

  // Removals go through the same queue, so a write in flight cannot bring back the audit of a closed tab.
  type Item =
    | { readonly update: TabAuditUpdate }
    | { readonly remove: number }
    | {
        readonly correct: {
          readonly tabId: number;
          readonly corrections: readonly VerdictCorrection[];
          readonly now: number;
        };
      };
  const tabOf = (item: Item): number =>
    'remove' in item ? item.remove : 'correct' in item ? item.correct.tabId : item.update.tabId;
  const writes = createSerialBatcher<Item, TabAudit | undefined>(async (items) => {
    const tabIds = new Set(items.map(tabOf));
    markWrites(tabIds);
    try {
      return await writeBatch(items);
    } finally {
      markWrites(tabIds);
    }
  });
  async function writeBatch(items: readonly Item[]): Promise<(TabAudit | undefined)[]> {
    const next = new Map<number, TabAudit | undefined>();
    const results: (TabAudit | undefined)[] = [];
    for (const item of items) {
      if ('remove' in item) {
        next.set(item.remove, undefined);
        results.push(undefined);
        continue;
      }
      if ('correct' in item) {
        const { tabId, corrections, now } = item.correct;
        const current = next.has(tabId) ? next.get(tabId) : await load(tabId);
        // A tab closed or gone from the dashboards meanwhile: nothing to correct.
        if (current === undefined) {
          results.push(undefined);
          continue;
        }
        const corrected = correctTabAudit(current, corrections, now);
        next.set(tabId, corrected);
        results.push(corrected);
        continue;
      }
      const { update } = item;
      if (closedTabs.has(update.tabId)) {
        results.push(undefined);
        continue;
      }
      const current = next.has(update.tabId) ? next.get(update.tabId) : await load(update.tabId);
      const merged = mergeTabAudit(current, update);
      next.set(update.tabId, merged);
      results.push(merged);
    }
    const written = [...next].filter((entry): entry is [number, TabAudit] => entry[1] !== undefined);
    const removed = [...next]
      .filter(([, audit]) => audit === undefined)
      .flatMap(([tabId]) => [tabAuditKey(tabId), firstScreenKey(tabId)]);
    if (written.length > 0) {
      const items: Record<string, unknown> = {};
      for (const [tabId, audit] of written) {
        items[tabAuditKey(tabId)] = audit;
        items[firstScreenKey(tabId)] = storedFirstScreenOf(audit);
      }
      await area.set(items);
    }
    if (removed.length > 0) await area.remove(removed);
    for (const [tabId, audit] of next) {
      if (audit === undefined) cache.delete(tabId);
      else cache.set(tabId, audit);
    }
    return results;
  }

  return {
    record: (update) => writes.add({ update }),
    async correct(tabId, corrections, now) {
      if (corrections.length > 0) await writes.add({ correct: { tabId, corrections, now } });
    },
    get: load,
    held: (tabId) => cache.get(tabId),
    async storedFirstScreen(tabId) {
      const key = firstScreenKey(tabId);
      const value = (await area.get(key))[key];
      return isFirstScreenOf(value, tabId) ? value : undefined;
    },
    async remove(tabId) {
      await writes.add({ remove: tabId });
    },
    async closed(tabId) {
      rememberRecentKey(closedTabs, tabId, CLOSED_TABS_LIMIT);
      await writes.add({ remove: tabId });
    },
    async keepOnly(openTabIds) {
      const open = new Set(openTabIds);
      const stale = new Set<number>();
      for (const key of Object.keys(await area.get(null))) {
        const tabId = tabIdOfAuditKey(key) ?? tabIdOfFirstScreenKey(key);
        if (tabId !== undefined && !open.has(tabId)) stale.add(tabId);
      }
      await Promise.all([...stale].map((tabId) => writes.add({ remove: tabId })));
    },
  };
}
