/**
 * The background side of the content script's route guard (src/content/sensitive-route-guard.ts):
 *   - `strict-mode/pages`: the sensitive pages in force on the sender's host (none without host access: a fresh load
 *     would not carry the policy there, so the guard stays idle and the popup says why instead);
 *   - `strict-mode/fresh-load`: loads a sensitive address as a new document in the sender's tab, with the tabs API,
 *     which the page can neither cancel nor intercept (a navigation it starts itself, it could).
 * The request comes from a content script in a page Dashguard does not trust with anything: the tab and frame come
 * from the browser, the address must be on the sender's own origin and a sensitive page whose policy is enforced,
 * and a tab gets a few fresh loads in a row at most, so no page can make Dashguard reload it in a loop.
 */
import type { RuleStateInput } from '../rules';
import type { FreshLoadReply } from '../strict-mode';
import { strictModePagesFor } from '../rules';
import { isEnforcedSensitiveUrl, strictModeFreshLoad, strictModePages } from '../strict-mode';
import { handlerFor, type MessageSender } from './message-router';

export interface SensitiveRouteDeps {
  readonly loadContext: () => Promise<RuleStateInput>;
  /** permissions.contains for one origin pattern. */
  readonly hasOrigin: (origin: string) => Promise<boolean>;
  readonly tabs: {
    reload(tabId: number): Promise<void>;
    update(tabId: number, properties: { url: string }): Promise<unknown>;
  };
  readonly now: () => number;
}

/** At most this many fresh loads of one tab within FRESH_LOAD_WINDOW_MS. */
export const MAX_FRESH_LOADS = 3;
export const FRESH_LOAD_WINDOW_MS = 10_000;

function webUrl(url: string | undefined): URL | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The host permission a page's header needs, as `permissions.contains` takes it. */
const originOf = (url: URL): string => `${url.protocol}//${url.hostname}/*`;

export function createSensitiveRouteHandlers(deps: SensitiveRouteDeps) {
  const loads = new Map<number, number[]>();

  const pages = handlerFor(strictModePages, {
    from: ['content-script'],
    async handle(_payload, sender: MessageSender) {
      const page = webUrl(sender.url);
      if (page === undefined || !(await deps.hasOrigin(originOf(page)).catch(() => false))) return { pages: [] };
      return { pages: strictModePagesFor(page.hostname, await deps.loadContext()) };
    },
  });

  const freshLoad = handlerFor(strictModeFreshLoad, {
    from: ['content-script'],
    async handle({ url }, sender: MessageSender): Promise<FreshLoadReply> {
      const tabId = sender.tab?.id;
      const page = webUrl(sender.url);
      const target = webUrl(url);
      if (typeof tabId !== 'number' || tabId < 0 || sender.frameId !== 0 || page === undefined)
        return { loaded: false, reason: 'not the top frame of a tab' };
      if (target === undefined || target.origin !== page.origin)
        return { loaded: false, reason: "not an address of this page's site" };
      if (!isEnforcedSensitiveUrl(target.href, strictModePagesFor(target.hostname, await deps.loadContext()))) {
        return { loaded: false, reason: 'not a sensitive page in strict mode' };
      }
      if (!(await deps.hasOrigin(originOf(target)).catch(() => false)))
        return { loaded: false, reason: 'no host access: a new document would not be protected either' };
      const now = deps.now();
      const recent = (loads.get(tabId) ?? []).filter((time) => now - time < FRESH_LOAD_WINDOW_MS);
      if (recent.length >= MAX_FRESH_LOADS) {
        loads.set(tabId, recent);
        return { loaded: false, reason: 'too many fresh loads of this tab in a row' };
      }
      loads.set(tabId, [...recent, now]);
      for (const [id, times] of loads) if (times.every((time) => now - time >= FRESH_LOAD_WINDOW_MS)) loads.delete(id);
      // The tab already shows the address (it changed inside the document): reload it. Otherwise load it.
      if (sender.url === target.href) await deps.tabs.reload(tabId);
      else await deps.tabs.update(tabId, { url: target.href });
      return { loaded: true };
    },
  });

  return { pages, freshLoad };
}
