/**
 * The audit keeps no secrets, in real Chromium and Firefox ESR (test build): a password-reset page whose address and
 * third parties carry secrets in queries and paths (test/fixtures/privacy/). The fixture server's record shows the
 * secrets really left the page; then the raw contents of storage.local and storage.session (every key, searched as
 * text, not a field we expect them in), the popup's DOM and both exports must hold none of them. The control: with
 * "keep full addresses" switched on, the same search finds them, so it could fail.
 */
import type { Page } from 'puppeteer-core';
import { AUDIT_CLEAR_LOG } from '../../src/audit/audit-page-messages';
import { SETTINGS_CHANGE } from '../../src/settings/settings-messages';
import { hostOf } from '../../src/domains/host-match';
import { exportFrom, waitForPopupRows, type PopupRow } from './harness/audit-popup';
import { BROWSER_KINDS, launchWithDashguard, type ExtensionBrowser } from './harness/browsers';
import { openExtensionPage, optionsPage, sendFromPage, tabIdOf } from './harness/extension-pages';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { PRIVACY_ASSETS, PRIVACY_HOSTS, privacyPageUrl, RESET_KEY, SECRETS } from './harness/privacy-fixture';

type PageApi = typeof chrome;

let fixture: FixtureServer;

beforeAll(async () => {
  fixture = await startFixtureServer({ assets: PRIVACY_ASSETS });
});

afterAll(async () => {
  await fixture?.close();
});

/** The secrets found in `text`. */
const secretsIn = (text: string): string[] => SECRETS.filter((secret) => text.includes(secret));

describe.each(BROWSER_KINDS)('Audit privacy in %s', (kind) => {
  let session: ExtensionBrowser;
  let home: Page;

  beforeAll(async () => {
    // Throws "Dashguard did not load in ..." unless the extension runs and its rules block on the dashboard.
    session = await launchWithDashguard(kind, { fixture, build: 'test' });
    home = await optionsPage(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Everything the extension stores, as one text: storage.local and storage.session, every key. */
  const rawStorage = (): Promise<string> =>
    home.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
      return JSON.stringify([await api.storage.local.get(null), await api.storage.session.get(null)]);
    });

  /** Opens the secret page in a new tab and its popup, once every third party of the page is listed. */
  async function auditSecretPage(run: string): Promise<{ page: Page; popup: Page; rows: PopupRow[] }> {
    const url = privacyPageUrl(run);
    const page = await session.openPage(url);
    await page.waitForSelector('html[data-privacy-done]', { timeout: 20_000 });
    const tabId = await tabIdOf(home, url.slice(0, url.indexOf('?')));
    const popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
    const rows = await waitForPopupRows(popup, 'the popup to list every third party of the secret page', (current) =>
      PRIVACY_HOSTS.every((host) => current.some((row) => hostOf(row.url) === host)),
    );
    return { page, popup, rows };
  }

  test('the options page: full addresses are off by default, with the warning next to the switch', async () => {
    const state = await home.evaluate(() => {
      const box = document.getElementById('keep-full-urls') as HTMLInputElement | null;
      return {
        checked: box?.checked,
        disabled: box?.disabled,
        warning: document.getElementById('keep-full-urls-warning')?.textContent ?? '',
      };
    });
    expect(state).toEqual({ checked: false, disabled: false, warning: expect.stringMatching(/secrets/) });
  });

  test('by default no secret of the page or its requests is stored, shown or exported, though they left the page', async () => {
    await sendFromPage(home, AUDIT_CLEAR_LOG, null);
    fixture.log.clear();
    const { page, popup, rows } = await auditSecretPage(`${kind}-redacted`);
    try {
      // The secrets were on the wire: the allowed hosts received them, so the page did send them.
      const wire = fixture.log
        .all()
        .map((r) => `${r.host}${r.path}`)
        .join('\n');
      expect(secretsIn(wire)).toEqual(
        expect.arrayContaining([
          'PgResetT0kenSecretValue',
          RESET_KEY,
          'ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ',
          'S3ssionSecretValue',
          'Jw7SignatureSecretPart',
        ]),
      );
      // And the blocked tracker got nothing.
      expect(fixture.log.all().filter((r) => r.host.endsWith('amplitude.com'))).toEqual([]);

      const stored = await rawStorage();
      expect(secretsIn(stored)).toEqual([]);
      // What is kept instead: names and lengths, so the search above looked at the right records.
      expect(stored).toContain(
        `https://app.circleci.com/dg-fixture/privacy/reset/[36]?reset_password_token=[23]&run=[${`${kind}-redacted`.length}]`,
      );
      expect(stored).toContain('https://cdn.amplitude.com/dg-fixture/privacy/t.js?email=[16]&k=[18]');
      expect(stored).toContain('https://img.unrelated.example/dg-fixture/privacy/p.gif?session=[18]');
      expect(stored).toContain('https://cdn.unrelated.example/dg-fixture/privacy/[40]/u.js');

      expect(rows.find((row) => hostOf(row.url) === 'cdn.amplitude.com')).toMatchObject({
        status: 'blocked',
        url: 'https://cdn.amplitude.com/dg-fixture/privacy/t.js?email=[16]&k=[18]',
      });
      expect(secretsIn(await popup.content())).toEqual([]);

      const json = await exportFrom(popup, 'export-json');
      const csv = await exportFrom(popup, 'export-csv');
      expect(json.text).toContain('reset_password_token=[23]');
      expect(csv.text).toContain('session=[18]');
      expect(secretsIn(json.text)).toEqual([]);
      expect(secretsIn(csv.text)).toEqual([]);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test('the control: with full addresses kept, the same search finds the secrets', async () => {
    await sendFromPage(home, SETTINGS_CHANGE, { kind: 'set-keep-full-audit-urls', value: true });
    try {
      const { page, popup } = await auditSecretPage(`${kind}-full`);
      try {
        const stored = await rawStorage();
        expect(secretsIn(stored)).toEqual(
          expect.arrayContaining([
            'PgResetT0kenSecretValue',
            'Kx9TrackerKeyValue',
            'S3ssionSecretValue',
            'ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ',
          ]),
        );
        expect(secretsIn(await popup.content())).toEqual(expect.arrayContaining(['Kx9TrackerKeyValue']));
      } finally {
        await popup.close();
        await page.close();
      }
    } finally {
      await sendFromPage(home, SETTINGS_CHANGE, { kind: 'set-keep-full-audit-urls', value: false });
      await sendFromPage(home, AUDIT_CLEAR_LOG, null);
    }
  });
});
