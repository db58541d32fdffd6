/**
 * Where the user's settings live: `storage.local`, under one key, so a change is one write and one onChanged event.
 */
import { parseStoredSettings, type ParsedSettings } from '../shared/settings-shape';
import type { UserSettings } from '../shared/user-settings';

export const SETTINGS_KEY = 'settings';

export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SettingsStore {
  load(): Promise<ParsedSettings>;
  save(settings: UserSettings): Promise<void>;
}

export function createSettingsStore(area: KeyValueArea): SettingsStore {
  return {
    async load() {
      const stored = await area.get(SETTINGS_KEY);
      return parseStoredSettings(stored[SETTINGS_KEY]);
    },
    async save(settings) {
      await area.set({ [SETTINGS_KEY]: settings });
    },
  };
}
