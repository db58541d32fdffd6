/**
 * The only code of the options page that talks to the background and the browser and changes the page's state.
 * Every settings change goes through `apply`: the background validates it, puts the rules in force and saves it;
 * the page then shows what the background answered (the saved settings, or what is wrong), never its own guess, and
 * says the outcome in the status line. A change made elsewhere (the popup, another options tab, the policy) arrives
 * through `refresh`, so every open page converges to the last change.
 */
import type { RuntimeCatalog } from '../src/catalog';
import type { SettingsChange, SettingsClient, ChangeReply, UserSettings } from '../src/settings';
import type { PageStore } from '../src/ui';
import { customDashboardOrigin, allDashboards } from '../src/catalog';
import { settingsFileName, settingsFileText } from '../src/settings';
import { errorMessage } from '../src/shared';
import { sensitivePagesAccess } from '../src/strict-mode';
import type { OptionsState } from './options-state';

/** The part of `permissions` the page uses. */
export interface HostPermissions {
  request(origins: string[]): Promise<boolean>;
  contains(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
}

export interface OptionsDeps {
  readonly client: SettingsClient;
  readCatalog(): Promise<RuntimeCatalog>;
  readonly permissions: HostPermissions;
  /** The manifest's host permissions (the built-in dashboards), which strict mode needs. */
  readonly dashboardOrigins: readonly string[];
  download(fileName: string, text: string, mimeType: string): void;
  now(): Date;
}

/** What the announcement says once a change is saved: fixed, or read from the saved settings. */
export type Outcome = string | ((settings: UserSettings) => string);

export interface OptionsActions {
  /** Applies a change and says its outcome in the status line; returns the reply so a form can place field errors. */
  apply(change: SettingsChange, done: Outcome): Promise<ChangeReply>;
  /**
   * Adds a self-hosted dashboard and, in the same user gesture, asks for access to its host (call it from the click
   * itself: browsers show a permission prompt only in answer to a user action). Refused, the access is given back.
   */
  addCustomDashboard(host: string, name: string): Promise<ChangeReply>;
  /** Asks for host access (inside a click) and shows the new state. */
  grant(origins: readonly string[]): Promise<void>;
  /** Asks again for the built-in dashboards' access, which strict mode needs (inside a click). */
  grantDashboards(): Promise<void>;
  importFile(file: { readonly name: string; text(): Promise<string> }): Promise<void>;
  exportSettings(): void;
  announce(message: string): void;
}

export interface OptionsController extends OptionsActions {
  /** Reads the catalog, the settings and the policy, then the host access. */
  start(): Promise<void>;
  /** Reads settings and policy again (changed elsewhere). */
  refresh(): Promise<void>;
  /** Asks the browser again which hosts Dashguard may access (granted or withdrawn elsewhere). */
  checkAccess(): Promise<void>;
}

export function createOptionsController(store: PageStore<OptionsState>, deps: OptionsDeps): OptionsController {
  const { client, permissions } = deps;
  let accessChecks = 0;

  const checkAccess = async (): Promise<void> => {
    const check = ++accessChecks;
    const { settings, policy, catalog } = store.get();
    const contains = (origins: string[]): Promise<boolean> => permissions.contains(origins).catch(() => false);
    const hosts = [...policy.policy.extraDashboards, ...settings.customDashboards].map((d) => d.host);
    const [dashboardsAccess, hostAccess, pageAccess] = await Promise.all([
      permissions.contains([...deps.dashboardOrigins]).then(
        (granted) => granted,
        () => undefined,
      ),
      Promise.all(hosts.map(async (host) => [host, await contains([customDashboardOrigin(host)])] as const)),
      sensitivePagesAccess(
        [...policy.policy.sensitivePages, ...settings.sensitivePages],
        allDashboards(catalog, settings, policy.policy),
        new Set(catalog.dashboards.map((d) => d.id)),
        (origin) => contains([origin]),
      ),
    ]);
    // A later check started meanwhile (the settings changed again): its answer is the one to show.
    if (check !== accessChecks) return;
    store.set({ dashboardsAccess, hostAccess: Object.fromEntries(hostAccess), pageAccess });
  };

  const announce = (message: string): void => store.set({ announcement: message });

  const apply = async (change: SettingsChange, done: Outcome): Promise<ChangeReply> => {
    let reply: ChangeReply;
    try {
      reply = await client.change(change);
    } catch (error) {
      const message = errorMessage(error);
      announce(`Not saved: ${message}`);
      return { applied: false, errors: [{ field: 'message', message }] };
    }
    if (reply.applied) {
      store.set({
        settings: reply.settings,
        problems: [],
        announcement: typeof done === 'string' ? done : done(reply.settings),
      });
      void checkAccess();
    } else announce(reply.errors.map((e) => e.message).join(' '));
    return reply;
  };

  const request = async (origins: readonly string[]): Promise<boolean> => {
    try {
      return await permissions.request([...origins]);
    } catch {
      return false;
    }
  };

  return {
    apply,
    announce,
    checkAccess,

    async start() {
      const catalog = deps.readCatalog();
      const policy = client.policy();
      // The organisation's notice, with the vendors' names, shows even when the settings cannot be read.
      void policy.then(
        (p) => store.set({ policy: p }),
        () => undefined,
      );
      void catalog.then(
        (c) => store.set({ catalog: c }),
        () => undefined,
      );
      try {
        const [view, status, vendors] = await Promise.all([client.get(), policy, catalog]);
        store.set({
          phase: 'ready',
          settings: view.settings,
          problems: view.problems,
          policy: status,
          catalog: vendors,
        });
      } catch (error) {
        store.set({ phase: 'failed', failure: errorMessage(error) });
        return;
      }
      await checkAccess();
    },

    async refresh() {
      try {
        const [view, policy] = await Promise.all([client.get(), client.policy()]);
        store.set({ settings: view.settings, problems: view.problems, policy });
      } catch (error) {
        announce(`Dashguard's settings could not be read again: ${errorMessage(error)}`);
        return;
      }
      await checkAccess();
    },

    addCustomDashboard(host, name) {
      const origin = customDashboardOrigin(host);
      // Asked first, before anything is awaited: this still runs inside the person's click.
      const access = request([origin]);
      return (async () => {
        const reply = await apply({ kind: 'add-custom-dashboard', host, name }, `${host} added and protected.`);
        if (!reply.applied) {
          if (await access) await permissions.remove([origin]).catch(() => false);
          return reply;
        }
        announce(
          (await access)
            ? `${host} added and protected; the audit and strict mode work there.`
            : `${host} added and protected. Without access to its pages, the audit cannot show what loads there: use "Grant access" to allow it.`,
        );
        await checkAccess();
        return reply;
      })();
    },

    async grant(origins) {
      await request(origins);
      await checkAccess();
    },

    async grantDashboards() {
      await request(deps.dashboardOrigins);
      await checkAccess();
    },

    async importFile(file) {
      const seq = (store.get().importResult?.seq ?? 0) + 1;
      const fileName = file.name;
      store.set({ importResult: { seq, fileName, outcome: 'reading', lines: [] } });
      let reply: ChangeReply;
      try {
        reply = await apply({ kind: 'import', text: await file.text() }, `${fileName} imported.`);
      } catch (error) {
        reply = { applied: false, errors: [{ field: 'file', message: errorMessage(error) }] };
        announce(`${fileName} could not be read: ${errorMessage(error)}`);
      }
      store.set({
        importResult: reply.applied
          ? { seq, fileName, outcome: 'imported', lines: reply.notes }
          : { seq, fileName, outcome: 'refused', lines: reply.errors.map((e) => e.message) },
      });
    },

    exportSettings() {
      const { settings } = store.get();
      deps.download(settingsFileName(deps.now()), settingsFileText(settings), 'application/json');
      announce('Settings exported.');
    },
  };
}
