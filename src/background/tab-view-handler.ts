/**
 * `popup/tab-view`: the popup's questions about its tab (src/ui/tab-view.ts), answered from the catalog, the
 * settings and the policy in force, so the popup need not carry the catalog. Extension pages only.
 */
import type { ManagedPolicy } from '../policy';
import type { RuntimeCatalog } from '../catalog';
import type { TabView, TabViewRequest } from '../ui';
import type { UserSettings } from '../settings';
import { POPUP_TAB_VIEW, buildTabView, tabViewRequestSchema } from '../ui';
import { payloadParser } from '../messaging';
import { defineHandler } from './message-router';

export interface TabViewInputs {
  readonly catalog: RuntimeCatalog;
  readonly settings: UserSettings;
  readonly policy: ManagedPolicy;
}

export const parseTabViewRequest = payloadParser(POPUP_TAB_VIEW, tabViewRequestSchema);

export function createTabViewHandler(loadInputs: () => Promise<TabViewInputs>) {
  return defineHandler<TabViewRequest, TabView>({
    from: ['extension-page'],
    parse: parseTabViewRequest,
    handle: async (request) => buildTabView({ ...(await loadInputs()), url: request.url }, request),
  });
}
