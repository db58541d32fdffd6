/**
 * Service-worker (Chrome) / event-page (Firefox) entry. The one place that wires the components together and
 * registers every listener synchronously on the first tick, so an event that wakes the worker is never missed.
 */
import browser from 'webextension-polyfill';
import { vendorCatalog } from '../shared/catalog-data';
import { NO_POLICY } from '../shared/managed-policy';
import { createRuleReconciler } from './rule-reconciler';
import { createRuleSync, type DnrRuleStore } from './rule-sync';
import { createSettingsStore, SETTINGS_KEY } from './settings-store';

const settingsStore = createSettingsStore(browser.storage.local);
const ruleSync = createRuleSync(browser.declarativeNetRequest as unknown as DnrRuleStore);
const reconciler = createRuleReconciler({
  catalog: vendorCatalog,
  loadSettings: async () => (await settingsStore.load()).settings,
  loadPolicy: async () => NO_POLICY,
  loadPausedTabs: async () => [],
  ruleSync,
  onError: (error) => console.error('Dashguard: rules not updated; the previous rules stay in force.', error),
});

browser.runtime.onInstalled.addListener(() => void reconciler.reconcile());
browser.runtime.onStartup.addListener(() => void reconciler.reconcile());
browser.storage.onChanged.addListener((changes, areaName) => {
  if (areaName === 'local' && SETTINGS_KEY in changes) void reconciler.reconcile();
});
