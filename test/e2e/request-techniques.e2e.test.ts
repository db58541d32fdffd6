/**
 * No request from a dashboard tab escapes, in real Chromium and Firefox ESR: a page that reaches a tracker in every
 * way a page can (html elements, css, js, workers, prefetch and preload, favicon, CSP reports, redirects, <a ping>,
 * speculation rules, and frames of every kind: same-origin, about:blank, srcdoc, blob:, data:, sandboxed,
 * third-party, nested, and the workers they start) is served on an unrelated site, where every technique must reach
 * the tracker (one that never fires there proves nothing and fails the test, unless the browser lacks it, which is
 * reported), and as a dashboard, where none may, except the limits README.md documents. Judged on the fixture
 * server's record: each technique also requests a probe host no rule covers, which proves it ran.
 * Then tabs move: one tab from a dashboard to another site and back, two tabs on two dashboards with different
 * per-dashboard rules, a paused tab, the background stopped while a dashboard tab is open, closed tabs.
 */
import type { Page } from 'puppeteer-core';
import { BROWSER_KINDS, launchWithDashguard, type ExtensionBrowser } from './harness/browsers';
import { optionsPage, sendFromPage, tabIdOf } from './harness/extension-pages';
import { SITES } from './harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { FRAME_TECHNIQUES, TECHNIQUE_ASSETS, TECHNIQUE_DOMAINS, TECHNIQUE_HOSTS, TECHNIQUES, techniqueHits, techniquesPageUrl, type TechniqueHits } from './harness/request-techniques';
import { waitFor } from './harness/wait-for';

let fixture: FixtureServer;

beforeAll(async () => {
  fixture = await startFixtureServer({ assets: TECHNIQUE_ASSETS });
});

afterAll(async () => {
  await fixture?.close();
});

let runs = 0;
const newRun = (what: string): string => `${what}-${(runs += 1)}`;

/** Starts the techniques page (all, or `only`) in `page`, or in a new tab, and returns the ids it started. */
async function startTechniques(session: ExtensionBrowser, host: string, run: string, options: { page?: Page; only?: readonly string[]; navigateFromPage?: boolean } = {}): Promise<{ page: Page; started: string[] }> {
  const url = techniquesPageUrl(host, run, options.only);
  let page = options.page;
  if (page === undefined) page = await session.openPage(url);
  else if (options.navigateFromPage) {
    // A navigation the page starts itself (a link, a script), rather than one the browser starts.
    await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.evaluate((to: string) => void (location.href = to), url)]);
  } else await page.goto(url, { waitUntil: 'domcontentloaded' });
  const current = page;
  const started = await waitFor(`the techniques page on ${host} to start (run ${run})`, async () => {
    const value = await current.evaluate(() => document.documentElement.dataset.started);
    return value === undefined ? undefined : (JSON.parse(value) as string[]);
  });
  const failed = JSON.parse((await page.evaluate(() => document.documentElement.dataset.failed)) ?? '[]') as string[];
  if (failed.length > 0) throw new Error(`The techniques page is broken: ${failed.join('; ')}`);
  return { page, started };
}

/** Waits (bounded) until every one of `ids` reached `host` in this run; returns what was missing at the end. */
async function waitForHits(run: string, ids: readonly string[], target: keyof TechniqueHits, timeoutMs = 20_000): Promise<string[]> {
  const missing = (): string[] => {
    const hits = techniqueHits(fixture.log.all(), run)[target];
    return ids.filter((id) => !hits.has(id));
  };
  try {
    await waitFor(`${ids.length} techniques to reach the ${target} (run ${run})`, () => (missing().length === 0 ? true : undefined), { timeoutMs, intervalMs: 100 });
  } catch {
    // Reported by the caller, which knows what a missing request means.
  }
  return missing();
}

/** After every probe request arrived: one more round trip from the page, so a tracker request not blocked is in too. */
async function settle(page: Page, run: string): Promise<void> {
  const host = new URL(page.url()).host;
  await page.evaluate((r: string) => fetch(`/dg-technique/sentinel?run=${encodeURIComponent(r)}`).catch(() => undefined), run);
  await waitFor(`the sentinel of run ${run}`, () => (fixture.log.all().some((r) => r.host === host && r.path === `/dg-technique/sentinel?run=${encodeURIComponent(run)}`) ? true : undefined));
}

/**
 * Loads `ids` as a dashboard (or another site) and returns the techniques that reached the tracker, once every probe
 * is in. A technique whose probe never arrives did not run: that fails, it would prove nothing.
 */
async function trackerHitsFrom(session: ExtensionBrowser, host: string, ids: readonly string[], options: { page?: Page; navigateFromPage?: boolean } = {}): Promise<{ page: Page; reached: string[] }> {
  const run = newRun(host);
  const { page, started } = await startTechniques(session, host, run, { ...options, only: ids });
  expect([...started].sort()).toEqual([...ids].sort());
  const withProbe = ids.filter((id) => TECHNIQUES.find((t) => t.id === id)?.probe !== false);
  const notRun = await waitForHits(run, withProbe, 'probe');
  if (notRun.length > 0) throw new Error(`On ${host}, these techniques never ran (no probe request), so they prove nothing: ${notRun.join(', ')}`);
  await settle(page, run);
  const reached = techniqueHits(fixture.log.all(), run).tracker;
  return { page, reached: ids.filter((id) => reached.has(id)) };
}

describe.each(BROWSER_KINDS)('Request techniques in %s', (kind) => {
  let session: ExtensionBrowser;
  const supported = TECHNIQUES.filter((t) => t.unsupported?.[kind] === undefined);
  const unsupported = TECHNIQUES.filter((t) => t.unsupported?.[kind] !== undefined);
  const limits = supported.filter((t) => t.knownLimit?.[kind] !== undefined);

  beforeAll(async () => {
    session = await launchWithDashguard(kind, {
      fixture,
      build: 'test',
      extraDomains: TECHNIQUE_DOMAINS,
      // Firefox sends no <a ping> unless asked to; the control run below would otherwise flag it.
      firefoxPrefs: { 'browser.send_pings': true },
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  test(`on an unrelated site every technique reaches the tracker (${supported.length} techniques)`, async () => {
    const run = newRun('unrelated');
    const { page } = await startTechniques(session, SITES.unrelated, run);
    const missing = await waitForHits(run, supported.map((t) => t.id), 'tracker');
    const missingProbe = await waitForHits(run, supported.filter((t) => t.probe).map((t) => t.id), 'probe', 1_000);
    await settle(page, run);
    const hits = techniqueHits(fixture.log.all(), run);
    await page.close();
    // Never silently passing: a technique the browser does not have is named, and must stay absent.
    for (const technique of unsupported) console.warn(`${kind}: "${technique.id}" proves nothing here: ${technique.unsupported?.[kind]}.`);
    expect({ fired: unsupported.filter((t) => hits.tracker.has(t.id) || hits.probe.has(t.id)).map((t) => t.id) }).toEqual({ fired: [] });
    expect({ neverFiredOnTheUnrelatedSite: [...new Set([...missing, ...missingProbe])] }).toEqual({ neverFiredOnTheUnrelatedSite: [] });
  });

  test('from a dashboard tab no technique reaches the tracker, but the documented limits', async () => {
    const { page, reached } = await trackerHitsFrom(session, SITES.dashboard, supported.map((t) => t.id));
    await page.close();
    for (const technique of limits) console.warn(`${kind}: "${technique.id}" reaches the tracker from a dashboard tab (documented limit): ${technique.knownLimit?.[kind]}.`);
    expect({ reachedTheTracker: reached.filter((id) => !limits.some((t) => t.id === id)) }).toEqual({ reachedTheTracker: [] });
    // A documented limit that no longer holds is good news, and the README is then wrong: fail so it is updated.
    expect({ limitsThatNoLongerHold: limits.filter((t) => !reached.includes(t.id)).map((t) => t.id) }).toEqual({ limitsThatNoLongerHold: [] });
  });
});
