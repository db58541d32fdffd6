/**
 * 3b. Options page render with every vendor listed (Chromium, the release build): the options page opened as a tab;
 * `readyMs` is when it marks itself ready (`#app[data-state="ready"]`: every section built, the curated vendors
 * listed and the third-party-web vendors folded per category), measured by an observer that runs before the page's
 * own script. Then every category's folded list is opened at once and `unfoldMs` is the time until every vendor of
 * the catalog has its row and the next frame is painted. "Every vendor listed" is the sum: what a person waits
 * who opens the page and unfolds everything.
 */
import type { Browser } from 'puppeteer-core';
import { vendorCatalog } from '../../src/catalog-data';
import { launchChromium } from '../../test/e2e/harness/browsers';
import { extensionDir } from '../../test/e2e/harness/extension-build';
import { startFixtureServer } from '../../test/e2e/harness/fixture-server';
import { BrokenRunError } from './bench-errors';
import { median } from './bench-stats';
import { formatValue, type Figure } from './bench-table';
import { installNameShim } from './bundled-names-shim';

export interface OptionsTiming {
  /** Navigation start -> the page marked itself ready. */
  readonly readyMs: number;
  /** Opening every folded list -> every vendor row in the DOM and painted. */
  readonly unfoldMs: number;
  /** Vendor rows listed once everything is unfolded. */
  readonly rows: number;
}

/** Runs before options.js: notes when #app gets data-state="ready". */
function watchReady(): void {
  const bench: { readyAt?: number } = {};
  (window as unknown as { __dgBench: typeof bench }).__dgBench = bench;
  const observer = new MutationObserver(() => {
    if (bench.readyAt === undefined && document.getElementById('app')?.dataset.state === 'ready') {
      bench.readyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

async function renderOnce(browser: Browser, base: string): Promise<OptionsTiming> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1200, height: 900 });
    await installNameShim(page);
    await page.evaluateOnNewDocument(watchReady);
    await page.goto(`${base}options.html`);
    await page.waitForFunction(
      () => (window as unknown as { __dgBench?: { readyAt?: number } }).__dgBench?.readyAt !== undefined,
      { timeout: 30_000 },
    );
    return await page.evaluate(async () => {
      const readyMs = (window as unknown as { __dgBench: { readyAt: number } }).__dgBench.readyAt;
      const rowsNow = (): number =>
        new Set(
          [...document.querySelectorAll<HTMLElement>('.categories li[data-vendor]')].map((li) => li.dataset.vendor),
        ).size;
      const folded = [...document.querySelectorAll<HTMLDetailsElement>('.categories details.more')];
      // Each folded list says how many vendors it holds ("N more ... vendors").
      const expected =
        rowsNow() +
        folded.reduce((sum, d) => sum + Number(/\d+/.exec(d.querySelector('summary')?.textContent ?? '')?.[0] ?? 0), 0);
      const started = performance.now();
      for (const details of folded) details.open = true;
      await new Promise<void>((resolve, reject) => {
        const deadline = started + 30_000;
        const check = (): void => {
          if (rowsNow() >= expected) resolve();
          else if (performance.now() > deadline)
            reject(new Error(`only ${rowsNow()} of ${expected} vendor rows after 30 s`));
          else setTimeout(check, 0);
        };
        check();
      });
      // The frame that shows them.
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { readyMs, unfoldMs: performance.now() - started, rows: rowsNow() };
    });
  } finally {
    await page.close();
  }
}

export async function measureOptionsRender(runs: number): Promise<OptionsTiming[]> {
  const fixture = await startFixtureServer();
  const session = await launchChromium(extensionDir('chromium'), { fixture });
  try {
    await renderOnce(session.browser, session.extensionBaseUrl);
    const timings: OptionsTiming[] = [];
    for (let run = 0; run < runs; run += 1) timings.push(await renderOnce(session.browser, session.extensionBaseUrl));
    const catalogSize = vendorCatalog.vendors.length;
    const short = timings.find((t) => t.rows < catalogSize);
    if (short)
      throw new BrokenRunError(
        `Broken run: the options page listed ${short.rows} of the catalog's ${catalogSize} vendors.`,
      );
    return timings;
  } finally {
    await session.close();
    await fixture.close();
  }
}

export function optionsRows(timings: readonly OptionsTiming[]): Figure[] {
  const ready = median(timings.map((t) => t.readyMs));
  const all = median(timings.map((t) => t.readyMs + t.unfoldMs));
  const rows = timings[0]?.rows ?? Number.NaN;
  return [
    {
      figure: 'Options page: open to ready (curated vendors listed, the rest folded)',
      value: ready,
      unit: 'ms',
      target: { op: '<=', value: 1000 },
      detail: `median of ${timings.length} opens`,
    },
    {
      figure: `Options page: open to every vendor listed (${rows.toLocaleString('en-US')} rows)`,
      value: all,
      unit: 'ms',
      target: { op: '<=', value: 1000 },
      detail: `ready, then every category unfolded at once: ${formatValue(median(timings.map((t) => t.unfoldMs)), 'ms')}; median of ${timings.length} opens`,
    },
  ];
}
