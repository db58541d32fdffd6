/**
 * The options page: every rule Dashguard applies, in one place. Each section is its own module and gets its
 * dependencies from here; every change goes through the settings API to the background, which validates it, puts
 * the rules in force and saves it.
 */
import browser from 'webextension-polyfill';
import { SETTINGS_KEY } from '../src/settings/settings-key';
import { CATALOG_GET, isRuntimeCatalog } from '../src/catalog/catalog-messages';
import { createMessageClient } from '../src/messaging/message-client';
import type { RuntimeCatalog } from '../src/catalog/runtime-catalog';
import { el, replaceChildren } from '../src/ui/dom';
import { createSettingsClient } from '../src/settings/settings-client';
import { mountStorageHealthAlert } from '../src/ui/storage-health-alert';
import { mountFleetStatusLine } from '../src/fleet/fleet-status-line';
import { mountAuditRetentionSection } from './audit-retention-section';
import { mountAuditUrlsSection } from './audit-urls-section';
import { mountBackupSection } from './backup-section';
import { mountCustomDashboardsSection } from './custom-dashboards-section';
import { mountCustomVendorsSection } from './custom-vendors-section';
import { mountDashboardRulesSection } from './dashboard-rules-section';
import { showManagedNotice } from './managed-notice';
import { createOptionsStore, type OptionsStore } from './options-store';
import { mountReportOnlySection } from './report-only-section';
import type { HostPermissions, SectionContext } from './section-context';
import { mountSensitivePagesSection } from './sensitive-pages-section';
import { mountVendorList } from './vendor-list';

const permissions: HostPermissions = {
  request: (origins) => browser.permissions.request({ origins }),
  contains: (origins) => browser.permissions.contains({ origins }),
  remove: (origins) => browser.permissions.remove({ origins }),
};

/** Vendor names in the policy notice, when the catalog cannot be read: the ids alone. */
const NO_CATALOG: RuntimeCatalog = { version: '', categories: [], vendors: [], dashboards: [] };

async function readCatalog(): Promise<RuntimeCatalog> {
  return createMessageClient((message) => browser.runtime.sendMessage(message), {
    [CATALOG_GET]: isRuntimeCatalog,
  }).request(CATALOG_GET, null);
}

async function main(): Promise<void> {
  const app = document.getElementById('app');
  const status = document.getElementById('status');
  if (!app || !status) return;
  const client = createSettingsClient((message) => browser.runtime.sendMessage(message));
  // The catalog comes from the background, which holds it anyway: the page's bundle stays small.
  const catalog = readCatalog();
  const storageAlert = document.getElementById('storage-alert');
  if (storageAlert) mountStorageHealthAlert(storageAlert, (message) => browser.runtime.sendMessage(message));
  const fleetStatus = document.getElementById('fleet-status');
  if (fleetStatus)
    mountFleetStatusLine(fleetStatus, (message) => browser.runtime.sendMessage(message), browser.storage.onChanged);
  // The organisation's notice (what it enforces, which policy items were ignored) sits outside #app, so it shows
  // even when the settings cannot be read, and follows live policy changes.
  const policyNotice = el('div', { attrs: { 'data-dg': 'managed-notice-slot' } });
  app.before(policyNotice);
  const showPolicy = async (): Promise<void> =>
    showManagedNotice(policyNotice, await client.policy(), await catalog.catch(() => NO_CATALOG));
  void showPolicy();
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void showPolicy();
  });
  let store: OptionsStore;
  let vendorCatalog: RuntimeCatalog;
  try {
    [store, vendorCatalog] = await Promise.all([createOptionsStore(client), catalog]);
  } catch (error) {
    replaceChildren(
      app,
      el('p', {
        className: 'error',
        attrs: { role: 'alert' },
        text: `Dashguard's settings could not be read: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
    return;
  }
  const context: SectionContext = {
    catalog: vendorCatalog,
    store,
    permissions,
    dashboardOrigins: browser.runtime.getManifest().host_permissions ?? [],
    announce: (message) => {
      status.textContent = message;
    },
  };

  // What was wrong in the stored settings when they were read (the policy notice is above, outside #app).
  const problems = el('ul', { className: 'error-list', attrs: { hidden: true } });
  const showState = (): void => {
    const { problems: found } = context.store.state();
    problems.hidden = found.length === 0;
    replaceChildren(problems, ...found.map((p) => el('li', { text: `Ignored in your stored settings: ${p}` })));
  };
  showState();
  store.subscribe(showState);

  replaceChildren(app, problems);
  mountReportOnlySection(app, context);
  mountVendorList(app, context);
  mountDashboardRulesSection(app, context);
  mountCustomVendorsSection(app, context);
  mountCustomDashboardsSection(app, context);
  mountSensitivePagesSection(app, context);
  mountAuditRetentionSection(app, context);
  mountAuditUrlsSection(app, context);
  mountBackupSection(app, context);
  app.dataset.state = 'ready';

  // A change made in the popup or another tab: show it here too.
  browser.storage.onChanged.addListener((changes, area) => {
    if ((area === 'local' && SETTINGS_KEY in changes) || area === 'managed') void context.store.refresh();
  });
}

void main();
