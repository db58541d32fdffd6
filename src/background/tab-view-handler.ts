/**
 * `popup/tab-view`: the popup's questions about its tab (src/ui/tab-view.ts), answered from the catalog, the
 * settings and the policy in force, so the popup need not carry the catalog. Extension pages only.
 */
import type { ManagedPolicy } from '../policy';
import type { RuntimeCatalog } from '../catalog';
import type { UserSettings } from '../settings';
import { buildTabView, popupTabView } from '../ui';
import { handlerFor } from './message-router';

export interface TabViewInputs {
  readonly catalog: RuntimeCatalog;
  readonly settings: UserSettings;
  readonly policy: ManagedPolicy;
}

export function createTabViewHandler(loadInputs: () => Promise<TabViewInputs>) {
  return handlerFor(popupTabView, {
    from: ['extension-page'],
    handle: async (request) => buildTabView({ ...(await loadInputs()), url: request.url }, request),
  });
}
