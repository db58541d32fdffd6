/**
 * A sensitive page is always its own document under the strict policy. Single-page dashboards route inside one
 * document (History API, Navigation API, fragments): code loaded on the pipelines page would keep running on the token
 * page, and no Content-Security-Policy would ever be applied to it. In the top frame of a dashboard document that was
 * NOT loaded under the strict policy, this guard watches where the document goes and has the browser load a sensitive
 * address as a new document (the background does it: `strict-mode/fresh-load`, a load the page cannot intercept).
 *
 *   - Before: the Navigation API's `navigate` event fires before a same-document navigation changes the address
 *     (pushState, replaceState, a fragment link), in Chromium and Firefox alike; this listener, added at
 *     document_start, runs before any listener of the page. A push or replace to a sensitive address is cancelled, so
 *     the address never becomes the sensitive one in this document, and the fresh load is asked for at once.
 *   - At once after: everything else that changes the address inside the document (a traversal, a navigation the page
 *     intercepts with the Navigation API, anything that bypasses the event) is caught when it commits
 *     (`currententrychange`, `popstate`, `hashchange`) or at the next change to the DOM, from the address itself.
 *
 * The page is hostile: only trusted `navigate` events are acted on before; every other signal only makes the guard
 * look at `location.href` again, which a page cannot fake in this world. One request per document; a document loaded
 * at an address never asks to load that address again (a page without the policy there, for lack of host access say,
 * cannot make Dashguard reload it in a loop), and the background refuses too many loads of one tab in a row.
 */
import type { FreshLoadReply, SensitivePageFilter } from '../strict-mode';
import { isEnforcedSensitiveUrl } from '../strict-mode';

/** The part of the Navigation API's `navigate` event the guard reads. */
interface NavigateLikeEvent extends Event {
  readonly navigationType?: string;
  readonly destination?: { readonly url?: unknown; readonly sameDocument?: unknown };
}

export interface RouteGuardDeps {
  /** The page's window: `navigation` (when the browser has it), `popstate`, `hashchange`. */
  readonly window: EventTarget & { readonly navigation?: EventTarget };
  /** The document's live address. */
  readonly location: { readonly href: string };
  /** Calls back on every change to the DOM (a router renders the new route). */
  readonly observeChanges: (callback: () => void) => void;
  /** The sensitive pages in force on this host, as known now. */
  readonly pages: () => readonly SensitivePageFilter[];
  /** Asks the background to load `url` as a new document in this tab; undefined when it did not answer. */
  readonly requestFreshLoad: (url: string) => Promise<FreshLoadReply | undefined>;
}

export interface RouteGuard {
  /** Looks at the address again (the page list changed, say). */
  check(): void;
  /** watching, loading (a fresh load was asked for), stopped (it was refused: this document asks no more). */
  state(): 'watching' | 'loading' | 'stopped';
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export function startSensitiveRouteGuard(deps: RouteGuardDeps): RouteGuard {
  const loadedAt = withoutFragment(deps.location.href);
  let state: 'watching' | 'loading' | 'stopped' = 'watching';
  let lastSeen = deps.location.href;

  const freshLoad = (url: string): void => {
    if (state !== 'watching') return;
    state = 'loading';
    deps.requestFreshLoad(url).then(
      (reply) => {
        if (reply?.loaded !== true) state = 'stopped';
      },
      () => {
        state = 'stopped';
      },
    );
  };

  /** A sensitive address this document was not loaded at. */
  const needsFreshLoad = (url: string): boolean =>
    withoutFragment(url) !== loadedAt && isEnforcedSensitiveUrl(url, deps.pages());

  const check = (force = false): void => {
    if (state !== 'watching') return;
    const href = deps.location.href;
    if (!force && href === lastSeen) return;
    lastSeen = href;
    if (needsFreshLoad(href)) freshLoad(href);
  };

  deps.window.navigation?.addEventListener('navigate', (event: Event) => {
    const navigate = event as NavigateLikeEvent;
    if (!navigate.isTrusted || state !== 'watching') return;
    const url = navigate.destination?.url;
    // A new document gets the rules by itself; one the page intercepts is caught when it commits.
    if (typeof url !== 'string' || navigate.destination?.sameDocument !== true || !needsFreshLoad(url)) return;
    if (!navigate.cancelable || navigate.navigationType === 'traverse') return;
    navigate.preventDefault();
    freshLoad(url);
  });
  const onCommit = (): void => check();
  deps.window.navigation?.addEventListener('currententrychange', onCommit);
  deps.window.addEventListener('popstate', onCommit);
  deps.window.addEventListener('hashchange', onCommit);
  deps.observeChanges(onCommit);

  return { check: () => check(true), state: () => state };
}
