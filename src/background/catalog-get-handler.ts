/** `catalog/get`: the catalog in force, for the options page (src/catalog/catalog-messages.ts). Read-only. */
import type { RuntimeCatalog } from '../catalog';
import { parseNoPayload } from '../messaging';
import { defineHandler } from './message-router';

export function createCatalogGetHandler(catalog: RuntimeCatalog) {
  return defineHandler<null, RuntimeCatalog>({
    from: ['extension-page'],
    parse: parseNoPayload,
    handle: () => Promise.resolve(catalog),
  });
}
