/**
 * What the background tells the extension's pages about browser storage (`storage-health/get`): the writes that are
 * failing now (storage full, a browser error). Blocking never depends on a write (the rules in force stay in force),
 * so this is what the popup and the options page show a person, not something the extension waits on.
 */
import { isRecord } from '../shared';

/** Message type of the request; payload `null`, from extension pages only. */
export const STORAGE_HEALTH_GET = 'storage-health/get';

export type StorageAreaName = 'local' | 'session';

export interface StorageFailure {
  readonly area: StorageAreaName;
  /** The browser's error message. */
  readonly message: string;
  /** When the first failing write of this run was seen (ms since the epoch). */
  readonly since: number;
}

export interface StorageHealth {
  /** One per area whose last write failed; empty when every last write succeeded. */
  readonly failures: readonly StorageFailure[];
}

/** Checks a `storage-health/get` reply where a page receives it. */
export function isStorageHealth(value: unknown): value is StorageHealth {
  return (
    isRecord(value) &&
    Array.isArray(value.failures) &&
    value.failures.every(
      (failure) =>
        isRecord(failure) &&
        (failure.area === 'local' || failure.area === 'session') &&
        typeof failure.message === 'string' &&
        typeof failure.since === 'number',
    )
  );
}

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
