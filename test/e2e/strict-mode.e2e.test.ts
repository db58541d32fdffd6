/**
 * Strict mode that holds, in real Chromium and Firefox ESR (test build), judged on the fixture server's record:
 *   - a sensitive page loaded directly: every channel its code tries towards a third party (image, stylesheet, font,
 *     media, frame, form post, fetch, beacon, WebSocket, script) is refused, and code from the dashboard's own
 *     user-content host too, while its own assets and API load; the same page on an ordinary path sends everything
 *     (the control);
 *   - a single-page app routing to its token page: the third-party widget that reported the ordinary route by image,
 *     fetch, beacon and WebSocket (the control) reports nothing from the token page, which is loaded as a new document
 *     under the policy; leaving it for an ordinary route reloads nothing; in a Firefox without the Navigation API, the
 *     route guard's last layer (the next change to the DOM) alone loads it fresh;
 *   - the popup says strict mode is in force only in a document loaded under the policy (reached directly or in the
 *     app), and "open again" in one that was not, whose button loads it under the policy; the audit agrees.
 */
import type { Page } from 'puppeteer-core';
import { SETTINGS_CHANGE } from '../../src/settings/settings-messages';
import { BROWSER_KINDS, launchWithDashguard, type ExtensionBrowser } from './harness/browsers';
import { openExtensionPage, optionsPage, sendFromPage, tabIdOf } from './harness/extension-pages';
import { SITES } from './harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import {
  ARTIFACTS_HOST,
  EXFIL_ORDINARY_PATH,
  EXFIL_SENSITIVE_PATH,
  OWN_REQUESTS,
  STRICT_ASSETS,
  SPA_ORDINARY_PATH,
  SPA_TOKEN_PATH,
  STRICT_EXTRA_DOMAINS,
  THIRD_PARTY_CHANNELS,
  THIRD_PARTY_HOST,
  WIDGET_HOST,
  strictChannel,
  widgetReports,
} from './harness/strict-fixture';
import { waitFor } from './harness/wait-for';

jest.setTimeout(120_000);

let fixture: FixtureServer;
beforeAll(async () => {
  fixture = await startFixtureServer({ assets: STRICT_ASSETS });
});
afterAll(async () => {
  await fixture?.close();
});

/** "host channel" of every request exfil.js made in `run` that reached the server. */
function received(run: string): string[] {
  return [
    ...new Set(
      fixture.log.all().flatMap((request) => {
        const channel = strictChannel(request, run);
        return channel === undefined ? [] : [`${request.host} ${channel}`];
      }),
    ),
  ].sort();
}

const thirdParty = THIRD_PARTY_CHANNELS.map((channel) => `${THIRD_PARTY_HOST} ${channel}`);
const own = OWN_REQUESTS.map(({ host, channel }) => `${host} ${channel}`);

/** The popup's strict-mode notice for the tab showing `urlPrefix` ('none' when it shows none), and the popup. */
async function popupStrictNotice(
  session: ExtensionBrowser,
  options: Page,
  urlPrefix: string,
): Promise<{ state: string; popup: Page }> {
  const tabId = await tabIdOf(options, urlPrefix);
  const popup = await openExtensionPage(session, options, `popup.html?tabId=${tabId}`);
  await popup.waitForSelector('#quick-actions[data-state="ready"]', { timeout: 15_000 });
  const state = await popup.$eval(
    '#quick-actions',
    (root) => root.querySelector<HTMLElement>('[data-qa="strict-mode"]')?.dataset.state ?? 'none',
  );
  return { state, popup };
}

/** The SPA's own record of the document in the tab (undefined while a new one loads). */
const spaState = (page: Page) =>
  page.evaluate(() => {
    const spa = (window as unknown as { dgSpa?: { loadedAt: string; route: string; violations: string[] } }).dgSpa;
    return spa
      ? { loadedAt: spa.loadedAt, route: spa.route, violations: [...spa.violations], href: location.href }
      : undefined;
  });

/** Waits for the tab to show the token page as a new document, rendered, with the widget refused by the policy. */
const freshTokenPage = (page: Page) =>
  waitFor(
    'the token page to be a new document, rendered, with the widget refused by the policy',
    async () => {
      const spa = await spaState(page);
      return spa?.loadedAt === SPA_TOKEN_PATH &&
        spa.route === 'tokens' &&
        spa.violations.some((v) => /^script-src/.test(v) && v.includes(WIDGET_HOST))
        ? spa
        : undefined;
    },
    {
      timeoutMs: 20_000,
      intervalMs: 100,
      describeFailure: async () => `The tab shows: ${JSON.stringify(await spaState(page).catch(() => undefined))}.`,
    },
  );

/** GETs of the SPA's document at `path` in run `run` that reached the server: one per document loaded. */
const documentLoads = (path: string, run: string): number =>
  fixture.log.all().filter((r) => r.host === SITES.dashboard && r.path === `${path}?run=${run}`).length;

describe.each(BROWSER_KINDS)('Strict mode in %s', (kind) => {
  let session: ExtensionBrowser;
  let options: Page;
  let runs = 0;
  const nextRun = (what: string): string => `${kind}-${what}-${(runs += 1)}`;

  beforeAll(async () => {
    // Throws "Dashguard did not load in ..." unless the extension is running and its rules block on the dashboard.
    session = await launchWithDashguard(kind, { fixture, build: 'test', extraDomains: STRICT_EXTRA_DOMAINS });
    options = await optionsPage(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await sendFromPage(options, SETTINGS_CHANGE, { kind: 'reset', scope: 'all' });
  });

  const popupStrictState = (urlPrefix: string) => popupStrictNotice(session, options, urlPrefix);

  async function openExfil(path: string, run: string): Promise<Page> {
    return session.openPage(`https://${SITES.dashboard}${path}?run=${run}`);
  }

  test('a sensitive page loaded directly sends nothing to a third party by any channel; its own assets and API load', async () => {
    // Control: the same page on an ordinary path reaches the third party by every channel.
    const controlRun = nextRun('control');
    const control = await openExfil(EXFIL_ORDINARY_PATH, controlRun);
    const expected = [...thirdParty, `${ARTIFACTS_HOST} artifact-script`, ...own].sort();
    await waitFor(
      'every request of the ordinary page to reach the server',
      () => {
        const seen = received(controlRun);
        return expected.every((r) => seen.includes(r)) ? true : undefined;
      },
      {
        timeoutMs: 20_000,
        intervalMs: 100,
        describeFailure: () => `Missing: ${expected.filter((r) => !received(controlRun).includes(r)).join(', ')}.`,
      },
    );
    await control.close();

    const run = nextRun('token-page');
    const page = await openExfil(EXFIL_SENSITIVE_PATH, run);
    // The page's own requests arrive (so its code ran and strict mode broke nothing it needs)...
    await waitFor(
      "the token page's own assets and API to reach the server",
      () => {
        const seen = received(run);
        return own.every((r) => seen.includes(r)) ? true : undefined;
      },
      {
        timeoutMs: 20_000,
        intervalMs: 100,
        describeFailure: () => `Received: ${received(run).join(', ') || 'nothing'}.`,
      },
    );
    // ...and the browser refused every other one before it left (a refusal is final: it never reaches the network).
    const refusedDirectives = [
      'img-src',
      'style-src',
      'font-src',
      'media-src',
      'frame-src',
      'form-action',
      'connect-src',
      'script-src',
    ];
    const violations = await waitFor(
      'the policy to refuse every channel',
      async () => {
        const list = await page.evaluate(
          () => (window as unknown as { dgStrict?: { violations: string[] } }).dgStrict?.violations ?? [],
        );
        const thirdPartyRefusals = list.filter((v) => v.includes(THIRD_PARTY_HOST));
        // Chromium names the more specific directive (script-src-elem, style-src-elem).
        const refused = (directive: string): boolean =>
          thirdPartyRefusals.some((v) => v.startsWith(`${directive} `) || v.startsWith(`${directive}-elem `));
        return refusedDirectives.every(refused) &&
          thirdPartyRefusals.filter((v) => v.startsWith('connect-src ')).length >= 3
          ? list
          : undefined;
      },
      {
        timeoutMs: 20_000,
        intervalMs: 100,
        describeFailure: async () =>
          `The page saw: ${await page.evaluate(() => JSON.stringify((window as unknown as { dgStrict?: unknown }).dgStrict))}.`,
      },
    );
    expect(violations.some((v) => /^script-src(-elem)? /.test(v) && v.includes(ARTIFACTS_HOST))).toBe(true);
    expect(
      received(run).filter((r) => r.startsWith(`${THIRD_PARTY_HOST} `) || r === `${ARTIFACTS_HOST} artifact-script`),
    ).toEqual([]);
    await page.close();
  });

  test('a token page reached inside a single-page app is loaded fresh under the policy: the widget reports nothing from it', async () => {
    const run = nextRun('spa');
    const page = await session.openPage(`https://${SITES.dashboard}${SPA_ORDINARY_PATH}?run=${run}`);
    const channels = ['image', 'fetch', 'beacon', 'websocket'];
    // Control: on the ordinary route the widget reaches the server by every channel, with the address.
    await waitFor(
      'the widget to report the ordinary route by every channel',
      () => {
        const reports = widgetReports(fixture.log.all(), run);
        return channels.every((c) => reports.includes(`${c} ${SPA_ORDINARY_PATH}`)) ? true : undefined;
      },
      {
        timeoutMs: 20_000,
        intervalMs: 100,
        describeFailure: () => `Reports: ${widgetReports(fixture.log.all(), run).join(', ') || 'none'}.`,
      },
    );
    expect(documentLoads(SPA_TOKEN_PATH, run)).toBe(0);

    // The app routes to its token page with history.pushState.
    await page.bringToFront();
    await page.click('a[data-route="tokens"]');
    const fresh = await freshTokenPage(page);
    expect(new URL(fresh.href).pathname).toBe(SPA_TOKEN_PATH);
    expect(documentLoads(SPA_TOKEN_PATH, run)).toBe(1);
    // The fresh document's own API call is in the record: everything the old document sent came before it.
    await waitFor("the fresh token page's own API call", () =>
      fixture.log
        .all()
        .some(
          (r) =>
            r.host === SITES.dashboard &&
            r.path.startsWith(
              `/dg-spa/api/rendered?run=${run}&route=tokens&loadedAt=${encodeURIComponent(SPA_TOKEN_PATH)}`,
            ),
        )
        ? true
        : undefined,
    );
    expect(widgetReports(fixture.log.all(), run).filter((r) => r.endsWith(` ${SPA_TOKEN_PATH}`))).toEqual([]);

    // The popup says it is in force, and the audit lists the widget as refused by strict mode.
    const inApp = await popupStrictState(`https://${SITES.dashboard}${SPA_TOKEN_PATH}?run=${run}`);
    expect(inApp.state).toBe('in-force');
    await inApp.popup.waitForSelector(`#audit [data-url^="https://${WIDGET_HOST}/"][data-status="strict-mode"]`, {
      timeout: 15_000,
    });
    await inApp.popup.close();

    // Leaving it for an ordinary route is an in-app route again: no new document, the policy stays.
    await page.bringToFront();
    await page.click('a[data-route="pipelines"]');
    await waitFor('the app to route back to the pipelines', async () =>
      (await spaState(page))?.route === 'pipelines' ? true : undefined,
    );
    expect(await spaState(page)).toMatchObject({ loadedAt: SPA_TOKEN_PATH, route: 'pipelines' });
    expect(new URL((await spaState(page))?.href ?? '').pathname).toBe(SPA_ORDINARY_PATH);
    expect(documentLoads(SPA_ORDINARY_PATH, run)).toBe(1);
    const after = await popupStrictState(`https://${SITES.dashboard}${SPA_ORDINARY_PATH}?run=${run}`);
    expect(after.state).toBe('in-force');
    await after.popup.close();
    await page.close();
  });

  test('the popup says strict mode is in force on a token page loaded directly', async () => {
    const run = nextRun('direct');
    const page = await session.openPage(`https://${SITES.dashboard}${SPA_TOKEN_PATH}?run=${run}`);
    await waitFor('the widget to be refused', async () =>
      (await spaState(page))?.violations.some((v) => v.includes(WIDGET_HOST)) ? true : undefined,
    );
    const { state, popup } = await popupStrictState(`https://${SITES.dashboard}${SPA_TOKEN_PATH}?run=${run}`);
    expect(state).toBe('in-force');
    await popup.close();
    await page.close();
  });

  test('a page that became sensitive after it was loaded is "not in force" until opened again, and the audit agrees', async () => {
    const run = nextRun('open-again');
    const address = `https://${SITES.dashboard}${SPA_ORDINARY_PATH}?run=${run}`;
    const page = await session.openPage(address);
    await waitFor('the widget to report', () => (widgetReports(fixture.log.all(), run).length > 0 ? true : undefined));
    // The person puts this page in strict mode while it is open: its document was loaded without the policy.
    await sendFromPage(options, SETTINGS_CHANGE, {
      kind: 'add-sensitive-page',
      pattern: `${SITES.dashboard}${SPA_ORDINARY_PATH}`,
    });
    const before = fixture.log.all().length;
    // It is really unprotected: the widget still reaches the server (so the popup's "not in force" is the truth).
    await waitFor('the widget to report again', () =>
      fixture.log
        .all()
        .slice(before)
        .some((r) => r.host === THIRD_PARTY_HOST && r.path.includes(`run=${encodeURIComponent(run)}`))
        ? true
        : undefined,
    );
    const stale = await popupStrictState(address);
    expect(stale.state).toBe('open-again');
    // The audit does not call the widget "refused by strict mode" in this document.
    await stale.popup.waitForSelector(`#audit [data-url^="https://${WIDGET_HOST}/"]`, { timeout: 15_000 });
    expect(
      await stale.popup.$$eval(`#audit [data-url^="https://${WIDGET_HOST}/"]`, (rows) =>
        rows.map((r) => (r as HTMLElement).dataset.status),
      ),
    ).not.toContain('strict-mode');
    await stale.popup.bringToFront();
    await stale.popup.click('[data-qa="strict-open-again"]');
    await waitFor(
      'the page to be opened again under the policy',
      async () => {
        const spa = await spaState(page).catch(() => undefined);
        return documentLoads(SPA_ORDINARY_PATH, run) === 2 && spa?.violations.some((v) => v.includes(WIDGET_HOST))
          ? true
          : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    const fresh = await popupStrictState(address);
    expect(fresh.state).toBe('in-force');
    await fresh.popup.close();
    await page.close();
  });

  /**
   * Withdraws or gives back Dashguard's access to the dashboards as a person does in the browser's own settings:
   * Chromium's "Site access" (chrome://extensions, whose page carries the API of that switch), Firefox's add-on
   * permissions (permissions.remove of the patterns that cover the dashboard; giving back is the options page's
   * button, below). Chromium refuses permissions.remove for the manifest's hosts.
   */
  async function setChromiumSiteAccess(access: 'ON_CLICK' | 'ON_ALL_SITES'): Promise<void> {
    const settings = await session.openPage('chrome://extensions/');
    try {
      await settings.evaluate(
        async (extensionId: string, hostAccess: string) => {
          const developer = (
            chrome as unknown as {
              developerPrivate: {
                updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
              };
            }
          ).developerPrivate;
          await developer.updateExtensionConfiguration({ extensionId, hostAccess });
        },
        session.extensionId,
        access,
      );
    } finally {
      await settings.close();
    }
  }

  const dashboardAccess = (): Promise<boolean> =>
    options.evaluate(async (host: string) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return api.permissions.contains({ origins: [`https://${host}/*`] });
    }, SITES.dashboard);

  /** The options page asks the browser again when it gets the focus back, as when the person returns to it. */
  const strictAccessWarning = async (): Promise<string | undefined> => {
    await options.evaluate(() => window.dispatchEvent(new Event('focus')));
    return options.evaluate(
      () => document.querySelector<HTMLElement>('[data-dg="strict-access"]')?.textContent ?? undefined,
    );
  };

  // Last in this file: in Chromium only the browser's settings give the access back (the options page's button opens
  // a prompt no one can answer here).
  test('without access to the dashboards the options page says strict mode is off, and it is: the token page reaches the third party', async () => {
    // Control: with access, no warning (once the page has checked) and the token page is refused.
    expect(await dashboardAccess()).toBe(true);
    await options.waitForSelector('#strict-mode');
    expect(await strictAccessWarning()).toBeUndefined();

    if (kind === 'chromium') await setChromiumSiteAccess('ON_CLICK');
    else
      await options.evaluate(async (host: string) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        // The manifest names the dashboard twice (the host, and its subdomains with it): both cover it.
        const manifest = api.runtime.getManifest() as { host_permissions?: string[] };
        const covering = (manifest.host_permissions ?? []).filter(
          (pattern) => pattern === `https://${host}/*` || pattern === `https://*.${host}/*`,
        );
        if (!(await api.permissions.remove({ origins: covering }))) throw new Error('Firefox kept the access');
      }, SITES.dashboard);
    try {
      expect(await dashboardAccess()).toBe(false);
      const warning = await waitFor('the options page to say strict mode is off', strictAccessWarning, {
        timeoutMs: 15_000,
        intervalMs: 200,
      });
      expect(warning).toMatch(/^\s*Strict mode is off: Dashguard has no access to the dashboards/);
      const grant = await options.$('[data-dg="strict-access"] + button');
      expect(await grant?.evaluate((button) => button.textContent)).toBe('Allow access to the dashboards');

      // The truth of it: the token page now sends to the third party by every channel the ordinary page does.
      const run = nextRun('no-access');
      const page = await openExfil(EXFIL_SENSITIVE_PATH, run);
      await waitFor(
        'the token page to reach the third party without strict mode',
        () => {
          const seen = received(run);
          return thirdParty.every((r) => seen.includes(r)) ? true : undefined;
        },
        {
          timeoutMs: 20_000,
          intervalMs: 100,
          describeFailure: () => `Received: ${received(run).join(', ') || 'nothing'}.`,
        },
      );
      await page.close();

      if (kind === 'firefox') {
        // The warning's button asks for the access again (granted without a prompt in this test profile).
        await options.bringToFront();
        await grant?.click();
        await options.waitForSelector('[data-dg="strict-access"]', { hidden: true, timeout: 15_000 });
        expect(await dashboardAccess()).toBe(true);
      }
    } finally {
      if (kind === 'chromium') await setChromiumSiteAccess('ON_ALL_SITES');
    }
    expect(await dashboardAccess()).toBe(true);
    await waitFor('the warning to go', async () => ((await strictAccessWarning()) === undefined ? true : undefined), {
      timeoutMs: 15_000,
      intervalMs: 200,
    });

    // Access back, the token page is refused again.
    const run = nextRun('access-back');
    const page = await openExfil(EXFIL_SENSITIVE_PATH, run);
    await waitFor(
      'the policy to refuse the token page its image again',
      async () => {
        const list = await page.evaluate(
          () => (window as unknown as { dgStrict?: { violations: string[] } }).dgStrict?.violations ?? [],
        );
        return list.some((v) => v.startsWith('img-src') && v.includes(THIRD_PARTY_HOST)) ? true : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(received(run).filter((r) => r.startsWith(`${THIRD_PARTY_HOST} `))).toEqual([]);
    await page.close();
  });
});

/**
 * The layers after the commit, alone. Firefox before 147 had no Navigation API (MDN's compatibility data), and the
 * guard must not depend on it being there: with it turned off, a pushState to the token page fires no event the
 * content script can hear (popstate and hashchange do not fire for it), and only the next change to the DOM (the app
 * rendering the route) shows the new address. Chromium 156 has no switch to turn the API off, so this runs in Firefox.
 */
describe('Strict mode in Firefox without the Navigation API', () => {
  let session: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    session = await launchWithDashguard('firefox', {
      fixture,
      build: 'test',
      extraDomains: STRICT_EXTRA_DOMAINS,
      firefoxPrefs: { 'dom.navigation.webidl.enabled': false },
    });
    options = await optionsPage(session);
  });
  afterAll(async () => {
    await session?.close();
  });

  test('a token page reached inside a single-page app is loaded fresh under the policy, from the next change to the DOM', async () => {
    const run = 'firefox-no-navigation-api-spa';
    const page = await session.openPage(`https://${SITES.dashboard}${SPA_ORDINARY_PATH}?run=${run}`);
    // The premise: the browser does not have the API (else this would test the `navigate` layer again).
    expect(await page.evaluate(() => typeof (window as unknown as { navigation?: unknown }).navigation)).toBe(
      'undefined',
    );
    await waitFor('the widget to report the ordinary route', () =>
      widgetReports(fixture.log.all(), run).includes(`image ${SPA_ORDINARY_PATH}`) ? true : undefined,
    );

    await page.bringToFront();
    await page.click('a[data-route="tokens"]');
    const fresh = await freshTokenPage(page);
    expect(new URL(fresh.href).pathname).toBe(SPA_TOKEN_PATH);
    expect(documentLoads(SPA_TOKEN_PATH, run)).toBe(1);
    // In the fresh document the widget's script was refused, so it never ran there. (The old document rendered the
    // route before its DOM changed: without the Navigation API, what it sent in that moment is not prevented.)
    const { state, popup } = await popupStrictNotice(session, options, `https://${SITES.dashboard}${SPA_TOKEN_PATH}`);
    expect(state).toBe('in-force');
    await popup.close();
    await page.close();
  });
});
