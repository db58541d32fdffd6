/**
 * 5. Content-script cost per page (Chromium, the release build): one load of the same fixture page with Dashguard and
 * without any extension, interleaved, median of several loads each:
 *   - typical: the audit fixture page (ten third-party requests, a frame);
 *   - stress: the hostile fixture page (600 third-party requests at once).
 * Two figures per page, each with minus without, what the page pays for Dashguard:
 *   - main-thread CPU time in script, from a trace of the load (trace-script-cpu.ts): the steadier one;
 *   - scripting wall time (CDP Performance.getMetrics `ScriptDuration`, which counts the content script's isolated
 *     world too), from another load without the trace (tracing slows a load down); it also counts the time a main
 *     thread waited for a core that the rest of the run held.
 * Beside them, two floors (listener-floor.ts), the same loads with a stand-in extension subscribed to the same
 * callbacks: the listener floor does nothing in them, what observing each request from a content script costs at all;
 * the reading floor only reads what each request was (a timing entry's URL and type, a script's `src`), what any
 * audit of each request from a content script costs before it decides or reports anything.
 * Blocking also removes the blocked scripts' own work, which on these pages is next to nothing: their scripts are
 * empty.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { AUDIT_ASSETS, AUDIT_EXTRA_DOMAINS, auditPageUrl } from '../../test/e2e/harness/audit-fixture';
import { launchChromium } from '../../test/e2e/harness/browsers';
import { extensionDir } from '../../test/e2e/harness/extension-build';
import { startFixtureServer } from '../../test/e2e/harness/fixture-server';
import { interleavedSides, median, ratio, summarize } from './bench-stats';
import { FRAME_BUDGET_MS } from './popup-render';
import { formatValue, type Figure } from './bench-table';
import { extensionWorldsOnPage } from './extension-worlds';
import { LISTENER_FLOOR_MARKER, launchListenerFloorChromium, type ListenerFloorBrowser } from './listener-floor';
import type { StandIn } from './listener-floor-manifest';
import { closeBrowser, launchPlainChromium } from './plain-browsers';
import { SCENARIOS, type Scenario } from './content-script-scenarios';
import { scriptCpuMs, type TraceEvent } from './trace-script-cpu';

/** One measurement, two loads of the page, in milliseconds. */
export interface PageLoadCost {
  /** Main-thread CPU time in script (trace thread time), from a traced load. */
  readonly cpu: number;
  /** Scripting wall time (`ScriptDuration`), from an untraced load. */
  readonly wall: number;
}

/** with: Dashguard; without: no extension; floor: the listener floor's stand-in; reading: the reading floor's. */
type Side = 'with' | 'without' | 'floor' | 'reading';
const SIDES: readonly Side[] = ['with', 'without', 'floor', 'reading'];
/** The stand-in each floor side loads. */
const STAND_IN_OF: Partial<Record<Side, StandIn>> = { floor: 'listen', reading: 'read' };

export type ContentScriptResult = Record<Scenario, Record<Side, PageLoadCost[]>>;

const TRACE_CATEGORIES = ['devtools.timeline', 'v8.execute'];

/** Script CPU time from a traced load; scripting wall time from a separate, untraced one (tracing slows a load). */
async function measureLoad(
  page: Page,
  url: string,
  doneAttribute: string,
  settleMs: number,
  traced: boolean,
): Promise<number> {
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  if (traced) await page.tracing.start({ categories: TRACE_CATEGORIES });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(`html[${doneAttribute}]`, { timeout: 30_000 });
  // Let the last reports go out.
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  if (traced) {
    const trace = await page.tracing.stop();
    await cdp.detach();
    if (trace === undefined) return Number.NaN;
    return scriptCpuMs((JSON.parse(Buffer.from(trace).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents);
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN) * 1_000;
}

/** A browser of one side, with the extensions whose content scripts must run in each page it loads (none, or one). */
interface SideBrowser {
  readonly browser: Browser;
  readonly extensions: readonly string[];
}

/** An extension's name, which names its content scripts' world, from its built manifest. */
function builtName(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { name: string }).name;
}

async function loadOnce(
  { browser, extensions }: SideBrowser,
  side: Side,
  scenario: Scenario,
  run: string,
  traced: boolean,
): Promise<number> {
  const { which, done, settleMs } = SCENARIOS[scenario];
  const page = await browser.newPage();
  try {
    const url = auditPageUrl(which, { run });
    const value = await measureLoad(page, url, done, settleMs, traced);
    // A stand-in's script marks the page with its name: without the mark, a floor would be a second "without" (or the
    // other floor). Looked at once the load is measured, so the look is not in the trace.
    const standIn = STAND_IN_OF[side];
    if (
      standIn !== undefined &&
      (await page.$eval('html', (html, marker) => html.getAttribute(marker), LISTENER_FLOOR_MARKER)) !== standIn
    )
      throw new Error(
        `The ${standIn} stand-in's content script did not run on ${url}: is the stand-in extension loaded?`,
      );
    // And the side's extension, and no other, had a content-script world in it: a "with" load where Dashguard's
    // content script did not run would measure nothing and meet any target.
    const worlds = await extensionWorldsOnPage(page);
    if (worlds.join('\n') !== [...extensions].sort().join('\n'))
      throw new Error(
        `The ${side} side's load of ${url} ran content scripts of [${worlds.join(', ')}], ` +
          `expected [${extensions.join(', ')}]`,
      );
    return value;
  } finally {
    await page.close();
  }
}

export async function measureContentScriptCost(pairs: number): Promise<ContentScriptResult> {
  const fixture = await startFixtureServer({ assets: AUDIT_ASSETS });
  const withDashguard = await launchChromium(extensionDir('chromium'), { fixture, extraDomains: AUDIT_EXTRA_DOMAINS });
  let plain: Browser | undefined;
  let floor: ListenerFloorBrowser | undefined;
  let reading: ListenerFloorBrowser | undefined;
  try {
    plain = await launchPlainChromium(fixture, AUDIT_EXTRA_DOMAINS);
    floor = await launchListenerFloorChromium('listen', extensionDir('chromium'), fixture, AUDIT_EXTRA_DOMAINS);
    reading = await launchListenerFloorChromium('read', extensionDir('chromium'), fixture, AUDIT_EXTRA_DOMAINS);
    const browsers: Record<Side, SideBrowser> = {
      with: { browser: withDashguard.browser, extensions: [builtName(extensionDir('chromium'))] },
      without: { browser: plain, extensions: [] },
      floor: { browser: floor.browser, extensions: [floor.extensionName] },
      reading: { browser: reading.browser, extensions: [reading.extensionName] },
    };
    const result = {} as ContentScriptResult;
    for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
      for (const side of SIDES) await loadOnce(browsers[side], side, scenario, `warmup-${side}`, false);
      const times: Record<Side, PageLoadCost[]> = { with: [], without: [], floor: [], reading: [] };
      for (const [index, side] of interleavedSides(SIDES, pairs).entries()) {
        const cpu = await loadOnce(browsers[side], side, scenario, `${side}-${index}-traced`, true);
        const wall = await loadOnce(browsers[side], side, scenario, `${side}-${index}`, false);
        times[side].push({ cpu, wall });
      }
      result[scenario] = times;
    }
    return result;
  } finally {
    if (reading) await reading.close();
    if (floor) await floor.close();
    if (plain) await closeBrowser(plain);
    await withDashguard.close();
    await fixture.close();
  }
}

export function contentScriptRows(result: ContentScriptResult): Figure[] {
  return (Object.keys(SCENARIOS) as Scenario[]).flatMap((scenario): Figure[] => {
    const loads = result[scenario];
    const about = `${SCENARIOS[scenario].about}; median of ${loads.with.length} loads each (and as many untraced or traced), interleaved`;
    const figure = (measure: keyof PageLoadCost, figureName: string, what: string): Figure => {
      const on = median(loads.with.map((load) => load[measure]));
      const off = median(loads.without.map((load) => load[measure]));
      const floor = median(loads.floor.map((load) => load[measure])) - off;
      const reading = median(loads.reading.map((load) => load[measure])) - off;
      // Each round loads every side once, next to each other: the round's difference is one sample of the figure, and
      // their range says how far one load can be from the median on this machine.
      const rounds = summarize(
        loads.with.map((load, index) => load[measure] - (loads.without[index]?.[measure] ?? Number.NaN)),
      );
      return {
        figure: `${figureName}, ${scenario} page`,
        value: on - off,
        unit: 'ms',
        target: { op: '<=', value: FRAME_BUDGET_MS },
        detail:
          `${what} with ${formatValue(on, 'ms')}, without ${formatValue(off, 'ms')} (${formatValue(ratio(on, off), 'ratio')}); ` +
          `round by round, with minus without from ${formatValue(rounds.min, 'ms')} to ${formatValue(rounds.max, 'ms')}; ` +
          `listener floor (a content script subscribed to the same callbacks, doing nothing in them) ` +
          `${formatValue(floor, 'ms')} over without; reading floor (the same, reading only each request's URL and type ` +
          `and each script's src) ${formatValue(reading, 'ms')} over without; ${about}`,
      };
    };
    return [
      figure('cpu', 'Extra main-thread CPU time in script per page load', 'script CPU time'),
      figure('wall', 'Extra scripting wall time per page load', 'scripting'),
    ];
  });
}
