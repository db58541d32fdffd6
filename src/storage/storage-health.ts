/**
 * What the background tells the extension's pages about browser storage (`storage-health/get`): the writes that are
 * failing now (storage full, a browser error). Blocking never depends on a write (the rules in force stay in force),
 * so this is what the popup and the options page show a person, not something the extension waits on.
 */
import type { SchemaType } from '../schema';
import { NO_PAYLOAD, defineMessage } from '../messaging';

/** Message type of the request; payload `null`, from extension pages only. */
export const STORAGE_HEALTH_GET = 'storage-health/get';

/** One area whose writes fail: as the reply carries it and as the monitor remembers it (storage.session). */
export const storageFailureSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['area', 'message', 'since'],
  properties: {
    area: { enum: ['local', 'session'] },
    /** The browser's error message. */
    message: { type: 'string' },
    /** When the first failing write of this run was seen (ms since the epoch). */
    since: { type: 'number' },
  },
} as const;

export const storageHealthSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['failures'],
  properties: {
    /** One per area whose last write failed; empty when every last write succeeded. */
    failures: {
      type: 'array',
      items: storageFailureSchema,
    },
  },
} as const;

export type StorageHealth = SchemaType<typeof storageHealthSchema>;
export type StorageFailure = SchemaType<typeof storageFailureSchema>;
export type StorageAreaName = StorageFailure['area'];

/** `storage-health/get`: no payload; the reply is checked where a page receives it. */
export const storageHealthGet = defineMessage(STORAGE_HEALTH_GET, NO_PAYLOAD, storageHealthSchema);

/** The sentence a person reads for the failures, or undefined when storage is healthy. */
export function describeStorageHealth(health: StorageHealth): string | undefined {
  if (health.failures.length === 0) return undefined;
  const what = health.failures.map((f) =>
    f.area === 'local' ? `settings and audit log (${f.message})` : `this session's tab audits (${f.message})`,
  );
  return (
    `Dashguard cannot save to browser storage: ${what.join('; ')}. Blocking continues with the rules in force, ` +
    'changes you make are refused rather than half saved, and the audit keeps what it could not save and retries.'
  );
}
