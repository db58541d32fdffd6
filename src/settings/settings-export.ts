/**
 * Writing settings files (exports): the settings object itself with its version, the format schemas/settings.json
 * describes and settings-file.ts reads. Kept apart from the reader so the options page does not carry the validator.
 */
import { SETTINGS_VERSION, type UserSettings } from './user-settings';

/** The text of an exported settings file: readable, stable, ending in a new line. */
export function settingsFileText(settings: UserSettings): string {
  return `${JSON.stringify({ ...settings, version: SETTINGS_VERSION }, null, 2)}\n`;
}

/** A file name such as dashguard-settings-2026-11-28.json. */
export function settingsFileName(now: Date): string {
  return `dashguard-settings-${now.toISOString().slice(0, 10)}.json`;
}
