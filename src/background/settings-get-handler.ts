/**
 * `settings/get`: the stored settings (as the rules see them) and any problem found reading them, for the options
 * page and the popup. Extension pages only: a web page's content script has no business reading them.
 */
import type { SettingsView, SettingsService } from '../settings';
import { parseNoPayload } from '../messaging';
import { defineHandler } from './message-router';

export function createSettingsGetHandler(service: Pick<SettingsService, 'view'>) {
  return defineHandler<null, SettingsView>({
    from: ['extension-page'],
    parse: parseNoPayload,
    handle: () => service.view(),
  });
}
