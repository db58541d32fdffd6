/**
 * The popup's quick actions, the way out when a dashboard breaks: on the current dashboard, allow or block a vendor
 * here (a per-dashboard rule) in one click, and pause Dashguard on this tab alone (a session rule that ends when the
 * tab closes). Both are in force at once and apply when the page is reloaded; a Reload button is offered.
 *
 * The popup mounts this into its `<section id="quick-actions">` with `mountQuickActions(section)`; it acts on the tab
 * the popup shows (popup.html?tabId=N, else the active tab) and lists first the vendors the audit saw there.
 * Dependencies can be passed in (unit tests use fakes).
 */
import { SETTINGS_KEY } from '../src/settings/settings-store';
import browser from 'webextension-polyfill';
import { vendorCatalog } from '../src/catalog/catalog-data';
import { el, replaceChildren, uniqueId } from '../src/ui/dom';
import { attachFieldMessage } from '../src/ui/field-message';
import type { RuntimeCatalog } from '../src/catalog/runtime-catalog';
import { ruleVendors } from '../src/catalog/rule-vendors';
import { createSettingsClient, type SettingsClient } from '../src/settings/settings-client';
import type { SettingsChange } from '../src/settings/settings-change';
import { dashboardMatchesRef } from '../src/catalog/dashboards';
import { BLOCKED_STATUSES, tabAuditKey, type TabAudit } from '../src/audit/audit-types';
import { AUDIT_PAGE_QUERY, isAuditPageAnswer } from '../src/audit/audit-messages';
import type { DocumentStrictMode } from '../src/strict-mode/document-strict-mode';
import { lookUpVendor, vendorSuggestion, type NamedVendor } from '../src/catalog/vendor-lookup';
import { tabPauseRefusal } from '../src/policy/policy-lock';
import { strictModeOrigin } from '../src/strict-mode/strict-mode-access';
import { resolveTabId } from './popup-tab';
import { dashboardOfTab, quickVendor, strictModeNotice, strictModeOfTab, type StrictModeNotice, type TabContext } from './quick-actions-model';

export interface ActiveTab {
  readonly id: number;
  readonly url: string;
}

export interface QuickActionsDeps {
  readonly client: SettingsClient;
  readonly catalog: RuntimeCatalog;
  /** The tab the popup acts on; undefined when there is none (or its address is not readable). */
  activeTab(): Promise<ActiveTab | undefined>;
  reloadTab(tabId: number): Promise<void>;
  /** Vendor ids the audit saw on this tab, if the popup has them: listed first. */
  vendorsOnTab?(tabId: number): Promise<readonly string[]>;
  /** Calls `listener` when the stored settings change (the options page, another window), so the popup follows. */
  onSettingsChanged?(listener: () => void): void;
  /** Whether the document in the tab was loaded under strict mode's policy, as its content script says; undefined: no answer. */
  documentStrictMode?(tabId: number): Promise<DocumentStrictMode | undefined>;
  /** Whether Dashguard may access the page's host (strict mode's header needs it). */
  hostAccess?(url: string): Promise<boolean>;
  /** Asks the browser for a host permission (inside the click that asks). */
  requestAccess?(origin: string): Promise<boolean>;
}

const MANAGED = 'Managed by your organisation';
/** Vendors seen on the page listed before "show more". */
const SEEN_SHOWN = 6;
/** How long the popup waits for the tab's content script to say how its document was loaded. */
const PAGE_QUERY_TIMEOUT_MS = 1_000;

const STRICT_MODE_TEXT: Record<StrictModeNotice['kind'] | 'report-only', string> = {
  'in-force': 'Strict mode is in force in this page: it was loaded under Dashguard\'s policy, so no third-party code runs and nothing goes to a third party, unless you allow a vendor here.',
  'report-only': 'Strict mode (report-only) is in force in this page: it reports what the policy would refuse instead of refusing it.',
  'open-again': 'This is a sensitive page, but strict mode is not in force in it: it was not loaded as one (an in-app link, or it was open before). Open it again to protect this page.',
  'no-access': 'This is a sensitive page, but strict mode cannot protect it: Dashguard has no access to this site, which it needs to add its policy to the page. Allow access, then open the page again.',
  unconfirmed: 'This is a sensitive page, but on plain http the browser does not let Dashguard confirm that its policy is in force here.',
};

/** The real browser's dependencies. */
export function browserQuickActionsDeps(): QuickActionsDeps {
  return {
    client: createSettingsClient((message) => browser.runtime.sendMessage(message)),
    catalog: vendorCatalog,
    async activeTab() {
      // The same tab the popup's audit shows: popup.html?tabId=N, else the active tab (popup-tab.ts).
      const tabId = await resolveTabId(location.search, async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id);
      if (tabId === undefined) return undefined;
      const tab = await browser.tabs.get(tabId);
      return tab.url ? { id: tabId, url: tab.url } : undefined;
    },
    reloadTab: (tabId) => browser.tabs.reload(tabId),
    onSettingsChanged(listener) {
      browser.storage.onChanged.addListener((changes, area) => {
        if (area === 'local' && SETTINGS_KEY in changes) listener();
      });
    },
    async documentStrictMode(tabId) {
      // A frozen or busy page may not answer at once: the popup does not wait for it.
      const answer = browser.tabs.sendMessage(tabId, { type: AUDIT_PAGE_QUERY }, { frameId: 0 }).catch(() => undefined);
      const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), PAGE_QUERY_TIMEOUT_MS));
      const reply: unknown = await Promise.race([answer, timeout]);
      return isAuditPageAnswer(reply) ? reply.strictMode : undefined;
    },
    async hostAccess(url) {
      const { protocol, hostname } = new URL(url);
      return browser.permissions.contains({ origins: [`${protocol}//${hostname}/*`] });
    },
    requestAccess: (origin) => browser.permissions.request({ origins: [origin] }),
    async vendorsOnTab(tabId) {
      // What the audit saw on this tab (storage.session, see audit-types.ts): blocked ones first, the likely culprits.
      const key = tabAuditKey(tabId);
      const audit = (await browser.storage.session.get(key))[key] as Partial<TabAudit> | undefined;
      const entries: TabAudit['entries'] = Array.isArray(audit?.entries) ? audit.entries : [];
      const ranked = [...entries].sort((a, b) => Number(BLOCKED_STATUSES.has(b.status)) - Number(BLOCKED_STATUSES.has(a.status)));
      return [...new Set(ranked.map((entry) => entry.vendor?.id).filter((id): id is string => typeof id === 'string'))];
    },
  };
}

function namedVendors(context: TabContext): NamedVendor[] {
  const names = new Map<string, string>([...context.policy.extraVendors, ...context.settings.customVendors].map((v) => [v.id, v.name]));
  for (const v of context.catalog.vendors) names.set(v.id, v.name);
  return [...ruleVendors(context.catalog, context.settings, context.policy).values()].map((v) => ({ id: v.id, name: names.get(v.id) ?? v.id, domains: v.domains }));
}

/** Adds the quick actions' stylesheet once, so the popup's page needs no change to carry it. */
function addStylesheet(document: Document): void {
  if (document.querySelector('link[data-qa-style]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'quick-actions.css';
  link.dataset.qaStyle = '';
  document.head.append(link);
}

export async function mountQuickActions(container: HTMLElement, deps: QuickActionsDeps = browserQuickActionsDeps()): Promise<void> {
  addStylesheet(container.ownerDocument);
  const status = el('p', { className: 'qa-status', attrs: { role: 'status', 'aria-live': 'polite', 'data-qa': 'status' } });
  const body = el('div', { className: 'qa-body' });
  replaceChildren(container, el('h2', { className: 'qa-heading', text: 'Quick actions' }), body, status);
  container.dataset.state = 'loading';

  let tab: ActiveTab | undefined;
  try {
    tab = await deps.activeTab();
  } catch {
    tab = undefined;
  }
  const [view, policy] = await Promise.all([deps.client.get(), deps.client.policy()]).catch((error: unknown) => {
    replaceChildren(body, el('p', { className: 'qa-error', text: `Dashguard's settings could not be read: ${error instanceof Error ? error.message : String(error)}` }));
    return [undefined, undefined] as const;
  });
  if (view === undefined || policy === undefined) return;
  let context: TabContext | undefined = tab ? { catalog: deps.catalog, settings: view.settings, policy: policy.policy, url: tab.url } : undefined;
  const dashboard = context ? dashboardOfTab(context) : undefined;
  if (!tab || !context || !dashboard) {
    replaceChildren(body, el('p', { className: 'qa-hint', text: 'This page is not a dashboard Dashguard protects: it changes nothing here.' }));
    container.dataset.state = 'not-a-dashboard';
    return;
  }
  const tabId = tab.id;

  const reload = el('button', { text: 'Reload page', attrs: { type: 'button', hidden: true, 'data-qa': 'reload' } });
  reload.addEventListener('click', () => void deps.reloadTab(tabId).then(() => window.close()));
  const done = (message: string): void => {
    status.textContent = `${message} Reload the page to apply.`;
    reload.hidden = false;
  };

  // Pause on this tab.
  const pause = el('button', { className: 'qa-pause', attrs: { type: 'button', 'aria-pressed': 'false', 'data-qa': 'pause' } });
  const pauseNote = el('p', { className: 'qa-hint', attrs: { 'data-qa': 'pause-note' } });
  const showPause = (paused: boolean, allowed: boolean): void => {
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? 'Resume Dashguard on this tab' : 'Pause Dashguard on this tab';
    pause.disabled = !allowed;
    pauseNote.textContent = !allowed ? `${MANAGED}: ${tabPauseRefusal(policy.policy) ?? 'pausing is switched off.'}` : paused ? 'Paused: this tab loads every vendor until you resume or close it.' : 'Lets this tab alone load every vendor until it closes; other tabs stay protected.';
  };
  const pauseState = await deps.client.tabPause(tabId).catch(() => ({ tabId, paused: false, allowed: false }));
  showPause(pauseState.paused, pauseState.allowed);
  pause.addEventListener('click', () => {
    const next = pause.getAttribute('aria-pressed') !== 'true';
    pause.disabled = true;
    void deps.client
      .setTabPause(tabId, next)
      .then((state) => {
        showPause(state.paused, state.allowed);
        done(state.paused ? 'Paused on this tab.' : 'Dashguard is back on for this tab.');
      })
      .catch((error: unknown) => {
        showPause(!next, true);
        status.textContent = error instanceof Error ? error.message : String(error);
      });
  });

  // Vendors on this dashboard.
  const list = el('ul', { className: 'qa-vendors', attrs: { 'data-qa': 'vendors' } });
  const shown = new Set<string>();
  const seen = deps.vendorsOnTab ? await deps.vendorsOnTab(tabId).catch(() => []) : [];
  const vendorsById = new Map(namedVendors(context).map((v) => [v.id, v]));

  const apply = (change: SettingsChange, message: string): void => {
    void deps.client
      .change(change)
      .then((reply) => {
        if (!reply.applied) {
          status.textContent = reply.errors.map((e) => e.message).join(' ');
          return;
        }
        context = { ...context!, settings: reply.settings };
        renderVendors();
        done(message);
      })
      .catch((error: unknown) => {
        status.textContent = error instanceof Error ? error.message : String(error);
      });
  };

  const empty = el('p', { className: 'qa-hint', text: 'Name a vendor below to allow or block it on this dashboard.' });
  // The audit may have seen dozens of vendors: the first few (blocked ones first) keep the popup short.
  let expanded = false;
  const more = el('button', { className: 'qa-more', attrs: { type: 'button', hidden: true, 'data-qa': 'more-vendors' } });
  more.addEventListener('click', () => {
    expanded = true;
    renderVendors();
  });
  const renderVendors = (): void => {
    const current = context!;
    const seenKnown = seen.filter((id) => vendorsById.has(id));
    const listedSeen = expanded ? seenKnown : seenKnown.slice(0, SEEN_SHOWN);
    const ids = [...current.settings.dashboardVendorRules.filter((r) => dashboardMatchesRef(dashboard, r.dashboard)).map((r) => r.vendorId), ...shown, ...listedSeen];
    const vendors = [...new Set(ids)].map((id) => vendorsById.get(id)).filter((v): v is NamedVendor => v !== undefined);
    const hiddenCount = seenKnown.filter((id) => !ids.includes(id)).length;
    more.hidden = hiddenCount === 0;
    more.textContent = `Show ${hiddenCount} more seen on this page`;
    empty.hidden = vendors.length > 0;
    replaceChildren(
      list,
      ...vendors.map((vendor) => {
        const model = quickVendor(vendor, dashboard, current);
        const verb = model.state === 'block' ? 'Allow here' : 'Block here';
        const button = el('button', {
          className: model.state === 'block' ? 'primary' : '',
          text: verb,
          attrs: { type: 'button', 'aria-label': `${verb}: ${vendor.name} on ${dashboard.name}`, 'data-qa': 'vendor-toggle', disabled: model.change === undefined },
        });
        button.addEventListener('click', () => {
          if (model.change) apply(model.change, `${vendor.name} ${model.state === 'block' ? 'allowed' : 'blocked'} on ${dashboard.name}.`);
        });
        return el(
          'li',
          { attrs: { 'data-vendor': vendor.id, 'data-state': model.state } },
          el('span', { className: 'qa-vendor-name', text: vendor.name }),
          el('span', { className: model.state === 'block' ? 'status-blocked qa-state' : 'status-allowed qa-state', text: model.state === 'block' ? 'blocked here' : 'allowed here' }),
          button,
          model.change === undefined ? el('span', { className: 'qa-hint', text: MANAGED }) : null,
        );
      }),
    );
  };

  // Any other vendor, by name.
  const inputId = uniqueId('qa-vendor');
  const listId = uniqueId('qa-vendor-list');
  const input = el('input', { attrs: { id: inputId, type: 'text', list: listId, autocomplete: 'off', 'data-qa': 'vendor-input' } });
  const message = attachFieldMessage(input);
  const suggestions = el('datalist', { attrs: { id: listId } }, ...[...vendorsById.values()].map((v) => el('option', { attrs: { value: vendorSuggestion(v) } })));
  const find = el('form', { className: 'qa-find', attrs: { novalidate: true } }, el('label', { text: 'Another vendor', attrs: { for: inputId } }), input, suggestions, el('button', { text: 'Show', attrs: { type: 'submit', 'data-qa': 'vendor-show' } }), message.element);
  find.addEventListener('submit', (event) => {
    event.preventDefault();
    message.clear();
    const found = lookUpVendor(input.value, [...vendorsById.values()]);
    if (!found.ok) {
      message.show(found.error);
      return;
    }
    shown.add(found.vendor.id);
    input.value = '';
    renderVendors();
    list.querySelector<HTMLButtonElement>(`li[data-vendor="${CSS.escape(found.vendor.id)}"] button`)?.focus();
  });

  renderVendors();
  // A change made elsewhere while the popup is open (the options page, say): show the settings as stored now. Only
  // the latest read is shown, so replies arriving out of order cannot bring back an older state.
  let reads = 0;
  deps.onSettingsChanged?.(() => {
    const read = ++reads;
    void deps.client.get().then((latest) => {
      if (read !== reads) return;
      context = { ...context!, settings: latest.settings };
      renderVendors();
    }).catch(() => undefined);
  });
  const [documentStrictMode, hostAccess] = await Promise.all([
    deps.documentStrictMode ? deps.documentStrictMode(tabId).catch(() => undefined) : Promise.resolve(undefined),
    deps.hostAccess ? deps.hostAccess(tab.url).catch(() => false) : Promise.resolve(true),
  ]);
  const strict = strictModeNotice(strictModeOfTab(context), documentStrictMode, hostAccess);
  const strictState = strict === undefined ? undefined : strict.kind === 'in-force' && !strict.enforced ? 'report-only' : strict.kind;
  // "Open again" reloads the tab: a fresh document, so the policy applies and nothing loaded before survives.
  const openAgain = el('button', { className: 'primary', text: 'Open again', attrs: { type: 'button', 'data-qa': 'strict-open-again' } });
  openAgain.addEventListener('click', () => void deps.reloadTab(tabId).then(() => window.close()));
  const allowAccess = el('button', { text: 'Allow access', attrs: { type: 'button', 'data-qa': 'strict-allow-access' } });
  allowAccess.addEventListener('click', () => {
    const origin = strictModeOrigin(new URL(tab.url).hostname, dashboard, deps.catalog.dashboards.some((d) => d.id === dashboard.id));
    void (deps.requestAccess?.(origin) ?? Promise.resolve(false)).then(
      (granted) => (granted ? done('Access allowed.') : (status.textContent = 'Access was not allowed: strict mode cannot protect this page.')),
      (error: unknown) => (status.textContent = error instanceof Error ? error.message : String(error)),
    );
  });
  replaceChildren(
    body,
    el('p', { className: 'qa-dashboard', attrs: { 'data-qa': 'dashboard', 'data-dashboard': dashboard.id } }, 'On ', el('strong', { text: dashboard.name })),
    strictState === undefined
      ? null
      : el('div', { className: strictState === 'in-force' ? 'status-allowed qa-note' : 'status-warn qa-note', attrs: { 'data-qa': 'strict-mode', 'data-state': strictState } },
          el('p', { className: 'qa-strict-text', text: STRICT_MODE_TEXT[strictState] }),
          strictState === 'open-again' ? openAgain : strictState === 'no-access' ? allowAccess : null),
    view.settings.reportOnly || policy.policy.reportOnly ? el('p', { className: 'status-warn qa-note', text: 'Report-only mode: nothing is blocked; the audit marks what would be.' }) : null,
    pause,
    pauseNote,
    el('h3', { className: 'qa-subheading', text: `Vendors on ${dashboard.name}` }),
    empty,
    list,
    more,
    find,
    reload,
  );
  container.dataset.state = 'ready';
}
