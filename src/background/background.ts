/**
 * Service-worker (Chrome) / event-page (Firefox) entry. The one place that wires the components together and
 * registers every listener synchronously on the first tick, so an event that wakes the worker is never missed.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { PauseStart, ReportedDocument } from '../fleet';
import { vendorCatalog } from '../catalog-data';
import {
  customDashboards,
  createCustomDashboardAccess,
  allDashboards,
  dashboardForHost,
  CATALOG_GET,
} from '../catalog';
import {
  SETTINGS_CHANGE,
  SETTINGS_GET,
  TAB_PAUSE_GET,
  TAB_PAUSE_SET,
  createSettingsService,
  RULES_APPLIED_MARK,
  createSettingsStore,
  SETTINGS_KEY,
} from '../settings';
import { STORAGE_HEALTH_GET, createStorageHealthMonitor } from '../storage';
import { POPUP_TAB_VIEW } from '../ui';
import { POLICY_GET, createManagedReader, createPolicyStore } from '../policy';
import {
  createRuleReconciler,
  createRuleSync,
  createDashboardTabs,
  createPausedTabsStore,
  PAUSED_TABS_KEY,
} from '../rules';
import {
  auditRetentionDays,
  AUDIT_REPORT,
  AUDIT_FIRST_SCREEN,
  AUDIT_LOG_CHUNK_PREFIX,
  AUDIT_LOG_META_KEY,
  createAuditBadge,
  createClassifierSource,
  auditUrlWriter,
  keepsFullAuditUrls,
  createAuditLogStore,
  createTabAuditLifecycle,
  createTabAuditStore,
  groupKey,
  NEW_THIRD_PARTIES_TAKE,
  createThirdPartyHistoryStore,
} from '../audit';
import { STRICT_MODE_FRESH_LOAD, STRICT_MODE_PAGES } from '../strict-mode';
import {
  createFleetReporter,
  FLEET_STATUS_GET,
  FLEET_PAUSE_STARTS_KEY,
  pauseChanges,
  pauseEvent,
  ruleChanges,
  vendorRulesOf,
  mayBeUnprotected,
  unprotectedOnceKey,
  unprotectedSensitivePage,
} from '../fleet';
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

/** Chrome can hold storage.managed.get until its policy service is ready; a reconcile does not wait longer. */
const MANAGED_READ_TIMEOUT_MS = 2_000;
/** How long after the browser starts an empty storage.managed may just mean "not loaded yet" (policy-source.ts). */
const POLICY_GRACE_MS = 60_000;

// Test builds only (dist-test/): webpack drops this branch, and the module, from dist/ (test-surface.ts).
// require, not import: only a dead branch keeps webpack from bundling the module into dist/.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const testSurface = __TEST_BUILD__ ? (require('./test-surface') as typeof import('./test-surface')) : undefined;
const simulatedStorageFailure = testSurface?.createSimulatedStorageFailure(browser.storage.session);

// Every store writes through these, so a failing write is shown to the person whoever made it.
const storageHealth = createStorageHealthMonitor({
  now: () => Date.now(),
  beforeWrite: simulatedStorageFailure?.beforeWrite,
  memory: browser.storage.session,
});
const localArea = storageHealth.watch(browser.storage.local, 'local');
const sessionArea = storageHealth.watch(browser.storage.session, 'session');

const settingsStore = createSettingsStore(localArea);
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
  now: () => Date.now(),
  schedule: (run, delayMs) => void setTimeout(run, delayMs),
  onRecheck: () => void reconciler.reconcile(),
});
const ruleSync = createRuleSync(browser.declarativeNetRequest);
// Firefox has no topDomains: its tab cover follows the tabs that show a dashboard (dashboard-tabs.ts, tab-cover.ts).
const dashboardTabs =
  __BROWSER__ === 'firefox'
    ? createDashboardTabs({
        tabs: browser.tabs,
        frames: browser.webNavigation,
        loadIsDashboardHost: async () => {
          const [{ settings }, policy] = await Promise.all([settingsStore.load(), policyStore.load()]);
          const dashboards = allDashboards(vendorCatalog, settings, policy);
          return (host) => dashboardForHost(dashboards, host) !== undefined;
        },
      })
    : undefined;
const reconciler = createRuleReconciler({
  catalog: vendorCatalog,
  loadSettings: async () => (await settingsStore.load()).settings,
  loadPolicy: () => policyStore.load(),
  loadPausedTabs: () => pausedTabs.list(),
  loadTabCover: async () =>
    dashboardTabs ? { by: 'tab-ids', tabs: await dashboardTabs.list() } : { by: 'top-domains' },
  ruleSync,
  onError: (error) => console.error('Dashguard: rules not updated; the previous rules stay in force.', error),
});

const settingsService = createSettingsService({
  catalog: vendorCatalog,
  store: settingsStore,
  loadPolicy: () => policyStore.load(),
  reconcile: (overrides) => reconciler.reconcile(overrides),
  now: () => performance.now(),
  // Left for the toggle-to-effect benchmark, which reads it in the worker; one mark at a time.
  rulesApplied: (ms) => {
    performance.clearMarks(RULES_APPLIED_MARK);
    performance.mark(RULES_APPLIED_MARK, { detail: ms });
  },
});
// The audit: per-tab audits in storage.session, the cross-tab log in storage.local, the toolbar badge.
const loadAuditInputs = async () => {
  const [{ settings }, policy, paused] = await Promise.all([
    settingsStore.load(),
    policyStore.load(),
    pausedTabs.list(),
  ]);
  return { catalog: vendorCatalog, settings, policy, pausedTabs: paused };
};
// Right after Chrome starts, managed storage may take seconds to answer: the audit shows rows at once with the
// policy at hand and judges them again when it answers (audit-classifier-source.ts).
const loadAuditInputsAtHand = async () => {
  const [{ settings }, policy, paused] = await Promise.all([
    settingsStore.load(),
    policyStore.atHand(),
    pausedTabs.list(),
  ]);
  return { catalog: vendorCatalog, settings, policy, pausedTabs: paused };
};
const auditClassifier = createClassifierSource({
  loadContext: loadAuditInputs,
  loadContextAtHand: loadAuditInputsAtHand,
  settleWaitMs: 100,
  now: () => Date.now(),
  maxAgeMs: 2_000,
});
const auditRetention = async (): Promise<number> => {
  const { settings, policy } = await loadAuditInputs();
  return auditRetentionDays(settings, policy);
};
const auditUrls = async (): Promise<(url: string) => string> => {
  const { settings, policy } = await loadAuditInputs();
  return auditUrlWriter(keepsFullAuditUrls(settings, policy));
};
const auditUrlsAtHand = async (): Promise<(url: string) => string> => {
  const { settings, policy } = await loadAuditInputsAtHand();
  return auditUrlWriter(keepsFullAuditUrls(settings, policy));
};
const tabAudits = createTabAuditStore(sessionArea);
const auditLog = createAuditLogStore({ area: localArea, now: () => Date.now(), retentionDays: auditRetention });
const auditBadge = createAuditBadge(browser.action);
const tabAuditLifecycle = createTabAuditLifecycle({ tabs: browser.tabs, tabAudits, badge: auditBadge });

// Fleet reporting: only when the organisation's policy names a collector (fleet-reporter.ts).
const fleet = createFleetReporter({
  loadPolicy: () => policyStore.load(),
  area: localArea,
  fetch: (url, init) => fetch(url, init),
  now: () => Date.now(),
  random: () => Math.random(),
  newId: () => crypto.randomUUID(),
  sha256: async (text) =>
    [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join(''),
  context: {
    extensionVersion: browser.runtime.getManifest().version,
    browser: __BROWSER__,
    userAgent: navigator.userAgent,
  },
  setTimer: (run, delayMs) => setTimeout(run, delayMs),
  clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  onError: (error) => console.error('Dashguard: fleet report not sent; it stays queued.', error),
  ...(testSurface ? { loadQueueLimits: () => testSurface.fleetQueueLimits(browser.storage.session) } : {}),
});

// Third parties new on a dashboard: marked in the popup, counted on the badge, reported to the fleet.
const thirdPartyHistory = createThirdPartyHistoryStore(localArea);

// What a person changed, for the fleet report (nothing is kept or sent without the policy key: fleet.add checks).
const fleetPauses = async (before: unknown, after: unknown): Promise<void> => {
  const { started, ended } = pauseChanges(before, after);
  if (started.length === 0 && ended.length === 0) return;
  const stored = (await sessionArea.get(FLEET_PAUSE_STARTS_KEY))[FLEET_PAUSE_STARTS_KEY];
  const starts: Record<string, PauseStart> =
    typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, PauseStart>) } : {};
  const now = Date.now();
  const classifier = started.length > 0 ? await auditClassifier.get() : undefined;
  for (const tabId of started) {
    const url = await browser.tabs.get(tabId).then(
      (tab) => tab.url,
      () => undefined,
    );
    starts[String(tabId)] = {
      since: now,
      dashboard: url === undefined ? null : (classifier?.dashboardOf(url)?.id ?? null),
    };
  }
  const endedStarts = ended.flatMap((tabId) => {
    const start = starts[String(tabId)];
    delete starts[String(tabId)];
    return start === undefined ? [] : [start];
  });
  await sessionArea.set({ [FLEET_PAUSE_STARTS_KEY]: starts });
  if (endedStarts.length > 0)
    await fleet.add((newId, at) => endedStarts.map((start) => pauseEvent(newId(), start, at)));
};
const fleetRuleChanges = (before: unknown, after: unknown): void => {
  const changes = ruleChanges(vendorRulesOf(before), vendorRulesOf(after));
  if (changes.length > 0)
    void fleet.add((newId, now) =>
      changes.map((change) => ({ kind: 'rule-change' as const, id: newId(), time: now, ...change })),
    );
};
/** A sensitive page shown without strict mode: once per document and page, whatever restarts come between. */
const fleetSensitiveUnprotected = async (document: ReportedDocument, documentKey: string): Promise<void> => {
  if (!mayBeUnprotected(document)) return;
  const page = unprotectedSensitivePage(document, await loadAuditInputs());
  if (page === undefined) return;
  await fleet.add(
    (newId, now) => [{ kind: 'sensitive-unprotected', id: newId(), time: now, dashboard: document.dashboardId, page }],
    { once: unprotectedOnceKey(documentKey, page) },
  );
};

const tabPause = { store: pausedTabs, loadPolicy: () => policyStore.load(), reconcile: () => reconciler.reconcile() };
// Strict mode's route guard: a sensitive page reached inside a single-page app is loaded again as its own document.
const sensitiveRoutes = createSensitiveRouteHandlers({
  loadContext: loadAuditInputs,
  hasOrigin: (origin) => browser.permissions.contains({ origins: [origin] }),
  tabs: {
    reload: (tabId) => browser.tabs.reload(tabId),
    update: (tabId, properties) => browser.tabs.update(tabId, properties),
  },
  now: () => Date.now(),
});
const dashboardAccess = createCustomDashboardAccess({
  permissions: browser.permissions,
  scripting: browser.scripting,
  requiredOrigins: browser.runtime.getManifest().host_permissions ?? [],
  loadHosts: async () => {
    const [{ settings }, policy] = await Promise.all([settingsStore.load(), policyStore.load()]);
    return customDashboards(vendorCatalog, settings, policy).map((dashboard) => dashboard.id);
  },
});
const syncDashboardAccess = (giveBackStale = true): void => {
  dashboardAccess
    .sync({ giveBackStale })
    .catch((error: unknown) => console.error('Dashguard: self-hosted dashboard access not updated.', error));
};

browser.runtime.onInstalled.addListener(() => {
  void reconciler.reconcile();
  syncDashboardAccess();
});
browser.runtime.onStartup.addListener(() => {
  void reconciler.reconcile();
  syncDashboardAccess();
});
// A pause ends with its tab: a later tab that reuses the id must not inherit it.
browser.tabs.onRemoved.addListener((tabId) => {
  void pausedTabs.set(tabId, false).then((changed) => (changed ? reconciler.reconcile() : true));
});
browser.tabs.onRemoved.addListener((tabId) => void tabAuditLifecycle.tabRemoved(tabId));
if (__BROWSER__ === 'firefox' && dashboardTabs) {
  // Firefox's tab cover follows each tab's top-level document; a change reaches the rules through the reconciler.
  const follow = (changed: Promise<boolean>): Promise<boolean> =>
    changed.then((yes) => (yes ? reconciler.reconcile() : true));
  browser.webNavigation.onBeforeNavigate.addListener((details) => {
    if (details.frameId === 0) void follow(dashboardTabs.navigating(details.tabId, details.url));
  });
  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId === 0) void follow(dashboardTabs.committed(details.tabId, details.url));
  });
  browser.webNavigation.onErrorOccurred.addListener((details) => {
    if (details.frameId === 0) void follow(dashboardTabs.failed(details.tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => void follow(dashboardTabs.removed(tabId)));
  // A navigation to a dashboard waits until its tab's rules are in force, so no frame of the new page loads before
  // them. Dashguard sees only the hosts it may access (the dashboards); it never changes or cancels the request.
  browser.webRequest.onBeforeRequest.addListener(
    (details) =>
      follow(dashboardTabs.navigating(details.tabId, details.url)).then(
        () => ({}),
        () => ({}),
      ),
    { urls: ['<all_urls>'], types: ['main_frame'] },
    ['blocking'],
  );
}
browser.tabs.onUpdated.addListener((tabId, changeInfo) => void tabAuditLifecycle.tabUpdated(tabId, changeInfo));
// The audit explains requests with the settings, policy and pauses in force: rebuild its classifier when they change.
browser.storage.onChanged.addListener((changes, areaName) => {
  const auditOwn = (key: string): boolean => key === AUDIT_LOG_META_KEY || key.startsWith(AUDIT_LOG_CHUNK_PREFIX);
  if (
    areaName === 'managed' ||
    (areaName === 'local' && Object.keys(changes).some((key) => !auditOwn(key))) ||
    (areaName === 'session' && PAUSED_TABS_KEY in changes)
  ) {
    auditClassifier.invalidate();
  }
});
// Access granted in the options page: register the audit there. Not a reason to give anything back (see sync).
browser.permissions.onAdded.addListener(() => syncDashboardAccess(false));
browser.permissions.onRemoved.addListener(() => syncDashboardAccess());
// The dashboards may have changed (a self-hosted one added or removed): tabs already open on them too.
const refreshDashboardTabs = async (): Promise<unknown> => dashboardTabs?.refresh();
browser.storage.onChanged.addListener((changes, areaName) => {
  if (areaName === 'local' && SETTINGS_KEY in changes)
    fleetRuleChanges(changes[SETTINGS_KEY]?.oldValue, changes[SETTINGS_KEY]?.newValue);
  if (areaName === 'session' && PAUSED_TABS_KEY in changes) {
    void fleetPauses(changes[PAUSED_TABS_KEY]?.oldValue, changes[PAUSED_TABS_KEY]?.newValue).catch((error: unknown) =>
      console.error('Dashguard: fleet report not counted.', error),
    );
  }
  if (areaName === 'local' && SETTINGS_KEY in changes) {
    void refreshDashboardTabs()
      .catch(() => undefined)
      .then(() => reconciler.reconcile());
    syncDashboardAccess();
  }
  // A policy change while the browser runs applies at once, without a restart.
  if (areaName === 'managed') {
    // Reporting may have been switched on, moved or switched off (its queue then deleted).
    void fleet.poke();
    void policyStore.managedChanged().then(async () => {
      // The organisation's extra dashboards may have changed too.
      syncDashboardAccess();
      await refreshDashboardTabs().catch(() => undefined);
      return reconciler.reconcile();
    });
  }
});

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
    urlWriter: auditUrls,
    urlWriterAtHand: auditUrlsAtHand,
    tabAudits,
    auditLog,
    badge: auditBadge,
    now: () => Date.now(),
    newParties: async ({ dashboardId, page, observations }) => {
      const parties = observations.flatMap((o) =>
        o.classification.audited
          ? [
              {
                key: groupKey(o.classification.vendor),
                name: o.classification.vendor.name,
                host: o.classification.host,
                vendor: o.classification.vendor,
              },
            ]
          : [],
      );
      const { found, unseen } = await thirdPartyHistory.record(dashboardId, page, parties, Date.now());
      if (found.length > 0) {
        const vendors = new Map(parties.map((p) => [p.key, p.vendor]));
        void fleet.add((newId, now) =>
          found.flatMap((party) => {
            const vendor = vendors.get(party.key);
            return vendor === undefined
              ? []
              : [
                  {
                    kind: 'new-third-party' as const,
                    id: newId(),
                    time: now,
                    dashboard: dashboardId,
                    vendor,
                    host: party.host,
                  },
                ];
          }),
        );
      }
      return unseen;
    },
    // Awaited before the report is acknowledged, and counted once per sequence number: exactly once.
    onStored: async ({ dashboardId, documentUrl, strictMode, observations, documentKey, instanceId, maxSeq }) => {
      const requests = observations.flatMap((o) =>
        o.classification.audited
          ? [{ seq: o.seq, vendor: o.classification.vendor, status: o.classification.status }]
          : [],
      );
      await Promise.all([
        fleetSensitiveUnprotected({ dashboardId, documentUrl, strictMode }, documentKey),
        fleet.countRequests({ source: instanceId, maxSeq, dashboard: dashboardId, requests }),
      ]);
    },
  }),
  [FLEET_STATUS_GET]: createFleetStatusHandler(fleet),
  [NEW_THIRD_PARTIES_TAKE]: createNewThirdPartiesHandler({ history: thirdPartyHistory, tabAudits, badge: auditBadge }),
  ...createAuditLogHandlers({
    auditLog,
    retentionDays: auditRetention,
    extensionVersion: browser.runtime.getManifest().version,
  }),
  [STORAGE_HEALTH_GET]: createStorageHealthHandler(storageHealth),
  [STRICT_MODE_PAGES]: sensitiveRoutes.pages,
  [STRICT_MODE_FRESH_LOAD]: sensitiveRoutes.freshLoad,
  ...(testSurface
    ? { [testSurface.TEST_FLEET_QUEUE_LIMITS]: testSurface.createFleetQueueLimitsHandler(browser.storage.session) }
    : {}),
  [POPUP_TAB_VIEW]: createTabViewHandler(loadAuditInputs),
  [AUDIT_FIRST_SCREEN]: createAuditFirstScreenHandler({ tabAudits }),
  [CATALOG_GET]: createCatalogGetHandler(vendorCatalog),
  ...(testSurface && simulatedStorageFailure
    ? { [testSurface.TEST_FAIL_STORAGE]: testSurface.createFailStorageHandler(simulatedStorageFailure) }
    : {}),
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
  .catch((error: unknown) => console.error("Dashguard: closed tabs' audits not removed.", error));

// Test builds only: automation cannot open moz-extension:// pages in Firefox, so the add-on opens its options page
// itself when installed, for the e2e tests to drive. A new tab: openOptionsPage() would reuse whatever blank tab the
// test has just opened for something else.
if (__TEST_BUILD__ && __BROWSER__ === 'firefox') {
  browser.runtime.onInstalled.addListener(
    () => void browser.tabs.create({ url: browser.runtime.getURL('options.html'), active: false }),
  );
}
