/**
 * Firefox: which tabs show a dashboard, for the tab-cover session rules (tab-cover.ts). Chromium needs none of this:
 * its tab cover uses `topDomains`, which the browser evaluates for every request itself.
 *
 * Follows each tab's top-level document: a navigation starting (webNavigation.onBeforeNavigate, and the blocking
 * webRequest listener that holds a navigation to a dashboard until its rules are in force), committing, failing, and
 * the tab closing. A tab navigating to a dashboard is covered from the start of the navigation; a tab navigating
 * away stays covered until the new page commits, except for the new site's own requests (`leavingFor`), so neither
 * the dashboard's last requests escape nor the next site's first ones are touched. Kept in memory only, and rebuilt
 * from the open tabs when the background starts (the session rules made from it outlive the background) and when
 * the dashboards change (a self-hosted one added). Only tabs on dashboards are remembered, and only their hosts.
 */
import type { DashboardTab } from './tab-cover';
import { createSerialQueue } from '../shared';

export interface TabsQueryApi {
  query(queryInfo: Record<string, never>): Promise<readonly { id?: number; url?: string }[]>;
}

/** The part of webNavigation used here: the URL of a tab's top-level document, whatever its host. */
export interface FrameApi {
  getFrame(details: { tabId: number; frameId: number }): Promise<{ url?: string } | null | undefined>;
}

export interface DashboardTabsDeps {
  readonly tabs: TabsQueryApi;
  readonly frames: FrameApi;
  /** Whether a host belongs to a dashboard in force now (the catalog's, the policy's, the person's). */
  readonly loadIsDashboardHost: () => Promise<(host: string) => boolean>;
}

export interface DashboardTabs {
  /** The tabs on dashboards now, after every event received so far. */
  list(): Promise<DashboardTab[]>;
  /** The tab's top-level document starts navigating to `url`. Each resolves true when the list changed. */
  navigating(tabId: number, url: string): Promise<boolean>;
  /** The tab's top-level document is now `url`. */
  committed(tabId: number, url: string): Promise<boolean>;
  /** The tab's top-level navigation failed or was stopped: it still shows what it showed. */
  failed(tabId: number): Promise<boolean>;
  removed(tabId: number): Promise<boolean>;
  /** The dashboards changed: looks at every open tab again. */
  refresh(): Promise<boolean>;
}

/** What is known of one tab on (or heading for, or leaving) a dashboard. Hosts are '' for non-web documents. */
interface TabState {
  /** The dashboard host of the document the tab shows, if it is one. */
  readonly committed?: string;
  /** The host a navigation in progress is heading for. */
  readonly pending?: string;
}

/** Lower-case host of an http(s) URL; '' otherwise (about:blank, data:, a file...). */
export function webHostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? parsed.hostname.toLowerCase().replace(/\.$/, '')
      : '';
  } catch {
    return '';
  }
}

/** The tabs the rules must cover, from what is known of each (pure). */
export function coveredTabs(
  states: ReadonlyMap<number, TabState>,
  isDashboardHost: (host: string) => boolean,
): DashboardTab[] {
  const tabs: DashboardTab[] = [];
  for (const [tabId, { committed, pending }] of [...states.entries()].sort(([a], [b]) => a - b)) {
    if (pending !== undefined && pending !== '' && isDashboardHost(pending)) tabs.push({ tabId, host: pending });
    else if (committed !== undefined)
      tabs.push({ tabId, host: committed, ...(pending ? { leavingFor: pending } : {}) });
  }
  return tabs;
}

export function createDashboardTabs(deps: DashboardTabsDeps): DashboardTabs {
  let states = new Map<number, TabState>();
  let isDashboardHost: (host: string) => boolean = () => false;
  // One change at a time, in the order the events came; the first waits for the open tabs to be read.
  const queue = createSerialQueue();
  const snapshot = (): string => JSON.stringify(coveredTabs(states, isDashboardHost));

  const rebuild = async (): Promise<void> => {
    isDashboardHost = await deps.loadIsDashboardHost();
    const next = new Map<number, TabState>();
    for (const tab of await deps.tabs.query({})) {
      if (typeof tab.id !== 'number' || tab.id < 0) continue;
      // The tab's URL is only shown for hosts Dashguard may access; webNavigation shows every top-level document's.
      const frame = await deps.frames.getFrame({ tabId: tab.id, frameId: 0 }).catch(() => undefined);
      const host = webHostOf(frame?.url ?? tab.url ?? '');
      if (host !== '' && isDashboardHost(host)) next.set(tab.id, { committed: host });
    }
    states = next;
  };

  const change = (apply: () => void | Promise<void>): Promise<boolean> => {
    return queue.run(async () => {
      const before = snapshot();
      await apply();
      return snapshot() !== before;
    });
  };
  // Before anything else, what the open tabs show now.
  queue
    .run(rebuild)
    .catch((error: unknown) =>
      console.error('Dashguard: open tabs not read; tab cover follows new navigations only.', error),
    );

  return {
    list: () => queue.run(() => coveredTabs(states, isDashboardHost)),
    navigating: (tabId, url) =>
      change(() => {
        if (tabId < 0) return;
        const host = webHostOf(url);
        const known = states.get(tabId);
        if (known === undefined && !(host !== '' && isDashboardHost(host))) return;
        states.set(tabId, { ...(known?.committed !== undefined ? { committed: known.committed } : {}), pending: host });
      }),
    committed: (tabId, url) =>
      change(() => {
        const host = webHostOf(url);
        if (host !== '' && isDashboardHost(host)) states.set(tabId, { committed: host });
        else states.delete(tabId);
      }),
    failed: (tabId) =>
      change(() => {
        const known = states.get(tabId);
        if (known === undefined) return;
        if (known.committed === undefined) states.delete(tabId);
        else states.set(tabId, { committed: known.committed });
      }),
    removed: (tabId) => change(() => void states.delete(tabId)),
    refresh: () => change(rebuild),
  };
}
