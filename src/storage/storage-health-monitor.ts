/**
 * Watches the extension's writes to browser storage: every store gets its area through `watch`, so a failing write
 * (storage full, a browser error) is remembered and reported to the pages (`storage-health/get`) however it happened,
 * and forgotten at the next write to that area that succeeds. The write's own caller still gets the error and handles
 * it (a settings change is refused and its rules rolled back; an audit report is kept by the page and sent again).
 * What is failing is also kept in `memory` (storage.session, unwatched), so a background that was stopped and started
 * again (Firefox stops an idle event page within seconds) still reports it.
 */
import { storageFailureSchema, type StorageAreaName, type StorageFailure, type StorageHealth } from './storage-health';
import { conforms } from '../schema';
import { errorMessage } from '../shared';
import type { StorageArea } from './storage-area';

export interface StorageHealthMonitorDeps {
  readonly now: () => number;
  /** Runs before each write; throwing (or rejecting) makes the write fail (test builds simulate a full disk). */
  readonly beforeWrite?: (area: StorageAreaName) => void | Promise<void>;
  /** Where the failures outlive this background instance; best effort. */
  readonly memory?: Pick<StorageArea, 'get' | 'set'>;
}

export interface StorageHealthMonitor {
  /** The same area, with its writes watched. */
  watch<A extends object>(area: A, name: StorageAreaName): A;
  status(): Promise<StorageHealth>;
}

export const STORAGE_HEALTH_KEY = 'storageHealth';

const isFailure = (value: unknown): value is StorageFailure => conforms(value, storageFailureSchema);

const WRITES = new Set<PropertyKey>(['set', 'remove', 'clear']);

export function createStorageHealthMonitor(deps: StorageHealthMonitorDeps): StorageHealthMonitor {
  const failures = new Map<StorageAreaName, StorageFailure>();
  /** Areas written in this instance: what it saw itself beats what an earlier instance remembered. */
  const seen = new Set<StorageAreaName>();
  const remembered = (deps.memory?.get(STORAGE_HEALTH_KEY) ?? Promise.resolve<Record<string, unknown>>({}))
    .then((items) => {
      const stored = items[STORAGE_HEALTH_KEY];
      for (const failure of Array.isArray(stored) ? stored.filter(isFailure) : [])
        if (!seen.has(failure.area)) failures.set(failure.area, failure);
    })
    .catch(() => undefined);
  const remember = (): void => {
    void deps.memory?.set({ [STORAGE_HEALTH_KEY]: [...failures.values()] }).catch(() => undefined);
  };
  return {
    watch(area, name) {
      return new Proxy(area, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property);
          if (typeof value !== 'function') return value;
          if (!WRITES.has(property)) return (value as (...args: unknown[]) => unknown).bind(target);
          return async (...args: unknown[]) => {
            try {
              await deps.beforeWrite?.(name);
              const result: unknown = await value.apply(target, args);
              seen.add(name);
              if (failures.delete(name)) remember();
              return result;
            } catch (error) {
              seen.add(name);
              const message = errorMessage(error);
              const known = failures.get(name);
              failures.set(name, { area: name, message, since: known?.since ?? deps.now() });
              if (known?.message !== message) remember();
              throw error;
            }
          };
        },
      });
    },
    async status() {
      await remembered;
      return { failures: [...failures.values()] };
    },
  };
}
