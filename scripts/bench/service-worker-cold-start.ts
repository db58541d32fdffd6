/**
 * 4a. Service worker cold start to ready (Chromium, the release build): Dashguard's service worker is stopped (as
 * Chrome stops it after 30 s idle) and an extension page then sends it a message (`settings/get`, what the popup
 * and the options page send first); the time until the answer arrives covers starting the worker, running
 * background.js (wiring, listeners) and answering. Each cold round trip is followed by a warm one for reference.
 *
 * Puppeteer is told not to attach to service workers in this browser: an attached client holds a starting worker
 * until it says "run", which would be counted. The worker is found and stopped with plain CDP target commands, and
 * each cold start is checked to be a new worker (a new target id).
 */
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { SETTINGS_GET } from '../../src/shared/settings-messages';
import { chromiumArgs } from '../../test/e2e/harness/chromium';
import { CHROMIUM_EXTENSION_ID, extensionDir } from '../../test/e2e/harness/extension-build';
import { startFixtureServer } from '../../test/e2e/harness/fixture-server';
import { median, percentile } from './bench-stats';
import { formatValue, type FigureRow } from './bench-table';
import { closeBrowser } from './plain-browsers';

const BASE = `chrome-extension://${CHROMIUM_EXTENSION_ID}/`;

export interface ColdStartSample {
  readonly coldMs: number;
  readonly warmMs: number;
}

async function workerTargetId(cdp: CDPSession): Promise<string | undefined> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(BASE))?.targetId;
}

async function waitForWorker(cdp: CDPSession, present: boolean, timeoutMs = 10_000): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const id = await workerTargetId(cdp);
    if ((id !== undefined) === present) return id;
    if (Date.now() > deadline) throw new Error(`Dashguard's service worker ${present ? 'did not start' : 'did not stop'} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Round trip of one `settings/get` from the page, in ms. */
async function roundTrip(page: Page): Promise<number> {
  return page.evaluate(async (type: string) => {
    const started = performance.now();
    const reply = (await chrome.runtime.sendMessage({ type, payload: null })) as { ok?: boolean } | undefined;
    const elapsed = performance.now() - started;
    if (reply?.ok !== true) throw new Error(`settings/get failed: ${JSON.stringify(reply)}`);
    return elapsed;
  }, SETTINGS_GET);
}

export async function measureServiceWorkerColdStart(runs: number): Promise<ColdStartSample[]> {
  const fixture = await startFixtureServer();
  const dir = extensionDir('chromium');
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: chromiumArgs(dir, fixture.port),
      targetFilter: (target) => target.type() !== 'service_worker',
    });
    const cdp = await browser.target().createCDPSession();
    await waitForWorker(cdp, true);
    const page = await browser.newPage();
    await page.goto(`${BASE}options.html`);
    // Let the first start (install, first rule sync, the options page's own requests) finish.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const samples: ColdStartSample[] = [];
    for (let run = 0; run <= runs; run += 1) {
      const before = await waitForWorker(cdp, true);
      await cdp.send('Target.closeTarget', { targetId: before! });
      await waitForWorker(cdp, false);
      // Nothing else is going on when the next message arrives.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const coldMs = await roundTrip(page);
      const after = await waitForWorker(cdp, true);
      if (after === before) throw new Error('Broken run: the service worker was not restarted (same target) for a cold start.');
      const warmMs = await roundTrip(page);
      // The first cycle only warms up the measuring page.
      if (run > 0) samples.push({ coldMs, warmMs });
    }
    return samples;
  } finally {
    if (browser) await closeBrowser(browser);
    await fixture.close();
  }
}

export function coldStartRows(samples: readonly ColdStartSample[]): FigureRow[] {
  const cold = samples.map((s) => s.coldMs);
  return [
    {
      section: '4. Service worker (Chromium)',
      figure: 'Cold start to ready: stopped worker, message to answer',
      value: median(cold),
      unit: 'ms',
      target: { op: '<=', value: 100 },
      detail: `p90 ${formatValue(percentile(cold, 0.9), 'ms')}; warm round trip ${formatValue(median(samples.map((s) => s.warmMs)), 'ms')}; median of ${samples.length} stop/wake cycles`,
    },
  ];
}
