/**
 * 1. Dashboard load, with Dashguard and without any extension, side by side in one run: the realistic fixture
 * dashboard (realistic-dashboard-page.ts, vendor scripts at their real sizes and every host with latency) loaded in
 * a fresh tab, alternately in a browser with Dashguard and in the same browser without it (ABBA order). Per load: the
 * load event and the first build-log line streamed through Pusher (both ms since navigation start), the requests
 * that reached the fixture server and the vendor script bytes it served.
 *
 * A run is broken (not slow) if Dashguard let a blocked vendor through, if the page without it did not load every
 * vendor, or if the build log did not stream on either side: the figures would then not mean what they say.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import {
  launchChromium,
  launchFirefox,
  type BrowserKind,
  type ExtensionBrowser,
} from '../../test/e2e/harness/browsers';
import { waitForPageSettled } from '../../test/e2e/harness/dashboard-page';
import { extensionDir } from '../../test/e2e/harness/extension-build';
import { startFixtureServer, type FixtureServer } from '../../test/e2e/harness/fixture-server';
import { BrokenRunError } from './bench-errors';
import { interleavedOrder, median, ratio } from './bench-stats';
import { formatValue, type Figure } from './bench-table';
import { installNameShim } from './bundled-names-shim';
import { closeBrowser, launchPlainChromium, launchPlainFirefox } from './plain-browsers';
import { BENCH_PAGE_PATH, benchPageUrl, realisticDashboardPage } from './realistic-dashboard-page';
import { BENCH_VENDORS, createRealisticTraffic, type RealisticTraffic } from './realistic-vendor-traffic';

export interface LoadSample {
  /** Load event start, ms since navigation start. */
  readonly loadMs: number;
  /** First build-log line in the DOM, ms since navigation start. */
  readonly firstLogLineMs: number;
  /** Requests (and WebSocket upgrades) that reached the fixture server during the load. */
  readonly requests: number;
  /** Vendor script bytes the fixture server sent. */
  readonly scriptBytes: number;
}

export interface DashboardLoadResult {
  readonly browser: BrowserKind;
  readonly with: readonly LoadSample[];
  readonly without: readonly LoadSample[];
}

const SNIPPET = readFileSync(path.resolve(__dirname, '../../test/fixtures/dashboard/vendor-snippet.js'));
const VENDOR_HOSTS = new Set(
  BENCH_VENDORS.flatMap((v) => [...v.scripts.map((s) => s.host), ...(v.beaconHost ? [v.beaconHost] : [])]),
);
const SCRIPT_HOSTS = BENCH_VENDORS.flatMap((v) => v.scripts.map((s) => s.host));

/** Runs in the page before its own scripts: notes when the first build-log line is added. */
function watchBuildLog(): void {
  const bench: { firstLogLine?: number } = {};
  (window as unknown as { __dgBench: typeof bench }).__dgBench = bench;
  document.addEventListener('DOMContentLoaded', () => {
    const log = document.querySelector('[data-dg="build-log"]');
    if (!log) return;
    const observer = new MutationObserver(() => {
      if (log.children.length > 0 && bench.firstLogLine === undefined) {
        bench.firstLogLine = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(log, { childList: true });
  });
}

async function loadOnce(
  browser: Browser,
  fixture: FixtureServer,
  traffic: RealisticTraffic,
  run: string,
): Promise<LoadSample & { vendorRequests: number; scriptHostsReached: number }> {
  const page = await browser.newPage();
  try {
    await installNameShim(page);
    await page.evaluateOnNewDocument(watchBuildLog);
    fixture.log.clear();
    traffic.reset();
    await page.goto(benchPageUrl(run), { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(
      () => (window as unknown as { __dgBench?: { firstLogLine?: number } }).__dgBench?.firstLogLine !== undefined,
      { timeout: 30_000 },
    );
    await waitForPageSettled(page, fixture, run);
    // Beacons the snippets send as they run are not awaited by the page: give them a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const timing = await page.evaluate(() => ({
      loadMs:
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventStart ??
        Number.NaN,
      firstLogLineMs:
        (window as unknown as { __dgBench?: { firstLogLine?: number } }).__dgBench?.firstLogLine ?? Number.NaN,
    }));
    const requests = fixture.log.all();
    return {
      ...timing,
      requests: requests.length,
      scriptBytes: traffic.scriptBytesServed(),
      vendorRequests: requests.filter((r) => VENDOR_HOSTS.has(r.host)).length,
      scriptHostsReached: new Set(requests.filter((r) => SCRIPT_HOSTS.includes(r.host)).map((r) => r.host)).size,
    };
  } finally {
    await page.close();
  }
}

export async function measureDashboardLoad(kind: BrowserKind, pairs: number): Promise<DashboardLoadResult> {
  const traffic = createRealisticTraffic(SNIPPET);
  const fixture = await startFixtureServer({
    assets: { [BENCH_PAGE_PATH]: realisticDashboardPage() },
    shapeResponse: traffic.shapeResponse,
  });
  let withDashguard: ExtensionBrowser | undefined;
  let plain: Browser | undefined;
  try {
    withDashguard =
      kind === 'chromium'
        ? await launchChromium(extensionDir(kind), { fixture })
        : await launchFirefox(extensionDir(kind), { fixture });
    plain = kind === 'chromium' ? await launchPlainChromium(fixture) : await launchPlainFirefox(fixture);
    const browsers = { with: withDashguard.browser, without: plain };
    // One load each first: process start-up and first connections are not what is measured.
    await loadOnce(browsers.with, fixture, traffic, `${kind}-warmup-with`);
    await loadOnce(browsers.without, fixture, traffic, `${kind}-warmup-without`);
    const samples: { with: LoadSample[]; without: LoadSample[] } = { with: [], without: [] };
    for (const [index, side] of interleavedOrder(pairs).entries()) {
      const { vendorRequests, scriptHostsReached, ...sample } = await loadOnce(
        browsers[side],
        fixture,
        traffic,
        `${kind}-${side}-${index}`,
      );
      if (side === 'with' && vendorRequests > 0) {
        throw new BrokenRunError(
          `Broken run: with Dashguard, ${vendorRequests} requests to blocked vendors reached the fixture server (${kind}).`,
        );
      }
      if (side === 'without' && scriptHostsReached < SCRIPT_HOSTS.length) {
        throw new BrokenRunError(
          `Broken run: without Dashguard only ${scriptHostsReached} of ${SCRIPT_HOSTS.length} vendor script hosts were requested (${kind}).`,
        );
      }
      samples[side].push(sample);
    }
    return { browser: kind, ...samples };
  } finally {
    if (plain) await closeBrowser(plain);
    await withDashguard?.close();
    await fixture.close();
  }
}

const BROWSER_NAME: Record<BrowserKind, string> = { chromium: 'Chromium', firefox: 'Firefox' };

export function dashboardLoadRows(result: DashboardLoadResult): Figure[] {
  const name = BROWSER_NAME[result.browser];
  const m = (side: 'with' | 'without', key: keyof LoadSample): number => median(result[side].map((s) => s[key]));
  const runs = `median of ${result.with.length} loads each, interleaved`;
  const rows: Figure[] = [
    {
      figure: `Load event, with ÷ without Dashguard (${name})`,
      value: ratio(m('with', 'loadMs'), m('without', 'loadMs')),
      unit: 'ratio',
      target: { op: '<', value: 1 },
      detail: `with ${formatValue(m('with', 'loadMs'), 'ms')}, without ${formatValue(m('without', 'loadMs'), 'ms')}; ${runs}`,
    },
    {
      figure: `First streamed build-log line, with ÷ without (${name})`,
      value: ratio(m('with', 'firstLogLineMs'), m('without', 'firstLogLineMs')),
      unit: 'ratio',
      target: { op: '<=', value: 1 },
      detail: `with ${formatValue(m('with', 'firstLogLineMs'), 'ms')}, without ${formatValue(m('without', 'firstLogLineMs'), 'ms')}; ${runs}`,
    },
    {
      figure: `Requests saved per load (${name})`,
      value: m('without', 'requests') - m('with', 'requests'),
      unit: 'count',
      target: { op: '>', value: 0 },
      detail: `with ${m('with', 'requests')}, without ${m('without', 'requests')} requests reaching the network`,
    },
    {
      figure: `Vendor script bytes saved per load (${name})`,
      value: m('without', 'scriptBytes') - m('with', 'scriptBytes'),
      unit: 'bytes',
      target: { op: '>', value: 0 },
      detail: `with ${formatValue(m('with', 'scriptBytes'), 'bytes')}, without ${formatValue(m('without', 'scriptBytes'), 'bytes')} (decoded, served uncompressed)`,
    },
  ];
  return rows;
}
