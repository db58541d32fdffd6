/**
 * `catalog/get`: the merged catalog (vendors, categories, dashboards) for the options page, which lists every vendor.
 * The background holds it anyway; sending it keeps the page's bundle small. Extension pages only.
 *   catalog/get  null -> RuntimeCatalog
 */
import type { RuntimeCatalog } from './runtime-catalog';
import { NO_PAYLOAD, defineMessage } from '../messaging';

export const CATALOG_GET = 'catalog/get';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A shallow check of the reply, where the page receives it. */
export function isRuntimeCatalog(value: unknown): value is RuntimeCatalog {
  return (
    isRecord(value) &&
    typeof value.version === 'string' &&
    Array.isArray(value.categories) &&
    Array.isArray(value.dashboards) &&
    Array.isArray(value.vendors) &&
    value.vendors.every(
      (v) => isRecord(v) && typeof v.id === 'string' && typeof v.name === 'string' && Array.isArray(v.domains),
    )
  );
}

/** `catalog/get`, declared once (src/messaging): no payload; the reply checked by the guard above. */
export const catalogGet = defineMessage(CATALOG_GET, NO_PAYLOAD, isRuntimeCatalog);
