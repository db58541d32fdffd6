/**
 * The third-party history (third-party-history.ts) in storage.local, one key, every change serialised so two reports
 * never overwrite each other's parties.
 */
import type { StorageArea } from '../storage';
import { createSerialQueue } from '../shared';
import {
  EMPTY_HISTORY,
  markSeen,
  readHistory,
  recordParties,
  unseenParties,
  type PartySeen,
  type ThirdPartyHistory,
} from './third-party-history';

export const THIRD_PARTY_HISTORY_KEY = 'thirdPartyHistory';

export interface ThirdPartyHistoryStore {
  /** Records a page's parties; resolves to those found new, and how many of the dashboard's wait to be seen. */
  record(
    dashboard: string,
    page: string,
    parties: readonly PartySeen[],
    now: number,
  ): Promise<{ found: PartySeen[]; unseen: number }>;
  /** The dashboard's unseen new parties, which from now on count as seen. */
  take(dashboard: string): Promise<string[]>;
  unseen(dashboard: string): Promise<number>;
}

export function createThirdPartyHistoryStore(area: Pick<StorageArea, 'get' | 'set'>): ThirdPartyHistoryStore {
  const steps = createSerialQueue();
  const serially = <T>(run: () => Promise<T>): Promise<T> => steps.run(run);
  const load = async (): Promise<ThirdPartyHistory> =>
    readHistory((await area.get(THIRD_PARTY_HISTORY_KEY))[THIRD_PARTY_HISTORY_KEY] ?? EMPTY_HISTORY);
  const save = (history: ThirdPartyHistory): Promise<void> => area.set({ [THIRD_PARTY_HISTORY_KEY]: history });
  return {
    record: (dashboard, page, parties, now) =>
      serially(async () => {
        const before = await load();
        const { history, found } = recordParties(before, dashboard, page, parties, now);
        if (history !== before) await save(history);
        return { found, unseen: unseenParties(history, dashboard).length };
      }),
    take: (dashboard) =>
      serially(async () => {
        const before = await load();
        const keys = unseenParties(before, dashboard);
        if (keys.length > 0) await save(markSeen(before, dashboard));
        return keys;
      }),
    unseen: (dashboard) => serially(async () => unseenParties(await load(), dashboard).length),
  };
}
