/**
 * The request-techniques fixture (test/fixtures/techniques/): a page that reaches a tracker in every way a page can,
 * served from any host by the fixture server. Each technique requests the tracker (a vendor blocked by default) and
 * the probe (a host no rule covers); the server's record says which techniques ran (probe) and which got through
 * (tracker). What each technique is, and what is known of it per browser, is listed here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserKind } from './extension-build';
import { blockedVendors, vendorOwningHost } from './fixture-catalog';
import type { StaticAsset } from './fixture-pages';
import type { RecordedRequest } from './request-log';

export const TECHNIQUE_HOSTS = {
  /** A vendor blocked by default on every dashboard. */
  tracker: `cdn.${blockedVendors.find((entry) => entry.vendor.id === 'amplitude')?.vendor.domains[0] ?? 'amplitude.com'}`,
  /** No vendor's: no rule applies to it anywhere, so a request that ran reaches it. */
  probe: 'probe.example',
  /** A third party a dashboard embeds (a support widget, a status badge). */
  widgets: 'widgets.example',
  /** A third party that third party embeds. */
  player: 'player.example',
} as const;

/** Host names the browsers must send to the fixture server besides the catalog's. */
export const TECHNIQUE_DOMAINS = [TECHNIQUE_HOSTS.probe, TECHNIQUE_HOSTS.widgets, TECHNIQUE_HOSTS.player];

export type TechniqueCategory = 'html' | 'css' | 'js' | 'workers' | 'other' | 'frames';

export interface Technique {
  readonly id: string;
  readonly category: TechniqueCategory;
  /** Whether it also requests the probe (a page has one favicon: the tracker's). */
  readonly probe: boolean;
  /** Browsers that never make this request at all, and why: on the unrelated site it proves nothing there. */
  readonly unsupported?: Partial<Record<BrowserKind, string>>;
  /** Browsers in which it reaches the tracker from a dashboard tab, as README.md documents, and why. */
  readonly knownLimit?: Partial<Record<BrowserKind, string>>;
}

const SPECULATION_LIMIT =
  "arrives as a main_frame request with the tab's id and no initiator, exactly like a navigation the person types: no rule condition tells them apart (README, Limits)";
const WORKER_WITHOUT_TAB =
  "a shared or service worker of a third-party frame belongs to no tab and names the frame's site as its initiator (README, Limits)";

/** Every technique the page implements (techniques.js), in its order. */
export const TECHNIQUES: readonly Technique[] = [
  ...['script', 'style', 'img', 'picture', 'object', 'embed', 'audio', 'video', 'iframe'].map((id) => ({
    id,
    category: 'html' as const,
    probe: true,
  })),
  ...['css-import', 'css-font', 'css-background'].map((id) => ({ id, category: 'css' as const, probe: true })),
  ...['websocket', 'eventsource', 'fetch', 'xhr', 'send-beacon', 'dynamic-import'].map((id) => ({
    id,
    category: 'js' as const,
    probe: true,
  })),
  ...['worker', 'shared-worker', 'service-worker', 'blob-worker', 'import-scripts'].map((id) => ({
    id,
    category: 'workers' as const,
    probe: true,
  })),
  { id: 'link-prefetch', category: 'other', probe: true },
  { id: 'link-preload', category: 'other', probe: true },
  { id: 'favicon', category: 'other', probe: false },
  { id: 'csp-report', category: 'other', probe: true },
  { id: 'redirect', category: 'other', probe: true },
  { id: 'a-ping', category: 'other', probe: true },
  {
    id: 'speculation-rules',
    category: 'other',
    probe: true,
    unsupported: { firefox: 'Firefox ESR 153 has no speculation rules' },
    knownLimit: { chromium: SPECULATION_LIMIT },
  },
  ...[
    'frame-same-origin',
    'frame-about-blank',
    'frame-srcdoc',
    'frame-blob',
    'frame-data',
    'frame-sandboxed-srcdoc',
    'frame-sandboxed-url',
    'frame-sandboxed-worker',
    'frame-third-party',
    'frame-third-party-worker',
    'frame-nested',
    'frame-nested-opaque',
  ].map((id) => ({ id, category: 'frames' as const, probe: true })),
  {
    id: 'frame-third-party-shared-worker',
    category: 'frames',
    probe: true,
    knownLimit: { chromium: WORKER_WITHOUT_TAB, firefox: WORKER_WITHOUT_TAB },
  },
  {
    id: 'frame-third-party-service-worker',
    category: 'frames',
    probe: true,
    knownLimit: { chromium: WORKER_WITHOUT_TAB, firefox: WORKER_WITHOUT_TAB },
  },
];

/** The frame techniques: what only tab cover blocks, used where a test needs a small page. */
export const FRAME_TECHNIQUES = TECHNIQUES.filter((t) => t.category === 'frames' && t.knownLimit === undefined).map(
  (t) => t.id,
);

const DIR = path.resolve(__dirname, '../../fixtures/techniques');
const file = (name: string, contentType: string, headers?: StaticAsset['headers']): StaticAsset => ({
  contentType,
  body: readFileSync(path.join(DIR, name)),
  ...(headers ? { headers } : {}),
});
const reportUri = (to: 'tracker' | 'probe', run: string): string =>
  `https://${TECHNIQUE_HOSTS[to]}/dg-technique/t/csp-report?run=${encodeURIComponent(run)}&to=${to}`;

/** Served from any host by the fixture server (`startFixtureServer({ assets })`). */
export const TECHNIQUE_ASSETS: Readonly<Record<string, StaticAsset>> = {
  '/dg-technique/page.html': file('page.html', 'text/html; charset=utf-8'),
  '/dg-technique/techniques.js': file('techniques.js', 'text/javascript'),
  '/dg-technique/frame.html': file('frame.html', 'text/html; charset=utf-8'),
  '/dg-technique/frame.js': file('frame.js', 'text/javascript'),
  '/dg-technique/worker.js': file('worker.js', 'text/javascript'),
  '/dg-technique/service-worker.js': file('service-worker.js', 'text/javascript'),
  '/dg-technique/blank.html': file('blank.html', 'text/html; charset=utf-8'),
  // Reports without refusing anything: the same-origin image in the frame violates it.
  '/dg-technique/csp-frame.html': file('csp-frame.html', 'text/html; charset=utf-8', (query) => {
    const run = query.get('run') ?? '';
    return {
      'Content-Security-Policy-Report-Only': `img-src 'none'; report-uri ${reportUri('tracker', run)} ${reportUri('probe', run)}`,
    };
  }),
  '/dg-technique/redirect-tracker': {
    contentType: 'text/plain',
    body: Buffer.alloc(0),
    redirectTo: `https://${TECHNIQUE_HOSTS.tracker}/dg-technique/t/redirect`,
  },
  '/dg-technique/redirect-probe': {
    contentType: 'text/plain',
    body: Buffer.alloc(0),
    redirectTo: `https://${TECHNIQUE_HOSTS.probe}/dg-technique/t/redirect`,
  },
};

/** The techniques page on `host`, for one run; `only` limits it to some techniques. */
export function techniquesPageUrl(host: string, run: string, only?: readonly string[]): string {
  const url = new URL(`https://${host}/dg-technique/page.html`);
  url.searchParams.set('run', run);
  for (const key of ['tracker', 'probe', 'widgets', 'player'] as const) url.searchParams.set(key, TECHNIQUE_HOSTS[key]);
  if (only) url.searchParams.set('only', only.join(','));
  return url.href;
}

/** Which techniques reached the tracker and the probe in a run, from the server's record. */
export interface TechniqueHits {
  readonly tracker: ReadonlySet<string>;
  readonly probe: ReadonlySet<string>;
}

export function techniqueHits(requests: readonly RecordedRequest[], run: string): TechniqueHits {
  const hits = { tracker: new Set<string>(), probe: new Set<string>() };
  for (const request of requests) {
    const url = new URL(request.path, 'https://record.invalid');
    const match = /^\/dg-technique\/t\/([a-z-]+)$/.exec(url.pathname);
    if (!match?.[1]) continue;
    if (url.searchParams.get('run') !== run) continue;
    if (request.host === TECHNIQUE_HOSTS.tracker) hits.tracker.add(match[1]);
    if (request.host === TECHNIQUE_HOSTS.probe) hits.probe.add(match[1]);
  }
  return hits;
}

/** Fails at import time if the hosts no longer fit the premises (the tracker blocked, the others no vendor's). */
function checkPremises(): void {
  const problems: string[] = [];
  if (!blockedVendors.some((entry) => entry.vendor.id === vendorOwningHost(TECHNIQUE_HOSTS.tracker)))
    problems.push(`${TECHNIQUE_HOSTS.tracker} is not a vendor blocked by default`);
  for (const host of TECHNIQUE_DOMAINS)
    if (vendorOwningHost(host) !== undefined) problems.push(`${host} belongs to a vendor`);
  if (problems.length > 0)
    throw new Error(`The request-techniques fixture no longer fits the catalog:\n- ${problems.join('\n- ')}`);
}
checkPremises();
