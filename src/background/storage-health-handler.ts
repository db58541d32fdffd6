/** `storage-health/get`: the storage writes failing now, for the popup's and the options page's alert. Read-only. */
import type { StorageHealth, StorageHealthMonitor } from '../storage';
import { defineHandler } from './message-router';

export function createStorageHealthHandler(monitor: Pick<StorageHealthMonitor, 'status'>) {
  return defineHandler<null, StorageHealth>({
    from: ['extension-page'],
    parse: (payload) =>
      payload === null || payload === undefined
        ? { ok: true, value: null }
        : { ok: false, error: 'storage-health/get takes no payload' },
    handle: () => monitor.status(),
  });
}
