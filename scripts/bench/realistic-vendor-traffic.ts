/**
 * Realistic vendor traffic for the dashboard-load benchmark: which vendors a typical SaaS CI dashboard loads, how big
 * their browser scripts are and how far away their hosts are. The fixture server (its opt-in `shapeResponse`) then
 * answers each vendor script with a body of that size and holds every answer back by its host's latency.
 *
 * Sizes are rounded, approximate decoded (uncompressed) sizes of each vendor's browser script as its snippet loads
 * it; the real size varies by account, configuration and version. They are meant to be the right order of magnitude,
 * not exact. Latency is added per request: localhost has no network, while a real browser pays DNS, TCP+TLS and a
 * round trip to each third-party host.
 */
import type { ResponseShape, ShapedRequest } from '../../test/e2e/harness/fixture-server';
import type { StaticAsset } from '../../test/e2e/harness/fixture-pages';
import { hostMatchesDomain } from '../../test/e2e/harness/domain-match';

export interface VendorScript {
  /** The real host the snippet loads it from (under one of the vendor's catalog domains). */
  readonly host: string;
  /** Decoded size in bytes. */
  readonly bytes: number;
}

export interface BenchVendor {
  /** Catalog id (rules/catalog/vendors.ts). */
  readonly vendorId: string;
  readonly scripts: readonly VendorScript[];
  /** Where it sends its page-view beacons (image, fetch), if anywhere but its script hosts. */
  readonly beaconHost?: string;
}

const KB = 1024;

/**
 * Blocked by default, every one of them: the analytics, tag-manager, support-widget, session-replay, marketing,
 * A/B-testing and monitoring vendors a SaaS dashboard commonly carries. The essential vendors (Pusher for the live
 * build log, LaunchDarkly for flags) are in the page too: their SDKs come from the dashboard's own host, as the
 * fixture page has them, and their hosts get latency like any other.
 */
export const BENCH_VENDORS: readonly BenchVendor[] = [
  { vendorId: 'google-tag-manager', scripts: [{ host: 'www.googletagmanager.com', bytes: 340 * KB }] },
  {
    vendorId: 'google-analytics',
    scripts: [{ host: 'www.google-analytics.com', bytes: 50 * KB }],
    beaconHost: 'region1.google-analytics.com',
  },
  { vendorId: 'segment', scripts: [{ host: 'cdn.segment.com', bytes: 120 * KB }], beaconHost: 'api.segment.io' },
  {
    vendorId: 'amplitude',
    scripts: [{ host: 'cdn.amplitude.com', bytes: 110 * KB }],
    beaconHost: 'api2.amplitude.com',
  },
  {
    vendorId: 'intercom',
    // A small loader, then the messenger bundle.
    scripts: [
      { host: 'widget.intercom.io', bytes: 8 * KB },
      { host: 'js.intercomcdn.com', bytes: 700 * KB },
    ],
    beaconHost: 'api-iam.intercom.io',
  },
  {
    vendorId: 'hotjar',
    scripts: [
      { host: 'static.hotjar.com', bytes: 10 * KB },
      { host: 'script.hotjar.com', bytes: 130 * KB },
    ],
    beaconHost: 'metrics.hotjar.io',
  },
  {
    vendorId: 'hubspot',
    scripts: [
      { host: 'js.hs-scripts.com', bytes: 6 * KB },
      { host: 'js.hs-analytics.net', bytes: 90 * KB },
      { host: 'js.hs-banner.com', bytes: 70 * KB },
    ],
    beaconHost: 'track.hubspot.com',
  },
  {
    vendorId: 'optimizely',
    scripts: [{ host: 'cdn.optimizely.com', bytes: 250 * KB }],
    beaconHost: 'logx.optimizely.com',
  },
  { vendorId: 'fullstory', scripts: [{ host: 'edge.fullstory.com', bytes: 120 * KB }], beaconHost: 'rs.fullstory.com' },
  {
    vendorId: 'sentry',
    scripts: [{ host: 'browser.sentry-cdn.com', bytes: 80 * KB }],
    beaconHost: 'o1.ingest.sentry.io',
  },
];

/** Added latency per request, by kind of host. */
export const LATENCY_MS = {
  /** The dashboard's own host (an edge close to the user). */
  firstParty: 40,
  /** A vendor's script CDN. */
  vendorCdn: 100,
  /** A vendor's collection endpoint (usually one region, further away). */
  vendorCollector: 150,
  /** Pusher's WebSocket and LaunchDarkly's API: the dashboard needs them either way. */
  essential: 80,
} as const;

export const FIRST_PARTY_DOMAINS = ['app.circleci.com', 'circleci.com'] as const;
export const ESSENTIAL_DOMAINS = ['pusher.com', 'launchdarkly.com'] as const;

/** The path of the generic vendor snippet (test/fixtures/dashboard/vendor-snippet.js) on every host. */
export const VENDOR_SNIPPET_PATH = '/dg-fixture/vendor.js';

/**
 * `base` followed by generated JavaScript up to exactly `bytes` (or `base` alone when it is already that long): small
 * functions that the script then calls once each, so the browser parses, compiles and runs code of the real size
 * rather than skipping a comment.
 */
export function paddedScript(base: Buffer, bytes: number): Buffer {
  const head = `${base.toString('utf8')}\n;(function(){var f=[];\n`;
  const tail =
    'var s=0;for(var k=0;k<f.length;k++)s=(s+f[k](k))%1000003;window.__dgPad=((window.__dgPad|0)+s)%1000003;})();\n';
  if (Buffer.byteLength(head) + Buffer.byteLength(tail) > bytes) return base;
  const parts = [head];
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let n = 0; ; n += 1) {
    const chunk = `f.push(function(a){var b=a^${n};for(var i=0;i<3;i++)b=(b*31+i+${n % 97})%1000003;return b});\n`;
    if (size + chunk.length > bytes) break;
    parts.push(chunk);
    size += chunk.length;
  }
  parts.push(tail);
  // The rest (shorter than one function) as blank space.
  parts.push(' '.repeat(bytes - size));
  return Buffer.from(parts.join(''));
}

function isUnder(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => hostMatchesDomain(host, domain));
}

export interface RealisticTraffic {
  /** For `startFixtureServer({ shapeResponse })`. */
  readonly shapeResponse: (request: ShapedRequest) => ResponseShape | undefined;
  /** Vendor script bytes served since the last reset. */
  scriptBytesServed(): number;
  reset(): void;
}

/** `snippet`: the generic vendor snippet every vendor script starts with (its bookkeeping for the fixture page). */
export function createRealisticTraffic(
  snippet: Buffer,
  vendors: readonly BenchVendor[] = BENCH_VENDORS,
): RealisticTraffic {
  const scriptHosts = new Map(
    vendors.flatMap((vendor) => vendor.scripts.map((script) => [script.host, script.bytes] as const)),
  );
  const collectorHosts = new Set(vendors.flatMap((vendor) => (vendor.beaconHost ? [vendor.beaconHost] : [])));
  const bodies = new Map<number, StaticAsset>();
  const scriptOfSize = (bytes: number): StaticAsset => {
    let asset = bodies.get(bytes);
    if (!asset) {
      asset = { contentType: 'text/javascript', body: paddedScript(snippet, bytes) };
      bodies.set(bytes, asset);
    }
    return asset;
  };
  let served = 0;
  return {
    shapeResponse({ host, path }) {
      const pathname = path.split('?')[0];
      const scriptBytes = scriptHosts.get(host);
      if (scriptBytes !== undefined) {
        if (pathname !== VENDOR_SNIPPET_PATH) return { delayMs: LATENCY_MS.vendorCdn };
        const asset = scriptOfSize(scriptBytes);
        served += asset.body.length;
        return { delayMs: LATENCY_MS.vendorCdn, asset };
      }
      if (collectorHosts.has(host)) return { delayMs: LATENCY_MS.vendorCollector };
      if (isUnder(host, ESSENTIAL_DOMAINS)) return { delayMs: LATENCY_MS.essential };
      if (isUnder(host, FIRST_PARTY_DOMAINS)) return { delayMs: LATENCY_MS.firstParty };
      return undefined;
    },
    scriptBytesServed: () => served,
    reset() {
      served = 0;
    },
  };
}
