/**
 * Control: the person's changes, in real Chromium and Firefox ESR with the test build (dist-test/): every change is made through
 * the real options page or popup, and every assertion is on what the fixture server received.
 *   - a per-dashboard allow lets a vendor through on that dashboard only; removing it blocks it again;
 *   - pausing one tab lets that tab load everything while another tab on the same dashboard stays protected;
 *   - a self-hosted dashboard is protected once added (and its host access is given back when it is removed);
 *   - strict mode: on a token page even Pusher is refused, on the build page of the same dashboard it streams;
 *   - report-only: every vendor reaches the server;
 *   - import: a valid file applies, an invalid one changes nothing and names each bad field, an old one is migrated.
 */
import type { Page } from 'puppeteer-core';
import {
  SETTINGS_CHANGE,
  SETTINGS_GET,
  TAB_PAUSE_GET,
  type SettingsView,
  type TabPauseState,
} from '../../src/settings/settings-messages';
import { BROWSER_KINDS, launchWithDashguard, type ExtensionBrowser } from './harness/browsers';
import { readDashboardPage, waitForPageSettled } from './harness/dashboard-page';
import { openExtensionPage, optionsPage, sendFromPage, tabIdOf } from './harness/extension-pages';
import {
  allowedVendors,
  blockedVendors,
  DASHBOARD_PATH,
  fixtureVendors,
  requestsToVendor,
  SITES,
} from './harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { isFlagRequest, isLaunchDarklyHost } from './harness/launchdarkly-fixture';
import { loadInTab, newTab } from './harness/page-helpers';
import { isPusherSocket, PUSHER_FIXTURE } from './harness/pusher-fixture';
import type { RecordedRequest } from './harness/request-log';
import { requestOutcome } from './harness/rules-canary';
import { expectAllRequestsOf, requestKey } from './harness/vendor-expectations';
import { waitFor } from './harness/wait-for';

/** Blocked by default (a support widget); allowed on one dashboard in these tests. */
const INTERCOM = fixtureVendors.find((entry) => entry.vendor.id === 'intercom');
/** Blocked by default, for probes. */
const HOTJAR_HOST = 'hotjar.com';
const MIXPANEL_HOST = 'mixpanel.com';
/** A CircleCI page that creates API tokens: in the catalog's sensitive pages, so in strict mode. */
const TOKEN_PATH = '/settings/user/tokens';

// Several full page loads per test, in two browsers: more than the default budget, still bounded.
jest.setTimeout(180_000);

let fixture: FixtureServer;
beforeAll(async () => {
  if (!INTERCOM)
    throw new Error('The catalog has no "intercom" vendor: pick another vendor blocked by default for these tests.');
  fixture = await startFixtureServer();
});
afterAll(async () => {
  await fixture?.close();
});

/** Vendors blocked by default that received anything (minus `except`), with what they received. */
function leaks(requests: readonly RecordedRequest[], except: readonly string[] = []): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const { vendor } of blockedVendors) {
    if (except.includes(vendor.id)) continue;
    const received = requestsToVendor(requests, vendor.id).map(requestKey);
    if (received.length > 0) found[vendor.id] = [...new Set(received)];
  }
  return found;
}

/** Sets an input's value the way typing does, starting from empty. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  // A tab in the background runs no animation frames, which puppeteer's waits poll on.
  await page.bringToFront();
  await page.$eval(selector, (element) => {
    (element as HTMLInputElement).value = '';
  });
  await page.type(selector, text);
}

describe.each(BROWSER_KINDS)('Control in %s', (kind) => {
  let session: ExtensionBrowser;
  let options: Page;
  let loads = 0;

  beforeAll(async () => {
    // Throws "Dashguard did not load in ..." unless the extension is running and its rules block on the dashboard.
    session = await launchWithDashguard(kind, { fixture, build: 'test' });
    options = await optionsPage(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  beforeEach(async () => {
    await options.bringToFront();
  });
  afterEach(async () => {
    // Each test starts from the defaults, whatever the previous one left.
    await sendFromPage(options, SETTINGS_CHANGE, { kind: 'reset', scope: 'all' });
  });

  /** Loads the fixture page on `host` + `path` with a clean record; returns the page, its state and the record. */
  async function loadFixture(
    host: string,
    path = DASHBOARD_PATH,
    how: { keepOpen?: boolean; strict?: boolean; beforeLoad?: (page: Page) => Promise<void> } = {},
  ) {
    loads += 1;
    const run = `${kind}-control-${loads}`;
    fixture.log.clear();
    const page = await newTab(session.browser, `the fixture page on ${host}`);
    await how.beforeLoad?.(page);
    // Puppeteer's default wait, as before; a timeout now names the URL.
    await loadInTab(page, `https://${host}${path}?run=${run}`, 30_000);
    const state = await waitForPageSettled(page, fixture, run, { beaconsMayBeRefused: how.strict });
    const requests = fixture.log.all();
    if (!how.keepOpen) await page.close();
    return { page, state, requests, run };
  }

  const outcome = (fromHost: string, vendorHost: string): Promise<'reached' | 'blocked'> =>
    requestOutcome(session.browser, fixture, fromHost, vendorHost);

  async function settings(): Promise<SettingsView['settings']> {
    return (await sendFromPage<SettingsView>(options, SETTINGS_GET, null)).settings;
  }

  async function addDashboardRule(dashboard: string, vendor: string, action: 'allow' | 'block'): Promise<void> {
    await options.bringToFront();
    await options.select('[data-field="rule-dashboard"]', dashboard);
    await typeInto(options, '[data-field="rule-vendor"]', vendor);
    await options.select('[data-field="rule-action"]', action);
    await options.bringToFront();
    await options.click('[data-action="add-rule"]');
  }

  /** Waits for something to appear on the options page; on failure, says what the page's status line said. */
  async function optionsShow(selector: string): Promise<void> {
    await options.bringToFront();
    try {
      await options.waitForSelector(selector, { timeout: 10_000 });
    } catch (error) {
      const said = await options.evaluate(() =>
        [
          document.getElementById('status')?.textContent ?? '',
          ...[...document.querySelectorAll('.field-error:not([hidden])')].map((e) => e.textContent ?? ''),
        ].join(' | '),
      );
      throw new Error(`${(error as Error).message}. The options page says: ${said}`, { cause: error });
    }
  }

  test('allowing a vendor on one dashboard lets it through there only; removing the rule blocks it again', async () => {
    const intercom = INTERCOM!;
    await addDashboardRule('circleci', 'Intercom', 'allow');
    await optionsShow('[data-list="dashboard-rules"] li[data-rule="circleci/intercom"]');

    const onDashboard = await loadFixture(SITES.dashboard);
    await expectAllRequestsOf([intercom], fixture, SITES.dashboard);
    expect(leaks(onDashboard.requests, ['intercom'])).toEqual({});

    const onOther = await loadFixture(SITES.otherDashboard);
    expect(onOther.requests.some((r) => r.host === SITES.otherDashboard && r.path.startsWith(DASHBOARD_PATH))).toBe(
      true,
    );
    expect(leaks(onOther.requests, [])).toEqual({});

    await options.bringToFront();
    await options.click('li[data-rule="circleci/intercom"] [data-action="remove-rule"]');
    await options.waitForSelector('li[data-rule="circleci/intercom"]', { hidden: true });
    const again = await loadFixture(SITES.dashboard);
    expect(leaks(again.requests, []).intercom).toBeUndefined();
    expect(leaks(again.requests, [])).toEqual({});
  });

  /**
   * Clicks a button of the popup's live list as the element it is, not at a point on the screen: rows for the
   * reloading page keep arriving, and a point-and-click could land on the row that just moved there.
   */
  async function clickInPopup(popup: Page, selector: string): Promise<void> {
    const button = await popup.waitForSelector(`${selector}:not([disabled])`);
    await button?.evaluate((b) => (b as HTMLButtonElement).click());
  }

  test('the popup allows a vendor here in one click, blocks it again in one click, and the options page follows', async () => {
    const intercom = INTERCOM!;
    const tab = await loadFixture(SITES.dashboard, DASHBOARD_PATH, { keepOpen: true });
    expect(leaks(tab.requests, [])).toEqual({});
    const tabId = await tabIdOf(options, `https://${SITES.dashboard}${DASHBOARD_PATH}?run=${tab.run}`);
    const popup = await openExtensionPage(session, options, `popup.html?tabId=${tabId}`);
    await popup.waitForSelector('#quick-actions[data-state="ready"]');
    expect(await popup.$eval('[data-qa="dashboard"]', (e) => (e as HTMLElement).dataset.dashboard)).toBe('circleci');

    // Any vendor by name; then one click.
    await typeInto(popup, '[data-qa="vendor-input"]', 'Intercom');
    await popup.click('[data-qa="vendor-show"]');
    await popup.waitForSelector('#audit li[data-vendor-group="intercom"][data-state="block"]');
    await clickInPopup(popup, '#audit li[data-vendor-group="intercom"] [data-qa="vendor-toggle"]');
    await popup.waitForSelector('#audit li[data-vendor-group="intercom"][data-state="allow"]');
    await popup.waitForSelector('[data-qa="reload"]:not([hidden])');

    fixture.log.clear();
    await tab.page.bringToFront();
    await tab.page.reload({ waitUntil: 'domcontentloaded' });
    await waitForPageSettled(tab.page, fixture, tab.run);
    await expectAllRequestsOf([intercom], fixture, 'the reloaded tab');
    const other = await loadFixture(SITES.otherDashboard);
    expect(leaks(other.requests, [])).toEqual({});

    // The options page, open all along, shows the popup's change.
    await options.bringToFront();
    await options.waitForSelector('[data-list="dashboard-rules"] li[data-rule="circleci/intercom"]');

    await popup.bringToFront();
    await clickInPopup(popup, '#audit li[data-vendor-group="intercom"] [data-qa="vendor-toggle"]');
    await popup.waitForSelector('#audit li[data-vendor-group="intercom"][data-state="block"]');
    await popup.close();
    fixture.log.clear();
    await tab.page.bringToFront();
    await tab.page.reload({ waitUntil: 'domcontentloaded' });
    await waitForPageSettled(tab.page, fixture, tab.run);
    expect(leaks(fixture.log.all(), [])).toEqual({});
    await tab.page.close();
    // Blocking again removed the rule rather than adding a second one.
    expect((await settings()).dashboardVendorRules).toEqual([]);
  });

  test('a vendor field with a mistake gets an inline message, and nothing is saved', async () => {
    await addDashboardRule('circleci', 'Intercomm', 'allow');
    const message = await options.waitForFunction(() => {
      const input = document.querySelector('[data-field="rule-vendor"]');
      const ids = input?.getAttribute('aria-describedby')?.split(' ') ?? [];
      const text = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      return input?.getAttribute('aria-invalid') === 'true' && /No vendor called/.test(text) ? text : undefined;
    });
    expect(await message.jsonValue()).toMatch(/No vendor called "Intercomm"/);
    expect((await settings()).dashboardVendorRules).toEqual([]);
  });

  test('pausing one tab lets that tab load everything; another tab on the same dashboard stays protected', async () => {
    const paused = await loadFixture(SITES.dashboard, DASHBOARD_PATH, { keepOpen: true });
    expect(leaks(paused.requests, [])).toEqual({});
    const tabId = await tabIdOf(options, `https://${SITES.dashboard}${DASHBOARD_PATH}?run=${paused.run}`);

    // The popup's quick actions, acting on that tab (popup.html?tabId=N: the popup's own contract for "this tab").
    const popup = await openExtensionPage(session, options, `popup.html?tabId=${tabId}`);
    await popup.waitForSelector('#quick-actions[data-state="ready"]');
    await popup.click('[data-qa="pause"]');
    await popup.waitForSelector('[data-qa="pause"][aria-pressed="true"]');
    await popup.close();

    fixture.log.clear();
    await paused.page.reload({ waitUntil: 'domcontentloaded' });
    await waitForPageSettled(paused.page, fixture, paused.run);
    await expectAllRequestsOf(fixtureVendors, fixture, 'the paused tab');

    const other = await loadFixture(SITES.dashboard);
    expect(leaks(other.requests, [])).toEqual({});

    // The pause ends with its tab.
    await paused.page.close();
    await waitFor(
      'the pause to end when its tab closes',
      async () => {
        const state = await sendFromPage<TabPauseState>(options, TAB_PAUSE_GET, { tabId });
        return state.paused ? undefined : true;
      },
      { timeoutMs: 10_000, intervalMs: 100 },
    );
  });

  test('a self-hosted dashboard is protected once added, and its host access is given back when removed', async () => {
    const host = SITES.selfHosted;
    expect(await outcome(host, MIXPANEL_HOST)).toBe('reached');

    // A URL where a host is asked: refused inline, nothing saved.
    await typeInto(options, '[data-field="dashboard-host"]', `https://${host}/job/build`);
    await options.bringToFront();
    await options.click('[data-action="add-dashboard"]');
    await options.waitForSelector('[data-field="dashboard-host"][aria-invalid="true"]');
    expect((await settings()).customDashboards).toEqual([]);

    // Typed in capitals with a trailing dot: normalised.
    await typeInto(options, '[data-field="dashboard-host"]', `${host.toUpperCase()}.`);
    await options.select('[data-field="dashboard-kind"]', 'Jenkins');
    await options.bringToFront();
    await options.click('[data-action="add-dashboard"]');
    await options.waitForSelector(`[data-list="custom-dashboards"] li[data-dashboard="${host}"]`);

    const page = await loadFixture(host);
    expect(page.requests.some((r) => r.host === host && r.path.startsWith(DASHBOARD_PATH))).toBe(true);
    expect(leaks(page.requests, [])).toEqual({});
    await expectAllRequestsOf(allowedVendors, fixture, host);

    const accessState = () =>
      options.evaluate(async (origin: string) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const granted = await api.permissions.contains({ origins: [origin] });
        const scripts = (await api.scripting.getRegisteredContentScripts()).map((s) => s.id);
        return { granted, scripts };
      }, `*://${host}/*`);
    if (kind === 'firefox') {
      // Firefox grants the optional permission without a prompt here (extensions.webextOptionalPermissionPrompts):
      // the audit's content script is then registered on that host alone.
      await waitFor(
        'the audit script to be registered on the self-hosted dashboard',
        async () => {
          const state = await accessState();
          return state.granted && state.scripts.includes(`dashguard-custom-${host}`) ? true : undefined;
        },
        { timeoutMs: 10_000, intervalMs: 100 },
      );
    }

    await options.bringToFront();
    await options.click(`li[data-dashboard="${host}"] [data-action="remove-dashboard"]`);
    await options.waitForSelector(`li[data-dashboard="${host}"]`, { hidden: true });
    expect(await outcome(host, MIXPANEL_HOST)).toBe('reached');
    await waitFor(
      'the host access to be given back',
      async () => {
        const state = await accessState();
        return !state.granted && !state.scripts.includes(`dashguard-custom-${host}`) ? true : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 100 },
    );
  });

  test('strict mode: on a token page even Pusher is refused; on the build page of the same dashboard it streams', async () => {
    const violations = async (page: Page) => {
      // Recorded from the first script on: every load the page's policies refused.
      await page.evaluateOnNewDocument(() => {
        const list: string[] = [];
        (window as unknown as { dgViolations: string[] }).dgViolations = list;
        document.addEventListener(
          'securitypolicyviolation',
          (event) => list.push(`${event.effectiveDirective} ${event.blockedURI}`),
          true,
        );
      });
    };
    const token = await loadFixture(SITES.dashboard, TOKEN_PATH, {
      keepOpen: true,
      strict: true,
      beforeLoad: violations,
    });
    // The page's own code ran (positive control)...
    expect(token.requests.some((r) => r.host === SITES.dashboard && r.path === '/dg-fixture/dashboard.js')).toBe(true);
    // ...and Pusher's connection was refused by the page's policy: it never reached the server.
    const refused = await waitFor(
      'the Pusher connection to be refused by the strict-mode policy',
      async () => {
        const list = await token.page.evaluate(() => (window as unknown as { dgViolations: string[] }).dgViolations);
        return list.some((v) => v.startsWith('connect-src') && v.includes('pusher.com')) ? list : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    expect(refused.some((v) => v.startsWith('script-src') && v.includes('pusher.com'))).toBe(true);
    const record = fixture.log.all();
    expect(record.filter((r) => r.websocket && isPusherSocket(r.host, r.path)).map(requestKey)).toEqual([]);
    expect(
      requestsToVendor(record, 'pusher').filter((r) => r.path.startsWith('/dg-fixture/vendor.js') || r.websocket),
    ).toEqual([]);
    expect(record.filter((r) => isLaunchDarklyHost(r.host) && isFlagRequest(r.method, r.path))).toEqual([]);
    expect((await readDashboardPage(token.page)).buildLog).toEqual([]);
    await token.page.close();

    const build = await loadFixture(SITES.dashboard, DASHBOARD_PATH, { keepOpen: true });
    const streamed = await waitFor('the streamed build log on the build page', async () => {
      const { buildLog } = await readDashboardPage(build.page);
      return buildLog.length === PUSHER_FIXTURE.lines.length ? buildLog : undefined;
    });
    expect(streamed).toEqual([...PUSHER_FIXTURE.lines]);
    await build.page.close();

    // Allowed on this dashboard by the person: the token page lets Pusher in (and still nothing else).
    await addDashboardRule('circleci', 'Pusher', 'allow');
    await options.waitForSelector('li[data-rule="circleci/pusher"]');
    const allowed = await loadFixture(SITES.dashboard, TOKEN_PATH, { keepOpen: true, strict: true });
    const lines = await waitFor('the streamed build log on the token page once Pusher is allowed there', async () => {
      const { buildLog } = await readDashboardPage(allowed.page);
      return buildLog.length === PUSHER_FIXTURE.lines.length ? buildLog : undefined;
    });
    expect(lines).toEqual([...PUSHER_FIXTURE.lines]);
    expect(fixture.log.all().filter((r) => isLaunchDarklyHost(r.host) && isFlagRequest(r.method, r.path))).toEqual([]);
    await allowed.page.close();
  });

  test('a static ruleset switched off from outside is back on after the next rule sync', async () => {
    const rulesets = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return (await api.declarativeNetRequest.getEnabledRulesets()).sort();
      });
    const all = await rulesets();
    // Chromium's tab-cover twins are a static ruleset of their own; Firefox has none (its tab cover is session rules).
    const tabCover = session.kind === 'chromium' ? ['tab_cover'] : [];
    expect(all).toEqual(['dashboard_allowlist', 'dashboard_blocklist', 'strict_mode', ...tabCover]);
    // As the extension's developer tools could: every static ruleset that holds the catalog's default blocks goes off.
    await options.evaluate(
      async (off: string[]) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        await api.declarativeNetRequest.updateEnabledRulesets({ disableRulesetIds: off });
      },
      ['dashboard_blocklist', 'strict_mode', ...tabCover],
    );
    // Switched off, unless a rule sync already under way switched them back on at once: the background syncs
    // whenever an input may have changed (a managed-storage read answering late, after a dashboard tab's report, is
    // one), and a sync is the behaviour under test.
    const afterOff = await rulesets();
    if (JSON.stringify(afterOff) !== JSON.stringify(all)) expect(afterOff).toEqual(['dashboard_allowlist']);
    // Firefox: a dashboard tab's session rules (its tab cover, computed from the catalog for each tab the page opens
    // in) still hold the defaults, so the vendor stays blocked even now. Chromium: the vendor gets through, unless the
    // dashboard tab opened to show it started a rule sync of its own that switched the rulesets back on before the
    // page's request; then they are on already.
    const offOutcome = await outcome(SITES.dashboard, HOTJAR_HOST);
    if (session.kind === 'firefox') expect(offOutcome).toBe('blocked');
    else if (offOutcome === 'blocked') expect(await rulesets()).toEqual(all);
    // Any rule sync (here: a settings change) switches them back on.
    await sendFromPage(options, SETTINGS_CHANGE, { kind: 'set-vendor', vendorId: 'pusher', action: 'block' });
    await waitFor(
      'the static rulesets to be on again',
      async () => (JSON.stringify(await rulesets()) === JSON.stringify(all) ? true : undefined),
      { timeoutMs: 10_000, intervalMs: 100 },
    );
    expect(await outcome(SITES.dashboard, HOTJAR_HOST)).toBe('blocked');
    expect(await outcome(SITES.unrelated, HOTJAR_HOST)).toBe('reached');
  });

  test('report-only: every vendor reaches the server; switched off, blocking is back', async () => {
    await options.bringToFront();
    await options.click('#report-only');
    await options.waitForFunction(() =>
      /Report-only mode on/.test(document.getElementById('status')?.textContent ?? ''),
    );
    const page = await loadFixture(SITES.dashboard, DASHBOARD_PATH, { keepOpen: true });
    await expectAllRequestsOf(fixtureVendors, fixture, 'the dashboard in report-only mode');
    // The popup's audit marks what went through only because of report-only mode.
    const tabId = await tabIdOf(options, `https://${SITES.dashboard}${DASHBOARD_PATH}?run=${page.run}`);
    const popup = await openExtensionPage(session, options, `popup.html?tabId=${tabId}`);
    await popup.waitForSelector('#audit [data-vendor="amplitude"][data-status="report-only"]', { timeout: 15_000 });
    expect(
      await popup.$$eval('#audit [data-vendor="pusher"][data-status]', (rows) =>
        rows.map((r) => (r as HTMLElement).dataset.status),
      ),
    ).not.toContain('report-only');
    await popup.close();
    await page.page.close();

    await options.bringToFront();
    await options.click('#report-only');
    await options.waitForFunction(() =>
      /Report-only mode off/.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(await outcome(SITES.dashboard, HOTJAR_HOST)).toBe('blocked');
  });

  /** Imports `text` through the options page's file field and waits for its verdict. */
  async function importFile(name: string, text: string): Promise<{ outcome: string; lines: string[] }> {
    await options.$eval('[data-result="import"]', (element) => {
      delete (element as HTMLElement).dataset.outcome;
    });
    await options.evaluate(
      (fileName: string, body: string) => {
        const input = document.querySelector<HTMLInputElement>('#import-file');
        if (!input) throw new Error('no import field');
        const transfer = new DataTransfer();
        transfer.items.add(new File([body], fileName, { type: 'application/json' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      name,
      text,
    );
    await options.waitForSelector('[data-result="import"][data-outcome]');
    return options.$eval('[data-result="import"]', (element) => ({
      outcome: (element as HTMLElement).dataset.outcome ?? '',
      lines: [...element.querySelectorAll('p, li')].map((e) => e.textContent ?? ''),
    }));
  }

  test('import: a valid file applies, an invalid one changes nothing and names each bad field, an older one is migrated', async () => {
    const valid = {
      version: 2,
      vendorRules: { hotjar: 'allow' },
      dashboardVendorRules: [{ dashboard: 'gitlab', vendorId: 'intercom', action: 'allow' }],
    };
    expect((await importFile('valid.json', JSON.stringify(valid))).outcome).toBe('imported');
    expect(await outcome(SITES.dashboard, HOTJAR_HOST)).toBe('reached');
    const before = await settings();

    const invalid = {
      version: 2,
      vendorRules: { hotjar: 'block', mixpanel: 'sometimes' },
      customDashboards: [{ host: 'https://ci.example.com/', name: 'CI' }],
      colour: 'red',
    };
    const refused = await importFile('invalid.json', JSON.stringify(invalid));
    expect(refused.outcome).toBe('refused');
    expect(refused.lines).toEqual(
      expect.arrayContaining([
        'colour: unknown field (remove it)',
        'vendorRules.mixpanel: must be one of "allow", "block"',
      ]),
    );
    expect(await settings()).toEqual(before);
    expect(await outcome(SITES.dashboard, HOTJAR_HOST)).toBe('reached');

    const versionOne = {
      version: 1,
      vendorRules: { mixpanel: 'allow' },
      customVendors: [{ id: 'beacon', name: 'Beacon', domains: ['beacon.example'] }],
      dashboardVendorRules: [{ dashboard: 'circleci', vendorId: 'beacon', action: 'allow' }],
    };
    const migrated = await importFile('dashguard-v1.json', JSON.stringify(versionOne));
    expect(migrated.outcome).toBe('imported');
    expect(migrated.lines).toEqual(
      expect.arrayContaining(['migrated from settings version 1', 'custom vendor "beacon" is now "custom-beacon"']),
    );
    const now = await settings();
    expect(now.customVendors).toEqual([{ id: 'custom-beacon', name: 'Beacon', domains: ['beacon.example'] }]);
    expect(now.dashboardVendorRules).toEqual([{ dashboard: 'circleci', vendorId: 'custom-beacon', action: 'allow' }]);
    expect(await outcome(SITES.dashboard, MIXPANEL_HOST)).toBe('reached');
    // The file replaced the settings whole: the earlier allowance is gone.
    expect(await outcome(SITES.dashboard, HOTJAR_HOST)).toBe('blocked');
  });
});
