// The storage feature's entry: what code outside src/storage/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export type { StorageArea } from './storage-area';
export { createStorageHealthMonitor } from './storage-health-monitor';
export type { StorageHealthMonitor } from './storage-health-monitor';
export { STORAGE_HEALTH_GET, describeStorageHealth, storageHealthGet } from './storage-health';
export type { StorageHealth } from './storage-health';
