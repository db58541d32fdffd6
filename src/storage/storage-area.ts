/**
 * The one shape of a browser storage area (`storage.local`, `storage.session`, `storage.managed`) that Dashguard's
 * stores use. webextension-polyfill's areas satisfy it as they are, and so does the tests' in-memory area; a store
 * that only reads, or never removes, takes a `Pick` of it.
 */
export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
