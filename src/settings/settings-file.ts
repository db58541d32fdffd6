/**
 * Reading settings files (imports; settings-export.ts writes them). A file is the settings object itself, with its `version`
 * (schemas/settings.json). Reading one goes: JSON -> the schema (ajv, compiled at build time) -> migration to the
 * current version -> the same whole-settings validation every change goes through. Any problem refuses the whole
 * file, with one line per bad field, so an import never leaves settings half replaced.
 */
import validateSettingsFile from '../generated/validate-settings';
import { parseStoredSettings } from './settings-shape';
import { schemaErrorLines } from '../schema';
import { errorMessage, type Result } from '../shared';
import { migrateSettings } from './settings-migrations';
import { validateSettings, type SettingsContext } from './settings-validation';
import type { UserSettings } from './user-settings';

/** Settings ready to save, the version the file was in and what its migration did; or one line per problem. */
export type ReadSettingsFile = Result<{ settings: UserSettings; fromVersion: number; notes: string[] }, string[]>;

/** Lines naming each field the schema refuses, in file order, without repeats. */
export function schemaErrors(data: unknown): string[] {
  if (validateSettingsFile(data)) return [];
  return schemaErrorLines(validateSettingsFile.errors);
}

/** Reads a settings file's text into settings ready to save, or every reason it cannot be used. */
export function readSettingsFile(text: string, context: SettingsContext): ReadSettingsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: [`The file is not JSON: ${errorMessage(error)}`] };
  }
  const fromSchema = schemaErrors(data);
  if (fromSchema.length > 0) return { ok: false, error: fromSchema };
  const migrated = migrateSettings(data);
  if (!migrated.ok) return { ok: false, error: [migrated.error] };
  // The schema has vouched for the shape; this builds the typed object (and would name anything it still dislikes).
  const shaped = parseStoredSettings(migrated.value.settings);
  if (shaped.problems.length > 0) return { ok: false, error: shaped.problems };
  const validated = validateSettings(shaped.settings, context, { references: 'strict' });
  if (!validated.ok) return { ok: false, error: validated.error.map((e) => `${e.field}: ${e.message}`) };
  return {
    ok: true,
    value: { settings: validated.value, fromVersion: migrated.value.fromVersion, notes: migrated.value.notes },
  };
}
