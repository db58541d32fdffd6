/** `catalog/get`: the catalog in force, for the options page (src/catalog/catalog-messages.ts). Read-only. */
import type { RuntimeCatalog } from '../catalog';
import { catalogGet } from '../catalog';
import { handlerFor } from './message-router';

export function createCatalogGetHandler(catalog: RuntimeCatalog) {
  return handlerFor(catalogGet, {
    from: ['extension-page'],
    handle: () => Promise.resolve(catalog),
  });
}
