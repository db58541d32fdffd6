/**
 * 7. Compact static rulesets against one rule per vendor, in the same run: the built extension (compact rulesets, as
 * shipped) and a copy of it whose ruleset files hold the per-vendor layout of the same catalog (the same generator,
 * `layout: 'per-vendor'`), which blocks exactly the same requests (generate-static-rules.test.ts).
 *
 * Bytes and rule counts come from the files each browser's manifest names. The load time: in an extension page of
 * each copy, every static ruleset is switched off, then the time of one `declarativeNetRequest.updateEnabledRulesets`
 * call that switches them all on again is taken (Chrome loads each ruleset's indexed form from the profile; Firefox
 * reads and checks the ruleset files); two browsers run side by side, one per copy, measured in alternating order.
 * Firefox's copies are made from the test build (dist-test/firefox, the same ruleset files), whose options page opens
 * itself: automation cannot navigate to moz-extension:// pages.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { generateStaticRules, type DnrRule, type RulesetId } from '../../src/rules';
import { vendorCatalog } from '../../src/catalog-data';
import { chromiumLaunchOptions } from '../../test/e2e/harness/chromium';
import { launchFirefox } from '../../test/e2e/harness/browsers';
import {
  chromiumExtensionId,
  extensionDir,
  type BrowserKind,
  type BuildKind,
} from '../../test/e2e/harness/extension-build';
import { optionsPage } from '../../test/e2e/harness/extension-pages';
import { startFixtureServer, type FixtureServer } from '../../test/e2e/harness/fixture-server';
import { withTimeout } from '../../test/e2e/harness/wait-for';
import { BrokenRunError } from './bench-errors';
import { interleavedOrder, median, percentile, ratio } from './bench-stats';
import { formatValue, type Figure } from './bench-table';
import { closeBrowser } from './plain-browsers';

export type Layout = 'compact' | 'per-vendor';

export interface RulesetFiles {
  readonly bytes: number;
  readonly rules: number;
}

export interface RulesetLoadResult {
  readonly files: Readonly<Record<BrowserKind, Readonly<Record<Layout, RulesetFiles>>>>;
  /** ms of one updateEnabledRulesets call switching every static ruleset on, per browser and copy. */
  readonly enableMs: Readonly<Record<BrowserKind, Readonly<Record<Layout, readonly number[]>>>>;
}

interface ManifestRulesets {
  declarative_net_request?: { rule_resources?: { id: string; path: string }[] };
}

function resources(dir: string): { id: string; path: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ManifestRulesets;
  return manifest.declarative_net_request?.rule_resources ?? [];
}

/** The bytes and rules of every static ruleset the extension in `dir` declares. */
export function rulesetFiles(dir: string): RulesetFiles {
  let bytes = 0;
  let rules = 0;
  for (const resource of resources(dir)) {
    const file = path.join(dir, resource.path);
    bytes += statSync(file).size;
    rules += (JSON.parse(readFileSync(file, 'utf8')) as DnrRule[]).length;
  }
  return { bytes, rules };
}

/**
 * Copies of the built extension for a browser, one per layout, in a fresh folder (never a folder a browser has
 * loaded: Chromium's indexed rulesets in `_metadata` would be reused). The per-vendor copy gets its ruleset files
 * written in that layout, as the build writes them (one JSON line).
 */
export function layoutCopies(
  kind: BrowserKind,
  build: BuildKind = 'release',
): { dirs: Record<Layout, string>; remove(): void } {
  const source = extensionDir(kind, build);
  const root = mkdtempSync(path.join(os.tmpdir(), `dashguard-rulesets-${kind}-`));
  const perVendor = generateStaticRules(vendorCatalog.vendors, vendorCatalog.dashboards, {
    layout: 'per-vendor',
  }).rulesets;
  const dirs = { compact: path.join(root, 'compact'), 'per-vendor': path.join(root, 'per-vendor') };
  for (const dir of Object.values(dirs))
    cpSync(source, dir, { recursive: true, filter: (file) => path.basename(file) !== '_metadata' });
  for (const resource of resources(source)) {
    const rules = perVendor[resource.id as RulesetId];
    if (rules === undefined)
      throw new BrokenRunError(`Broken run: the manifest names a ruleset "${resource.id}" the generator does not make`);
    writeFileSync(path.join(dirs['per-vendor'], resource.path), `${JSON.stringify(rules)}\n`);
  }
  return { dirs, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Code run in an extension page of the copy: the WebExtension API of either browser. */
type PageApi = typeof chrome;

async function launchChromiumCopy(dir: string, port: number): Promise<{ browser: Browser; page: Page }> {
  const browser = await puppeteer.launch(chromiumLaunchOptions({ extensionDir: dir, port }));
  try {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${chromiumExtensionId(dir)}/options.html`);
    await clearTimers(page);
    return { browser, page };
  } catch (error) {
    await closeBrowser(browser);
    throw error;
  }
}

async function launchFirefoxCopy(dir: string, fixture: FixtureServer): Promise<{ browser: Browser; page: Page }> {
  // The harness checks that the copy's rules block on a dashboard before it returns.
  const session = await launchFirefox(dir, { fixture });
  try {
    const page = await optionsPage(session);
    await clearTimers(page);
    return { browser: session.browser, page };
  } catch (error) {
    await session.close();
    throw error;
  }
}

/** The options page's periodic requests to the background would run beside the measurement. */
async function clearTimers(page: Page): Promise<void> {
  await page.evaluate(() => {
    // In a page, timer ids are small integers handed out in order.
    const last = Number(setTimeout(() => undefined, 0));
    for (let id = 0; id <= last; id += 1) {
      clearTimeout(id);
      clearInterval(id);
    }
  });
}

/**
 * The static rules the copy's rulesets put in force (the premise: the browser loaded the rulesets of its layout):
 * the available static rule count with every ruleset off, less the count with them on (the available count also
 * includes Chrome's shared global pool, so it is only read as a difference).
 */
async function rulesInForce(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
    const manifest = api.runtime.getManifest() as { declarative_net_request?: { rule_resources?: { id: string }[] } };
    const ids = (manifest.declarative_net_request?.rule_resources ?? []).map((r) => r.id);
    await api.declarativeNetRequest.updateEnabledRulesets({ disableRulesetIds: ids });
    const off = await api.declarativeNetRequest.getAvailableStaticRuleCount();
    await api.declarativeNetRequest.updateEnabledRulesets({ enableRulesetIds: ids });
    return off - (await api.declarativeNetRequest.getAvailableStaticRuleCount());
  });
}

/** Switches every static ruleset off, then times switching them all on again in one call. */
async function timeEnable(page: Page): Promise<number> {
  return withTimeout(
    'updateEnabledRulesets',
    page.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
      const manifest = api.runtime.getManifest() as { declarative_net_request?: { rule_resources?: { id: string }[] } };
      const ids = (manifest.declarative_net_request?.rule_resources ?? []).map((r) => r.id);
      await api.declarativeNetRequest.updateEnabledRulesets({ disableRulesetIds: ids });
      const started = performance.now();
      await api.declarativeNetRequest.updateEnabledRulesets({ enableRulesetIds: ids });
      const elapsed = performance.now() - started;
      const enabled = await api.declarativeNetRequest.getEnabledRulesets();
      if (ids.some((id) => !enabled.includes(id)))
        throw new Error(`rulesets not back on: ${ids.filter((id) => !enabled.includes(id)).join(', ')}`);
      return elapsed;
    }),
    30_000,
  );
}

export async function measureRulesetLoad(runs: number): Promise<RulesetLoadResult> {
  const copies = { chromium: layoutCopies('chromium'), firefox: layoutCopies('firefox', 'test') };
  const fixture = await startFixtureServer();
  const browsers: Browser[] = [];
  try {
    const files = {} as Record<BrowserKind, Record<Layout, RulesetFiles>>;
    const enableMs = {} as Record<BrowserKind, Record<Layout, number[]>>;
    for (const kind of ['chromium', 'firefox'] as const) {
      const { dirs } = copies[kind];
      files[kind] = { compact: rulesetFiles(dirs.compact), 'per-vendor': rulesetFiles(dirs['per-vendor']) };
      const pages = {} as Record<Layout, Page>;
      for (const layout of ['compact', 'per-vendor'] as const) {
        const { browser, page } =
          kind === 'chromium'
            ? await launchChromiumCopy(dirs[layout], fixture.port)
            : await launchFirefoxCopy(dirs[layout], fixture);
        browsers.push(browser);
        pages[layout] = page;
        const inForce = await rulesInForce(page);
        if (inForce !== files[kind][layout].rules) {
          throw new BrokenRunError(
            `Broken run: ${kind} holds ${inForce} static rules with the ${layout} rulesets, whose files have ${files[kind][layout].rules}`,
          );
        }
      }
      enableMs[kind] = { compact: [], 'per-vendor': [] };
      // One warm-up each, then alternating order (compact stands for "with", per vendor for "without").
      await timeEnable(pages.compact);
      await timeEnable(pages['per-vendor']);
      for (const side of interleavedOrder(runs)) {
        const layout: Layout = side === 'with' ? 'compact' : 'per-vendor';
        enableMs[kind][layout].push(await timeEnable(pages[layout]));
      }
      while (browsers.length > 0) await closeBrowser(browsers.pop()!);
    }
    return { files, enableMs };
  } finally {
    for (const browser of browsers) await closeBrowser(browser);
    await fixture.close();
    copies.chromium.remove();
    copies.firefox.remove();
  }
}

export function rulesetRows(result: RulesetLoadResult): Figure[] {
  const size = (n: number): string => formatValue(n, 'bytes');
  const count = (n: number): string => n.toLocaleString('en-US');
  const rows: Figure[] = [];
  for (const [kind, name] of [
    ['chromium', 'Chromium'],
    ['firefox', 'Firefox'],
  ] as const) {
    const { compact, 'per-vendor': perVendor } = result.files[kind];
    rows.push({
      figure: `Ruleset bytes, compact ÷ per vendor (${name}: ${kind === 'chromium' ? 'every ruleset, tab cover included' : 'no tab-cover ruleset'})`,
      value: ratio(compact.bytes, perVendor.bytes),
      unit: 'ratio',
      target: { op: '<', value: 1 },
      detail: `compact ${size(compact.bytes)}, per vendor ${size(perVendor.bytes)}; the same blocking`,
    });
    rows.push({
      figure: `Static rules, compact ÷ per vendor (${name})`,
      value: ratio(compact.rules, perVendor.rules),
      unit: 'ratio',
      target: { op: '<', value: 1 },
      detail: `compact ${count(compact.rules)}, per vendor ${count(perVendor.rules)}`,
    });
  }
  for (const [kind, name] of [
    ['chromium', 'Chromium'],
    ['firefox', 'Firefox'],
  ] as const) {
    const times = result.enableMs[kind];
    const m = (layout: Layout): number => median(times[layout]);
    const p90 = (layout: Layout): number => percentile(times[layout], 0.9);
    rows.push({
      figure: `Ruleset load: every static ruleset switched on, compact ÷ per vendor (${name})`,
      value: ratio(m('compact'), m('per-vendor')),
      unit: 'ratio',
      target: { op: '<=', value: 1 },
      detail:
        `compact ${formatValue(m('compact'), 'ms')} (p90 ${formatValue(p90('compact'), 'ms')}), per vendor ${formatValue(m('per-vendor'), 'ms')} ` +
        `(p90 ${formatValue(p90('per-vendor'), 'ms')}); median of ${times.compact.length} updateEnabledRulesets calls each, alternating`,
    });
  }
  return rows;
}
