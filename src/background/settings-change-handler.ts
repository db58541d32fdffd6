/**
 * `settings/change`: one change from the options page or the popup, applied by the settings service (validated
 * whole, rules in force, one storage write). A refusal comes back as `{ applied: false, errors }`, each error naming
 * the field it is about, for the page to show next to it. Extension pages only.
 */
import type { SettingsService } from '../settings';
import { settingsChange } from '../settings';
import { handlerFor } from './message-router';

export function createSettingsChangeHandler(service: Pick<SettingsService, 'change'>) {
  return handlerFor(settingsChange, {
    from: ['extension-page'],
    handle: (change) => service.change(change),
  });
}
