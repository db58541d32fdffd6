/**
 * Host access for self-hosted dashboards. Blocking needs none (declarativeNetRequest blocks by initiator domain
 * without host permissions), but the audit's content script and strict mode's header do. The options page asks the
 * browser for `*://HOST/*` alone, at the moment the person adds the dashboard (a permission prompt needs that click).
 * This component keeps the rest in line, whatever changed the list (the options page, an import, a reset, the policy):
 *   - the audit content script is registered on each custom dashboard whose host access was granted, and only there;
 *   - host access granted for a dashboard no longer in the list is given back.
 */
import { customDashboardOrigin } from './dashboards';
import { createSerialQueue } from '../shared';

/** The audit's content script, as the manifest's static entry runs it on the built-in dashboards. */
export const CONTENT_SCRIPT_FILE = 'content.js';
/** Its page-world companion, which sees the page's WebSockets (websocket-observer.ts). */
export const PAGE_WORLD_SCRIPT_FILE = 'page-world.js';
const SCRIPT_ID_PREFIX = 'dashguard-custom-';
/** Suffix of the page-world registration's id (a host name never contains "#"). */
const PAGE_WORLD_ID_SUFFIX = '#page-world';

export interface PermissionsApi {
  getAll(): Promise<{ origins?: string[] }>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start';
  allFrames: boolean;
  world?: 'MAIN';
}

export interface ScriptingApi {
  getRegisteredContentScripts(): Promise<readonly { id: string }[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export interface CustomDashboardAccessDeps {
  readonly permissions: PermissionsApi;
  readonly scripting: ScriptingApi;
  /** The manifest's host_permissions: required, never given back. */
  readonly requiredOrigins: readonly string[];
  /** Hosts of the custom dashboards in force (the person's and the organisation's). */
  readonly loadHosts: () => Promise<readonly string[]>;
}

export interface SyncOptions {
  /**
   * Give back access granted for hosts not in the list. True when the list may have changed (settings, policy,
   * start-up); false when access was just granted (permissions.onAdded): the options page asks for access and saves
   * the new dashboard at the same moment, and the grant may arrive before the save.
   */
  readonly giveBackStale: boolean;
}

export interface CustomDashboardAccess {
  /** Brings registrations and permissions in line with the list. Safe to repeat; calls run one at a time. */
  sync(options?: SyncOptions): Promise<void>;
}

export function createCustomDashboardAccess(deps: CustomDashboardAccessDeps): CustomDashboardAccess {
  const queue = createSerialQueue();
  const syncNow = async ({ giveBackStale }: SyncOptions): Promise<void> => {
    const hosts = [...new Set(await deps.loadHosts())];
    const wanted = new Map(hosts.map((host) => [customDashboardOrigin(host), host]));
    const { origins = [] } = await deps.permissions.getAll();
    const optional = origins.filter((origin) => !deps.requiredOrigins.includes(origin));
    const stale = optional.filter((origin) => !wanted.has(origin));
    if (giveBackStale && stale.length > 0) await deps.permissions.remove({ origins: stale });

    const granted = optional.filter((origin) => wanted.has(origin)).map((origin) => wanted.get(origin) ?? '');
    const desired = new Map<string, RegisteredScript>();
    for (const host of granted) {
      const common = { matches: [customDashboardOrigin(host)], runAt: 'document_start' as const, allFrames: true };
      desired.set(`${SCRIPT_ID_PREFIX}${host}`, {
        id: `${SCRIPT_ID_PREFIX}${host}`,
        js: [CONTENT_SCRIPT_FILE],
        ...common,
      });
      const pageWorldId = `${SCRIPT_ID_PREFIX}${host}${PAGE_WORLD_ID_SUFFIX}`;
      desired.set(pageWorldId, { id: pageWorldId, js: [PAGE_WORLD_SCRIPT_FILE], world: 'MAIN', ...common });
    }
    const registered = (await deps.scripting.getRegisteredContentScripts())
      .map((s) => s.id)
      .filter((id) => id.startsWith(SCRIPT_ID_PREFIX));
    const unwanted = registered.filter((id) => !desired.has(id));
    if (unwanted.length > 0) await deps.scripting.unregisterContentScripts({ ids: unwanted });
    const missing = [...desired].filter(([id]) => !registered.includes(id));
    if (missing.length > 0) await deps.scripting.registerContentScripts(missing.map(([, script]) => script));
  };
  return {
    sync(options = { giveBackStale: true }) {
      return queue.run(() => syncNow(options));
    },
  };
}
