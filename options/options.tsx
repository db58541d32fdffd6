/**
 * The options page: every rule Dashguard applies, in one place. One store holds its state (options-state.ts), the
 * controller fills it from the background and the browser and sends every change (options-controller.ts), and
 * Preact components draw it (components/).
 */
import { h, render } from 'preact';
import browser from 'webextension-polyfill';
import type { SendMessage } from '../src/messaging';
import { createMessageClient } from '../src/messaging';
import { CATALOG_GET, catalogGet } from '../src/catalog';
import { createSettingsClient, SETTINGS_KEY } from '../src/settings';
import { downloadText, createPageStore } from '../src/ui';
import { mountFleetStatusLine } from '../src/fleet';
import { OptionsApp } from './components/options-app';
import { createOptionsController } from './options-controller';
import { INITIAL_OPTIONS_STATE, type OptionsState } from './options-state';

const send: SendMessage = (message) => browser.runtime.sendMessage(message);
const store = createPageStore(INITIAL_OPTIONS_STATE);
const controller = createOptionsController(store, {
  client: createSettingsClient(send),
  // The catalog comes from the background, which holds it anyway: the page's bundle stays small.
  readCatalog: () => createMessageClient(send, [catalogGet]).send(CATALOG_GET, null),
  permissions: {
    request: (origins) => browser.permissions.request({ origins }),
    contains: (origins) => browser.permissions.contains({ origins }),
    remove: (origins) => browser.permissions.remove({ origins }),
  },
  dashboardOrigins: browser.runtime.getManifest().host_permissions ?? [],
  download: (fileName, text, mimeType) => downloadText(document, fileName, text, mimeType),
  now: () => new Date(),
});
const mountFleetStatus = (slot: HTMLElement): void =>
  mountFleetStatusLine(slot, (message) => browser.runtime.sendMessage(message), browser.storage.onChanged);

const root = document.getElementById('options');
if (root === null) throw new Error('options.html lacks #options');
const draw = (state: OptionsState): void =>
  render(h(OptionsApp, { state, actions: controller, send, mountFleetStatus }), root);
draw(store.get());
store.subscribe(draw);

// A change made in the popup, another tab or the organisation's policy: shown here too.
browser.storage.onChanged.addListener((changes, area) => {
  if ((area === 'local' && SETTINGS_KEY in changes) || area === 'managed') void controller.refresh();
});
// Access granted or withdrawn elsewhere (the browser's settings, another page) shows when the page is back.
window.addEventListener('focus', () => void controller.checkAccess());
void controller.start();
