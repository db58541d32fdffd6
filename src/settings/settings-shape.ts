/**
 * Reads a stored settings object into `UserSettings`, field by field, against the one settings schema
 * (settings-schema.ts): what is wrong is reported, naming it, and replaced by its default (a field) or dropped (a list
 * item, a map entry), so one bad entry never discards the rest. (An import refuses a bad file whole instead:
 * settings-file.ts.)
 */
import { describeSchemaError, schemaProblem } from '../schema';
import { isRecord } from '../shared';
import { SETTINGS_FIELD_SCHEMAS, SETTINGS_FIELD_NAMES, type SettingsField } from './settings-schema';
import { DEFAULT_SETTINGS, type UserSettings } from './user-settings';

export interface ParsedSettings {
  readonly settings: UserSettings;
  readonly problems: string[];
}

/** One field: its value, or its default with what was wrong; a list's or a map's bad entries dropped, each named. */
function readField(field: SettingsField, value: unknown, problems: string[]): unknown {
  const schema: Readonly<Record<string, unknown>> = SETTINGS_FIELD_SCHEMAS[field];
  /** True when `entry` conforms to `entrySchema`; otherwise the problem is noted. */
  const fits = (entry: unknown, entrySchema: unknown, at: string): boolean => {
    const problem = schemaProblem(entry, entrySchema, at);
    if (problem !== undefined) problems.push(describeSchemaError(problem) ?? `${at.slice(1)}: is not valid`);
    return problem === undefined;
  };
  let kept = value;
  if (schema.type === 'array' && Array.isArray(value))
    kept = value.filter((item, index) => fits(item, schema.items, `/${field}/${index}`));
  else if (schema.type === 'object' && isRecord(value))
    kept = Object.fromEntries(
      Object.entries(value).filter(([key, entry]) => fits({ [key]: entry }, schema, `/${field}`)),
    );
  return fits(kept, schema, `/${field}`) ? kept : DEFAULT_SETTINGS[field];
}

export function parseStoredSettings(raw: unknown): ParsedSettings {
  const problems: string[] = [];
  if (raw === undefined) return { settings: DEFAULT_SETTINGS, problems };
  if (!isRecord(raw)) return { settings: DEFAULT_SETTINGS, problems: ['settings are not an object'] };
  const fields = SETTINGS_FIELD_NAMES.map((field) => [
    field,
    raw[field] === undefined ? DEFAULT_SETTINGS[field] : readField(field, raw[field], problems),
  ]);
  // Each field has passed its schema (or is its default): this is the object the schema describes.
  const settings = { ...DEFAULT_SETTINGS, ...Object.fromEntries(fields) } as UserSettings;
  return { settings, problems };
}
