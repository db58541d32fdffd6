/**
 * The check of a `settings/change` payload (the background's side), made from the change's schema: a refusal names
 * the kind and the field (`set-audit-retention: days: must be 1 or more`). Apart from the schema so the pages, which
 * check replies that carry changes, do not bundle it.
 */
import { isRecord, type Result } from '../shared';
import { payloadParser } from '../messaging';
import { settingsChangeSchema, type SettingsChange } from './settings-change';

const KINDS: readonly string[] = settingsChangeSchema.oneOf.map((branch) => branch.properties.kind.const);

/** Checks a `settings/change` payload against its schema; a refusal names the kind and the field. */
export function parseSettingsChange(payload: unknown): Result<SettingsChange> {
  if (!isRecord(payload) || typeof payload.kind !== 'string')
    return { ok: false, error: 'a settings change needs a "kind"' };
  if (!KINDS.includes(payload.kind)) return { ok: false, error: `unknown settings change "${payload.kind}"` };
  return payloadParser(payload.kind, settingsChangeSchema)(payload);
}
