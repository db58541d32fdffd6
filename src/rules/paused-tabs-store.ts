/**
 * The tabs a person paused Dashguard on, in `storage.session`: it survives the worker being stopped, and the browser
 * clears it when it closes, as it clears the session rules built from it. A tab id leaves the list when its tab
 * closes (the background listens to tabs.onRemoved), so a reused id never inherits a pause.
 */
import type { StorageArea } from '../storage';
import { createSerialQueue } from '../shared';

export const PAUSED_TABS_KEY = 'pausedTabs';

export interface PausedTabsStore {
  list(): Promise<number[]>;
  /** Resolves true when the list changed. */
  set(tabId: number, paused: boolean): Promise<boolean>;
}

export function createPausedTabsStore(area: Pick<StorageArea, 'get' | 'set'>): PausedTabsStore {
  // Read-modify-write one at a time: two quick toggles must not lose one another.
  const queue = createSerialQueue();
  const list = async (): Promise<number[]> => {
    const stored = (await area.get(PAUSED_TABS_KEY))[PAUSED_TABS_KEY];
    return Array.isArray(stored) ? stored.filter((id): id is number => Number.isInteger(id)) : [];
  };
  return {
    list,
    set(tabId, paused) {
      return queue.run(async () => {
        const current = await list();
        if (current.includes(tabId) === paused) return false;
        await area.set({ [PAUSED_TABS_KEY]: paused ? [...current, tabId] : current.filter((id) => id !== tabId) });
        return true;
      });
    },
  };
}
