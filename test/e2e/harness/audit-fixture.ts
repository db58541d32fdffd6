/**
 * The audit's fixture pages (test/fixtures/audit/), served on the CircleCI dashboard host by the fixture server:
 *   - page: a known set of third-party scripts (curated vendors blocked and essential, a third-party-web vendor the
 *     catalog does not curate, unknown hosts, one script with Subresource Integrity), scripts inserted late, a frame
 *     of the same dashboard with its own scripts, a fetch, an image and two WebSockets to third parties, and first-party requests
 *     that must not be listed;
 *   - hostile: URLs carrying markup and `javascript:`, a 10 KB URL, an IDN host, hundreds of requests at once, and
 *     forged events;
 *   - drip: one script every 100 ms, for stopping the service worker in the middle.
 * EXPECTED_AUDIT is the ground truth for `page`: exactly what its audit must list.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditStatus } from '../../../src/audit/audit-types';
import type { StaticAsset } from './fixture-pages';

const DIR = path.resolve(__dirname, '../../fixtures/audit');
const file = (name: string, contentType: string): StaticAsset => ({
  contentType,
  body: readFileSync(path.join(DIR, name)),
});

/** The bytes every third-party fixture script serves; its hash is the integrity value of the SRI script. */
const NOOP_SCRIPT = readFileSync(path.join(DIR, 'noop.js'));
export const NOOP_INTEGRITY = `sha384-${createHash('sha384').update(NOOP_SCRIPT).digest('base64')}`;
const script = (): StaticAsset => ({ contentType: 'text/javascript', body: NOOP_SCRIPT });

function withIntegrity(asset: StaticAsset): StaticAsset {
  return { ...asset, body: Buffer.from(asset.body.toString('utf8').replace('{{NOOP_INTEGRITY}}', NOOP_INTEGRITY)) };
}

/** Host names of the audit fixture beyond the catalog's curated vendors and SITES (Chromium maps these too). */
export const AUDIT_EXTRA_DOMAINS = ['chartbeat.com'] as const;

export const AUDIT_PATHS = {
  page: '/dg-fixture/audit/page',
  hostile: '/dg-fixture/audit/hostile',
  drip: '/dg-fixture/audit/drip',
} as const;

/** Served from any host by the fixture server (`startFixtureServer({ assets })`). */
export const AUDIT_ASSETS: Readonly<Record<string, StaticAsset>> = {
  [AUDIT_PATHS.page]: withIntegrity(file('page.html', 'text/html; charset=utf-8')),
  '/dg-fixture/audit/page.js': file('page.js', 'text/javascript'),
  '/dg-fixture/audit/frame': file('frame.html', 'text/html; charset=utf-8'),
  [AUDIT_PATHS.hostile]: file('hostile.html', 'text/html; charset=utf-8'),
  '/dg-fixture/audit/hostile.js': file('hostile.js', 'text/javascript'),
  [AUDIT_PATHS.drip]: file('drip.html', 'text/html; charset=utf-8'),
  '/dg-fixture/audit/drip.js': file('drip.js', 'text/javascript'),
  '/dg-fixture/audit/ping': { contentType: 'text/plain', body: Buffer.from('pong') },
  // The smallest valid GIF, as tracking pixels are.
  '/dg-fixture/audit/px.gif': {
    contentType: 'image/gif',
    body: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  },
  ...Object.fromEntries(
    ['a', 'p', 't', 'u', 'own', 'late-blocked', 'late', 's', 'stripe', 'noop', 'forged', 'long', 'idn'].map((name) => [
      `/dg-fixture/audit/${name}.js`,
      script(),
    ]),
  ),
};

export interface ExpectedRow {
  readonly url: string;
  readonly vendor: string;
  readonly status: AuditStatus;
  readonly type: string;
  /** What the page saw: the script's event, or (for other requests) Resource Timing's "requested". */
  readonly observed: 'loaded' | 'failed' | 'requested';
  /** Allowed script without `integrity`: flagged "no SRI". */
  readonly noSri: boolean;
  readonly inFrame: boolean;
}

const row = (url: string, vendor: string, status: AuditStatus, extra: Partial<ExpectedRow> = {}): ExpectedRow => {
  const blocked = status === 'blocked';
  return {
    url,
    vendor,
    status,
    type: 'script',
    observed: blocked ? 'failed' : 'loaded',
    noSri: !blocked,
    inFrame: false,
    ...extra,
  };
};

/** Exactly the rows the audit of `page` lists (and its frame's), in no particular order. */
export const EXPECTED_AUDIT: readonly ExpectedRow[] = [
  // Parser-inserted.
  row('https://cdn.amplitude.com/dg-fixture/audit/a.js', 'amplitude', 'blocked'),
  row('https://js.pusher.com/dg-fixture/audit/p.js', 'pusher', 'allowed-essential', { noSri: false }),
  row('https://static.chartbeat.com/dg-fixture/audit/t.js', 'tpw-chartbeat', 'blocked'),
  row('https://cdn.unrelated.example/dg-fixture/audit/u.js', 'unknown', 'allowed-unknown'),
  // Inserted late by the page's own script.
  row('https://static.hotjar.com/dg-fixture/audit/late-blocked.js', 'hotjar', 'blocked'),
  row('https://late.unrelated.example/dg-fixture/audit/late.js', 'unknown', 'allowed-unknown'),
  // Other requests (Resource Timing).
  row('https://api.stripe.com/dg-fixture/audit/ping', 'stripe', 'allowed-essential', {
    type: 'xmlhttprequest',
    observed: 'requested',
    noSri: false,
  }),
  row('https://px.unrelated.example/dg-fixture/audit/px.gif', 'unknown', 'allowed-unknown', {
    type: 'image',
    observed: 'requested',
    noSri: false,
  }),
  // WebSockets (the page-world observer).
  row('wss://ws-mt1.pusher.com/dg-fixture/audit/ws', 'pusher', 'allowed-essential', {
    type: 'websocket',
    observed: 'requested',
    noSri: false,
  }),
  row('wss://api2.amplitude.com/dg-fixture/audit/ws', 'amplitude', 'blocked', {
    type: 'websocket',
    observed: 'requested',
    noSri: false,
  }),
  // From a frame of the same dashboard.
  row('https://cdn.segment.com/dg-fixture/audit/s.js', 'segment', 'blocked', { inFrame: true }),
  row('https://js.stripe.com/dg-fixture/audit/stripe.js', 'stripe', 'allowed-essential', { inFrame: true }),
];

/** First-party requests of `page`: never listed. */
export const FIRST_PARTY_URLS = [
  'https://app.circleci.com/dg-fixture/audit/page.js',
  'https://circleci.com/dg-fixture/audit/own.js',
] as const;

export function auditPageUrl(which: keyof typeof AUDIT_PATHS, query: Record<string, string | number>): string {
  const url = new URL(`https://app.circleci.com${AUDIT_PATHS[which]}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  return url.href;
}
