/**
 * Service-worker (Chrome) / event-page (Firefox) entry, and only the wiring: it creates each component, passes it
 * the components and browser APIs it depends on, gathers the message handlers into the one router and registers
 * every listener synchronously on the first tick, so an event that wakes the worker is never missed. What each
 * component does is in its own module (this folder, or its feature's).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { vendorCatalog } from '../catalog-data';
import { createCustomDashboardAccess, CATALOG_GET } from '../catalog';
import {
  SETTINGS_CHANGE,
  SETTINGS_GET,
  TAB_PAUSE_GET,
  TAB_PAUSE_SET,
  createSettingsService,
  createSettingsStore,
} from '../settings';
import { STORAGE_HEALTH_GET, createStorageHealthMonitor } from '../storage';
import { POPUP_TAB_VIEW } from '../ui';
import { POLICY_GET, createManagedReader, createPolicyStore } from '../policy';
import { createRuleReconciler, createRuleSync, createDashboardTabs, createPausedTabsStore } from '../rules';
import {
  AUDIT_REPORT,
  AUDIT_FIRST_SCREEN,
  createAuditBadge,
  createClassifierSource,
  createAuditLogStore,
  createTabAuditLifecycle,
  createTabAuditStore,
  NEW_THIRD_PARTIES_TAKE,
  createThirdPartyHistoryStore,
} from '../audit';
import { STRICT_MODE_FRESH_LOAD, STRICT_MODE_PAGES } from '../strict-mode';
import { createFleetActivity, createFleetReporter, FLEET_STATUS_GET } from '../fleet';
import { createMessageRouter, type Handlers } from './message-router';
import { createPolicyGetHandler } from './policy-get-handler';
import { createSettingsChangeHandler } from './settings-change-handler';
import { createSettingsGetHandler } from './settings-get-handler';
import { createTabPauseGetHandler, createTabPauseSetHandler } from './tab-pause-handlers';
import { createAuditLogHandlers } from './audit-log-handlers';
import { createAuditReportHandler } from './audit-report-handler';
import { createSensitiveRouteHandlers } from './sensitive-route-handlers';
import { createStorageHealthHandler } from './storage-health-handler';
import { createFleetStatusHandler } from './fleet-status-handler';
import { createNewThirdPartiesHandler } from './new-third-parties-handler';
import { createCatalogGetHandler } from './catalog-get-handler';
import { createTabViewHandler } from './tab-view-handler';
import { createAuditFirstScreenHandler } from './audit-first-screen-handler';
import { createAuditContext } from './audit-context';
import { createDashboardsInForce } from './dashboards-in-force';
import { createNewPartiesRecorder } from './new-parties-recorder';
import { createProtectionRefresh } from './protection-refresh';
import { rulesAppliedMark } from './rules-applied-mark';
import { sha256Hex } from './sha256-hex';
import { routeStorageChanges } from './storage-change-router';
import { createTabCoverEvents } from './tab-cover-events';

/** Chrome can hold storage.managed.get until its policy service is ready; a reconcile does not wait longer. */
const MANAGED_READ_TIMEOUT_MS = 2_000;
/** How long after the browser starts an empty storage.managed may just mean "not loaded yet" (policy-source.ts). */
const POLICY_GRACE_MS = 60_000;
const now = (): number => Date.now();
const logError = (message: string, error: unknown): void => console.error(message, error);

// Test builds only (dist-test/): webpack drops this branch, and the module, from dist/ (test-surface.ts).
// require, not import: only a dead branch keeps webpack from bundling the module into dist/.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const testSurface = __TEST_BUILD__ ? (require('./test-surface') as typeof import('./test-surface')) : undefined;
const simulatedStorageFailure = testSurface?.createSimulatedStorageFailure(browser.storage.session);
const auditReportHold = testSurface?.createAuditReportHold();

// Every store writes through these, so a failing write is shown to the person whoever made it.
const storageHealth = createStorageHealthMonitor({
  now,
  beforeWrite: simulatedStorageFailure?.beforeWrite,
  memory: browser.storage.session,
});
const localArea = storageHealth.watch(browser.storage.local, 'local');
const sessionArea = storageHealth.watch(browser.storage.session, 'session');

// The inputs of the rules: the person's settings, the organisation's policy, the paused tabs.
const settingsStore = createSettingsStore(localArea);
const loadSettings = async () => (await settingsStore.load()).settings;
const pausedTabs = createPausedTabsStore(sessionArea);
const policyStore = createPolicyStore({
  read: createManagedReader({
    area: browser.storage.managed,
    timeoutMs: MANAGED_READ_TIMEOUT_MS,
    onLateAnswer: () => void reconciler.reconcile(),
  }),
  local: localArea,
  session: sessionArea,
  catalog: vendorCatalog,
  // Firefox reads policies.json before any add-on starts: its first answer is final.
  firstAnswerIsFinal: __BROWSER__ === 'firefox',
  graceMs: POLICY_GRACE_MS,
  now,
  schedule: (run, delayMs) => void setTimeout(run, delayMs),
  onRecheck: () => void reconciler.reconcile(),
});
const loadPolicy = () => policyStore.load();
const dashboardsInForce = createDashboardsInForce({ catalog: vendorCatalog, loadSettings, loadPolicy });

// The rules: computed from the inputs and applied in one update (rule-reconciler.ts).
// Firefox has no topDomains: its tab cover follows the tabs that show a dashboard (dashboard-tabs.ts, tab-cover.ts).
const dashboardTabs =
  __BROWSER__ === 'firefox'
    ? createDashboardTabs({
        tabs: browser.tabs,
        frames: browser.webNavigation,
        loadIsDashboardHost: () => dashboardsInForce.hostTest(),
      })
    : undefined;
const reconciler = createRuleReconciler({
  catalog: vendorCatalog,
  loadSettings,
  loadPolicy,
  loadPausedTabs: () => pausedTabs.list(),
  loadTabCover: async () =>
    dashboardTabs ? { by: 'tab-ids', tabs: await dashboardTabs.list() } : { by: 'top-domains' },
  ruleSync: createRuleSync(browser.declarativeNetRequest),
  onError: (error) => logError('Dashguard: rules not updated; the previous rules stay in force.', error),
});
const settingsService = createSettingsService({
  catalog: vendorCatalog,
  store: settingsStore,
  loadPolicy,
  reconcile: (overrides) => reconciler.reconcile(overrides),
  now: () => performance.now(),
  rulesApplied: rulesAppliedMark(performance),
});
const dashboardAccess = createCustomDashboardAccess({
  permissions: browser.permissions,
  scripting: browser.scripting,
  requiredOrigins: browser.runtime.getManifest().host_permissions ?? [],
  loadHosts: () => dashboardsInForce.customHosts(),
});
const protection = createProtectionRefresh({
  reconcile: () => reconciler.reconcile(),
  refreshDashboardTabs: dashboardTabs && (() => dashboardTabs.refresh()),
  dashboardAccess,
  policyChanged: () => policyStore.managedChanged(),
  onError: logError,
});

// The audit: per-tab audits in storage.session, the cross-tab log in storage.local, the toolbar badge.
const auditContext = createAuditContext({
  catalog: vendorCatalog,
  loadSettings,
  loadPolicy,
  policyAtHand: () => policyStore.atHand(),
  loadPausedTabs: () => pausedTabs.list(),
});
const auditClassifier = createClassifierSource({
  loadContext: auditContext.load,
  loadContextAtHand: auditContext.atHand,
  settleWaitMs: 100,
  now,
  maxAgeMs: 2_000,
});
const tabAudits = createTabAuditStore(sessionArea);
const auditLog = createAuditLogStore({ area: localArea, now, retentionDays: auditContext.retentionDays });
const auditBadge = createAuditBadge(browser.action);
const tabAuditLifecycle = createTabAuditLifecycle({ tabs: browser.tabs, tabAudits, badge: auditBadge });
// Third parties new on a dashboard: marked in the popup, counted on the badge, reported to the fleet.
const thirdPartyHistory = createThirdPartyHistoryStore(localArea);

// Fleet reporting: only when the organisation's policy names a collector (fleet-reporter.ts).
const fleet = createFleetReporter({
  loadPolicy,
  area: localArea,
  fetch: (url, init) => fetch(url, init),
  now,
  random: () => Math.random(),
  newId: () => crypto.randomUUID(),
  sha256: (text) => sha256Hex(text),
  context: {
    extensionVersion: browser.runtime.getManifest().version,
    browser: __BROWSER__,
    userAgent: navigator.userAgent,
  },
  setTimer: (run, delayMs) => setTimeout(run, delayMs),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  onError: (error) => logError('Dashguard: fleet report not sent; it stays queued.', error),
  ...(testSurface ? { loadQueueLimits: () => testSurface.fleetQueueLimits(browser.storage.session) } : {}),
});
const fleetActivity = createFleetActivity({
  fleet,
  session: sessionArea,
  tabUrl: (tabId) =>
    browser.tabs.get(tabId).then(
      (tab) => tab.url,
      () => undefined,
    ),
  classifier: () => auditClassifier.get(),
  loadContext: auditContext.load,
  now,
});

const tabPause = { store: pausedTabs, loadPolicy, reconcile: () => reconciler.reconcile() };
// Strict mode's route guard: a sensitive page reached inside a single-page app is loaded again as its own document.
const sensitiveRoutes = createSensitiveRouteHandlers({
  loadContext: auditContext.load,
  hasOrigin: (origin) => browser.permissions.contains({ origins: [origin] }),
  tabs: {
    reload: (tabId) => browser.tabs.reload(tabId),
    update: (tabId, properties) => browser.tabs.update(tabId, properties),
  },
  now,
});

browser.runtime.onInstalled.addListener(() => protection.started());
browser.runtime.onStartup.addListener(() => protection.started());
// A pause ends with its tab: a later tab that reuses the id must not inherit it.
browser.tabs.onRemoved.addListener((tabId) => void protection.whenChanged(pausedTabs.set(tabId, false)));
browser.tabs.onRemoved.addListener((tabId) => void tabAuditLifecycle.tabRemoved(tabId));
if (__BROWSER__ === 'firefox' && dashboardTabs) {
  const tabCover = createTabCoverEvents(dashboardTabs, protection.whenChanged);
  browser.webNavigation.onBeforeNavigate.addListener(tabCover.beforeNavigate);
  browser.webNavigation.onCommitted.addListener(tabCover.committed);
  browser.webNavigation.onErrorOccurred.addListener(tabCover.errorOccurred);
  browser.tabs.onRemoved.addListener(tabCover.removed);
  // Dashguard sees only the hosts it may access (the dashboards).
  browser.webRequest.onBeforeRequest.addListener(
    tabCover.beforeRequest,
    { urls: ['<all_urls>'], types: ['main_frame'] },
    ['blocking'],
  );
}
browser.tabs.onUpdated.addListener((tabId, changeInfo) => void tabAuditLifecycle.tabUpdated(tabId, changeInfo));
browser.storage.onChanged.addListener(
  routeStorageChanges({
    // The audit explains requests with the settings, policy and pauses in force: its classifier is built again.
    auditInputsChanged: () => auditClassifier.invalidate(),
    settingsChanged: (before, after) => {
      fleetActivity.settingsChanged(before, after);
      protection.settingsChanged();
    },
    pausedTabsChanged: (before, after) =>
      void fleetActivity
        .pausesChanged(before, after)
        .catch((error: unknown) => logError('Dashguard: fleet report not counted.', error)),
    // A policy change while the browser runs applies at once, without a restart. Reporting may have been switched
    // on, moved or switched off (its queue then deleted).
    policyChanged: () => {
      void fleet.poke();
      protection.policyChanged();
    },
  }),
);
browser.permissions.onAdded.addListener(() => protection.permissionsAdded());
browser.permissions.onRemoved.addListener(() => protection.permissionsRemoved());

// Test builds only: counts worker starts for the e2e tests.
if (testSurface) void testSurface.countBackgroundStart(browser.storage.session);

// The one message router: every handler goes into this map (a second onMessage listener would answer, and so
// refuse, the other router's messages).
const handlers: Handlers = {
  [POLICY_GET]: createPolicyGetHandler(policyStore),
  [SETTINGS_GET]: createSettingsGetHandler(settingsService),
  [SETTINGS_CHANGE]: createSettingsChangeHandler(settingsService),
  [TAB_PAUSE_GET]: createTabPauseGetHandler(tabPause),
  [TAB_PAUSE_SET]: createTabPauseSetHandler(tabPause),
  [AUDIT_REPORT]: createAuditReportHandler({
    classifier: () => auditClassifier.get(),
    classifierAtHand: () => auditClassifier.atHand(),
    urlWriter: auditContext.urlWriter,
    urlWriterAtHand: auditContext.urlWriterAtHand,
    tabAudits,
    auditLog,
    badge: auditBadge,
    now,
    newParties: createNewPartiesRecorder({
      history: thirdPartyHistory,
      now,
      onFound: (dashboardId, parties) => fleetActivity.newThirdParties(dashboardId, parties),
    }),
    // Awaited before the report is acknowledged, and counted once per sequence number: exactly once.
    onStored: (stored) => fleetActivity.reportStored(stored),
    ...(auditReportHold ? { holdReport: () => auditReportHold.hold.wait() } : {}),
  }),
  [FLEET_STATUS_GET]: createFleetStatusHandler(fleet),
  [NEW_THIRD_PARTIES_TAKE]: createNewThirdPartiesHandler({ history: thirdPartyHistory, tabAudits, badge: auditBadge }),
  ...createAuditLogHandlers({
    auditLog,
    retentionDays: auditContext.retentionDays,
    extensionVersion: browser.runtime.getManifest().version,
  }),
  [STORAGE_HEALTH_GET]: createStorageHealthHandler(storageHealth),
  [STRICT_MODE_PAGES]: sensitiveRoutes.pages,
  [STRICT_MODE_FRESH_LOAD]: sensitiveRoutes.freshLoad,
  ...(testSurface
    ? { [testSurface.TEST_FLEET_QUEUE_LIMITS]: testSurface.createFleetQueueLimitsHandler(browser.storage.session) }
    : {}),
  [POPUP_TAB_VIEW]: createTabViewHandler(auditContext.load),
  [AUDIT_FIRST_SCREEN]: createAuditFirstScreenHandler({ tabAudits }),
  [CATALOG_GET]: createCatalogGetHandler(vendorCatalog),
  ...(testSurface && simulatedStorageFailure
    ? { [testSurface.TEST_FAIL_STORAGE]: testSurface.createFailStorageHandler(simulatedStorageFailure) }
    : {}),
  ...(testSurface && auditReportHold ? { [testSurface.TEST_HOLD_AUDIT_REPORTS]: auditReportHold.handler } : {}),
};
const route = createMessageRouter(handlers, {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
});
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));

// A worker woken in a browser session whose policy has not answered yet checks again (policy-store.ts).
void policyStore.resume();
// Fleet reports that became ready while the background was stopped go now (there is no alarms permission).
void fleet.poke();
// Tabs closed while the worker was stopped leave no audit behind.
tabAuditLifecycle
  .pruneClosedTabs()
  .catch((error: unknown) => logError("Dashguard: closed tabs' audits not removed.", error));

// Test builds only: automation cannot open moz-extension:// pages in Firefox, so the add-on opens its options page
// itself when installed, for the e2e tests to drive. A new tab: openOptionsPage() would reuse whatever blank tab the
// test has just opened for something else.
if (__TEST_BUILD__ && __BROWSER__ === 'firefox') {
  browser.runtime.onInstalled.addListener(
    () => void browser.tabs.create({ url: browser.runtime.getURL('options.html'), active: false }),
  );
}
