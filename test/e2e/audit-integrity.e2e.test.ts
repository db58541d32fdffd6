/**
 * A page cannot bury or forge the audit's evidence, in real Chromium and Firefox ESR (test build), with the pages of
 * test/fixtures/integrity/:
 *   - forged pagehide and pageshow change nothing: scripts loading meanwhile keep their real outcome, nothing is
 *     counted twice;
 *   - 10,000 forged page-world reports, then a real blocked vendor: the real one is listed, the forged ones are marked
 *     "reported by the page" and kept within their budget, and another tab's records stay in the log;
 *   - 1,500 real requests from one page with long addresses, more than the log holds (its byte cap; the record cap
 *     drops the same way): the log drops that page's records, never another tab's, and the popup and the export say
 *     how many and from where, in the JSON export and the CSV's drop lines (the control: records were dropped, so
 *     the cap was reached and the test could fail);
 *   - SRI counts only a hash the browser enforces: integrity="x" is "no SRI" (the script loaded unchecked: the server
 *     served it and the page saw it load), a valid hash is present;
 *   - a page that stops a script's load or error event in its own listener on the element (added before insertion, so
 *     it runs before any other listener there) or removes the script while it loads does not hide its outcome.
 */
import type { Page } from 'puppeteer-core';
import { AUDIT_CSV_COLUMNS } from '../../src/audit/audit-export';
import { AUDIT_LIMITS } from '../../src/audit/audit-limits';
import { AUDIT_CLEAR_LOG, AUDIT_EXPORT_LOG, type AuditLogExport } from '../../src/audit/audit-page-messages';
import { hostOf } from '../../src/domains/host-match';
import { exportFrom, waitForPopupRows, type PopupRow } from './harness/audit-popup';
import { BROWSER_KINDS, launchWithDashguard, type ExtensionBrowser } from './harness/browsers';
import { openExtensionPage, optionsPage, sendFromPage, tabIdOf } from './harness/extension-pages';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { INTEGRITY_ASSETS, integrityPageUrl, type INTEGRITY_PATHS } from './harness/integrity-fixture';
import { waitFor, withTimeout } from './harness/wait-for';
import { parseCsv } from '../unit/csv-parse';

/** Long enough for Dashguard to store the blocked script's failure first (the test checks it did). */
const SLOW_SCRIPT_DELAY_MS = 6_000;

let fixture: FixtureServer;

beforeAll(async () => {
  // The lifecycle page's slow script is held back, so it is still loading when the page forges a pagehide.
  fixture = await startFixtureServer({
    assets: INTEGRITY_ASSETS,
    shapeResponse: ({ host }) => (host === 'slow.unrelated.example' ? { delayMs: SLOW_SCRIPT_DELAY_MS } : undefined),
  });
});

afterAll(async () => {
  await fixture?.close();
});

describe.each(BROWSER_KINDS)('Audit integrity in %s', (kind) => {
  let session: ExtensionBrowser;
  let home: Page;
  /** The token page's records as first logged, and its source. */
  let tokenRecords: string[] = [];
  let tokenTab: Page | undefined;

  beforeAll(async () => {
    // Throws "Dashguard did not load in ..." unless the extension runs and its rules block on the dashboard.
    session = await launchWithDashguard(kind, { fixture, build: 'test' });
    home = await optionsPage(session);
    await sendFromPage(home, AUDIT_CLEAR_LOG, null);
  });

  afterAll(async () => {
    await tokenTab?.close().catch(() => undefined);
    await session?.close();
  });

  const exportLog = (): Promise<AuditLogExport> => sendFromPage<AuditLogExport>(home, AUDIT_EXPORT_LOG, null);
  const recordKey = (r: AuditLogExport['records'][number]): string =>
    `${r.source ?? ''} ${r.status} ${r.host}${r.path}`;

  async function openWithPopup(
    which: keyof typeof INTEGRITY_PATHS,
  ): Promise<{ page: Page; popup: Page; tabId: number }> {
    const url = integrityPageUrl(which);
    const page = await session.openPage(url);
    await page.waitForSelector('html[data-dg-done]', { timeout: 60_000 });
    const tabId = await tabIdOf(home, url);
    const popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
    return { page, popup, tabId };
  }

  test('a token page in another tab: its records are logged', async () => {
    const url = integrityPageUrl('token');
    tokenTab = await session.openPage(url);
    await tokenTab.waitForSelector('html[data-dg-done]', { timeout: 20_000 });
    const log = await waitFor("the token page's three records in the log", async () => {
      const current = await exportLog();
      return current.records.filter((r) => r.pageUrl === url).length >= 3 ? current : undefined;
    });
    tokenRecords = log.records
      .filter((r) => r.pageUrl === url)
      .map(recordKey)
      .sort();
    expect(tokenRecords).toHaveLength(3);
    expect(log.records.find((r) => r.host === 'cdn.amplitude.com')).toMatchObject({
      status: 'blocked',
      source: expect.stringMatching(/^https:\/\/app\.circleci\.com tab \d+$/),
    });
  });

  test('forged pagehide and pageshow change nothing: real outcomes kept, nothing counted twice', async () => {
    const url = integrityPageUrl('lifecycle');
    const page = await session.openPage(url);
    const tabId = await tabIdOf(home, url);
    const popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
    try {
      // The page forges only once Dashguard has stored (logged) the blocked script's failure, so a restore would
      // resend something already counted.
      await waitFor("the blocked script's failure in the log", async () =>
        (await exportLog()).records.some((r) => r.pageUrl === url && r.host === 'cdn.amplitude.com') ? true : undefined,
      );
      // ...and while the other script is still loading, so a pagehide would settle it as pending.
      expect(await page.evaluate(() => (window as unknown as { dgForge: () => unknown }).dgForge())).toEqual({
        slowSettled: false,
      });
      await page.waitForSelector('html[data-dg-done]', { timeout: 60_000 });
      expect(await page.evaluate(() => (window as unknown as { dgForged: unknown }).dgForged)).toEqual({
        pagehide: 5,
        pageshow: 5,
      });
      const rows = await waitForPopupRows(
        popup,
        'both scripts with their outcome',
        (current) =>
          current.some((r) => hostOf(r.url) === 'slow.unrelated.example' && r.observed === 'loaded') &&
          current.some((r) => hostOf(r.url) === 'cdn.amplitude.com' && r.observed === 'failed'),
      );
      expect(
        rows
          .map((r) => ({ host: hostOf(r.url), status: r.status, observed: r.observed, count: r.count }))
          .sort((a, b) => a.host.localeCompare(b.host)),
      ).toEqual([
        { host: 'cdn.amplitude.com', status: 'blocked', observed: 'failed', count: 1 },
        { host: 'slow.unrelated.example', status: 'allowed-unknown', observed: 'loaded', count: 1 },
      ]);
      // The slow script really loaded (the server served it): "loaded" is the truth, "pending" would have been a lie.
      expect(fixture.log.all().some((r) => r.host === 'slow.unrelated.example')).toBe(true);
      // The log counts each script once: a forged pageshow would have resent the blocked one's failure as a new
      // page instance. The slow script's record comes after any resend (it loaded seconds later).
      const log = await waitFor("the lifecycle page's two records in the log", async () => {
        const current = await exportLog();
        return current.records.some((r) => r.pageUrl === url && r.host === 'slow.unrelated.example') &&
          current.records.some((r) => r.pageUrl === url && r.host === 'cdn.amplitude.com')
          ? current
          : undefined;
      });
      const counted = (host: string): number =>
        log.records.filter((r) => r.pageUrl === url && r.host === host).reduce((sum, r) => sum + r.count, 0);
      expect({ amplitude: counted('cdn.amplitude.com'), slow: counted('slow.unrelated.example') }).toEqual({
        amplitude: 1,
        slow: 1,
      });
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test('10,000 forged page-world reports, then a real blocked vendor: the real one is listed, the forged ones marked and budgeted', async () => {
    const { page, popup } = await openWithPopup('forged');
    try {
      const rows = await waitForPopupRows(
        popup,
        'the real Hotjar script',
        (current) => current.some((r) => r.vendor === 'hotjar' && r.status === 'blocked' && r.observed === 'failed'),
        60_000,
      );
      const forged = rows.filter((r) => /^f\d+\.unrelated\.example$/.test(hostOf(r.url)));
      // The forged reports arrived (so the budget is what held them back), each marked as the page's, within budget.
      expect(forged.length).toBeGreaterThan(0);
      expect(forged.length).toBeLessThanOrEqual(AUDIT_LIMITS.pageReportsPerDocument);
      expect(forged.filter((r) => !r.flags.includes('by-page'))).toEqual([]);
      expect(rows.find((r) => r.vendor === 'hotjar')?.flags ?? []).not.toContain('by-page');
      const log = await exportLog();
      expect(
        log.records
          .filter((r) => r.pageUrl === integrityPageUrl('token'))
          .map(recordKey)
          .sort(),
      ).toEqual(tokenRecords);
      expect(
        log.records.some((r) => r.host === 'static.hotjar.com' && r.status === 'blocked' && r.reportedByPage !== true),
      ).toBe(true);
      expect(log.records.filter((r) => /^f\d+\./.test(r.host)).every((r) => r.reportedByPage === true)).toBe(true);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test("a page with more records than the log holds cannot push out another tab's records; the popup and the export say what was dropped and from where", async () => {
    const url = integrityPageUrl('flood');
    // The hosts of the flood's images (px0.unrelated.example, px1..., one per image).
    const isFloodImageHost = (host: string): boolean => /^px\d+\.unrelated\.example$/.test(host);
    const page = await session.openPage(url);
    try {
      await waitFor(
        'the flood page to load its images, then its last script',
        () => page.evaluate(() => (document.documentElement.hasAttribute('data-dg-done') ? true : undefined)),
        {
          timeoutMs: 240_000,
          intervalMs: 1_000,
          describeFailure: async () => {
            const state = await withTimeout(
              'the flood page to answer',
              page.evaluate(() => {
                const flood = (window as unknown as { dgFlood?: { sent: number; settled: number } }).dgFlood;
                return `created ${flood?.sent ?? 0} images, ${flood?.settled ?? 0} loaded or failed`;
              }),
              10_000,
            ).catch((error: unknown) => (error as Error).message);
            const served = fixture.log.all().filter((r) => isFloodImageHost(r.host)).length;
            const sentinel = fixture.log.all().some((r) => r.host === 'sentinel.unrelated.example');
            return `The page: ${state}; the server saw ${served} of them, and the last script ${sentinel ? 'was' : 'was not'} requested.`;
          },
        },
      );
      // Every image the server served is in the log or counted as dropped, and so is the last script. (Its record
      // usually comes after theirs, but a timing entry the browser queues late can put an image's after it.)
      const served = new Set(
        fixture.log
          .all()
          .filter((r) => isFloodImageHost(r.host))
          .map((r) => `${r.host}${r.path}`),
      ).size;
      const accountedFor = (current: AuditLogExport): number =>
        current.records.filter((r) => r.pageUrl === url && isFloodImageHost(r.host)).length +
        Object.values(current.dropped).reduce((sum, count) => sum + count, 0);
      const log = await waitFor(
        'the log to hold or count as dropped every image of the flood, and hold its last record',
        async () => {
          const current = await exportLog();
          return current.records.some((r) => r.host === 'sentinel.unrelated.example') && accountedFor(current) >= served
            ? current
            : undefined;
        },
        {
          timeoutMs: 240_000,
          intervalMs: 1_000,
          describeFailure: async () => {
            const current = await exportLog();
            return `The log holds ${current.records.length} records, ${accountedFor(current)} of the ${served} images the server served kept or dropped; dropped: ${JSON.stringify(current.dropped)}.`;
          },
        },
      );
      const floodSource = log.records.find((r) => r.pageUrl === url)?.source;
      expect(floodSource).toMatch(/^https:\/\/app\.circleci\.com tab \d+$/);
      // Only the flood gave up records, and the token page kept every one of its own.
      expect(Object.keys(log.dropped)).toEqual([floodSource]);
      expect(log.dropped[floodSource ?? '']).toBeGreaterThan(0);
      expect(log.records.length).toBeLessThanOrEqual(AUDIT_LIMITS.logRecords);
      expect(
        log.records
          .filter((r) => r.pageUrl === integrityPageUrl('token'))
          .map(recordKey)
          .sort(),
      ).toEqual(tokenRecords);

      const tabId = await tabIdOf(home, url);
      const popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
      try {
        await popup.waitForFunction(
          (source: string) => {
            const line = document.getElementById('log-dropped');
            return line !== null && !line.hidden && (line.textContent ?? '').includes(source);
          },
          { timeout: 15_000 },
          floodSource ?? '',
        );
        const json = JSON.parse((await exportFrom(popup, 'export-json')).text) as {
          dropped: { source: string; count: number }[];
        };
        // The CSV export says the same on its drop lines (`rowType` "dropped"), in the records' columns.
        const [header = [], ...lines] = parseCsv((await exportFrom(popup, 'export-csv')).text);
        expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
        const field = (line: readonly string[], name: (typeof AUDIT_CSV_COLUMNS)[number]): string =>
          line[header.indexOf(name)] ?? '';
        const csvDropped = lines
          .filter((line) => field(line, 'rowType') === 'dropped')
          .map((line) => ({ source: field(line, 'source'), count: Number(field(line, 'droppedRecords')) }));
        expect(lines.filter((line) => field(line, 'rowType') === 'record').length).toBeGreaterThan(0);
        // The same counts as the log holds (read after the popup's exports, so no later record falls between them).
        const after = await exportLog();
        expect(json.dropped).toEqual([{ source: floodSource, count: after.dropped[floodSource ?? ''] }]);
        expect(csvDropped).toEqual(json.dropped);
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
    // 1,500 requests and the log's evictions take a while on a busy machine; the waits inside bound it.
  }, 600_000);

  test("a script's load or error stopped by the page, or the script removed while it loads: its outcome is still recorded", async () => {
    const { page, popup } = await openWithPopup('stopped');
    try {
      const hosts = ['stop-load', 'removed-now', 'slow'].map((name) => `${name}.unrelated.example`);
      const rows = await waitForPopupRows(popup, 'the four scripts with their outcome', (current) =>
        [...hosts, 'cdn.amplitude.com'].every((host) =>
          current.some((r) => hostOf(r.url) === host && r.observed !== 'pending'),
        ),
      );
      const row = (host: string): PopupRow | undefined => rows.find((r) => hostOf(r.url) === host);
      for (const host of hosts) {
        expect(row(host)).toMatchObject({ observed: 'loaded' });
        // The truth: each reached the server (the slow host's request is this page's: its query says so).
        const path = host.startsWith('slow.')
          ? '/dg-fixture/integrity/noop.js?removed-later'
          : '/dg-fixture/integrity/noop.js';
        expect(fixture.log.all().some((r) => r.host === host && r.path === path)).toBe(true);
      }
      expect(row('cdn.amplitude.com')).toMatchObject({ status: 'blocked', observed: 'failed' });
      expect(fixture.log.all().some((r) => r.host === 'cdn.amplitude.com')).toBe(false);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test('SRI counts only a hash the browser enforces', async () => {
    const { page, popup } = await openWithPopup('sri');
    try {
      const rows = await waitForPopupRows(popup, 'the three SRI scripts with their outcome', (current) =>
        ['sri-x', 'sri-ok', 'sri-bad'].every((name) =>
          current.some((r) => hostOf(r.url) === `${name}.unrelated.example` && r.observed !== 'pending'),
        ),
      );
      const row = (name: string): PopupRow | undefined =>
        rows.find((r) => hostOf(r.url) === `${name}.unrelated.example`);
      // integrity="x": the browser ignored it and ran the script unchecked.
      expect(row('sri-x')).toMatchObject({
        sri: 'absent',
        observed: 'loaded',
        flags: expect.arrayContaining(['no-sri']),
      });
      expect(row('sri-ok')).toMatchObject({ sri: 'present', observed: 'loaded' });
      expect(row('sri-ok')?.flags).not.toContain('no-sri');
      // A valid-format hash that does not match: enforced, so the browser refused the script it fetched.
      expect(row('sri-bad')).toMatchObject({ sri: 'present', observed: 'failed' });
      for (const name of ['sri-x', 'sri-ok', 'sri-bad'])
        expect(fixture.log.all().some((r) => r.host === `${name}.unrelated.example`)).toBe(true);
    } finally {
      await popup.close();
      await page.close();
    }
  });
});
