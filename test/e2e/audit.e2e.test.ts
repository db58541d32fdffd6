/**
 * The audit, in real Chromium and Firefox ESR with the test build (dist-test/, which only adds a count of background
 * starts): a fixture dashboard loads a known set of third-party scripts and requests, and the popup must list
 * exactly that set with the right statuses, nothing missing and nothing extra; the fixture server's record confirms
 * that what the popup calls blocked never reached the network. Then hostile URLs, a service worker stopped in the
 * middle of a page's activity, the badge, the export files and deleting the log.
 */
import type { Page } from 'puppeteer-core';
import { AUDIT_CSV_COLUMNS } from '../../src/audit/audit-export';
import { AUDIT_CLEAR_LOG } from '../../src/audit/audit-page-messages';
import { tabAuditKey, type AuditLogRecord } from '../../src/audit/audit-types';
import { firstScreenKey } from '../../src/audit/stored-first-screen';
import { redactUrl } from '../../src/audit/redact-url';
import { NEW_THIRD_PARTIES_TAKE } from '../../src/audit/audit-page-messages';
import { parseCsv } from '../unit/csv-parse';
import {
  AUDIT_ASSETS,
  AUDIT_EXTRA_DOMAINS,
  auditPageUrl,
  EXPECTED_AUDIT,
  FIRST_PARTY_URLS,
} from './harness/audit-fixture';
import { exportFrom, readPopupRows, waitForPopupRows, type PopupRow } from './harness/audit-popup';
import { backgroundStarts, closeServiceWorker } from './harness/background-lifecycle';
import { BROWSER_KINDS, launchWithDashguard, type ExtensionBrowser } from './harness/browsers';
import { openExtensionPage, optionsPage, sendFromPage, sessionStorageValue, tabIdOf } from './harness/extension-pages';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { loadInTab } from './harness/page-helpers';
import { waitFor } from './harness/wait-for';

/** Firefox stops an idle event page after this long (default 30 s): short, so the test can make it happen. */
const FIREFOX_IDLE_TIMEOUT_MS = 1_500;

let fixture: FixtureServer;

beforeAll(async () => {
  fixture = await startFixtureServer({ assets: AUDIT_ASSETS });
});

afterAll(async () => {
  await fixture?.close();
});

const key = (row: { url: string; status: string; vendor: string }): string => `${row.status} ${row.vendor} ${row.url}`;
const sorted = (items: readonly string[]): string[] => [...items].sort();

/** Code run in an extension page: the WebExtension API of either browser. */
type PageApi = typeof chrome;

describe.each(BROWSER_KINDS)('The audit in %s', (kind) => {
  let session: ExtensionBrowser;
  /** An extension page (the options page) to open other extension pages and talk to the background from. */
  let home: Page;

  beforeAll(async () => {
    // Throws "Dashguard did not load in ..." unless the extension runs and its rules block on the dashboard.
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

  /** Opens `url` in a new tab, waits for `doneAttribute` on its root, and opens the popup of that tab. */
  async function pageWithPopup(
    url: string,
    doneAttribute: string,
  ): Promise<{ page: Page; tabId: number; popup: Page }> {
    const page = await session.openPage(url);
    await page.waitForSelector(`html[${doneAttribute}]`, { timeout: 20_000 });
    const tabId = await tabIdOf(home, url);
    const popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
    return { page, tabId, popup };
  }

  describe('on a dashboard page with a known set of third parties', () => {
    let popup: Page;
    let page: Page;
    let tabId: number;
    let rows: PopupRow[];
    const run = `${kind}-${Date.now()}`;
    const pageUrl = auditPageUrl('page', { run });

    beforeAll(async () => {
      await sendFromPage(home, AUDIT_CLEAR_LOG, null);
      fixture.log.clear();
      ({ page, tabId, popup } = await pageWithPopup(pageUrl, 'data-audit-done'));
      const expected = new Set(EXPECTED_AUDIT.map((r) => r.url));
      // Wait until every expected row is there with its outcome (the last scripts report a moment after they load).
      rows = await waitForPopupRows(popup, "the popup to list the fixture page's third parties", (current) =>
        [...expected].every((url) => current.some((r) => r.url === url && r.observed !== 'pending')),
      );
    });

    afterAll(async () => {
      await popup?.close();
      await page?.close();
    });

    test('lists exactly the third parties the page tried to load, with their status', () => {
      expect(sorted(rows.map(key))).toEqual(sorted(EXPECTED_AUDIT.map(key)));
      for (const url of FIRST_PARTY_URLS) expect(rows.map((r) => r.url)).not.toContain(url);
    });

    test('records what the page saw happen, and flags allowed scripts without SRI and rows from the frame', () => {
      for (const expected of EXPECTED_AUDIT) {
        const shown = rows.find((r) => r.url === expected.url);
        expect({
          url: expected.url,
          type: shown?.type,
          observed: shown?.observed,
          noSri: shown?.flags.includes('no-sri'),
          frame: shown?.flags.includes('frame'),
          count: shown?.count,
        }).toEqual({
          url: expected.url,
          type: expected.type,
          observed: expected.observed,
          noSri: expected.noSri,
          frame: expected.inFrame,
          count: 1,
        });
      }
      expect(rows.find((r) => r.vendor === 'pusher')?.sri).toBe('present');
    });

    test('agrees with the network: what it calls blocked never reached the server, what it calls allowed did', () => {
      const reached = new Set(fixture.log.all().map((r) => `${r.websocket ? 'wss' : 'https'}://${r.host}${r.path}`));
      for (const expected of EXPECTED_AUDIT)
        expect({ url: expected.url, reached: reached.has(expected.url) }).toEqual({
          url: expected.url,
          reached: expected.status !== 'blocked',
        });
    });

    test('sums it up on top, and shows the blocked count on the toolbar badge', async () => {
      const { summary } = await readPopupRows(popup);
      expect(summary).toBe('5 blocked, 4 allowed, 3 unknown');
      // Third parties new on the dashboard are counted on the badge until seen: the popup took those reported before
      // it opened; one whose first report came later waits for the next popup. Seen now, as that popup would.
      await sendFromPage(home, NEW_THIRD_PARTIES_TAKE, { dashboard: 'circleci', tabId });
      const badge = await home.evaluate(async (id: number) => {
        const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
        return api.action.getBadgeText({ tabId: id });
      }, tabId);
      expect(badge).toBe('5');
    });

    test('exports the log as JSON and CSV that parse and match what the popup shows', async () => {
      const json = await exportFrom(popup, 'export-json');
      expect(json.name).toMatch(/^dashguard-audit-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
      const parsed = JSON.parse(json.text) as { format: string; version: number; records: AuditLogRecord[] };
      expect(parsed).toMatchObject({ format: 'dashguard-audit-log', version: 1 });
      const logged = parsed.records.map((r) => ({ url: r.url, status: r.status, vendor: r.vendor.id ?? 'unknown' }));
      expect(sorted([...new Set(logged.map(key))])).toEqual(sorted(rows.map(key)));
      expect(parsed.records.reduce((n, r) => n + r.count, 0)).toBe(rows.reduce((n, r) => n + r.count, 0));
      // Rows of the frame carry the frame's address, the others the page's.
      expect(new Set(parsed.records.map((r) => r.pageUrl))).toEqual(
        new Set([redactUrl(pageUrl), 'https://app.circleci.com/dg-fixture/audit/frame']),
      );

      const csv = await exportFrom(popup, 'export-csv');
      expect(csv.name).toMatch(/\.csv$/);
      const [header, ...lines] = parseCsv(csv.text);
      expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
      const column = (line: string[], name: (typeof AUDIT_CSV_COLUMNS)[number]): string =>
        line[AUDIT_CSV_COLUMNS.indexOf(name)] ?? '';
      expect(
        sorted([
          ...new Set(
            lines.map((line) =>
              key({
                url: column(line, 'url'),
                status: column(line, 'status'),
                vendor: column(line, 'vendorId') || 'unknown',
              }),
            ),
          ),
        ]),
      ).toEqual(sorted(rows.map(key)));
    });

    test('deletes the log when asked twice', async () => {
      await popup.click('#clear-log');
      await popup.click('#clear-log');
      await popup.waitForFunction(() => document.getElementById('log-status')?.textContent === 'Audit log deleted.', {
        timeout: 10_000,
      });
      const json = JSON.parse((await exportFrom(popup, 'export-json')).text) as { records: unknown[] };
      expect(json.records).toEqual([]);
      // The tab's own audit stays: it is the log that was deleted.
      expect((await readPopupRows(popup)).rows).toHaveLength(EXPECTED_AUDIT.length);
    });

    test('updates live while open: what the page requests now appears', async () => {
      const url = 'https://live.unrelated.example/dg-fixture/audit/noop.js?live=1';
      await page.evaluate((src: string) => {
        const script = document.createElement('script');
        script.src = src;
        document.head.appendChild(script);
      }, url);
      const live = await waitForPopupRows(popup, 'the new script in the open popup', (current) =>
        current.some((r) => r.url === redactUrl(url) && r.observed === 'loaded'),
      );
      expect(live).toHaveLength(EXPECTED_AUDIT.length + 1);
      expect((await readPopupRows(popup)).summary).toBe('5 blocked, 4 allowed, 4 unknown');
    });

    test("forgets the tab's audit when the tab leaves the dashboards", async () => {
      // The first screen the popup reads while the background sleeps is stored beside the audit: vendor heads, no rows.
      const stored = (await sessionStorageValue(home, firstScreenKey(tabId))) as
        { tabId: number; rows: number; groups: { entries: unknown[] }[] } | undefined;
      const held = (await sessionStorageValue(home, tabAuditKey(tabId))) as { entries: unknown[] } | undefined;
      expect(held?.entries.length).toBeGreaterThan(0);
      expect(stored).toMatchObject({ tabId, rows: held?.entries.length });
      expect(stored?.groups.length).toBeGreaterThan(0);
      expect(stored?.groups.flatMap((g) => g.entries)).toEqual([]);
      // Any page that is not a dashboard: here a plain text file on another host.
      await loadInTab(page, 'https://cdn.unrelated.example/dg-fixture/audit/ping');
      await waitFor('the tab audit to be dropped', async () =>
        (await sessionStorageValue(home, tabAuditKey(tabId))) === undefined ? true : undefined,
      );
      // And its first screen with it.
      expect(await sessionStorageValue(home, firstScreenKey(tabId))).toBeUndefined();
      await popup.waitForFunction(() => document.querySelectorAll('#audit li.entry').length === 0, { timeout: 10_000 });
    });
  });

  test('shows hostile URLs as text, survives hundreds of requests at once, and ignores forged events', async () => {
    const { page, popup } = await pageWithPopup(auditPageUrl('hostile', { run: `${kind}-hostile` }), 'data-dg-done');
    try {
      const rows = await waitForPopupRows(
        popup,
        "the hostile page's rows",
        (current) =>
          current.some((r) => r.url.startsWith('https://burst.unrelated.example/') && r.count === 300) &&
          current.some((r) => r.url.startsWith('https://px.unrelated.example/') && r.count === 300) &&
          current.some((r) => r.vendor === 'amplitude' && r.observed !== 'pending'),
        30_000,
      );
      const pageState = await page.evaluate(
        () => (window as unknown as { dgHostile: { forgedLoad: boolean; messaging: boolean } }).dgHostile,
      );
      expect(pageState).toEqual({ forgedLoad: true, messaging: false });

      // Query values are redacted: the markup in this one is gone, its length stays.
      const markup = rows.find((r) => r.url.includes('/noop.js?q='));
      expect(markup?.url).toMatch(/\/noop\.js\?q=\[\d+\]$/);
      expect(markup?.text).toContain('cdn.unrelated.example');
      expect(rows.find((r) => r.url.includes('/javascript:top.dgPwned=3'))).toMatchObject({
        status: 'allowed-unknown',
        observed: 'failed',
      });
      const long = rows.find((r) => r.url.includes('/long.js?q='));
      expect(long?.url).toMatch(/\/long\.js\?q=\[\d+\]$/);
      expect(rows.find((r) => r.url.startsWith('https://xn--bcher-kva.unrelated.example/'))).toMatchObject({
        status: 'allowed-unknown',
        observed: 'loaded',
      });
      // The page's forged "load" on a blocked script, and its forged CSP report, changed nothing.
      expect(rows.find((r) => r.vendor === 'amplitude')).toMatchObject({
        status: 'blocked',
        observed: 'failed',
        count: 1,
      });
      expect(rows.filter((r) => r.flags.includes('loaded-anyway'))).toEqual([]);
      expect(rows.some((r) => r.url.includes('forged.unrelated.example'))).toBe(false);

      // Nothing ran in the popup, and no markup from a URL became an element.
      const injected = await popup.evaluate(() => ({
        pwned: (window as unknown as { dgPwned?: unknown }).dgPwned ?? null,
        images: document.querySelectorAll('#audit img').length,
        scripts: document.querySelectorAll('#audit script').length,
      }));
      expect(injected).toEqual({ pwned: null, images: 0, scripts: 0 });
      // And the popup still works: expanding a row shows the full URL as text.
      await popup.evaluate(() => {
        const details = [...document.querySelectorAll<HTMLDetailsElement>('#audit li.entry details')].find((d) =>
          d.closest('li')?.getAttribute('data-url')?.includes('/noop.js?q='),
        );
        if (details) details.open = true;
      });
      // The unfolded part is drawn on the details' toggle event, a task later.
      const shownUrl = await popup.waitForFunction(
        () =>
          [...document.querySelectorAll('#audit li.entry code.url')]
            .map((c) => c.textContent ?? '')
            .find((t) => t.includes('/noop.js?q=')),
        { timeout: 10_000 },
      );
      expect(await shownUrl.jsonValue()).toBe(markup?.url);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test("loses nothing when the service worker is stopped in the middle of a page's activity", async () => {
    const startsBefore = await backgroundStarts(home);
    // Chromium: 40 scripts over 4 s, the worker is closed after the first second. Firefox: a pause longer than the
    // idle timeout half-way, so Firefox stops the event page itself; the next report wakes it.
    const total = 40;
    const query: Record<string, number> =
      kind === 'chromium' ? { n: total } : { n: total, pauseAt: total / 2, pauseMs: FIREFOX_IDLE_TIMEOUT_MS * 3 };
    const url = auditPageUrl('drip', { run: `${kind}-drip-${Date.now()}`, ...query });
    const page = await session.openPage(url);
    try {
      if (kind === 'chromium') {
        await page.waitForSelector('html[data-drip-inserted="10"]', { timeout: 10_000 });
        await closeServiceWorker(session);
      }
      await page.waitForSelector('html[data-drip-done]', { timeout: 30_000 });
      const tabId = await tabIdOf(home, url);
      const popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
      try {
        const rows = await waitForPopupRows(
          popup,
          `all ${total} drip scripts in one row`,
          (current) => current.some((r) => r.url.startsWith('https://drip.unrelated.example/') && r.count >= total),
          30_000,
        );
        expect(rows.filter((r) => r.url.startsWith('https://drip.unrelated.example/')).map((r) => r.count)).toEqual([
          total,
        ]);
      } finally {
        await popup.close();
      }
      // The worker really was stopped and started again while the page reported.
      expect(await backgroundStarts(home)).toBeGreaterThan(startsBefore);
    } finally {
      await page.close();
    }
  });
});
