/**
 * 5. Content-script cost per page (Chromium, the release build): the page's scripting time (CDP
 * Performance.getMetrics `ScriptDuration`, which counts the content script's isolated world too) for one load of
 * the same fixture page with Dashguard and without any extension, interleaved, median of several loads each:
 *   - typical: the audit fixture page (ten third-party requests, a frame);
 *   - stress: the hostile fixture page (600 third-party requests at once).
 * The difference, with minus without, is what the page pays for Dashguard in scripting time (blocking also removes
 * the blocked scripts' own work, which on these pages is next to nothing: their scripts are empty).
 */
import type { Browser, Page } from 'puppeteer-core';
import { AUDIT_ASSETS, AUDIT_EXTRA_DOMAINS, auditPageUrl } from '../../test/e2e/harness/audit-fixture';
import { launchChromium } from '../../test/e2e/harness/browsers';
import { extensionDir } from '../../test/e2e/harness/extension-build';
import { startFixtureServer } from '../../test/e2e/harness/fixture-server';
import { interleavedOrder, median, ratio } from './bench-stats';
import { FRAME_BUDGET_MS } from './popup-render';
import { formatValue, type FigureRow } from './bench-table';
import { closeBrowser, launchPlainChromium } from './plain-browsers';

export const SCENARIOS = {
  typical: { which: 'page', done: 'data-audit-done', about: 'audit fixture page: 10 third-party requests and a frame' },
  stress: { which: 'hostile', done: 'data-dg-done', about: 'hostile fixture page: 600 third-party requests at once' },
} as const;
export type Scenario = keyof typeof SCENARIOS;

export type ContentScriptResult = Record<Scenario, { with: number[]; without: number[] }>;

async function scriptDuration(page: Page, url: string, doneAttribute: string): Promise<number> {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(`html[${doneAttribute}]`, { timeout: 30_000 });
  // Let the last reports go out.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN) * 1_000;
}

async function loadOnce(browser: Browser, scenario: Scenario, run: string): Promise<number> {
  const { which, done } = SCENARIOS[scenario];
  const page = await browser.newPage();
  try {
    return await scriptDuration(page, auditPageUrl(which, { run }), done);
  } finally {
    await page.close();
  }
}

export async function measureContentScriptCost(pairs: number): Promise<ContentScriptResult> {
  const fixture = await startFixtureServer({ assets: AUDIT_ASSETS });
  const withDashguard = await launchChromium(extensionDir('chromium'), { fixture, extraDomains: AUDIT_EXTRA_DOMAINS });
  let plain: Browser | undefined;
  try {
    plain = await launchPlainChromium(fixture, AUDIT_EXTRA_DOMAINS);
    const browsers = { with: withDashguard.browser, without: plain };
    const result = {} as ContentScriptResult;
    for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
      await loadOnce(browsers.with, scenario, 'warmup-with');
      await loadOnce(browsers.without, scenario, 'warmup-without');
      const times = { with: [] as number[], without: [] as number[] };
      for (const [index, side] of interleavedOrder(pairs).entries())
        times[side].push(await loadOnce(browsers[side], scenario, `${side}-${index}`));
      result[scenario] = times;
    }
    return result;
  } finally {
    if (plain) await closeBrowser(plain);
    await withDashguard.close();
    await fixture.close();
  }
}

export function contentScriptRows(result: ContentScriptResult): FigureRow[] {
  const section = '5. Content-script cost per page (Chromium)';
  return (Object.keys(SCENARIOS) as Scenario[]).flatMap((scenario): FigureRow[] => {
    const on = median(result[scenario].with);
    const off = median(result[scenario].without);
    const detail = `scripting with ${formatValue(on, 'ms')}, without ${formatValue(off, 'ms')} (${formatValue(ratio(on, off), 'ratio')}); ${SCENARIOS[scenario].about}; median of ${result[scenario].with.length} loads each, interleaved`;
    return [
      {
        section,
        figure: `Extra scripting per page load, ${scenario} page`,
        value: on - off,
        unit: 'ms',
        target: { op: '<=', value: FRAME_BUDGET_MS },
        detail,
      },
    ];
  });
}
