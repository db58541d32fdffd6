/**
 * `settings/get`: the stored settings (as the rules see them) and any problem found reading them, for the options
 * page and the popup. Extension pages only: a web page's content script has no business reading them.
 */
import type { SettingsService } from '../settings';
import { settingsGet } from '../settings';
import { handlerFor } from './message-router';

export function createSettingsGetHandler(service: Pick<SettingsService, 'view'>) {
  return handlerFor(settingsGet, {
    from: ['extension-page'],
    handle: () => service.view(),
  });
}
