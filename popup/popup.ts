/**
 * The popup: the audit of the current tab (or of tab N with popup.html?tabId=N), live while it is open, and the
 * audit log's export and delete buttons. It reads the tab's audit straight from storage.session (also while the
 * service worker sleeps) and follows storage.onChanged for live updates.
 */
import browser from 'webextension-polyfill';
import { categories } from '../rules/catalog/categories';
import { AUDIT_LOG_META_KEY, readDroppedRecords } from '../src/audit/audit-log-layout';
import { AUDIT_PAGE_QUERY } from '../src/audit/audit-messages';
import { auditRetentionDays } from '../src/audit/audit-retention';
import { tabAuditKey, type TabAudit } from '../src/audit/audit-types';
import { POLICY_GET, isPolicyStatus } from '../src/policy/policy-status';
import { parseStoredSettings } from '../src/settings/settings-shape';
import { AuditView, type StatusFilter } from './audit-view';
import { downloadText } from './download';
import { droppedSummary } from './dropped-summary';
import { installLogActions } from './log-actions';
import { resolveTabId } from './popup-tab';
import { mountQuickActions } from './quick-actions';
import { mountStorageHealthAlert } from '../src/ui/storage-health-alert';
import { mountFleetStatusLine } from '../src/fleet/fleet-status-line';
import { mountNewMarks } from './new-marks';

/** Live updates are drawn at most this often: a page making hundreds of requests a second stays readable. */
const UPDATE_INTERVAL_MS = 150;
/** How long the popup waits for a tab's content script to say it is a dashboard page. */
const PAGE_QUERY_TIMEOUT_MS = 1_000;

function required<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`popup.html lacks #${id}`);
  return element as T;
}

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

const isTabAudit = (value: unknown): value is TabAudit => typeof value === 'object' && value !== null && Array.isArray((value as TabAudit).entries);

let firstPaint = true;
const view = new AuditView({
  document,
  root: required('audit'),
  summary: required('summary'),
  categories,
  defer: createDefer(),
  now: () => Date.now(),
  sliceMs: 8,
  onRendered: ({ first }) => {
    // Benchmark hooks (scripts/bench/): first rows on screen, and every row built.
    if (first && firstPaint) performance.mark('dashguard:audit-first-render');
    if (!first && firstPaint) {
      firstPaint = false;
      performance.mark('dashguard:audit-rendered');
    }
  },
});

const newMarks = mountNewMarks(required('audit'), (message) => browser.runtime.sendMessage(message));

const pageLabel = required('page-label');
function showPage(audit: TabAudit): void {
  const page = audit.page;
  pageLabel.textContent = page === null ? 'This tab' : page.dashboardName ? `${page.dashboardName} · ${page.host}` : page.host;
  if (page !== null) pageLabel.title = page.url;
}

async function showNoAudit(tabId: number): Promise<void> {
  let dashboard: boolean;
  try {
    // A frozen or busy page may not answer at once: the popup does not wait for it.
    const answer = browser.tabs.sendMessage(tabId, { type: AUDIT_PAGE_QUERY }, { frameId: 0 });
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), PAGE_QUERY_TIMEOUT_MS));
    dashboard = (await Promise.race([answer, timeout])) !== undefined;
  } catch {
    dashboard = false;
  }
  pageLabel.textContent = dashboard ? 'This dashboard' : 'Not a dashboard';
  view.showEmpty(dashboard ? 'No third-party requests on this page so far.' : 'Dashguard audits CI dashboards only: nothing to show on this page.');
}

async function showRetention(): Promise<void> {
  try {
    const [stored, reply] = await Promise.all([browser.storage.local.get('settings'), browser.runtime.sendMessage({ type: POLICY_GET, payload: null })]);
    const status = typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true ? (reply as { value?: unknown }).value : undefined;
    const policy = isPolicyStatus(status) ? status.policy : { auditRetentionDays: undefined };
    const days = auditRetentionDays(parseStoredSettings(stored.settings).settings, policy);
    required('log-retention').textContent = `· kept ${days} day${days === 1 ? '' : 's'}, all tabs`;
  } catch {
    // The heading stays without the retention: nothing else depends on it.
  }
}

async function main(): Promise<void> {
  const tabId = await resolveTabId(location.search, async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id);
  if (tabId === undefined) {
    view.showEmpty('No tab to show.');
    return;
  }
  const key = tabAuditKey(tabId);

  let pending: TabAudit | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (audit: TabAudit): void => {
    showPage(audit);
    view.update(audit);
    newMarks.showFor(audit.page?.dashboardId ?? null, audit.tabId);
  };
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName !== 'session' || !(key in changes)) return;
    const next = changes[key]?.newValue;
    if (!isTabAudit(next)) {
      void showNoAudit(tabId);
      return;
    }
    pending = next;
    timer ??= setTimeout(() => {
      timer = undefined;
      if (pending) show(pending);
      pending = undefined;
    }, UPDATE_INTERVAL_MS);
  });

  const stored = (await browser.storage.session.get(key))[key];
  if (isTabAudit(stored)) show(stored);
  else await showNoAudit(tabId);
}

const filterInput = required<HTMLInputElement>('filter');
const statusFilter = required<HTMLSelectElement>('status-filter');
const applyFilter = (): void => view.filter(filterInput.value, statusFilter.value as StatusFilter);
filterInput.addEventListener('input', applyFilter);
statusFilter.addEventListener('change', applyFilter);

installLogActions({
  sendMessage: (message) => browser.runtime.sendMessage(message),
  download: (fileName, text, mimeType) => downloadText(document, fileName, text, mimeType),
  now: () => Date.now(),
  status: required('log-status'),
  exportJson: required('export-json'),
  exportCsv: required('export-csv'),
  clear: required('clear-log'),
  confirmMs: 5_000,
});

main().catch((error: unknown) => view.showEmpty(`The audit could not be read: ${error instanceof Error ? error.message : String(error)}`));
// Quick actions (issue 4): allow or block a vendor on this dashboard, pause on this tab. Its own module and styles.
void mountQuickActions(required('quick-actions'));
mountStorageHealthAlert(required('storage-alert'), (message) => browser.runtime.sendMessage(message));
mountFleetStatusLine(required('fleet-status'), (message) => browser.runtime.sendMessage(message), browser.storage.onChanged);
void showRetention();

const droppedLine = required('log-dropped');
async function showDropped(): Promise<void> {
  const text = droppedSummary(await readDroppedRecords(browser.storage.local));
  droppedLine.textContent = text;
  droppedLine.hidden = text === '';
}
void showDropped().catch(() => undefined);
browser.storage.onChanged.addListener((changes, areaName) => {
  if (areaName === 'local' && AUDIT_LOG_META_KEY in changes) void showDropped().catch(() => undefined);
});
