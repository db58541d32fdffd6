/**
 * Fault survival, in Chromium and Firefox ESR, asserted on what reached the fixture server and what the extension's
 * own pages show:
 *   - the background (Chromium's service worker, Firefox's event page) stopped 20 times while a dashboard page keeps
 *     loading scripts: the audit loses nothing and no blocked vendor gets a request;
 *   - browser storage refusing every write: blocking holds, a change is refused rather than applied half, the popup
 *     and the options page say so, and the audit catches up once storage works again;
 *   - a dashboard tab closed while the background has not answered its reports: what the page still held reaches the
 *     audit log as the tab closes (`test/hold-audit-reports` holds the reports);
 *   - the popup and the options page changing the same vendor at once: both show, and the rules enforce, the last;
 *   - a browser restart on the same profile, with settings left in the previous format (version 1): the rules, the
 *     self-hosted dashboard and the custom vendor are kept, and the first page after the restart is protected.
 * Chromium's worker is stopped from the test (`worker.close()`); Firefox stops its event page itself after a short
 * idle timeout, so its page pauses between scripts. Storage failure is simulated by the test build alone
 * (`test/fail-storage`, src/background/test-surface.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import type { Page } from 'puppeteer-core';
import { AUDIT_EXPORT_LOG, type AuditLogExport } from '../../src/audit/audit-page-messages';
import { SETTINGS_KEY } from '../../src/settings/settings-store';
import { TEST_FAIL_STORAGE, TEST_HOLD_AUDIT_REPORTS } from '../../src/background/test-surface';
import { tabAuditKey } from '../../src/audit/audit-types';
import {
  SETTINGS_CHANGE,
  SETTINGS_GET,
  type ChangeReply,
  type SettingsView,
} from '../../src/settings/settings-messages';
import { SETTINGS_VERSION } from '../../src/settings/user-settings';
import { AUDIT_ASSETS, AUDIT_EXTRA_DOMAINS, auditPageUrl, EXPECTED_AUDIT } from './harness/audit-fixture';
import { waitForPopupRows } from './harness/audit-popup';
import { backgroundStarts, keepBackgroundAwake } from './harness/background-lifecycle';
import { BROWSER_KINDS, launchWithDashguard, type BrowserKind, type ExtensionBrowser } from './harness/browsers';
import { waitForPageSettled } from './harness/dashboard-page';
import { hostMatchesDomain } from './harness/domain-match';
import { extensionDir } from './harness/extension-build';
import { openExtensionPage, optionsPage, sendFromPage, sessionStorageValue, tabIdOf } from './harness/extension-pages';
import { blockedVendors, requestsToVendor, SITES, siteUrl } from './harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { createProfileWithAddon } from './harness/firefox-profile';
import { launchOnFirstPage } from './harness/first-page-launch';
import { requestOutcome } from './harness/rules-canary';
import { requestKey } from './harness/vendor-expectations';
import { waitFor, withTimeout } from './harness/wait-for';

const FIREFOX_IDLE_TIMEOUT_MS = 1_000;
const STOPS = 20;
/** Blocked by default: a person's allowance of it is what the tests follow. */
const HOTJAR = { id: 'hotjar', host: 'hotjar.com' };
/** Allowed by default (essential): blocking it is a person's tightening. */
const PUSHER = { id: 'pusher', host: 'pusher.com' };
/** A custom vendor of the version-1 settings (its id had no `custom-` prefix then). */
const BEACON = { id: 'beacon', host: 'beacon.example' };

type PageApi = typeof chrome;

let fixture: FixtureServer;
beforeAll(async () => {
  fixture = await startFixtureServer({ assets: AUDIT_ASSETS });
});
afterAll(async () => {
  await fixture?.close();
});

/** One request from a page on `fromHost` to `vendorHost`, judged by the server's record. */
const outcome = (session: ExtensionBrowser, fromHost: string, vendorHost: string): Promise<'reached' | 'blocked'> =>
  requestOutcome(session.browser, fixture, fromHost, vendorHost);

/** Waits until the storage alert on an extension page is shown (or hidden), and returns its text. */
async function storageAlert(page: Page, shown: boolean): Promise<string> {
  await page.bringToFront();
  const handle = await page.waitForFunction(
    (wanted: boolean) => {
      const alert = document.getElementById('storage-alert');
      if (alert === null) return undefined;
      // An object: waitForFunction keeps waiting on a falsy value, and a hidden alert's text is empty.
      return alert.hidden === !wanted ? { text: alert.textContent ?? '' } : undefined;
    },
    { timeout: 15_000 },
    shown,
  );
  return ((await handle.jsonValue()) as { text: string }).text;
}

describe.each(BROWSER_KINDS)('Fault survival in %s', (kind) => {
  let session: ExtensionBrowser;
  let home: Page;

  beforeAll(async () => {
    session = await launchWithDashguard(kind, {
      fixture,
      build: 'test',
      extraDomains: AUDIT_EXTRA_DOMAINS,
      firefoxPrefs: { 'extensions.background.idle.timeout': FIREFOX_IDLE_TIMEOUT_MS },
    });
    home = await optionsPage(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async () => {
    await sendFromPage(home, TEST_FAIL_STORAGE, { local: false, session: false });
    await sendFromPage(home, SETTINGS_CHANGE, { kind: 'reset', scope: 'all' });
  });

  test(`the background stopped ${STOPS} times while a dashboard page loads scripts: the audit loses nothing, no blocked vendor gets a request`, async () => {
    const startsBefore = await backgroundStarts(home);
    // Every 4th script comes from Amplitude, blocked on dashboards. Firefox pauses four idle timeouts after every
    // `total / STOPS` scripts, so it stops its event page itself each time; the next report wakes it.
    const total = kind === 'chromium' ? 200 : 100;
    const query: Record<string, number> =
      kind === 'chromium'
        ? { n: total, blockedEvery: 4 }
        : { n: total, blockedEvery: 4, pauseEvery: total / STOPS, pauseMs: FIREFOX_IDLE_TIMEOUT_MS * 4 };
    const url = auditPageUrl('drip', { run: `${kind}-stops-${Date.now()}`, ...query });
    fixture.log.clear();
    const page = await session.openPage(url);
    try {
      if (kind === 'chromium') {
        const isWorker = (url: string, type: string): boolean =>
          type === 'service_worker' && url.startsWith(session.extensionBaseUrl);
        for (let stop = 1; stop <= STOPS; stop += 1) {
          await page.waitForFunction(
            (n: number) => Number(document.documentElement.dataset.dripInserted ?? 0) >= n,
            { timeout: 20_000 },
            stop * Math.floor(total / (STOPS + 1)),
          );
          // The worker the last stop left has been started again by the page's next report.
          const worker = await session.browser.waitForTarget((t) => isWorker(t.url(), t.type()), { timeout: 20_000 });
          await (await worker.worker())?.close();
        }
      }
      await page.waitForSelector('html[data-drip-done]', { timeout: 150_000 });
      const tabId = await tabIdOf(home, url);
      const popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
      try {
        const blocked = total / 4;
        const rows = await waitForPopupRows(
          popup,
          `the ${total} drip scripts, ${blocked} of them blocked`,
          (current) =>
            current.some((r) => r.url.startsWith('https://drip.unrelated.example/') && r.count >= total - blocked) &&
            current.some((r) => r.url.startsWith('https://cdn.amplitude.com/') && r.count >= blocked),
          60_000,
        );
        expect(
          rows.filter((r) => r.url.startsWith('https://drip.unrelated.example/')).map((r) => [r.status, r.count]),
        ).toEqual([['allowed-unknown', total - blocked]]);
        expect(
          rows.filter((r) => r.url.startsWith('https://cdn.amplitude.com/')).map((r) => [r.status, r.count]),
        ).toEqual([['blocked', blocked]]);
      } finally {
        await popup.close();
      }
      expect(
        fixture.log
          .all()
          .filter((r) => hostMatchesDomain(r.host, 'amplitude.com'))
          .map(requestKey),
      ).toEqual([]);
      // The background really was stopped and started again, every time.
      expect((await backgroundStarts(home)) - startsBefore).toBeGreaterThanOrEqual(STOPS);
    } finally {
      await page.close();
    }
  }, 300_000);

  test('storage that refuses every write: blocking holds, a change is refused, both pages say so, and the audit catches up', async () => {
    await sendFromPage(home, TEST_FAIL_STORAGE, { local: true, session: true });
    // A change that cannot be saved is not applied either: Hotjar stays blocked.
    const reply = await sendFromPage<ChangeReply>(home, SETTINGS_CHANGE, {
      kind: 'set-vendor',
      vendorId: HOTJAR.id,
      action: 'allow',
    });
    expect(reply.applied).toBe(false);
    expect(reply.applied === false ? reply.errors.map((e) => e.field) : []).toEqual(['storage']);
    expect(await outcome(session, SITES.dashboard, HOTJAR.host)).toBe('blocked');
    expect(await outcome(session, SITES.unrelated, HOTJAR.host)).toBe('reached');
    expect(await storageAlert(home, true)).toMatch(/cannot save to browser storage.*Blocking continues/);

    // A dashboard page meanwhile: its audit cannot be stored, so the page keeps its observations.
    const url = auditPageUrl('page', { run: `${kind}-storage-${Date.now()}` });
    fixture.log.clear();
    const page = await session.openPage(url);
    try {
      await page.waitForSelector('html[data-audit-done]', { timeout: 20_000 });
      for (const row of EXPECTED_AUDIT.filter((r) => r.status === 'blocked')) {
        expect({
          url: row.url,
          reached: fixture.log.all().some((r) => `https://${r.host}${r.path}` === row.url),
        }).toEqual({ url: row.url, reached: false });
      }
      const tabId = await tabIdOf(home, url);
      const popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
      try {
        expect(await storageAlert(popup, true)).toMatch(/cannot save/);
        // Storage works again: the page's reports are stored when it sends them again, and the alerts go away.
        await sendFromPage(home, TEST_FAIL_STORAGE, { local: false, session: false });
        const rows = await waitForPopupRows(
          popup,
          'the whole audit, once storage works again',
          (current) => current.length >= EXPECTED_AUDIT.length,
          45_000,
        );
        expect(rows.map((r) => `${r.status} ${r.url}`).sort()).toEqual(
          EXPECTED_AUDIT.map((r) => `${r.status} ${r.url}`).sort(),
        );
        await storageAlert(popup, false);
        await storageAlert(home, false);
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  }, 180_000);

  test('a dashboard tab closed while the background has not answered its reports sends what is left as it closes: the audit log has it', async () => {
    const since = Date.now();
    const url = auditPageUrl('page', { run: `${kind}-closed-${since}` });
    // Blocked rows only (an allowed one may be a request the page is still making). Chromium drops what a frame of a
    // closing tab sends (the top frame's arrives), so there only the top frame's rows can be asked for.
    const expected = EXPECTED_AUDIT.filter(
      (row) => row.status === 'blocked' && (kind === 'firefox' || !row.inFrame),
    ).map((row) => `${row.status} ${row.url}`);
    const ofTab = (log: AuditLogExport, tabId: number): string[] =>
      log.records
        .filter((r) => r.firstSeen >= since && (r.source ?? '').endsWith(` tab ${tabId}`))
        .map((r) => `${r.status} ${r.url}`);
    let tabId = -1;
    // The hold is the background's memory, and so is where a page's reports came from: Firefox stops an idle event
    // page after 1 s here, so it is kept busy meanwhile, as an open popup would, and a start in between is named.
    const startsBefore = await backgroundStarts(home);
    const awake = keepBackgroundAwake(home);
    await sendFromPage(home, TEST_HOLD_AUDIT_REPORTS, { hold: true });
    try {
      const page = await session.openPage(url);
      try {
        await page.waitForSelector('html[data-audit-done]', { timeout: 20_000 });
        tabId = await tabIdOf(home, url);
        // The hold held: nothing of this page is stored yet (its first report, the announcement, is unanswered, and
        // the rest waits behind it in the page).
        expect(ofTab(await sendFromPage<AuditLogExport>(home, AUDIT_EXPORT_LOG, null), tabId)).toEqual([]);
        expect(await sessionStorageValue(home, tabAuditKey(tabId))).toBeUndefined();
      } finally {
        // As a person closes a tab: the page's unload events run (the browsers' automation skips them otherwise).
        await page.close({ runBeforeUnload: true });
      }
    } finally {
      await sendFromPage(home, TEST_HOLD_AUDIT_REPORTS, { hold: false });
      await awake.stop();
    }
    expect((await backgroundStarts(home)) - startsBefore).toBe(0);
    let last: string[] = [];
    await waitFor(
      "the closed tab's blocked requests in the audit log",
      async () => {
        last = ofTab(await sendFromPage<AuditLogExport>(home, AUDIT_EXPORT_LOG, null), tabId);
        return expected.every((row) => last.includes(row)) ? true : undefined;
      },
      {
        timeoutMs: 20_000,
        intervalMs: 250,
        describeFailure: () =>
          `Missing: ${expected.filter((row) => !last.includes(row)).join(', ')}. The tab's records: ${last.join(', ') || 'none'}.`,
      },
    );
    // The closed tab's audit is not brought back by its last reports.
    expect(await sessionStorageValue(home, tabAuditKey(tabId))).toBeUndefined();
  }, 120_000);

  test('the popup and the options page changing the same vendor at once converge on the last change', async () => {
    const url = siteUrl('dashboard', { run: `${kind}-converge-${Date.now()}` });
    const dashboard = await session.openPage(url);
    try {
      await waitForPageSettled(dashboard, fixture, new URL(url).searchParams.get('run') ?? '');
      const tabId = await tabIdOf(home, url);
      const popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
      try {
        await popup.waitForSelector('#quick-actions[data-state="ready"]', { timeout: 15_000 });
        // Ten changes fired together from both pages, alternating; then one last one from the popup.
        await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            sendFromPage(i % 2 === 0 ? home : popup, SETTINGS_CHANGE, {
              kind: 'set-vendor',
              vendorId: HOTJAR.id,
              action: i % 2 === 0 ? 'allow' : 'block',
            }),
          ),
        );
        const last = await sendFromPage<ChangeReply>(popup, SETTINGS_CHANGE, {
          kind: 'set-vendor',
          vendorId: HOTJAR.id,
          action: 'allow',
        });
        expect(last.applied).toBe(true);
        for (const page of [home, popup]) {
          expect((await sendFromPage<SettingsView>(page, SETTINGS_GET, null)).settings.vendorRules[HOTJAR.id]).toBe(
            'allow',
          );
        }
        // The options page shows it (its row's switch)...
        await home.bringToFront();
        await home.waitForFunction(
          (id: string) =>
            document.querySelector(`li.vendor[data-vendor="${id}"] [data-action="toggle"]`)?.textContent === 'Allowed',
          { timeout: 15_000 },
          HOTJAR.id,
        );
        // ...the popup too (its quick action for the vendor, among those the page loaded)...
        await popup.bringToFront();
        await popup.waitForFunction(
          (id: string) =>
            document.querySelector(`#audit li[data-vendor-group="${id}"]`)?.getAttribute('data-state') === 'allow',
          { timeout: 15_000 },
          HOTJAR.id,
        );
        // ...and the rules enforce it.
        expect(await outcome(session, SITES.dashboard, HOTJAR.host)).toBe('reached');
      } finally {
        await popup.close();
      }
    } finally {
      await dashboard.close();
    }
  }, 120_000);
});

/** Settings as Dashguard's first release stored them: rules, a self-hosted dashboard, a custom vendor without prefix. */
const VERSION_ONE_SETTINGS = {
  version: 1,
  vendorRules: { [HOTJAR.id]: 'allow', [PUSHER.id]: 'block' },
  customDashboards: [{ host: SITES.selfHosted, name: 'Self-hosted CI' }],
  customVendors: [{ id: BEACON.id, name: 'Beacon', domains: [BEACON.host] }],
  dashboardVendorRules: [{ dashboard: 'circleci', vendorId: BEACON.id, action: 'allow' }],
};

describe.each(BROWSER_KINDS)(
  'A browser restart in %s, after an update from settings version 1',
  (kind: BrowserKind) => {
    let profileDir: string;
    let session: ExtensionBrowser | undefined;

    beforeAll(() => {
      // Firefox: a profile with Dashguard installed in it (not a temporary add-on), so it is there after a restart.
      profileDir =
        kind === 'firefox'
          ? createProfileWithAddon(extensionDir(kind, 'test'))
          : mkdtempSync(`${os.tmpdir()}/dashguard-restart-`);
    });
    afterAll(async () => {
      await session?.close();
      rmSync(profileDir, { recursive: true, force: true });
    });

    test("keeps the user's rules, self-hosted dashboard and custom vendor, and protects the first page", async () => {
      const options = { fixture, build: 'test' as const, profileDir, extraDomains: [BEACON.host] };
      session = await launchWithDashguard(kind, options);
      const home = await optionsPage(session);
      // What the previous version left in storage.
      await withTimeout(
        'the options page to write the version-1 settings',
        home.evaluate(
          async (key: string, value: unknown) => {
            const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
            await api.storage.local.set({ [key]: value });
          },
          SETTINGS_KEY,
          VERSION_ONE_SETTINGS,
        ),
        15_000,
      );
      await waitFor(
        'the version-1 settings to apply',
        async () => ((await outcome(session!, SITES.dashboard, HOTJAR.host)) === 'reached' ? true : undefined),
        { timeoutMs: 15_000 },
      );
      await session.close();
      session = undefined;

      // The first page after the restart is the dashboard.
      const run = `${kind}-restart-${Date.now()}`;
      session = await launchOnFirstPage(kind, { ...options, startUrl: siteUrl('dashboard', { run }) });
      const first = await session.findPage((url) => url.includes(`run=${run}`));
      await waitForPageSettled(first, fixture, run);
      const record = fixture.log.all();
      const received = (vendorId: string): string[] => requestsToVendor(record, vendorId).map(requestKey);
      // Blocked by default and untouched: nothing. Blocked by the person (Pusher): nothing. Allowed by the person: through.
      const leaks = blockedVendors
        .filter(({ vendor }) => vendor.id !== HOTJAR.id)
        .map(({ vendor }) => [vendor.id, received(vendor.id)] as const)
        .filter(([, got]) => got.length > 0);
      expect(leaks).toEqual([]);
      expect(received(PUSHER.id)).toEqual([]);
      expect(received(HOTJAR.id).length).toBeGreaterThan(0);

      // The self-hosted dashboard is protected; the custom vendor is blocked there and allowed on CircleCI.
      expect(await outcome(session, SITES.selfHosted, 'amplitude.com')).toBe('blocked');
      expect(await outcome(session, SITES.selfHosted, BEACON.host)).toBe('blocked');
      expect(await outcome(session, SITES.dashboard, BEACON.host)).toBe('reached');
      expect(await outcome(session, SITES.unrelated, 'amplitude.com')).toBe('reached');

      if (kind === 'chromium') {
        // Chromium can open the options page again: the settings read back in the current format, rules kept.
        const home2 = await optionsPage(session);
        const { settings } = await sendFromPage<SettingsView>(home2, SETTINGS_GET, null);
        expect(settings.version).toBe(SETTINGS_VERSION);
        expect(settings.vendorRules).toEqual({ [HOTJAR.id]: 'allow', [PUSHER.id]: 'block' });
        expect(settings.customVendors).toEqual([{ id: 'custom-beacon', name: 'Beacon', domains: [BEACON.host] }]);
        expect(settings.dashboardVendorRules).toEqual([
          { dashboard: 'circleci', vendorId: 'custom-beacon', action: 'allow' },
        ]);
        expect(settings.customDashboards.map((d) => d.host)).toEqual([SITES.selfHosted]);
      }
    }, 180_000);
  },
);
