/**
 * `settings/get`: the stored settings (as the rules see them) and any problem found reading them, for the options
 * page and the popup. Extension pages only: a web page's content script has no business reading them.
 */
import { parseNull, type SettingsView } from '../settings/settings-messages';
import { defineHandler } from './message-router';
import type { SettingsService } from '../settings/settings-service';

export function createSettingsGetHandler(service: Pick<SettingsService, 'view'>) {
  return defineHandler<null, SettingsView>({
    from: ['extension-page'],
    parse: parseNull,
    handle: () => service.view(),
  });
}
