/**
 * Which third parties each dashboard loaded in the last 30 days, to tell a new one (pure). A third party is new on a
 * dashboard when that dashboard has not loaded it within the window; it stays marked (in the popup, on the badge)
 * until the person has seen it.
 *
 * The first page of a dashboard Dashguard ever audits is its baseline: with no history, everything would be new, so
 * that page's third parties are recorded without a mark. A party is keyed as the audit groups it (vendor id, or
 * `unknown:<registrable domain>`).
 */
import type { SchemaType } from '../schema';
import { conforms } from '../schema';
import { isRecord } from '../shared';

export const THIRD_PARTY_HISTORY_VERSION = 1;
export const NEW_WINDOW_MS = 30 * 24 * 60 * 60_000;
/** A party's last-seen time is refreshed at most this often, so most reports write nothing. */
const REFRESH_MS = 60 * 60_000;

export interface PartySeen {
  readonly key: string;
  readonly name: string;
  readonly host: string;
}

const party = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'lastSeen'],
  properties: {
    name: { type: 'string' },
    lastSeen: { type: 'number' },
    /** Set while the party is new and the person has not seen it: when it was found. */
    unseenSince: { type: 'number' },
  },
} as const;
type PartyRecord = SchemaType<typeof party>;

const dashboardHistory = {
  type: 'object',
  additionalProperties: false,
  required: ['baselinePage', 'parties'],
  properties: {
    /** The page (tab and document) that was this dashboard's baseline. */
    baselinePage: { type: 'string' },
    /** By party key. */
    parties: { type: 'object', additionalProperties: party },
  },
} as const;
/** What storage.local keeps, by dashboard id. */
export const thirdPartyHistorySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['v', 'dashboards'],
  properties: {
    v: { const: THIRD_PARTY_HISTORY_VERSION },
    dashboards: { type: 'object', additionalProperties: dashboardHistory },
  },
} as const;
export type ThirdPartyHistory = SchemaType<typeof thirdPartyHistorySchema>;

export const EMPTY_HISTORY: ThirdPartyHistory = { v: THIRD_PARTY_HISTORY_VERSION, dashboards: {} };

/**
 * The stored history, read by its schema: another version, or no history, is an empty one; a dashboard's history that
 * does not conform is left out (that dashboard starts again from a baseline), the others kept.
 */
export function readHistory(stored: unknown): ThirdPartyHistory {
  if (!isRecord(stored) || stored.v !== THIRD_PARTY_HISTORY_VERSION || !isRecord(stored.dashboards))
    return EMPTY_HISTORY;
  const dashboards = Object.entries(stored.dashboards).filter(([, history]) => conforms(history, dashboardHistory));
  return {
    v: THIRD_PARTY_HISTORY_VERSION,
    dashboards: Object.fromEntries(dashboards) as ThirdPartyHistory['dashboards'],
  };
}

/**
 * Records the parties a page of `dashboard` loaded at `now`; returns the updated history (the same object when
 * nothing changed) and the parties found new.
 */
export function recordParties(
  history: ThirdPartyHistory,
  dashboard: string,
  page: string,
  parties: readonly PartySeen[],
  now: number,
): { history: ThirdPartyHistory; found: PartySeen[] } {
  const current = Object.hasOwn(history.dashboards, dashboard) ? history.dashboards[dashboard] : undefined;
  const baseline = current === undefined || current.baselinePage === page;
  const records: Record<string, PartyRecord> = { ...(current?.parties ?? {}) };
  const found: PartySeen[] = [];
  let changed = current === undefined;
  for (const party of parties) {
    const known = Object.hasOwn(records, party.key) ? records[party.key] : undefined;
    if (known !== undefined && now - known.lastSeen <= NEW_WINDOW_MS) {
      if (now - known.lastSeen >= REFRESH_MS) {
        records[party.key] = { ...known, lastSeen: now };
        changed = true;
      }
      continue;
    }
    changed = true;
    if (baseline) {
      records[party.key] = { name: party.name, lastSeen: now };
    } else {
      records[party.key] = { name: party.name, lastSeen: now, unseenSince: now };
      if (!found.some((f) => f.key === party.key)) found.push(party);
    }
  }
  if (!changed) return { history, found };
  // Parties gone for longer than the window are forgotten (unless still waiting to be seen).
  for (const [key, record] of Object.entries(records)) {
    if (now - record.lastSeen > NEW_WINDOW_MS && record.unseenSince === undefined) delete records[key];
  }
  return {
    history: {
      v: THIRD_PARTY_HISTORY_VERSION,
      dashboards: {
        ...history.dashboards,
        [dashboard]: { baselinePage: current?.baselinePage ?? page, parties: records },
      },
    },
    found,
  };
}

/** The parties of `dashboard` marked new and not seen yet (their keys). */
export function unseenParties(history: ThirdPartyHistory, dashboard: string): string[] {
  const current = Object.hasOwn(history.dashboards, dashboard) ? history.dashboards[dashboard] : undefined;
  return Object.entries(current?.parties ?? {}).flatMap(([key, record]) =>
    record.unseenSince === undefined ? [] : [key],
  );
}

/** The person has seen the dashboard's new parties: no mark from now on. */
export function markSeen(history: ThirdPartyHistory, dashboard: string): ThirdPartyHistory {
  const current = Object.hasOwn(history.dashboards, dashboard) ? history.dashboards[dashboard] : undefined;
  if (current === undefined || unseenParties(history, dashboard).length === 0) return history;
  const parties = Object.fromEntries(
    Object.entries(current.parties).map(([key, { name, lastSeen }]) => [key, { name, lastSeen }]),
  );
  return {
    v: THIRD_PARTY_HISTORY_VERSION,
    dashboards: { ...history.dashboards, [dashboard]: { ...current, parties } },
  };
}
