/**
 * The popup: what this tab's page tried to load and what to do about it (popup.html, or popup.html?tabId=N for tab
 * N: a contract tests and tools rely on). One store holds its state (popup-state.ts), the controller fills it from the
 * browser and the background (popup-controller.ts), and Preact components draw it (components/).
 */
import browser from 'webextension-polyfill';
import type { SendMessage } from '../src/messaging';
import {
  AUDIT_PAGE_QUERY,
  isAuditPageAnswer,
  firstScreenKey,
  tabAuditKey,
  AUDIT_LOG_META_KEY,
  readDroppedRecords,
} from '../src/audit';
import { SETTINGS_KEY } from '../src/settings';
import { createPageStore, downloadText } from '../src/ui';
import { mountFleetStatusLine } from '../src/fleet';
import { createPopupController } from './popup-controller';
import { startRenderer } from './popup-renderer';
import { INITIAL_STATE } from './popup-state';
import { resolveTabId } from './popup-tab';

/** List items (vendor groups, then rows) in the first draw: the first screen, asked of the background. */
const FIRST_ROWS = 60;
/** How long the popup waits for a tab's content script to answer. */
const PAGE_QUERY_TIMEOUT_MS = 1_000;

/** Runs tasks one after another, each as its own task: postMessage is not throttled in background tabs. */
function createDefer(): (task: () => void) => void {
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
}

const send: SendMessage = (message) => browser.runtime.sendMessage(message);
const store = createPageStore(INITIAL_STATE);
const controller = createPopupController(store, {
  send,
  tabId: () =>
    resolveTabId(location.search, async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id),
  async tabUrl(tabId) {
    return (await browser.tabs.get(tabId)).url || undefined;
  },
  async readAudit(tabId) {
    const key = tabAuditKey(tabId);
    return (await browser.storage.session.get(key))[key];
  },
  async readFirstScreen(tabId) {
    const key = firstScreenKey(tabId);
    return (await browser.storage.session.get(key))[key];
  },
  onAuditChanged(tabId, listener) {
    const key = tabAuditKey(tabId);
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'session' && key in changes) listener(changes[key]?.newValue);
    });
  },
  onSettingsChanged(listener) {
    browser.storage.onChanged.addListener((changes, area) => {
      if ((area === 'local' && SETTINGS_KEY in changes) || area === 'managed') listener();
    });
  },
  async askPage(tabId) {
    // A frozen or busy page may not answer at once: the popup does not wait for it.
    const answer = browser.tabs.sendMessage(tabId, { type: AUDIT_PAGE_QUERY }, { frameId: 0 }).catch(() => undefined);
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), PAGE_QUERY_TIMEOUT_MS));
    const reply: unknown = await Promise.race([answer, timeout]);
    return isAuditPageAnswer(reply) ? reply : undefined;
  },
  async hostAccess(url) {
    const { protocol, hostname } = new URL(url);
    return browser.permissions.contains({ origins: [`${protocol}//${hostname}/*`] });
  },
  requestAccess: (origin) => browser.permissions.request({ origins: [origin] }),
  reloadTab: (tabId) => browser.tabs.reload(tabId),
  closePopup: () => window.close(),
  download: (fileName, text, mimeType) => downloadText(document, fileName, text, mimeType),
  now: () => Date.now(),
  updateIntervalMs: 150,
  confirmMs: 5_000,
  firstItems: FIRST_ROWS,
  firstScreenWaitMs: 500,
  readDropped: () => readDroppedRecords(browser.storage.local),
  onLogChanged(listener) {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && AUDIT_LOG_META_KEY in changes) listener();
    });
  },
});

const root = document.getElementById('popup');
if (root === null) throw new Error('popup.html lacks #popup');
let firstDrawn = false;
let allDrawn = false;
startRenderer({
  root,
  store,
  actions: controller,
  send,
  now: () => Date.now(),
  defer: createDefer(),
  clock: () => performance.now(),
  firstRows: FIRST_ROWS,
  sliceMs: 8,
  mountFleetStatus: (slot) =>
    mountFleetStatusLine(slot, (message) => browser.runtime.sendMessage(message), browser.storage.onChanged),
  onDrawn: ({ complete, items }) => {
    // Benchmark hooks (scripts/bench/): the list's first screen drawn (its first slice), and every row built.
    if (items === 0 || allDrawn) return;
    if (!firstDrawn) {
      firstDrawn = true;
      performance.mark('dashguard:audit-first-render');
    }
    if (complete) {
      allDrawn = true;
      performance.mark('dashguard:audit-rendered');
    }
  },
});
void controller.start();
