/**
 * Reading settings files (imports; settings-export.ts writes them). A file is the settings object itself, with its `version`
 * (schemas/settings.json). Reading one goes: JSON -> the schema (ajv, compiled at build time) -> migration to the
 * current version -> the same whole-settings validation every change goes through. Any problem refuses the whole
 * file, with one line per bad field, so an import never leaves settings half replaced.
 */
import type { ErrorObject } from 'ajv';
import validateSettingsFile from '../generated/validate-settings';
import { parseStoredSettings } from './settings-shape';
import { migrateSettings } from './settings-migrations';
import { validateSettings, type SettingsContext } from './settings-validation';
import type { UserSettings } from './user-settings';

export type ReadSettingsFile =
  { ok: true; settings: UserSettings; fromVersion: number; notes: string[] } | { ok: false; errors: string[] };

/** `/customVendors/0/domains/1` -> `customVendors[0].domains[1]`. */
export function fieldName(pointer: string, child?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  return parts.reduce(
    (name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name === '' ? part : `${name}.${part}`),
    '',
  );
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  array: 'a list [...]',
  object: 'an object {...}',
  string: 'text in quotes',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
};

/** One line a person can act on, for one ajv error; undefined for errors that only repeat another one. */
function describe(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  const field = fieldName(error.instancePath) || 'the file';
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined;
    case 'additionalProperties':
      return `${fieldName(error.instancePath, String(params.additionalProperty))}: unknown field (remove it)`;
    case 'required':
      return `${fieldName(error.instancePath, String(params.missingProperty))}: missing`;
    case 'type':
      return `${field}: must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}`;
    case 'enum':
    case 'const': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [params.allowedValue];
      const list = allowed.map((value) => JSON.stringify(value)).join(', ');
      return propertyName !== undefined
        ? `${field}: "${propertyName}" is not one of ${list}`
        : `${field}: must be ${allowed.length > 1 ? 'one of ' : ''}${list}`;
    }
    case 'pattern':
      if (propertyName !== undefined)
        return `${field}: "${propertyName}" is not a vendor id (lower-case letters, digits and dashes)`;
      if (/customVendors\[\d+\]\.id$/.test(field))
        return `${field}: must be "custom-" followed by lower-case letters, digits and dashes`;
      if (field.startsWith('sensitivePages'))
        return `${field}: must be an address filter such as "||ci.example.com/credentials"`;
      return `${field}: is not in the expected form`;
    case 'minLength':
      return `${field}: must not be empty`;
    case 'maxLength':
      return `${field}: is longer than ${String(params.limit)} characters`;
    case 'minItems':
      return `${field}: must list at least ${String(params.limit)}`;
    case 'maxItems':
    case 'maxProperties':
      return `${field}: lists more than ${String(params.limit)}`;
    case 'minimum':
      return `${field}: must be ${String(params.limit)} or more`;
    default:
      return `${field}: ${error.message ?? 'is not valid'}`;
  }
}

/** Lines naming each field the schema refuses, in file order, without repeats. */
export function schemaErrors(data: unknown): string[] {
  if (validateSettingsFile(data)) return [];
  return [
    ...new Set((validateSettingsFile.errors ?? []).map(describe).filter((line): line is string => line !== undefined)),
  ];
}

/** Reads a settings file's text into settings ready to save, or every reason it cannot be used. */
export function readSettingsFile(text: string, context: SettingsContext): ReadSettingsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`The file is not JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const fromSchema = schemaErrors(data);
  if (fromSchema.length > 0) return { ok: false, errors: fromSchema };
  const migrated = migrateSettings(data);
  if (!migrated.ok) return { ok: false, errors: [migrated.error] };
  // The schema has vouched for the shape; this builds the typed object (and would name anything it still dislikes).
  const shaped = parseStoredSettings(migrated.value);
  if (shaped.problems.length > 0) return { ok: false, errors: shaped.problems };
  const validated = validateSettings(shaped.settings, context, { references: 'strict' });
  if (!validated.ok) return { ok: false, errors: validated.errors.map((e) => `${e.field}: ${e.message}`) };
  return { ok: true, settings: validated.settings, fromVersion: migrated.fromVersion, notes: migrated.notes };
}
