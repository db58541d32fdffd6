/**
 * The fixture dashboard page (test/fixtures/dashboard/: the same template and bundle, the real pusher-js build log
 * and LaunchDarkly flags) with the vendor set of the benchmark instead of every curated vendor: one script tag per
 * vendor script, from its real host, and the page's beacons to each vendor's collector. Served by the fixture server
 * from `assets`, so the e2e page itself is unchanged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { curatedVendors } from '../../rules/catalog/vendors';
import type { StaticAsset } from '../../test/e2e/harness/fixture-pages';
import { LAUNCHDARKLY_FIXTURE } from '../../test/e2e/harness/launchdarkly-fixture';
import { PUSHER_FIXTURE } from '../../test/e2e/harness/pusher-fixture';
import { BENCH_VENDORS, VENDOR_SNIPPET_PATH, type BenchVendor } from './realistic-vendor-traffic';

export const BENCH_PAGE_PATH = '/dg-fixture/bench/dashboard';
const TEMPLATE = path.resolve(__dirname, '../../test/fixtures/dashboard/index.html');

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function pageConfig(vendors: readonly BenchVendor[]): unknown {
  return {
    vendors: vendors.map((bench) => {
      const vendor = curatedVendors.find((v) => v.id === bench.vendorId);
      if (!vendor) throw new Error(`Benchmark vendor "${bench.vendorId}" is not in rules/catalog/vendors.ts`);
      const beaconHosts = bench.beaconHost ? [bench.beaconHost] : [];
      return {
        id: vendor.id,
        name: vendor.name,
        category: vendor.category,
        defaultAction: vendor.defaultAction,
        scriptHosts: bench.scripts.map((script) => script.host),
        beaconHosts,
        sendBeaconHost: beaconHosts[0] ?? '',
      };
    }),
    pusher: {
      key: PUSHER_FIXTURE.key,
      cluster: PUSHER_FIXTURE.cluster,
      channel: PUSHER_FIXTURE.channel,
      event: PUSHER_FIXTURE.event,
    },
    launchDarkly: { clientSideId: LAUNCHDARKLY_FIXTURE.clientSideId },
  };
}

function scriptTags(vendors: readonly BenchVendor[]): string {
  return vendors
    .flatMap((vendor) =>
      vendor.scripts.map((script, index) => {
        // The first script of each vendor also sends a navigator.sendBeacon, as the e2e page does.
        const src = `https://${script.host}${VENDOR_SNIPPET_PATH}?vendor=${encodeURIComponent(vendor.vendorId)}${index === 0 ? '&beacon=1' : ''}`;
        return `  <script async src="${escapeAttribute(src)}" data-dg-vendor="${escapeAttribute(vendor.vendorId)}"></script>`;
      }),
    )
    .join('\n');
}

/** The page, rendered once. */
export function realisticDashboardPage(vendors: readonly BenchVendor[] = BENCH_VENDORS): StaticAsset {
  const config = JSON.stringify(pageConfig(vendors)).replace(/</g, '\\u003c');
  const html = readFileSync(TEMPLATE, 'utf8')
    .replace('<!-- dg:config -->', `<script type="application/json" id="dg-config">${config}</script>`)
    .replace('<!-- dg:vendor-scripts -->', scriptTags(vendors));
  return { contentType: 'text/html; charset=utf-8', body: Buffer.from(html) };
}

export function benchPageUrl(run: string): string {
  return `https://app.circleci.com${BENCH_PAGE_PATH}?run=${encodeURIComponent(run)}`;
}
