/**
 * Hostile input, in real Chromium and Firefox ESR with the test build: a dashboard page floods the content script
 * with thousands of script insertions to distinct addresses and crafted URLs (markup, javascript:, data:, 10 KB long,
 * IDN and punycode hosts, odd spellings), a src rewritten hundreds of times, scripts removed at once, and images
 * (test/fixtures/hostile/flood.js). The extension must stay responsive (a settings round trip answers during the
 * flood; the popup opens and renders) and the audit must be capped, not crashed: at most AUDIT_LIMITS rows, bytes and
 * URL length, the rest counted as unlisted, every URL shown as text, and still counting after the flood.
 * No timed assertion: the waits are generous and only bound a hang.
 */
import type { Page } from 'puppeteer-core';
import { AUDIT_LIMITS } from '../../src/audit/audit-limits';
import { tabAuditKey, type TabAudit } from '../../src/audit/audit-types';
import { SETTINGS_CHANGE, SETTINGS_GET, type SettingsView } from '../../src/settings/settings-messages';
import { SETTINGS_VERSION } from '../../src/settings/user-settings';
import { readPopupRows, waitForPopupRows, type PopupRow } from './harness/audit-popup';
import { BROWSER_KINDS, launchWithDashguard, type ExtensionBrowser } from './harness/browsers';
import { openExtensionPage, optionsPage, sendFromPage, tabIdOf } from './harness/extension-pages';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { floodPageUrl, HOSTILE_ASSETS, SENTINEL_URL, type FloodSize } from './harness/hostile-fixture';
import { waitFor } from './harness/wait-for';

/** 2,000 scripts and 800 10 KB URLs: more rows than fit in AUDIT_LIMITS.tabBytes, so the cap is reached. */
const FLOOD: FloodSize = { n: 2_000, long: 800, img: 300 };
/** Bounds a hang only: a flood on a busy two-core machine takes a while. */
const FLOOD_TIMEOUT_MS = 180_000;

let fixture: FixtureServer;

beforeAll(async () => {
  fixture = await startFixtureServer({ assets: HOSTILE_ASSETS });
});

afterAll(async () => {
  await fixture?.close();
});

/** Code run in an extension page: the WebExtension API of either browser. */
type PageApi = typeof chrome;

async function storedTabAudit(home: Page, tabId: number): Promise<TabAudit | undefined> {
  return home.evaluate(async (key: string) => {
    const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
    return (await api.storage.session.get(key))[key];
  }, tabAuditKey(tabId)) as Promise<TabAudit | undefined>;
}

const sentinelCount = (rows: readonly PopupRow[]): number => rows.find((r) => r.url === SENTINEL_URL)?.count ?? 0;

describe.each(BROWSER_KINDS)('Hostile input in %s', (kind) => {
  let session: ExtensionBrowser;
  let home: Page;

  beforeAll(async () => {
    // Throws "Dashguard did not load in ..." unless the extension runs and its rules block on the dashboard.
    session = await launchWithDashguard(kind, { fixture, build: 'test' });
    home = await optionsPage(session);
    // The caps on addresses (length, bytes) are what holds when addresses are kept whole: test them that way.
    await sendFromPage(home, SETTINGS_CHANGE, { kind: 'set-keep-full-audit-urls', value: true });
  });

  afterAll(async () => {
    await session?.close();
  });

  describe('a page that floods the audit with thousands of scripts and crafted URLs', () => {
    let page: Page;
    let popup: Page;
    let tabId: number;
    let duringFlood: SettingsView;
    let rows: PopupRow[];
    let audit: TabAudit;

    beforeAll(async () => {
      const url = floodPageUrl(`${kind}-${Date.now()}`, FLOOD);
      page = await session.openPage(url);
      await page.waitForSelector('html[data-flood-started]', { timeout: 30_000 });
      tabId = await tabIdOf(home, url);
      // While the page floods and the background works through the reports: a settings round trip answers, and
      // the popup opens on the tab.
      duringFlood = await sendFromPage<SettingsView>(home, SETTINGS_GET, null);
      popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
      await page.waitForSelector('html[data-flood-done]', { timeout: FLOOD_TIMEOUT_MS });
      // The sentinel loaded first and last: once its row counts 2, every observation before it was stored.
      rows = await waitForPopupRows(
        popup,
        "the sentinel's second load in the popup",
        (current) => sentinelCount(current) >= 2,
        FLOOD_TIMEOUT_MS,
      );
      const stored = await storedTabAudit(home, tabId);
      if (stored === undefined) throw new Error(`No audit stored for tab ${tabId}`);
      audit = stored;
    }, FLOOD_TIMEOUT_MS * 3);

    afterAll(async () => {
      await popup?.close();
      await page?.close();
    });

    test('the page ran its whole flood, and a settings round trip answered in the middle of it', async () => {
      const state = await page.evaluate(
        () => (window as unknown as { dgFlood: { inserted: number; phase: string; timedOut: boolean } }).dgFlood,
      );
      expect(state).toMatchObject({ phase: 'done', timedOut: false });
      expect(state.inserted).toBeGreaterThan(FLOOD.n + FLOOD.long);
      expect(duringFlood.settings.version).toBe(SETTINGS_VERSION);
      // And after it.
      expect((await sendFromPage<SettingsView>(home, SETTINGS_GET, null)).settings.version).toBe(SETTINGS_VERSION);
    });

    test("the tab's audit is capped in rows, bytes and URL length, and counts what it did not list", () => {
      expect(audit.entries.length).toBeGreaterThan(FLOOD.n / 2);
      expect(audit.entries.length).toBeLessThanOrEqual(AUDIT_LIMITS.tabEntries);
      expect(audit.bytes).toBeLessThanOrEqual(AUDIT_LIMITS.tabBytes);
      expect(JSON.stringify(audit.entries).length).toBeLessThanOrEqual(
        AUDIT_LIMITS.tabBytes + audit.entries.length * 2,
      );
      // The 10 KB URLs came last and reached the byte cap: the rest is counted, not listed.
      expect(audit.unlisted).toBeGreaterThan(0);
      const long = audit.entries.filter((e) => e.url.includes('/dg-fixture/hostile/long/'));
      expect(long.length).toBeGreaterThan(0);
      expect(long.length).toBeLessThan(FLOOD.long);
      for (const entry of long)
        expect({ length: entry.url.length, truncated: entry.urlTruncated, status: entry.status }).toEqual({
          length: AUDIT_LIMITS.urlLength,
          truncated: true,
          status: 'blocked',
        });
      for (const entry of audit.entries) {
        expect(entry.url.length).toBeLessThanOrEqual(AUDIT_LIMITS.urlLength);
        expect(entry.url).toMatch(/^(https?|wss?):\/\//);
      }
    });

    test('lists the flood before the cap: every distinct script, blocked and not', () => {
      const listed = new Set(audit.entries.map((e) => e.url));
      const missing: string[] = [];
      for (let i = 0; i < FLOOD.n; i += 1) {
        const url =
          i % 2 === 0
            ? `https://cdn.amplitude.com/dg-fixture/hostile/s/${i}.js`
            : `https://flood.unrelated.example/dg-fixture/hostile/s/${i}.js`;
        if (!listed.has(url)) missing.push(url);
      }
      expect(missing).toEqual([]);
      const blocked = audit.entries.filter((e) => e.url.startsWith('https://cdn.amplitude.com/dg-fixture/hostile/s/'));
      expect(new Set(blocked.map((e) => `${e.status} ${e.vendor.id}`))).toEqual(new Set(['blocked amplitude']));
    });

    test('records crafted URLs as the browser requested them, and nothing that is not a network request', () => {
      const urls = audit.entries.map((e) => e.url);
      const hosts = new Set(audit.entries.map((e) => e.host));
      // IDN hosts as punycode, upper case folded, credentials and fragments never kept.
      expect(hosts).toContain('xn--bcher-kva.unrelated.example');
      expect(hosts).toContain('xn--e1afmkfd.unrelated.example');
      expect(hosts).toContain('xn--80ak6aa92e.unrelated.example');
      expect(urls).toContain('https://flood.unrelated.example/dg-fixture/hostile/upper.js');
      expect(urls.filter((u) => u.includes('secret') || u.includes('#'))).toEqual([]);
      expect(
        urls.some((u) => u.includes('/dg-fixture/hostile/%22%3E%3Cimg%20src=x%20onerror=%22top.dgPwned=1%22%3E')),
      ).toBe(true);
      expect(urls.some((u) => u.includes('/dg-fixture/hostile/javascript:top.dgPwned=3'))).toBe(true);
      expect(urls.filter((u) => /^(javascript|data|blob):/i.test(u) || u.includes('dgPwned=5'))).toEqual([]);
    });

    test('the popup renders the flood as text, with the summary and the unlisted count, and nothing from a URL ran', async () => {
      const { summary } = await readPopupRows(popup);
      expect(summary).toMatch(/\d+ blocked/);
      expect(rows.length).toBe(audit.entries.length);
      const shown = await popup.evaluate(() => ({
        unlisted:
          document.getElementById('audit-unlisted')?.hidden === false
            ? (document.getElementById('audit-unlisted')?.textContent ?? '')
            : '',
        pwned: (window as unknown as { dgPwned?: unknown }).dgPwned ?? null,
        images: document.querySelectorAll('#audit img').length,
        scripts: document.querySelectorAll('#audit script').length,
      }));
      expect(shown).toEqual({
        unlisted: expect.stringMatching(/^\d+ more requests are counted but not listed/),
        pwned: null,
        images: 0,
        scripts: 0,
      });
    });

    test('keeps counting after the flood: the same script again adds to its row', async () => {
      await page.evaluate((src: string) => {
        const script = document.createElement('script');
        script.src = src;
        document.head.appendChild(script);
      }, SENTINEL_URL);
      await waitForPopupRows(popup, "the sentinel's third load", (current) => sentinelCount(current) >= 3, 60_000);
      await waitFor(
        'the stored audit to count it too',
        async () =>
          ((await storedTabAudit(home, tabId))?.entries.find((e) => e.url === SENTINEL_URL)?.count ?? 0) >= 3 ||
          undefined,
        { timeoutMs: 30_000 },
      );
    });
  });
});
