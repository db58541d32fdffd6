/**
 * Audit benchmarks (Chromium, the release build in dist/chrome; not a timed test):
 *   1. popup first render with 5,000 audit rows: the popup's own performance marks, `dashguard:audit-first-render`
 *      (first slice on screen) and `dashguard:audit-rendered` (every row built), in ms since its navigation started,
 *      and `scriptReadyMs` (domInteractive: popup.js loaded and run), so bundle start-up and rendering are told apart;
 *   2. the content script's cost per dashboard page load: the page's scripting time (CDP Performance.getMetrics,
 *      ScriptDuration, which includes content scripts) on the same fixture page with and without the extension, as a
 *      ratio, median of several loads: the audit fixture page (ten third-party requests, a frame) and the hostile one
 *      (600 third-party requests at once).
 * Prints one JSON object. Usage: npm run build && npx tsx scripts/bench/audit-bench.ts [--runs 5]
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { AUDIT_ASSETS, AUDIT_EXTRA_DOMAINS, auditPageUrl } from '../../test/e2e/harness/audit-fixture';
import { chromiumArgs, launchChromium } from '../../test/e2e/harness/chromium';
import { extensionDir } from '../../test/e2e/harness/extension-build';
import { startFixtureServer, type FixtureServer } from '../../test/e2e/harness/fixture-server';
import { AUDIT_FORMAT_VERSION, type AuditEntry, type TabAudit } from '../../src/shared/audit-types';

const ROWS = 5_000;
const FAKE_TAB = 424_242;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

function syntheticAudit(): TabAudit {
  const vendors = Array.from({ length: 120 }, (_, i) => ({ id: i % 4 === 0 ? null : `vendor-${i}`, name: `vendor${i}.example`, category: i % 4 === 0 ? null : ('analytics' as const), source: i % 4 === 0 ? null : ('curated' as const) }));
  const statuses = ['blocked', 'allowed-essential', 'allowed-unknown', 'report-only'] as const;
  const entries: AuditEntry[] = Array.from({ length: ROWS }, (_, i) => {
    const vendor = vendors[i % vendors.length]!;
    const status = vendor.id === null ? 'allowed-unknown' : statuses[i % 2 === 0 ? 0 : 1];
    const url = `https://cdn${i % 7}.${vendor.name}/assets/${i}/bundle-${i.toString(36)}.js?v=${i}`;
    return {
      key: `script|${status}|cdn${i % 7}.${vendor.name}|/assets/${i}/bundle-${i.toString(36)}.js`,
      url,
      urlTruncated: false,
      host: `cdn${i % 7}.${vendor.name}`,
      path: `/assets/${i}/bundle-${i.toString(36)}.js`,
      type: 'script',
      vendor,
      status,
      reason: 'Blocked by default (Analytics): Product analytics: records the pages you open and what you click.',
      outcomes: { loaded: 1 },
      integrity: 'absent',
      count: 1 + (i % 5),
      firstSeen: Date.now() - 60_000,
      lastSeen: Date.now(),
      inFrame: i % 11 === 0,
    };
  });
  return { v: AUDIT_FORMAT_VERSION, tabId: FAKE_TAB, page: { url: 'https://app.circleci.com/pipelines', host: 'app.circleci.com', timeOrigin: Date.now(), dashboardId: 'circleci', dashboardName: 'CircleCI' }, entries, unlisted: 0, bytes: 0, stored: {}, updatedAt: Date.now() };
}

interface PopupTiming {
  readonly scriptReadyMs: number;
  readonly firstRenderMs: number;
  readonly renderedMs: number;
}

async function popupRender(browser: Browser, base: string): Promise<PopupTiming[]> {
  const seed = await browser.newPage();
  await seed.goto(`${base}options.html`);
  await seed.evaluate(async (key: string, audit: unknown) => chrome.storage.session.set({ [key]: audit }), `audit:tab:${FAKE_TAB}`, syntheticAudit());
  const results: PopupTiming[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const popup = await browser.newPage();
    await popup.setViewport({ width: 460, height: 600 });
    await popup.goto(`${base}popup.html?tabId=${FAKE_TAB}`);
    await popup.waitForSelector(`#audit[aria-busy="false"][data-rendered="${ROWS}"]`, { timeout: 60_000 });
    results.push(await popup.evaluate(() => ({
      scriptReadyMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domInteractive ?? Number.NaN,
      firstRenderMs: performance.getEntriesByName('dashguard:audit-first-render')[0]?.startTime ?? Number.NaN,
      renderedMs: performance.getEntriesByName('dashguard:audit-rendered')[0]?.startTime ?? Number.NaN,
    })));
    await popup.close();
  }
  await seed.close();
  return results;
}

const SCENARIOS = {
  typical: { which: 'page', done: 'data-audit-done', about: 'audit fixture page (10 third-party requests, a frame)' },
  stress: { which: 'hostile', done: 'data-dg-done', about: 'hostile fixture page (600 third-party requests at once)' },
} as const;
type Scenario = keyof typeof SCENARIOS;

async function scriptDuration(page: Page, url: string, doneAttribute: string): Promise<number> {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(`html[${doneAttribute}]`);
  // Let the last reports go out.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN) * 1_000;
}

async function pageScripting(browser: Browser, scenario: Scenario, label: string): Promise<number[]> {
  const { which, done } = SCENARIOS[scenario];
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const page = await browser.newPage();
    times.push(await scriptDuration(page, auditPageUrl(which, { run: `${label}-${run}` }), done));
    await page.close();
  }
  return times;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const fixture: FixtureServer = await startFixtureServer({ assets: AUDIT_ASSETS });
  const dir = extensionDir('chromium');
  const withExtension = await launchChromium(dir, { fixture, extraDomains: AUDIT_EXTRA_DOMAINS });
  const plain = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    args: chromiumArgs(dir, fixture.port, undefined, AUDIT_EXTRA_DOMAINS).filter((arg) => !arg.startsWith('--load-extension') && !arg.startsWith('--disable-extensions-except')),
  });
  try {
    const renders = await popupRender(withExtension.browser, withExtension.extensionBaseUrl);
    const contentScript: Record<string, unknown> = {};
    for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
      const on = await pageScripting(withExtension.browser, scenario, 'with');
      const off = await pageScripting(plain, scenario, 'without');
      contentScript[scenario] = { page: SCENARIOS[scenario].about, scriptingMsWith: median(on), scriptingMsWithout: median(off), ratio: median(on) / median(off), with: on, without: off };
    }
    console.log(JSON.stringify({
      popup: {
        rows: ROWS,
        scriptReadyMs: median(renders.map((r) => r.scriptReadyMs)),
        firstRenderMs: median(renders.map((r) => r.firstRenderMs)),
        allRowsMs: median(renders.map((r) => r.renderedMs)),
        runs: renders,
      },
      contentScript,
    }, null, 2));
  } finally {
    await withExtension.close();
    await plain.close();
    await fixture.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
