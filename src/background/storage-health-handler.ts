/** `storage-health/get`: the storage writes failing now, for the popup's and the options page's alert. Read-only. */
import type { StorageHealthMonitor } from '../storage';
import { storageHealthGet } from '../storage';
import { handlerFor } from './message-router';

export function createStorageHealthHandler(monitor: Pick<StorageHealthMonitor, 'status'>) {
  return handlerFor(storageHealthGet, {
    from: ['extension-page'],
    handle: () => monitor.status(),
  });
}
