/**
 * Where the user's settings live: `storage.local`, under one key, so a change is one write and one onChanged event.
 */
import { migrateSettings } from './settings-migrations';
import { parseStoredSettings, type ParsedSettings } from './settings-shape';
import type { UserSettings } from './user-settings';
import type { StorageArea } from '../storage';

import { SETTINGS_KEY } from './settings-key';

export { SETTINGS_KEY };

export interface SettingsStore {
  load(): Promise<ParsedSettings>;
  save(settings: UserSettings): Promise<void>;
}

export function createSettingsStore(area: Pick<StorageArea, 'get' | 'set'>): SettingsStore {
  return {
    async load() {
      const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
      if (stored === undefined) return parseStoredSettings(undefined);
      // Settings saved by an earlier version are read in the current format; the next save writes it.
      const migrated = migrateSettings(stored);
      if (migrated.ok) return parseStoredSettings(migrated.value.settings);
      const parsed = parseStoredSettings(stored);
      return { settings: parsed.settings, problems: [migrated.error, ...parsed.problems] };
    },
    async save(settings) {
      await area.set({ [SETTINGS_KEY]: settings });
    },
  };
}
