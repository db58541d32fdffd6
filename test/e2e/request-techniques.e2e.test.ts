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
import { restartBackground } from './harness/background-lifecycle';
import { BROWSER_KINDS, launchWithDashguard, type ExtensionBrowser } from './harness/browsers';
import { optionsPage, sendFromPage, sessionStorageValue, tabIdOf } from './harness/extension-pages';
import { SETTINGS_CHANGE, TAB_PAUSE_SET } from '../../src/settings/settings-messages';
import { AUDIT_EXPORT_LOG, type AuditLogExport } from '../../src/audit/audit-page-messages';
import { tabAuditKey, type TabAudit } from '../../src/audit/audit-types';
import { SITES } from './harness/fixture-catalog';
import { loadInTab } from './harness/page-helpers';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import {
  FRAME_TECHNIQUES,
  TECHNIQUE_ASSETS,
  TECHNIQUE_DOMAINS,
  TECHNIQUE_HOSTS,
  TECHNIQUES,
  techniqueHits,
  techniquesPageUrl,
  type TechniqueHits,
} from './harness/request-techniques';
import { waitFor } from './harness/wait-for';

let fixture: FixtureServer;

beforeAll(async () => {
  fixture = await startFixtureServer({ assets: TECHNIQUE_ASSETS });
});

afterAll(async () => {
  await fixture?.close();
});

const FIREFOX_IDLE_TIMEOUT_MS = 1_000;
const FRAMES = FRAME_TECHNIQUES;

let runs = 0;
const newRun = (what: string): string => `${what}-${(runs += 1)}`;

/** Starts the techniques page (all, or `only`) in `page`, or in a new tab, and returns the ids it started. */
async function startTechniques(
  session: ExtensionBrowser,
  host: string,
  run: string,
  options: { page?: Page; only?: readonly string[]; navigateFromPage?: boolean } = {},
): Promise<{ page: Page; started: string[] }> {
  const url = techniquesPageUrl(host, run, options.only);
  let page = options.page;
  if (page === undefined) page = await session.openPage(url);
  else if (options.navigateFromPage) {
    // A navigation the page starts itself (a link, a script), rather than one the browser starts.
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'domcontentloaded' }),
      page.evaluate((to: string) => void (location.href = to), url),
    ]);
  } else await loadInTab(page, url);
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
async function waitForHits(
  run: string,
  ids: readonly string[],
  target: keyof TechniqueHits,
  timeoutMs = 20_000,
): Promise<string[]> {
  const missing = (): string[] => {
    const hits = techniqueHits(fixture.log.all(), run)[target];
    return ids.filter((id) => !hits.has(id));
  };
  try {
    await waitFor(
      `${ids.length} techniques to reach the ${target} (run ${run})`,
      () => (missing().length === 0 ? true : undefined),
      { timeoutMs, intervalMs: 100 },
    );
  } catch {
    // Reported by the caller, which knows what a missing request means.
  }
  return missing();
}

/** After every probe request arrived: one more round trip from the page, so a tracker request not blocked is in too. */
async function settle(page: Page, run: string): Promise<void> {
  const host = new URL(page.url()).host;
  await page.evaluate(
    (r: string) => fetch(`/dg-technique/sentinel?run=${encodeURIComponent(r)}`).catch(() => undefined),
    run,
  );
  await waitFor(`the sentinel of run ${run}`, () =>
    fixture.log.all().some((r) => r.host === host && r.path === `/dg-technique/sentinel?run=${encodeURIComponent(run)}`)
      ? true
      : undefined,
  );
}

/**
 * Loads `ids` as a dashboard (or another site) and returns the techniques that reached the tracker, once every probe
 * is in. A technique whose probe never arrives did not run: that fails, it would prove nothing.
 */
async function trackerHitsFrom(
  session: ExtensionBrowser,
  host: string,
  ids: readonly string[],
  options: { page?: Page; navigateFromPage?: boolean } = {},
): Promise<{ page: Page; reached: string[] }> {
  const run = newRun(host);
  const { page, started } = await startTechniques(session, host, run, { ...options, only: ids });
  expect([...started].sort()).toEqual([...ids].sort());
  return { page, reached: await judgeRun(page, host, run, ids) };
}

/** Starts `ids` again in the page as it is, without navigating, and returns those that reached the tracker. */
async function trackerHitsAgain(page: Page, ids: readonly string[]): Promise<string[]> {
  const host = new URL(page.url()).host;
  const run = newRun(`${host}-again`);
  await page.evaluate(
    (r: string, chosen: string[]) =>
      (window as unknown as { dgTechniques: { again(run: string, ids: string[]): void } }).dgTechniques.again(
        r,
        chosen,
      ),
    run,
    [...ids],
  );
  return judgeRun(page, host, run, ids);
}

async function judgeRun(page: Page, host: string, run: string, ids: readonly string[]): Promise<string[]> {
  const withProbe = ids.filter((id) => TECHNIQUES.find((t) => t.id === id)?.probe !== false);
  const notRun = await waitForHits(run, withProbe, 'probe');
  if (notRun.length > 0)
    throw new Error(
      `On ${host}, these techniques never ran (no probe request), so they prove nothing: ${notRun.join(', ')}`,
    );
  await settle(page, run);
  const reached = techniqueHits(fixture.log.all(), run).tracker;
  return ids.filter((id) => reached.has(id));
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
      // Firefox sends no <a ping> unless asked to; the control run below would otherwise flag it. Its event page stops
      // after a second idle, so every navigation to a dashboard below may have to wake it first.
      firefoxPrefs: { 'browser.send_pings': true, 'extensions.background.idle.timeout': FIREFOX_IDLE_TIMEOUT_MS },
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  test(`on an unrelated site every technique reaches the tracker (${supported.length} techniques)`, async () => {
    const run = newRun('unrelated');
    const { page } = await startTechniques(session, SITES.unrelated, run);
    const missing = await waitForHits(
      run,
      supported.map((t) => t.id),
      'tracker',
    );
    const missingProbe = await waitForHits(
      run,
      supported.filter((t) => t.probe).map((t) => t.id),
      'probe',
      1_000,
    );
    await settle(page, run);
    const hits = techniqueHits(fixture.log.all(), run);
    await page.close();
    // Never silently passing: a technique the browser does not have is named, and must stay absent.
    for (const technique of unsupported)
      console.warn(`${kind}: "${technique.id}" proves nothing here: ${technique.unsupported?.[kind]}.`);
    expect({
      fired: unsupported.filter((t) => hits.tracker.has(t.id) || hits.probe.has(t.id)).map((t) => t.id),
    }).toEqual({ fired: [] });
    expect({ neverFiredOnTheUnrelatedSite: [...new Set([...missing, ...missingProbe])] }).toEqual({
      neverFiredOnTheUnrelatedSite: [],
    });
  });

  test('from a dashboard tab no technique reaches the tracker, but the documented limits', async () => {
    const { page, reached } = await trackerHitsFrom(
      session,
      SITES.dashboard,
      supported.map((t) => t.id),
    );
    await page.close();
    for (const technique of limits)
      console.warn(
        `${kind}: "${technique.id}" reaches the tracker from a dashboard tab (documented limit): ${technique.knownLimit?.[kind]}.`,
      );
    expect({ reachedTheTracker: reached.filter((id) => !limits.some((t) => t.id === id)) }).toEqual({
      reachedTheTracker: [],
    });
    // A documented limit that no longer holds is good news, and the README is then wrong: fail so it is updated.
    expect({ limitsThatNoLongerHold: limits.filter((t) => !reached.includes(t.id)).map((t) => t.id) }).toEqual({
      limitsThatNoLongerHold: [],
    });
  });

  describe('tabs move', () => {
    let home: Page;
    /** What the background reports once the rules are in force (a settings round trip). */
    const settingsChange = (change: Record<string, unknown>) => sendFromPage(home, SETTINGS_CHANGE, change);

    beforeAll(async () => {
      home = await optionsPage(session);
    });

    /**
     * Leaves a dashboard for another site in `page` and expects that site untouched. Chromium: from its first request
     * (topDomains is the tab's page as it is now). Firefox: its cover goes when the new page commits (the new site's
     * own requests are left alone from the start of the navigation); until Firefox has said so, which takes a few
     * milliseconds, or more when its event page was asleep, a frame of the new page can still meet the dashboard's
     * blocks (README, Limits: it fails closed). So in Firefox the same techniques run again in the page as it is, and
     * must all reach the tracker then; what met the blocks at first is named in the output.
     */
    async function expectOtherSiteUntouched(
      what: string,
      host: string,
      page: Page,
      navigateFromPage = false,
    ): Promise<void> {
      const first = await trackerHitsFrom(session, host, FRAMES, { page, navigateFromPage });
      if (session.kind === 'chromium') {
        expect({ [what]: first.reached }).toEqual({ [what]: FRAMES });
        return;
      }
      const transient = FRAMES.filter((id) => !first.reached.includes(id));
      if (transient.length > 0)
        console.warn(
          `firefox: ${what}: met the dashboard's blocks before the commit was reported: ${transient.join(', ')}.`,
        );
      expect({ [what]: await trackerHitsAgain(page, FRAMES) }).toEqual({ [what]: FRAMES });
    }

    test('one tab: dashboard, then another site (untouched), then the dashboard again, then away again', async () => {
      const { page, reached } = await trackerHitsFrom(session, SITES.dashboard, FRAMES);
      expect({ dashboard: reached }).toEqual({ dashboard: [] });
      await expectOtherSiteUntouched('otherSite', SITES.unrelated, page);
      // This time the pages navigate themselves, as a link or a script would.
      expect({
        dashboardAgain: (await trackerHitsFrom(session, SITES.dashboard, FRAMES, { page, navigateFromPage: true }))
          .reached,
      }).toEqual({ dashboardAgain: [] });
      await expectOtherSiteUntouched('otherSiteAgain', SITES.marketing, page, true);
      await page.close();
    });

    test("two tabs on two dashboards with different per-dashboard rules each get their own dashboard's verdict", async () => {
      await settingsChange({
        kind: 'set-dashboard-vendor',
        dashboard: 'gitlab',
        vendorId: 'amplitude',
        action: 'allow',
      });
      try {
        const ids = ['img', ...FRAMES];
        const gitlab = await trackerHitsFrom(session, SITES.otherDashboard, ids);
        const circleci = await trackerHitsFrom(session, SITES.dashboard, ids);
        expect({ allowedOnGitLab: gitlab.reached }).toEqual({ allowedOnGitLab: ids });
        expect({ blockedOnCircleCi: circleci.reached }).toEqual({ blockedOnCircleCi: [] });
        // Both tabs are still open: each keeps its own verdict.
        expect({ gitlabAgain: await trackerHitsAgain(gitlab.page, FRAMES) }).toEqual({ gitlabAgain: FRAMES });
        expect({ circleciAgain: await trackerHitsAgain(circleci.page, FRAMES) }).toEqual({ circleciAgain: [] });
        await Promise.all([gitlab.page.close(), circleci.page.close()]);
      } finally {
        await settingsChange({
          kind: 'set-dashboard-vendor',
          dashboard: 'gitlab',
          vendorId: 'amplitude',
          action: null,
        });
      }
    });

    test('a paused tab lets its frames through, another tab on the same dashboard stays covered', async () => {
      const paused = await trackerHitsFrom(session, SITES.dashboard, FRAMES);
      const other = await trackerHitsFrom(session, SITES.dashboard, FRAMES);
      const tabId = await tabIdOf(home, paused.page.url());
      await sendFromPage(home, TAB_PAUSE_SET, { tabId, paused: true });
      try {
        expect({ paused: await trackerHitsAgain(paused.page, FRAMES) }).toEqual({ paused: FRAMES });
        expect({ otherTab: await trackerHitsAgain(other.page, FRAMES) }).toEqual({ otherTab: [] });
      } finally {
        await sendFromPage(home, TAB_PAUSE_SET, { tabId, paused: false });
      }
      expect({ resumed: await trackerHitsAgain(paused.page, FRAMES) }).toEqual({ resumed: [] });
      await Promise.all([paused.page.close(), other.page.close()]);
    });

    const restart = (): Promise<void> => restartBackground(session, home, FIREFOX_IDLE_TIMEOUT_MS);

    test('a background stopped while a dashboard tab is open: the tab stays covered, leaves and comes back right', async () => {
      const { page, reached } = await trackerHitsFrom(session, SITES.dashboard, FRAMES);
      expect({ before: reached }).toEqual({ before: [] });
      await restart();
      // Started again, it knows the open tab from the browser, not from its own memory.
      expect({ stillCovered: await trackerHitsAgain(page, FRAMES) }).toEqual({ stillCovered: [] });
      await restart();
      await expectOtherSiteUntouched('leftAfterRestart', SITES.unrelated, page);
      await restart();
      // Stopped again: the navigation to the dashboard wakes it, and waits for the tab's rules.
      expect({
        backWhileStopped: (await trackerHitsFrom(session, SITES.dashboard, FRAMES, { page, navigateFromPage: true }))
          .reached,
      }).toEqual({ backWhileStopped: [] });
      await page.close();
    });

    test('the audit lists what frames with no address of their own requested, under the frame it came from', async () => {
      // Frames the content script runs in by their creator's origin, a sandboxed frame with an address, and one of another site.
      const seen = {
        'frame-srcdoc': 'about:srcdoc',
        'frame-about-blank': 'about:blank',
        'frame-data': 'data:text/html',
        'frame-blob': `blob:https://${SITES.dashboard}`,
        'frame-sandboxed-srcdoc': 'about:srcdoc',
      } as const;
      const ids = [...Object.keys(seen), 'frame-sandboxed-url', 'frame-third-party'];
      const { page, reached } = await trackerHitsFrom(session, SITES.dashboard, ids);
      expect(reached).toEqual([]);
      const tabId = await tabIdOf(home, page.url());
      const trackerPath = (id: string): string => `/dg-technique/t/${id}`;
      const listed = (audit: TabAudit | undefined, id: string) =>
        audit?.entries.find((e) => e.host === TECHNIQUE_HOSTS.tracker && e.path === trackerPath(id));
      const audit = await waitFor(
        'the tab audit to list the tracker requests of every frame the content script runs in',
        async () => {
          const current = (await sessionStorageValue(home, tabAuditKey(tabId))) as TabAudit | undefined;
          return [...Object.keys(seen), 'frame-sandboxed-url'].every((id) => listed(current, id) !== undefined)
            ? current
            : undefined;
        },
        {
          describeFailure: async () =>
            `Listed: ${JSON.stringify(((await sessionStorageValue(home, tabAuditKey(tabId))) as TabAudit | undefined)?.entries.map((e) => e.path))}`,
        },
      );
      for (const id of [...Object.keys(seen), 'frame-sandboxed-url'])
        expect({ id, status: listed(audit, id)?.status, inFrame: listed(audit, id)?.inFrame }).toEqual({
          id,
          status: 'blocked',
          inFrame: true,
        });
      // A frame of another site is out of the content script's reach (no access to that site): the audit cannot list it.
      expect(listed(audit, 'frame-third-party')).toBeUndefined();
      const log = await sendFromPage<AuditLogExport>(home, AUDIT_EXPORT_LOG, null);
      for (const [id, frameName] of Object.entries(seen)) {
        expect(
          log.records.some(
            (r) =>
              r.host === TECHNIQUE_HOSTS.tracker &&
              r.path === trackerPath(id) &&
              r.pageUrl === frameName &&
              r.dashboardId === 'circleci' &&
              r.status === 'blocked',
          ),
        ).toBe(true);
      }
      await page.close();
    });

    test('closed tabs leave no rules behind', async () => {
      const { page } = await trackerHitsFrom(session, SITES.dashboard, FRAMES);
      const tabId = await tabIdOf(home, page.url());
      await page.close();
      const tabsInRules = async (): Promise<number[]> =>
        home.evaluate(async () => {
          const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
          return (await api.declarativeNetRequest.getSessionRules()).flatMap((rule) => rule.condition.tabIds ?? []);
        });
      const open = await home.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return (await api.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
      });
      await waitFor(
        `no session rule naming closed tab ${tabId}`,
        async () => ((await tabsInRules()).every((id) => open.includes(id) && id !== tabId) ? true : undefined),
        {
          describeFailure: async () =>
            `Tabs in rules: ${JSON.stringify(await tabsInRules())}; open tabs: ${JSON.stringify(open)}.`,
        },
      );
    });
  });
});
