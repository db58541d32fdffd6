/**
 * What the popup does: asks the background for the first screen of the tab's audit (`audit/first-screen`, from the
 * audit it holds in memory) and, at the same time, reads the first screen stored beside the audit in storage.session
 * (a few KB, there also while the background's worker is stopped): whichever arrives first is drawn at once. It reads
 * the whole audit (straight from storage.session, also while the
 * background sleeps) for the rest and follows it live, asks the background about the tab (`popup/tab-view`: the
 * dashboard, each vendor's state here), and carries out the person's clicks (allow or block here, pause, reload, export, delete). Every outcome goes into
 * the page's one store; the components only render it. The browser is reached through `PopupDeps` (fakes in tests).
 */
import type { AuditDisplay, AuditPageAnswer, TabAudit } from '../src/audit';
import type { SendMessage } from '../src/messaging';
import type { SettingsClient } from '../src/settings';
import type { TabView, PageStore } from '../src/ui';
import { errorMessage } from '../src/shared';
import {
  auditExportFileName,
  auditLogCsv,
  auditLogJson,
  AUDIT_CLEAR_LOG,
  AUDIT_EXPORT_LOG,
  AUDIT_FIRST_SCREEN,
  auditClearLog,
  auditExportLog,
  auditFirstScreen,
  isFirstScreenOf,
  isTabAudit,
  auditRetentionDays,
  NEW_THIRD_PARTIES_TAKE,
  newThirdPartiesTake,
} from '../src/audit';
import { createMessageClient } from '../src/messaging';
import { createSettingsClient } from '../src/settings';
import { popupTabView, POPUP_TAB_VIEW } from '../src/ui';
import { droppedSummary } from './dropped-summary';
import {
  pageLabelOf,
  showAudit,
  showFirstScreen,
  type AuditShown,
  type PopupState,
  type StatusFilter,
} from './popup-state';

export interface PopupDeps {
  readonly send: SendMessage;
  /** The tab the popup shows: popup.html?tabId=N, else the active tab. */
  tabId(): Promise<number | undefined>;
  /** The address of the tab's page; undefined when the popup may not read it. */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** The tab's audit as stored (unchecked). */
  readAudit(tabId: number): Promise<unknown>;
  /** The first screen stored beside the tab's audit (unchecked; stored-first-screen.ts). */
  readFirstScreen(tabId: number): Promise<unknown>;
  /** Calls `listener` with each new stored value of the tab's audit. */
  onAuditChanged(tabId: number, listener: (value: unknown) => void): void;
  /** Calls `listener` when the stored settings or the policy change (the options page, another window). */
  onSettingsChanged(listener: () => void): void;
  /** The content script's answer from the tab's page; undefined when there is none (not a dashboard, no answer). */
  askPage(tabId: number): Promise<AuditPageAnswer | undefined>;
  hostAccess(url: string): Promise<boolean>;
  requestAccess(origin: string): Promise<boolean>;
  reloadTab(tabId: number): Promise<void>;
  closePopup(): void;
  download(fileName: string, text: string, mimeType: string): void;
  now(): number;
  /** Live updates are drawn at most this often: a page making hundreds of requests a second stays readable. */
  readonly updateIntervalMs: number;
  /** How long the delete button waits for its confirming click. */
  readonly confirmMs: number;
  /** List items the first draw holds (vendor groups, then rows): what the background's first screen carries. */
  readonly firstItems: number;
  /** How long the whole audit's read waits for the first screen at most. */
  readonly firstScreenWaitMs: number;
  /** Records the log dropped to stay within its caps, by source (storage.local's log meta). */
  readDropped(): Promise<Readonly<Record<string, number>>>;
  /** Calls `listener` when the log's meta changes. */
  onLogChanged(listener: () => void): void;
}

export interface PopupController {
  start(): Promise<void>;
  toggleVendor(vendorId: string): Promise<void>;
  togglePause(): Promise<void>;
  findVendor(text: string): Promise<boolean>;
  reload(): Promise<void>;
  allowAccess(): Promise<void>;
  setFilter(change: { readonly text?: string; readonly status?: StatusFilter }): void;
  exportLog(format: 'json' | 'csv'): Promise<void>;
  clearLog(): Promise<void>;
}

export function createPopupController(store: PageStore<PopupState>, deps: PopupDeps): PopupController {
  const client: SettingsClient = createSettingsClient(deps.send);
  const background = createMessageClient(deps.send, [
    popupTabView,
    auditFirstScreen,
    auditExportLog,
    auditClearLog,
    newThirdPartiesTake,
  ]);
  let newAsked = false;
  /** "New on this dashboard": asked once per popup (from then on they count as seen, so a party is new once). */
  const askNew = (shown: AuditShown): void => {
    const dashboard = shown.page?.dashboardId ?? null;
    if (newAsked || dashboard === null) return;
    newAsked = true;
    background
      .send(NEW_THIRD_PARTIES_TAKE, { dashboard, tabId: shown.tabId })
      .then((keys) => store.set({ newGroups: new Set(keys) }))
      .catch(() => store.set({ newGroups: new Set() }));
  };
  const readDropped = (): void => {
    deps
      .readDropped()
      .then((dropped) => store.set({ droppedText: droppedSummary(dropped) }))
      .catch(() => undefined);
  };
  let suggestionsAsked = false;
  let viewReads = 0;
  let pageAnswered = false;

  const vendorIdsShown = (): string[] => {
    const { shown, named } = store.get();
    const seen =
      shown === undefined ? [] : shown.groups.map((g) => g.vendor.id).filter((id): id is string => id !== null);
    return [...new Set([...seen, ...named])];
  };

  /** Asks the background about the tab again; only the latest answer is shown, so late replies cannot undo a newer one. */
  const readView = async (find?: string): Promise<TabView | undefined> => {
    const { url } = store.get();
    if (url === undefined) return undefined;
    const read = ++viewReads;
    const payload = {
      url,
      vendorIds: vendorIdsShown(),
      ...(find === undefined ? {} : { find }),
      ...(suggestionsAsked ? {} : { suggestions: true }),
    };
    const answer = await background.send(POPUP_TAB_VIEW, payload);
    suggestionsAsked = true;
    const previous = store.get().view;
    const view: TabView =
      answer.suggestions === undefined && previous?.suggestions !== undefined
        ? { ...answer, suggestions: previous.suggestions }
        : answer;
    if (read !== viewReads) return view;
    // The header says "ready" only once the page's own answer is in too (start() below), so a test or a person never
    // reads a strict-mode notice made without it.
    store.set((s) => ({
      view,
      ...(s.quick === 'loading' ? {} : { quick: view.dashboard === null ? 'not-a-dashboard' : 'ready' }),
    }));
    // Vendors listed while the question was on its way (the rest of the audit arrived): ask about them too.
    const asked = new Set(payload.vendorIds);
    if (view.dashboard !== null && vendorIdsShown().some((id) => !asked.has(id))) refreshView();
    return view;
  };

  const refreshView = (): void => {
    readView().catch((error: unknown) =>
      store.set({ quickError: `Dashguard's settings could not be read: ${errorMessage(error)}` }),
    );
  };

  let pending: TabAudit | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (shown: AuditShown): void => {
    const before = store.get().shown;
    const label = pageLabelOf(shown.page);
    const samePage = before?.pageKey === shown.pageKey;
    askNew(shown);
    store.set({
      shown,
      empty: shown.rows === 0 ? 'No third-party requests on this page so far.' : undefined,
      pageLabel: label.label,
      pageTitle: label.title,
      ...(samePage ? {} : { budget: 0 }),
    });
    // A vendor the background has not judged yet: ask again.
    const known = new Set(store.get().view?.vendors.map((v) => v.id));
    if (store.get().view?.dashboard && vendorIdsShown().some((id) => !known.has(id))) refreshView();
  };
  const showAuditNow = (audit: TabAudit): void => {
    const before = store.get().shown;
    // A read that answered after a live update is older than what is shown.
    if (before?.complete === true && before.updatedAt > audit.updatedAt) return;
    show(showAudit(audit));
  };

  const showNoAudit = (): void => {
    store.set({
      shown: undefined,
      budget: 0,
      pageLabel: pageAnswered ? 'This dashboard' : 'Not a dashboard',
      pageTitle: undefined,
      empty: pageAnswered
        ? 'No third-party requests on this page so far.'
        : 'Dashguard audits CI dashboards only: nothing to show on this page.',
    });
  };

  const done = (text: string): void => store.set({ status: `${text} Reload the page to apply.`, reloadOffered: true });

  const readRetention = async (): Promise<void> => {
    try {
      const [view, policy] = await Promise.all([client.get(), client.policy()]);
      store.set({ retentionDays: auditRetentionDays(view.settings, policy.policy) });
    } catch {
      // The heading stays without the retention: nothing else depends on it.
    }
  };

  let armed: ReturnType<typeof setTimeout> | undefined;

  return {
    async start() {
      const tabId = await deps.tabId().catch(() => undefined);
      if (tabId === undefined) {
        store.set({ empty: 'No tab to show.', quick: 'not-a-dashboard' });
        return;
      }
      // The first screen (a few kilobytes, however large the audit), drawn at once: from the background, and from
      // storage.session, where it is kept beside the audit (a stopped worker must read the whole audit before it can
      // answer); whichever comes first and is about this tab, and a later one only if it is newer. Then the whole
      // audit from storage for the rest. Not all at once: while the browser hands the popup megabytes of audit, the
      // small answers wait behind them. A background slow to answer does not hold the read.
      let startRead = (): void => undefined;
      const readMay = new Promise<void>((resolve) => (startRead = resolve));
      const waiting = setTimeout(() => startRead(), deps.firstScreenWaitMs);
      const drawFirstScreen = (display: AuditDisplay): boolean => {
        const before = store.get().shown;
        if (before !== undefined && (before.complete || before.updatedAt > display.updatedAt)) return false;
        show(showFirstScreen(display));
        clearTimeout(waiting);
        startRead();
        return true;
      };
      const storedFirstScreen = deps
        .readFirstScreen(tabId)
        .then((value) => isFirstScreenOf(value, tabId) && drawFirstScreen(value))
        .catch(() => false);
      const firstScreen = background
        .send(AUDIT_FIRST_SCREEN, { tabId, items: deps.firstItems })
        .then((display) => {
          if (display !== null && display.tabId === tabId) drawFirstScreen(display);
        })
        .catch(() => undefined)
        .finally(() => {
          clearTimeout(waiting);
          startRead();
        });
      const auditRead = readMay
        .then(() => deps.readAudit(tabId))
        .catch((error: unknown) => {
          store.set({ empty: `The audit could not be read: ${errorMessage(error)}` });
          return undefined;
        });
      const urlRead = deps.tabUrl(tabId).catch(() => undefined);
      store.set({ tabId });
      void readRetention();
      readDropped();
      deps.onLogChanged(readDropped);
      deps.onAuditChanged(tabId, (value) => {
        if (!isTabAudit(value)) {
          showNoAudit();
          return;
        }
        pending = value;
        timer ??= setTimeout(() => {
          timer = undefined;
          if (pending) showAuditNow(pending);
          pending = undefined;
        }, deps.updateIntervalMs);
      });
      deps.onSettingsChanged(() => {
        refreshView();
        void readRetention();
      });

      const shownWhenRead = auditRead.then((stored) => {
        if (isTabAudit(stored)) showAuditNow(stored);
        return stored;
      });
      const url = await urlRead;
      store.set({ url });
      // The vendors the background is asked about are those listed: the first screen's, or the whole audit's.
      await Promise.race([
        firstScreen,
        shownWhenRead,
        storedFirstScreen.then((drawn) => (drawn ? undefined : firstScreen)),
      ]);

      // The header: what the background says about the tab, then the page's own answer (strict mode's marker).
      const answer = deps.askPage(tabId).catch(() => undefined);
      if (url === undefined) store.set({ quick: 'not-a-dashboard' });
      else {
        try {
          await readView();
        } catch (error) {
          store.set({ quick: 'error', quickError: `Dashguard's settings could not be read: ${errorMessage(error)}` });
        }
      }
      const view = store.get().view;
      const [page, pause, access] = await Promise.all([
        answer,
        view?.dashboard
          ? client.tabPause(tabId).catch(() => ({ tabId, paused: false, allowed: false }))
          : Promise.resolve(undefined),
        view?.strictMode && url !== undefined ? deps.hostAccess(url).catch(() => false) : Promise.resolve(true),
      ]);
      pageAnswered = page !== undefined;
      store.set((s) => ({
        pause,
        documentStrictMode: page?.strictMode,
        hostAccess: access,
        quick: s.quick === 'error' ? 'error' : s.view?.dashboard ? 'ready' : 'not-a-dashboard',
      }));
      const stored = await shownWhenRead;
      await firstScreen;
      if (!isTabAudit(stored) && store.get().shown === undefined) showNoAudit();
    },

    async toggleVendor(vendorId) {
      const { view, changing } = store.get();
      const vendor = view?.vendors.find((v) => v.id === vendorId);
      if (!view?.dashboard || !vendor?.change || changing.includes(vendorId)) return;
      store.set({ changing: [...changing, vendorId] });
      try {
        const reply = await client.change(vendor.change);
        if (!reply.applied) store.set({ status: reply.errors.map((e) => e.message).join(' ') });
        else {
          await readView();
          done(`${vendor.name} ${vendor.state === 'block' ? 'allowed' : 'blocked'} on ${view.dashboard.name}.`);
        }
      } catch (error) {
        store.set({ status: errorMessage(error) });
      } finally {
        store.set((s) => ({ changing: s.changing.filter((id) => id !== vendorId) }));
      }
    },

    async togglePause() {
      const { tabId, pause } = store.get();
      if (tabId === undefined || pause === undefined || store.get().pauseBusy) return;
      const next = !pause.paused;
      store.set({ pauseBusy: true });
      try {
        const state = await client.setTabPause(tabId, next);
        store.set({ pause: state });
        done(state.paused ? 'Paused on this tab.' : 'Dashguard is back on for this tab.');
      } catch (error) {
        store.set({ status: errorMessage(error) });
      } finally {
        store.set({ pauseBusy: false });
      }
    },

    async findVendor(text) {
      store.set({ findError: undefined });
      try {
        const view = await readView(text);
        const found = view?.found;
        if (found === undefined) return false;
        if (!found.ok) {
          store.set({ findError: found.error });
          return false;
        }
        if (!store.get().named.includes(found.vendorId)) store.set((s) => ({ named: [...s.named, found.vendorId] }));
        return true;
      } catch (error) {
        store.set({ findError: errorMessage(error) });
        return false;
      }
    },

    async reload() {
      const { tabId } = store.get();
      if (tabId === undefined) return;
      await deps.reloadTab(tabId);
      deps.closePopup();
    },

    async allowAccess() {
      const origin = store.get().view?.strictModeOrigin;
      if (!origin) return;
      try {
        const granted = await deps.requestAccess(origin);
        if (granted) {
          store.set({ hostAccess: true });
          done('Access allowed.');
        } else store.set({ status: 'Access was not allowed: strict mode cannot protect this page.' });
      } catch (error) {
        store.set({ status: errorMessage(error) });
      }
    },

    setFilter(change) {
      store.set({
        ...(change.text === undefined ? {} : { filterText: change.text }),
        ...(change.status === undefined ? {} : { filterStatus: change.status }),
      });
    },

    async exportLog(format) {
      store.set({ logStatus: 'Preparing the export…' });
      try {
        const log = await background.send(AUDIT_EXPORT_LOG, null);
        const now = deps.now();
        const text =
          format === 'json'
            ? auditLogJson(log.records, {
                exportedAt: now,
                extensionVersion: log.extensionVersion,
                retentionDays: log.retentionDays,
                dropped: log.dropped,
              })
            : auditLogCsv(log.records, log.dropped);
        deps.download(auditExportFileName(now, format), text, format === 'json' ? 'application/json' : 'text/csv');
        store.set({
          logStatus: `Exported ${log.records.length} log record${log.records.length === 1 ? '' : 's'} as ${format.toUpperCase()}.`,
        });
      } catch (error) {
        store.set({ logStatus: `Export failed: ${errorMessage(error)}` });
      }
    },

    async clearLog() {
      if (!store.get().clearArmed) {
        store.set({ clearArmed: true, logStatus: 'This deletes the audit log of every tab. Click again to confirm.' });
        armed = setTimeout(() => store.set({ clearArmed: false, logStatus: '' }), deps.confirmMs);
        return;
      }
      if (armed !== undefined) clearTimeout(armed);
      store.set({ clearArmed: false });
      try {
        await background.send(AUDIT_CLEAR_LOG, null);
        store.set({ logStatus: 'Audit log deleted.' });
      } catch (error) {
        store.set({ logStatus: `The log was not deleted: ${errorMessage(error)}` });
      }
    },
  };
}
