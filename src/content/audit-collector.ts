/**
 * The audit's eyes in a dashboard page (DOM glue; the decisions are in observation-filter.ts). From document_start:
 *   - script elements with a `src`: parser-inserted, inserted by script, or given a `src` later (a MutationObserver
 *     on the document), and those already present; each one's `load` or `error`, from capturing listeners that run
 *     before any listener of the page, even one it added to the element itself (a `load` event's path ends at the
 *     document, so its listener is the document's; `error` reaches the window), and, for a script the page removed
 *     from the document while it loads (it still loads, and its events then stop at the element), from listeners on
 *     the element; whether its `integrity` holds a hash the browser enforces (integrity-metadata.ts);
 *   - `error` of images and stylesheets (a blocked pixel or widget style);
 *   - every other request the page made (fetch, XHR, beacons, images, frames), from Resource Timing, which lists
 *     blocked requests as well as loaded ones (in Chromium and Firefox alike) without telling them apart: those are
 *     recorded as `requested`;
 *   - requests a Content-Security-Policy refused (strict mode on sensitive pages), from `securitypolicyviolation`;
 *   - WebSockets, which nothing above shows, from the page-world observer (websocket-observer.ts), as `requested`.
 * Events a page script dispatched itself (`isTrusted` false) are ignored: a page cannot forge an outcome. The
 * WebSocket event is the one exception, and carries no outcome: a forged one only claims a socket the page could
 * have opened for real. Those reports are marked as the page's (`reportedByPage`), budgeted (page-report-budget.ts)
 * and queued apart, so a flood of them never takes the place of anything the content script saw itself.
 */
import type { NewObservation } from './report-queue';
import { AUDIT_LIMITS } from '../audit';
import { WEBSOCKET_EVENT } from './page-world-events';
import { hasEnforcedIntegrity } from './integrity-metadata';
import { createPageReportBudget } from './page-report-budget';
import {
  forgetOldestSettled,
  isFetchedScriptType,
  resourceTypeOf,
  resourceTypeOfDirective,
  serialisedThirdPartyUrl,
  thirdPartyUrl,
  type PageScope,
} from './observation-filter';

export interface CollectorDeps {
  readonly window: Window;
  readonly document: Document;
  readonly scope: PageScope;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly emit: (observation: NewObservation) => void;
  /** A script with no `load` or `error` after this long is reported as pending. */
  readonly outcomeTimeoutMs: number;
}

export interface AuditCollector {
  /** Reports the scripts still waiting for an outcome as pending (the page is going away). */
  settleAll(): void;
  /**
   * Calls back after each batch of DOM changes this collector's observer sees (elements added or removed anywhere in
   * the document, a `src` set): one observer per document, since each of its calls into this world costs the page.
   */
  observeChanges(callback: () => void): void;
  disconnect(): void;
}

interface TrackedScript {
  readonly url: string;
  readonly urlTruncated: boolean;
  readonly integrity: boolean;
  settled: boolean;
  refusedByCsp: boolean;
  /** When it is reported as pending if nothing else was seen (deps.now()). */
  readonly deadline: number;
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** How long a script's timing entry waits for its element to be seen. */
const SCRIPT_ENTRY_DELAY_MS = 1_000;

export function startAuditCollector(deps: CollectorDeps): AuditCollector {
  const { document, scope } = deps;
  const view = deps.window;
  /** Read only when a URL must be parsed (serialisedThirdPartyUrl). */
  const baseUrl = (): string => document.baseURI;
  /** null: looked at and not reported (first party, not fetched). */
  const scripts = new WeakMap<Element, TrackedScript | null>();
  /** URLs of third-party script elements: Resource Timing entries for them are already covered. Bounded (see below). */
  const scriptUrls = new Map<string, TrackedScript>();

  let timing: PerformanceObserver | undefined;
  // Keeps observations in the order they happened: before a script's load or a batch of mutations is handled, the
  // timing entries already waiting for the observer's next call are taken (the same entries, from the same observer,
  // which the page cannot clear). It rarely saves an observer call: the browser mostly delivers a script's entry
  // before its load event (measured on the bench's stress page: 1 to 3 entries taken over ~300 calls).
  const takePendingTiming = (): void => {
    const entries = timing?.takeRecords();
    if (entries !== undefined && entries.length > 0) onTimingEntries(entries);
  };
  const isScript = (node: Node): node is HTMLScriptElement =>
    node.nodeType === 1 && (node as Element).localName === 'script' && (node as Element).namespaceURI === HTML_NS;

  // Scripts waiting for their outcome, oldest first: one timer for all of them (a page that inserts scripts by the
  // hundred would otherwise set and clear a timer for each).
  const waiting = new Set<TrackedScript>();
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  const watchDeadlines = (): void => {
    if (deadlineTimer !== undefined) return;
    const oldest = waiting.values().next();
    if (oldest.done === true) return;
    deadlineTimer = setTimeout(
      () => {
        deadlineTimer = undefined;
        const now = deps.now();
        for (const tracked of waiting) {
          if (tracked.deadline > now) break;
          settle(tracked, 'pending');
        }
        watchDeadlines();
      },
      Math.max(0, oldest.value.deadline - deps.now()),
    );
  };

  const settle = (tracked: TrackedScript, outcome: 'loaded' | 'failed' | 'pending'): void => {
    if (tracked.settled) return;
    tracked.settled = true;
    waiting.delete(tracked);
    const observed = outcome === 'failed' && tracked.refusedByCsp ? 'refused-by-csp' : outcome;
    deps.emit({
      url: tracked.url,
      urlTruncated: tracked.urlTruncated,
      type: 'script',
      observed,
      integrity: tracked.integrity,
      time: deps.now(),
    });
  };

  // A detached script's outcome never reaches the document: only a listener on the element itself hears it.
  const onDetachedScriptEvent = (event: Event): void => {
    if (!event.isTrusted) return;
    const tracked = scripts.get(event.currentTarget as Element);
    if (tracked) settle(tracked, event.type === 'load' ? 'loaded' : 'failed');
  };
  const followDetached = (element: Element): void => {
    element.addEventListener('load', onDetachedScriptEvent, { once: true });
    element.addEventListener('error', onDetachedScriptEvent, { once: true });
  };

  const consider = (element: HTMLScriptElement): TrackedScript | null => {
    const known = scripts.get(element);
    if (known !== undefined) return known;
    const src = element.getAttribute('src');
    // No src yet: look again if one is set (the attribute observer below). A blank one fetches nothing.
    if (src === null || src.trim() === '') return null;
    // `element.src` is the attribute resolved against the document's base URL and serialised by the browser, as it
    // fetched it: read as a string like a timing entry's name, not parsed again (the isolated world sees the
    // browser's own getter, whatever the page defines on the element). A src that does not parse (fetched never) comes
    // back as written; if it looks plain (`https://x.example:99999/`) it is reported, and the background's check of
    // each observation's URL (auditableUrl) drops it.
    const party = isFetchedScriptType(element.getAttribute('type'), element.hasAttribute('nomodule'))
      ? serialisedThirdPartyUrl(element.src, baseUrl, scope)
      : undefined;
    if (party === undefined) {
      scripts.set(element, null);
      return null;
    }
    const tracked: TrackedScript = {
      url: party.url,
      urlTruncated: party.urlTruncated,
      integrity: hasEnforcedIntegrity(element.getAttribute('integrity')),
      settled: false,
      refusedByCsp: false,
      deadline: deps.now() + deps.outcomeTimeoutMs,
    };
    scripts.set(element, tracked);
    scriptUrls.set(party.url, tracked);
    forgetOldestSettled(scriptUrls, AUDIT_LIMITS.trackedScriptUrls);
    // Connected, its load and error reach the document's and the window's listeners (below); the page can remove it
    // from the document before it loads (it still does), and the removal is followed then.
    if (!element.isConnected) followDetached(element);
    waiting.add(tracked);
    watchDeadlines();
    return tracked;
  };

  const scan = (node: Node): void => {
    if (isScript(node)) {
      consider(node);
      return;
    }
    // Only elements with children can hold scripts; most added nodes are text or leaves.
    if (node.nodeType === 1 && (node as Element).firstElementChild !== null) {
      for (const script of (node as Element).querySelectorAll('script[src]')) if (isScript(script)) consider(script);
    }
  };

  // A script still waiting for its outcome that leaves the document: its events now stop at the element.
  const scanRemoved = (node: Node): void => {
    if (isScript(node)) {
      const tracked = scripts.get(node);
      if (tracked && !tracked.settled) followDetached(node);
      return;
    }
    if (node.nodeType === 1 && (node as Element).firstElementChild !== null) {
      for (const script of (node as Element).querySelectorAll('script[src]')) {
        const tracked = scripts.get(script);
        if (tracked && !tracked.settled) followDetached(script);
      }
    }
  };

  const changeCallbacks: (() => void)[] = [];
  const mutations = new MutationObserver((records) => {
    try {
      takePendingTiming();
      for (const record of records) {
        if (record.type === 'attributes') {
          if (isScript(record.target)) consider(record.target);
          continue;
        }
        for (const node of record.addedNodes) scan(node);
        if (waiting.size > 0) for (const node of record.removedNodes) scanRemoved(node);
      }
    } finally {
      // Whatever happened to the audit's part, the others (the sensitive-route guard) still look.
      for (const callback of changeCallbacks) callback();
    }
  });
  mutations.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
  for (const script of document.querySelectorAll('script[src]')) if (isScript(script)) consider(script);

  // Capture on the window runs before the page's own listeners: a page cannot hide an outcome by stopping the event.
  const onWindowEvent = (event: Event): void => {
    if (!event.isTrusted || !(event.target instanceof Element || (event.target as Node | null)?.nodeType === 1)) return;
    const target = event.target as Element;
    if (isScript(target)) {
      const tracked = consider(target);
      if (tracked) settle(tracked, event.type === 'load' ? 'loaded' : 'failed');
      return;
    }
    if (event.type !== 'error') return;
    // A failed image or stylesheet: the successful ones come from Resource Timing.
    const name = target.localName;
    const raw =
      name === 'img'
        ? target.getAttribute('src')
        : name === 'link' && /\bstylesheet\b/i.test(target.getAttribute('rel') ?? '')
          ? target.getAttribute('href')
          : null;
    if (raw === null) return;
    const party = thirdPartyUrl(raw, document.baseURI, scope);
    if (party)
      deps.emit({
        url: party.url,
        urlTruncated: party.urlTruncated,
        type: name === 'img' ? 'image' : 'stylesheet',
        observed: 'failed',
        integrity: null,
        time: deps.now(),
      });
  };
  view.addEventListener('load', onWindowEvent, true);
  view.addEventListener('error', onWindowEvent, true);
  // A `load` event's path ends at the document (it never reaches the window): a capturing listener there runs before
  // any listener of the page (the page's own capturing ones were added after it), so stopping the event hides
  // nothing. Called for every element that loads in the document (images, frames): only scripts are looked at.
  const onDocumentLoad = (event: Event): void => {
    const target = event.target as Node;
    if (!event.isTrusted || !isScript(target)) return;
    // First what arrived before (a page's observations are reported in the order they happened).
    takePendingTiming();
    const tracked = consider(target);
    if (tracked) settle(tracked, 'loaded');
  };
  document.addEventListener('load', onDocumentLoad, true);

  // Strict mode: what the page's policy refused never loads, so neither an element event nor a timing entry tells.
  const onViolation = (event: SecurityPolicyViolationEvent): void => {
    if (!event.isTrusted) return;
    const party = thirdPartyUrl(event.blockedURI, document.baseURI, scope);
    if (party === undefined) return;
    const tracked = scriptUrls.get(party.url);
    if (tracked) {
      // The element's error event tells the same story; it says why.
      if (event.disposition === 'enforce') tracked.refusedByCsp = true;
      return;
    }
    const type = resourceTypeOfDirective(event.effectiveDirective, party.url);
    // A report-only violation of a request that loads shows in Resource Timing; WebSockets never do.
    if (event.disposition === 'report' && type !== 'websocket') return;
    deps.emit({
      url: party.url,
      urlTruncated: party.urlTruncated,
      type,
      observed: event.disposition === 'report' ? 'reported-by-csp' : 'refused-by-csp',
      integrity: null,
      time: deps.now(),
    });
  };
  document.addEventListener('securitypolicyviolation', onViolation, true);

  const pageReports = createPageReportBudget({
    perDocument: AUDIT_LIMITS.pageReportsPerDocument,
    perSecond: AUDIT_LIMITS.pageReportsPerSecond,
    burst: AUDIT_LIMITS.pageReportBurst,
    now: () => performance.now(),
  });
  const onWebSocket = (event: Event): void => {
    const detail: unknown = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    const party = thirdPartyUrl(detail, document.baseURI, scope);
    if (party && pageReports.take())
      deps.emit({
        url: party.url,
        urlTruncated: party.urlTruncated,
        type: 'websocket',
        observed: 'requested',
        integrity: null,
        time: deps.now(),
        reportedByPage: true,
      });
  };
  document.addEventListener(WEBSOCKET_EVENT, onWebSocket, true);

  const timeOrigin = performance.timeOrigin;
  /** `name` is the entry's URL, read once by the caller. */
  const emitTiming = (entry: PerformanceResourceTiming, name: string, initiatorType: string): void => {
    // The browser's own serialisation of the URL: read as a string, parsed only when it must be.
    const party = serialisedThirdPartyUrl(name, baseUrl, scope);
    // Script elements are covered, with their outcome and integrity, by the element itself.
    if (party === undefined || scriptUrls.has(party.url)) return;
    deps.emit({
      url: party.url,
      urlTruncated: party.urlTruncated,
      type: resourceTypeOf(initiatorType, party.url),
      observed: 'requested',
      integrity: null,
      time: Math.round(timeOrigin + entry.startTime),
    });
  };
  // A parser-inserted script's timing entry can arrive before its element is seen (and Firefox lists a blocked one
  // twice): script entries wait a moment, so the element, when there is one, tells the story.
  let scriptEntries: PerformanceResourceTiming[] = [];
  let scriptTimer: ReturnType<typeof setTimeout> | undefined;
  const flushScriptEntries = (): void => {
    if (scriptTimer !== undefined) clearTimeout(scriptTimer);
    scriptTimer = undefined;
    const entries = scriptEntries;
    scriptEntries = [];
    for (const entry of entries) {
      const name = entry.name;
      if (!scriptUrls.has(name)) emitTiming(entry, name, 'script');
    }
  };

  const onTimingEntries = (entries: PerformanceEntryList): void => {
    for (const entry of entries as PerformanceResourceTiming[]) {
      // A script element's own URL, as the browser requested it: covered by the element, whatever fetched it. Most
      // script entries are of an element already seen (the entry comes when the response has ended), so this check
      // comes before anything else is read: each read of an entry is a call into the browser, and a burst brings
      // hundreds of entries.
      const name = entry.name;
      if (scriptUrls.has(name)) continue;
      const initiatorType = entry.initiatorType;
      if (initiatorType !== 'script') {
        emitTiming(entry, name, initiatorType);
        continue;
      }
      scriptEntries.push(entry);
      scriptTimer ??= setTimeout(flushScriptEntries, SCRIPT_ENTRY_DELAY_MS);
    }
  };
  const PerformanceObserverCtor = (view as Window & { PerformanceObserver?: typeof PerformanceObserver })
    .PerformanceObserver;
  if (PerformanceObserverCtor !== undefined) {
    timing = new PerformanceObserverCtor((list) => onTimingEntries(list.getEntries()));
    try {
      timing.observe({ type: 'resource', buffered: true });
    } catch {
      timing = undefined;
    }
  }

  return {
    settleAll() {
      flushScriptEntries();
      for (const tracked of scriptUrls.values()) if (!tracked.settled) settle(tracked, 'pending');
    },
    observeChanges(callback) {
      changeCallbacks.push(callback);
    },
    disconnect() {
      mutations.disconnect();
      timing?.disconnect();
      view.removeEventListener('load', onWindowEvent, true);
      view.removeEventListener('error', onWindowEvent, true);
      document.removeEventListener('load', onDocumentLoad, true);
      document.removeEventListener('securitypolicyviolation', onViolation, true);
      document.removeEventListener(WEBSOCKET_EVENT, onWebSocket, true);
    },
  };
}
