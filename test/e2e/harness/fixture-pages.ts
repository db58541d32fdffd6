/**
 * The files the fixture server sends: the dashboard page (rendered from test/fixtures/dashboard/index.html with the
 * catalog's vendors), its own bundle, the generic vendor snippet, and the real Pusher and LaunchDarkly SDKs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureVendors } from './fixture-catalog';
import { LAUNCHDARKLY_FIXTURE } from './launchdarkly-fixture';
import { PUSHER_FIXTURE } from './pusher-fixture';

const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures/dashboard');

export interface StaticAsset {
  readonly contentType: string;
  readonly body: Buffer;
  /** More response headers (a Content-Security-Policy, say), fixed or made from the request's query string. */
  readonly headers?: Readonly<Record<string, string>> | ((query: URLSearchParams) => Readonly<Record<string, string>>);
  /** Answer 302 to this URL instead, with the request's query string appended. */
  readonly redirectTo?: string;
}

function asset(file: string, contentType: string): StaticAsset {
  return { contentType, body: readFileSync(file) };
}

/** Served from any host under /dg-fixture/. Read once: the files do not change during a run. */
export const FIXTURE_ASSETS: Readonly<Record<string, StaticAsset>> = {
  '/dg-fixture/dashboard.js': asset(path.join(FIXTURE_DIR, 'dashboard.js'), 'text/javascript'),
  '/dg-fixture/vendor.js': asset(path.join(FIXTURE_DIR, 'vendor-snippet.js'), 'text/javascript'),
  '/dg-fixture/lib/pusher.min.js': asset(require.resolve('pusher-js/dist/web/pusher.min.js'), 'text/javascript'),
  '/dg-fixture/lib/ldclient.min.js': asset(
    require.resolve('launchdarkly-js-client-sdk/dist/ldclient.min.js'),
    'text/javascript',
  ),
  // The smallest valid GIF: a 1x1 transparent pixel, as tracking pixels are.
  '/dg-fixture/pixel.gif': {
    contentType: 'image/gif',
    body: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  },
  '/dg-fixture/canary': {
    contentType: 'text/html',
    body: Buffer.from('<!doctype html><title>Dashguard canary</title>'),
  },
};

/** What the page's bundle needs to know; embedded as inert JSON so the page runs under a strict CSP too. */
function pageConfig(): unknown {
  return {
    vendors: fixtureVendors.map(({ vendor, scriptHosts, beaconHosts, sendBeaconHosts }) => ({
      id: vendor.id,
      name: vendor.name,
      category: vendor.category,
      defaultAction: vendor.defaultAction,
      scriptHosts,
      beaconHosts,
      sendBeaconHost: sendBeaconHosts.page,
    })),
    pusher: {
      key: PUSHER_FIXTURE.key,
      cluster: PUSHER_FIXTURE.cluster,
      channel: PUSHER_FIXTURE.channel,
      event: PUSHER_FIXTURE.event,
    },
    launchDarkly: { clientSideId: LAUNCHDARKLY_FIXTURE.clientSideId },
  };
}

function escapeHtmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The vendor tags are in the HTML, not added by script, so the browser requests them as early as a real page does. */
function vendorScriptTags(): string {
  return fixtureVendors
    .flatMap(({ vendor, scriptHosts, sendBeaconHosts }) =>
      scriptHosts.map((host) => {
        // `beacon=1` tells the snippet to use navigator.sendBeacon too (see FixtureVendor.sendBeaconHosts).
        const beacon = host === sendBeaconHosts.snippet ? '&beacon=1' : '';
        const src = `https://${host}/dg-fixture/vendor.js?vendor=${encodeURIComponent(vendor.id)}${beacon}`;
        return `  <script async src="${escapeHtmlAttribute(src)}" data-dg-vendor="${escapeHtmlAttribute(vendor.id)}"></script>`;
      }),
    )
    .join('\n');
}

let renderedPage: Buffer | undefined;

/** The fixture dashboard page; the same bytes on every host it is served from. */
export function dashboardPage(): StaticAsset {
  if (!renderedPage) {
    const template = readFileSync(path.join(FIXTURE_DIR, 'index.html'), 'utf8');
    // `<` escaped so no catalog text can close the script element.
    const config = JSON.stringify(pageConfig()).replace(/</g, '\\u003c');
    const html = template
      .replace('<!-- dg:config -->', `<script type="application/json" id="dg-config">${config}</script>`)
      .replace('<!-- dg:vendor-scripts -->', vendorScriptTags());
    renderedPage = Buffer.from(html);
  }
  return { contentType: 'text/html; charset=utf-8', body: renderedPage };
}
