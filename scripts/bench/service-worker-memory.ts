/**
 * 4b. Service worker memory after an hour's worth of simulated audit traffic (Chromium, the release build): the
 * worker's JavaScript heap in use after a forced garbage collection (CDP HeapProfiler.collectGarbage, then
 * Runtime.getHeapUsage), once when it is ready and once after the traffic.
 *
 * The hour, compressed: a dashboard tab that is open for an hour and moves to another page once a minute, each page
 * making 40 third-party requests (20 vendor scripts that Dashguard blocks and 10 images, each with its own URL, and
 * 10 analytics-style posts to one collector URL of a host it does not know), so 60 page loads and 2,400 observations
 * that the content script reports and the worker classifies, stores in the tab's audit and appends to the audit log
 * (31 records a page: the log counts the 10 posts to one URL as one record). The run is broken unless the log gained
 * at least 90 % of the records expected (the traffic must really have gone through the worker).
 */
import { TargetType, type CDPSession, type Page } from 'puppeteer-core';
import { AUDIT_LOG_META_KEY } from '../../src/audit';
import { launchChromium, type ExtensionBrowser } from '../../test/e2e/harness/browsers';
import { extensionDir } from '../../test/e2e/harness/extension-build';
import type { StaticAsset } from '../../test/e2e/harness/fixture-pages';
import { startFixtureServer } from '../../test/e2e/harness/fixture-server';
import { BrokenRunError } from './bench-errors';
import type { Figure } from './bench-table';
import { BENCH_VENDORS } from './realistic-vendor-traffic';

export const PAGES_PER_HOUR = 60;
export const REQUESTS_PER_PAGE = 40;
/** Distinct (page, URL path, type, status) per page: what the audit log keeps as records. */
export const LOG_RECORDS_PER_PAGE = 31;
const MIB = 1024 * 1024;

const TRAFFIC_PATH = '/dg-fixture/bench/traffic';
const TRAFFIC_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pipelines · CircleCI (Dashguard benchmark traffic)</title>
<script src="/dg-fixture/bench/traffic.js"></script></head><body><h1>Audit traffic</h1></body></html>`;

/** The page's script: its 40 third-party requests, then `data-bench-done` on <html>. */
function trafficScript(scriptHosts: readonly string[]): string {
  return `(function () {
  'use strict';
  var page = new URLSearchParams(location.search).get('page') || '0';
  var hosts = ${JSON.stringify(scriptHosts)};
  var pending = [];
  function settle(element) {
    return new Promise(function (resolve) { element.onload = element.onerror = function () { resolve(); }; });
  }
  document.addEventListener('DOMContentLoaded', function () {
    for (var i = 0; i < 20; i += 1) {
      var script = document.createElement('script');
      script.src = 'https://' + hosts[i % hosts.length] + '/dg-fixture/bench/s/' + page + '/' + i + '.js';
      pending.push(settle(script));
      document.head.appendChild(script);
    }
    for (var j = 0; j < 10; j += 1) {
      var img = new Image();
      pending.push(settle(img));
      img.src = 'https://px.unrelated.example/dg-fixture/bench/px/' + page + '/' + j + '.gif';
      pending.push(fetch('https://api.unrelated.example/dg-fixture/collect?page=' + page + '&event=' + j, { method: 'POST', mode: 'no-cors', body: 'e=' + j }).catch(function () {}));
    }
    Promise.all(pending).then(function () { document.documentElement.dataset.benchDone = 'true'; });
  });
})();
`;
}

export const TRAFFIC_ASSETS: Readonly<Record<string, StaticAsset>> = {
  [TRAFFIC_PATH]: { contentType: 'text/html; charset=utf-8', body: Buffer.from(TRAFFIC_HTML) },
  '/dg-fixture/bench/traffic.js': {
    contentType: 'text/javascript',
    body: Buffer.from(trafficScript(BENCH_VENDORS.flatMap((v) => v.scripts.map((s) => s.host)))),
  },
};

export interface MemoryResult {
  readonly readyBytes: number;
  readonly afterBytes: number;
  readonly pages: number;
  readonly observations: number;
  readonly logRecords: number;
}

async function workerSession(session: ExtensionBrowser): Promise<CDPSession> {
  const target = await session.browser.waitForTarget(
    (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(session.extensionBaseUrl),
    { timeout: 10_000 },
  );
  return target.createCDPSession();
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function logRecords(page: Page): Promise<number> {
  return page.evaluate(async (key: string) => {
    const meta = (await chrome.storage.local.get(key))[key] as { chunks?: { count: number }[] } | undefined;
    return (meta?.chunks ?? []).reduce((sum, chunk) => sum + chunk.count, 0);
  }, AUDIT_LOG_META_KEY);
}

async function waitForLog(page: Page, atLeast: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let records = await logRecords(page);
  while (records < atLeast && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    records = await logRecords(page);
  }
  return records;
}

async function visit(tab: Page, page: string): Promise<void> {
  await tab.goto(`https://app.circleci.com${TRAFFIC_PATH}?page=${page}`, { waitUntil: 'domcontentloaded' });
  await tab.waitForSelector('html[data-bench-done]', { timeout: 30_000 });
  // The content script sends in batches (250 ms): let the page's last one go before the tab moves on.
  await new Promise((resolve) => setTimeout(resolve, 400));
}

export async function measureServiceWorkerMemory(pages: number): Promise<MemoryResult> {
  const fixture = await startFixtureServer({ assets: TRAFFIC_ASSETS });
  const session = await launchChromium(extensionDir('chromium'), { fixture });
  try {
    const options = await session.openPage(`${session.extensionBaseUrl}options.html`);
    const tab = await session.browser.newPage();
    // Ready: one page's audit has gone all the way to the log. (Right after the browser starts, the audit can wait
    // several seconds for Chromium's managed-policy storage to answer: that is start-up, not the hour.)
    await visit(tab, 'warmup');
    const before = await waitForLog(options, LOG_RECORDS_PER_PAGE * 0.9, 60_000);
    if (before < LOG_RECORDS_PER_PAGE * 0.9)
      throw new BrokenRunError(
        `Broken run: the audit log holds ${before} records 60 s after a page with ${REQUESTS_PER_PAGE} requests.`,
      );
    const cdp = await workerSession(session);
    const readyBytes = await heapUsed(cdp);
    for (let page = 0; page < pages; page += 1) await visit(tab, String(page));
    const observations = pages * REQUESTS_PER_PAGE;
    const expected = pages * LOG_RECORDS_PER_PAGE;
    const records = (await waitForLog(options, before + expected * 0.9, 60_000)) - before;
    if (records < expected * 0.9)
      throw new BrokenRunError(
        `Broken run: the audit log gained ${records} records, ${expected} expected, after ${observations} observations.`,
      );
    const afterBytes = await heapUsed(cdp);
    await cdp.detach();
    return { readyBytes, afterBytes, pages, observations, logRecords: records };
  } finally {
    await session.close();
    await fixture.close();
  }
}

export function memoryRows(result: MemoryResult): Figure[] {
  const traffic = `${result.pages} page loads, ${result.observations.toLocaleString('en-US')} third-party requests reported; ${result.logRecords.toLocaleString('en-US')} audit-log records`;
  return [
    {
      figure: 'JS heap in use when ready (after GC)',
      value: result.readyBytes,
      unit: 'bytes',
      target: { op: '<=', value: 32 * MIB },
      detail: "fresh profile, once one page's audit has reached the log",
    },
    {
      figure: `JS heap in use after ${result.pages === PAGES_PER_HOUR ? "an hour's" : `${result.pages} minutes'`} audit traffic (after GC)`,
      value: result.afterBytes,
      unit: 'bytes',
      target: { op: '<=', value: 32 * MIB },
      detail: traffic,
    },
    {
      figure: `Heap growth over the ${result.pages === PAGES_PER_HOUR ? 'hour' : `${result.pages} minutes`}`,
      value: result.afterBytes - result.readyBytes,
      unit: 'bytes',
      target: { op: '<=', value: 4 * MIB },
      detail: 'what the worker keeps in memory for the traffic: the audit itself lives in storage',
    },
  ];
}
