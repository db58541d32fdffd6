/**
 * Managed policy, for real: the browsers read the policy from the files an administrator would write
 * (harness/managed-policy-files.ts), and every blocking assertion is on what the fixture server received.
 *
 * Chromium reads /etc/chromium/policies/managed/ at start-up and watches it, so one browser run goes through a
 * sequence of policies: a self-hosted dashboard added, a vendor the user allowed forced blocked, the lock, then a
 * malformed policy, each applied without a restart. Firefox ESR reads /etc/firefox/policies/policies.json once at
 * start-up, so it gets one launch per policy, and the file is removed as soon as the browser has read it.
 * User settings are written where the extension keeps them (storage.local, from the options page), as an import or
 * any other page would leave them: the policy must win whatever is stored.
 */
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { SETTINGS_KEY } from '../../src/settings/settings-store';
import { SETTINGS_CHANGE, SETTINGS_GET, TAB_PAUSE_SET } from '../../src/settings/settings-messages';
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/settings/user-settings';
import type { ExtensionBrowser } from './harness/browser-session';
import { launchFirefox, launchWithDashguard } from './harness/browsers';
import { waitForPageSettled } from './harness/dashboard-page';
import { REPO_ROOT } from './harness/extension-build';
import { openExtensionPage, sendFromPage, tabIdOf } from './harness/extension-pages';
import { allowedVendors, blockedVendors, requestsToVendor, SITES, siteUrl } from './harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { acquirePolicyLock, type PolicyFile, type PolicyLock } from './harness/managed-policy-files';
import { closePolicyLaunch, launchWithPolicyFile, type PolicyLaunch } from './harness/policy-launch';
import { POLICY_CHANGE_TIMEOUT_MS, policyStatus, waitForPolicy } from './harness/policy-status';
import { requestKey } from './harness/vendor-expectations';
import { requestOutcome as recordedOutcome } from './harness/rules-canary';
import { EXFIL_SENSITIVE_PATH, STRICT_ASSETS, THIRD_PARTY_HOST, strictChannel } from './harness/strict-fixture';
import { waitFor } from './harness/wait-for';

/** Blocked by default; the user allows it, the policy forces it blocked. */
const FORCED = { id: 'hotjar', host: 'hotjar.com' };
/** Blocked by default; only a user (or a malformed policy) could allow it. */
const OTHER = { id: 'mixpanel', host: 'mixpanel.com' };
/** Allowed by default: blocking it is a tightening, which the lock permits and which shows a settings write applied. */
const ESSENTIAL = { id: 'pusher', host: 'pusher.com' };
/** Blocked by default and never touched by these policies (the launch canary probes it too). */
const DEFAULT_BLOCKED = { id: 'amplitude', host: 'amplitude.com' };

const SELF_HOSTED = { host: SITES.selfHosted, name: 'Self-hosted CI' };

/**
 * A host inside CircleCI's own domain (circleci.com) that an organisation blocks as an extra vendor: applied above the
 * own-domain allow for that host only. `REST` is the same own domain, which must keep loading; `WHOLE` would block the
 * dashboard itself and is refused by name.
 */
const OWN_DOMAIN_HOST = { id: 'corp-circleci-telemetry', host: 'telemetry.circleci.com', rest: 'api.circleci.com' };
const OWN_DOMAIN_VENDORS = [
  { id: OWN_DOMAIN_HOST.id, name: 'CircleCI telemetry', domains: [OWN_DOMAIN_HOST.host] },
  { id: 'corp-circleci-whole', name: 'All of CircleCI', domains: ['circleci.com'] },
];
const OWN_DOMAIN_REFUSAL = /^extraVendors\[1\]\.domains\[0\]: circleci\.com would block CircleCI itself/;

/** The organisation's block of an own-domain host holds there, and only there. */
async function expectOwnDomainHostBlock(
  session: ExtensionBrowser,
  fixture: FixtureServer,
  timeoutMs?: number,
): Promise<void> {
  await waitForOutcome(session, fixture, SITES.dashboard, OWN_DOMAIN_HOST.host, 'blocked', timeoutMs);
  // The rest of the own domain still loads on the dashboard, and the host itself loads on a site that is no dashboard.
  await expectOutcome(session, fixture, SITES.dashboard, OWN_DOMAIN_HOST.rest, 'reached');
  await expectOutcome(session, fixture, SITES.unrelated, OWN_DOMAIN_HOST.host, 'reached');
}
/** The Firefox build with test-only surfaces (it opens its options page when installed; see background.ts). */
const FIREFOX_TEST_BUILD = process.env.DASHGUARD_FIREFOX_TEST_DIR ?? path.join(REPO_ROOT, 'dist-test', 'firefox');

type Expected = 'reached' | 'blocked';

/** One request from a page on `fromHost` to `vendorHost`: did it reach the fixture server? */
const requestOutcome = (
  session: ExtensionBrowser,
  fixture: FixtureServer,
  fromHost: string,
  vendorHost: string,
): Promise<Expected> => recordedOutcome(session.browser, fixture, fromHost, vendorHost);

async function expectOutcome(
  session: ExtensionBrowser,
  fixture: FixtureServer,
  fromHost: string,
  vendorHost: string,
  expected: Expected,
): Promise<void> {
  expect(`${vendorHost} from ${fromHost}: ${await requestOutcome(session, fixture, fromHost, vendorHost)}`).toBe(
    `${vendorHost} from ${fromHost}: ${expected}`,
  );
}

/** Waits (bounded) until a request from `fromHost` to `vendorHost` has the expected outcome. */
async function waitForOutcome(
  session: ExtensionBrowser,
  fixture: FixtureServer,
  fromHost: string,
  vendorHost: string,
  expected: Expected,
  timeoutMs = 15_000,
): Promise<void> {
  let last: Expected | undefined;
  await waitFor(
    `${vendorHost} to be ${expected} from ${fromHost}`,
    async () => {
      last = await requestOutcome(session, fixture, fromHost, vendorHost);
      return last === expected ? true : undefined;
    },
    { timeoutMs, intervalMs: 250, describeFailure: () => `Last outcome: ${last ?? 'none'}.` },
  );
}

/** Code run inside an extension page: the WebExtension API of either browser. */
type PageApi = typeof chrome;

/** The extension's options page: opened by the test in Chromium, by the test build itself in Firefox. */
async function optionsPage(session: ExtensionBrowser): Promise<Page> {
  const url = `${session.extensionBaseUrl}options.html`;
  if (session.kind === 'chromium') return session.openPage(url);
  // Firefox lists extension tabs as about:blank: find the page by its own location.
  return waitFor(
    'the options page the Firefox test build opens when installed',
    async () => {
      for (const page of await session.browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(url)) return page;
      }
      return undefined;
    },
    { timeoutMs: 15_000, intervalMs: 200 },
  );
}

/** Waits until the options page's "Managed by your organisation" notice lists exactly `warnings`. */
async function expectNoticeListing(page: Page, warnings: readonly string[]): Promise<void> {
  let shown: { title: string; warnings: string[] } | undefined;
  await waitFor(
    'the options page to name every ignored policy item',
    async () => {
      shown = await page.evaluate(() => ({
        title: document.querySelector('[data-dg="managed-notice"] h2')?.textContent ?? '',
        warnings: [...document.querySelectorAll('[data-dg="policy-warning"]')].map((item) => item.textContent ?? ''),
      }));
      return JSON.stringify(shown.warnings) === JSON.stringify(warnings) ? true : undefined;
    },
    { timeoutMs: 15_000, intervalMs: 200, describeFailure: () => `The page shows: ${JSON.stringify(shown)}.` },
  );
  expect(shown?.title).toBe('Managed by your organisation');
}

/** What settings/change answers when the lock refuses to let a person allow DEFAULT_BLOCKED. */
const LOCKED_REFUSAL = {
  applied: false,
  errors: [
    {
      field: 'policy',
      message: `Your organisation manages Dashguard and does not allow loosening its rules: allowing vendor "${DEFAULT_BLOCKED.id}".`,
    },
  ],
};

/** Waits until the options page shows a vendor as managed by the organisation, with its switch disabled. */
async function expectManagedRow(options: Page, vendorId: string): Promise<void> {
  await options.bringToFront();
  // No reload: the page follows policy changes live.
  await options.waitForFunction(
    (id: string) => {
      const row = document.querySelector(`li.vendor[data-vendor="${id}"]`);
      const toggle = row?.querySelector<HTMLButtonElement>('[data-action="toggle"]');
      const managed = row?.querySelector<HTMLElement>('.managed');
      return (
        toggle?.disabled === true &&
        managed !== null &&
        managed !== undefined &&
        !managed.hidden &&
        /organisation/i.test(managed.textContent ?? '')
      );
    },
    { timeout: 15_000 },
    vendorId,
  );
}

/** Imports a settings file through the options page's file field, as a person would; returns what the page said. */
async function importThroughOptions(options: Page, text: string): Promise<{ outcome: string; lines: string[] }> {
  await options.bringToFront();
  await options.$eval('[data-result="import"]', (element) => {
    delete (element as HTMLElement).dataset.outcome;
  });
  await options.evaluate((body: string) => {
    const input = document.querySelector<HTMLInputElement>('#import-file');
    if (!input) throw new Error('no import field');
    const transfer = new DataTransfer();
    transfer.items.add(new File([body], 'settings.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, text);
  await options.waitForSelector('[data-result="import"][data-outcome]', { timeout: 15_000 });
  return options.$eval('[data-result="import"]', (element) => ({
    outcome: (element as HTMLElement).dataset.outcome ?? '',
    lines: [...element.querySelectorAll('p, li')].map((e) => e.textContent ?? ''),
  }));
}

/**
 * Under a policy that forces FORCED blocked with the lock on, settings stored as an import would leave them (two
 * allowances and one tightening): the tightening applies, so the new settings are in force, and neither allowance.
 */
async function expectLockKeepsStoredAllowancesOff(
  session: ExtensionBrowser,
  fixture: FixtureServer,
  options: Page,
): Promise<void> {
  await storeUserSettings(
    options,
    settingsWith({ [FORCED.id]: 'allow', [OTHER.id]: 'allow', [ESSENTIAL.id]: 'block' }),
  );
  await waitForOutcome(session, fixture, SITES.dashboard, ESSENTIAL.host, 'blocked');
  await expectOutcome(session, fixture, SITES.dashboard, FORCED.host, 'blocked');
  await expectOutcome(session, fixture, SITES.dashboard, OTHER.host, 'blocked');
}

/**
 * Under a policy that forces FORCED blocked with the lock on: the options page shows FORCED as managed with its switch
 * disabled; a settings message from an extension page that would allow DEFAULT_BLOCKED is refused, naming it; an
 * import through the options page that would allow either is refused and leaves the settings as they were; and
 * neither vendor gets through.
 */
async function expectLockRefusesTheUi(session: ExtensionBrowser, fixture: FixtureServer, options: Page): Promise<void> {
  await expectManagedRow(options, FORCED.id);
  expect(
    await sendFromPage(options, SETTINGS_CHANGE, { kind: 'set-vendor', vendorId: DEFAULT_BLOCKED.id, action: 'allow' }),
  ).toEqual(LOCKED_REFUSAL);
  const before = await sendFromPage<{ settings: UserSettings }>(options, SETTINGS_GET, null);
  const imported = await importThroughOptions(
    options,
    JSON.stringify({ version: 2, vendorRules: { [FORCED.id]: 'allow', [DEFAULT_BLOCKED.id]: 'allow' } }),
  );
  expect(imported.outcome).toBe('refused');
  expect(imported.lines.join(' ')).toMatch(/does not allow loosening/);
  expect((await sendFromPage<{ settings: UserSettings }>(options, SETTINGS_GET, null)).settings).toEqual(
    before.settings,
  );
  await expectOutcome(session, fixture, SITES.dashboard, FORCED.host, 'blocked');
  await expectOutcome(session, fixture, SITES.dashboard, DEFAULT_BLOCKED.host, 'blocked');
}

/** What the popup and the pause request say when the lock, without allowTabPause, refuses a pause. */
const PAUSE_REFUSAL =
  'Your organisation locks Dashguard (lockUserRules) and its policy does not allow pausing it on a tab (allowTabPause).';

/**
 * Under the lock with no allowTabPause: a pause request for a dashboard tab is refused, naming both settings; the
 * popup's pause button on that tab is disabled with the same reason; and a vendor blocked by default stays blocked in
 * that very tab (while the same request from an unrelated site reaches the server, so the probe can tell).
 */
async function expectPauseRefusedByName(
  session: ExtensionBrowser,
  fixture: FixtureServer,
  options: Page,
): Promise<void> {
  const tab = await session.openPage(`https://${SITES.dashboard}/dg-fixture/canary?pause-probe=1`);
  try {
    const tabId = await tabIdOf(options, `https://${SITES.dashboard}/dg-fixture/canary?pause-probe=1`);
    await expect(sendFromPage(options, TAB_PAUSE_SET, { tabId, paused: true })).rejects.toThrow(
      `${TAB_PAUSE_SET} was refused: ${PAUSE_REFUSAL}`,
    );
    const popup = await openExtensionPage(session, options, `popup.html?tabId=${tabId}`);
    try {
      await popup.waitForSelector('[data-qa="pause"][disabled]', { timeout: 15_000 });
      expect(await popup.$eval('[data-qa="pause-note"]', (note) => note.textContent)).toBe(
        `Managed by your organisation: ${PAUSE_REFUSAL}`,
      );
    } finally {
      await popup.close();
    }
    const probePath = `/dg-fixture/canary-probe?pause-tab=${tabId}`;
    const seen = await tab.evaluate(
      async (url: string) =>
        fetch(url, { mode: 'no-cors', cache: 'no-store' }).then(
          () => 'reached',
          () => 'failed',
        ),
      `https://${DEFAULT_BLOCKED.host}${probePath}`,
    );
    expect({
      seen,
      recorded: fixture.log.all().some((r) => r.host === DEFAULT_BLOCKED.host && r.path === probePath),
    }).toEqual({ seen: 'failed', recorded: false });
    await expectOutcome(session, fixture, SITES.unrelated, DEFAULT_BLOCKED.host, 'reached');
  } finally {
    await tab.close();
  }
}

/** A sensitive page the policy adds on its self-hosted dashboard; the strict-mode fixture page is served under it. */
const SELF_HOSTED_SENSITIVE = `||${SELF_HOSTED.host}/settings/user/tokens`;

/** Opens the strict-mode fixture page on the self-hosted dashboard; true when its image reached the third party. */
async function selfHostedPageLeaks(session: ExtensionBrowser, fixture: FixtureServer, run: string): Promise<boolean> {
  const page = await session.openPage(`https://${SELF_HOSTED.host}${EXFIL_SENSITIVE_PATH}?run=${run}`);
  try {
    // Either the policy refused the image (a violation the page saw) or the third party received it: wait for one.
    return await waitFor(
      "the page's image to the third party to be sent or refused",
      async () => {
        const leaked = fixture.log.all().some((r) => r.host === THIRD_PARTY_HOST && strictChannel(r, run) === 'image');
        if (leaked) return true;
        const refused = await page.evaluate(() =>
          ((window as unknown as { dgStrict?: { violations: string[] } }).dgStrict?.violations ?? []).some((v) =>
            v.startsWith('img-src '),
          ),
        );
        return refused ? false : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
  } finally {
    await page.close();
  }
}

/**
 * The options page and the popup say when the policy's sensitive page is unprotected for lack of host access, and it
 * is the truth: the page's image reaches the third party. Returns the options page row's selector.
 */
async function expectUnprotectedWarning(
  session: ExtensionBrowser,
  fixture: FixtureServer,
  options: Page,
  run: string,
): Promise<void> {
  const row = `[data-pattern="${SELF_HOSTED_SENSITIVE}"] [data-dg="page-access"]`;
  await options.bringToFront();
  await options.waitForSelector(`${row}[data-state="no-access"]:not([hidden])`, { timeout: 15_000 });
  expect(await options.$eval(row, (slot) => slot.textContent)).toMatch(
    `Not protected: Dashguard has no access to ${SELF_HOSTED.host}`,
  );
  expect(await selfHostedPageLeaks(session, fixture, run)).toBe(true);
  if (session.kind !== 'chromium') return;
  // The popup as a person opens it, from the toolbar button (activeTab lets it read the address of a page Dashguard
  // has no access to). Automation can press the button in Chromium only.
  const tab = await session.openPage(`https://${SELF_HOSTED.host}${EXFIL_SENSITIVE_PATH}?run=${run}-popup`);
  try {
    const extension = (await session.browser.extensions()).get(session.extensionId);
    if (!extension) throw new Error('Chromium does not list Dashguard among its extensions');
    await extension.triggerAction(tab);
    const popup = await (
      await session.browser.waitForTarget((t) => t.url().endsWith('/popup.html'), { timeout: 15_000 })
    ).asPage();
    await popup.waitForSelector('[data-qa="strict-mode"][data-state="no-access"] [data-qa="strict-allow-access"]', {
      timeout: 15_000,
    });
    await popup.close();
  } finally {
    await tab.close();
  }
}

/** Stores user settings where the extension keeps them, as any page or an import would. */
async function storeUserSettings(page: Page, settings: UserSettings): Promise<void> {
  await page.evaluate(
    async (key: string, value: UserSettings) => {
      const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
      await api.storage.local.set({ [key]: value });
    },
    SETTINGS_KEY,
    settings,
  );
}

/**
 * The address the audit keeps for a dashboard page opened with a secret in its query: it opens the page and waits
 * for its tab audit (storage.session), with the person's setting switched on (keep full addresses).
 */
async function auditedPageAddress(session: ExtensionBrowser, options: Page, run: string): Promise<string> {
  await storeUserSettings(options, { ...DEFAULT_SETTINGS, keepFullAuditUrls: true });
  const pagePath = `/dg-policy-audit/${run}`;
  const page = await session.openPage(`https://${SITES.dashboard}${pagePath}?token=P0licyT0kenSecretValue`);
  try {
    return await waitFor(
      `the tab audit of ${pagePath}`,
      () =>
        options.evaluate(async (prefix: string) => {
          const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
          const all: Record<string, unknown> = await api.storage.session.get(null);
          const urlOf = (audit: unknown): unknown =>
            (audit as { page?: { url?: unknown } | null } | undefined)?.page?.url;
          return Object.values(all)
            .map(urlOf)
            .find((url): url is string => typeof url === 'string' && url.startsWith(prefix));
        }, `https://${SITES.dashboard}${pagePath}?`),
      { timeoutMs: 20_000, intervalMs: 200 },
    );
  } finally {
    await page.close();
  }
}

/** The options page shows "keep full addresses" locked by the policy, off. */
async function expectAuditUrlsLockedOff(options: Page): Promise<void> {
  await options.waitForFunction(
    () => {
      const box = document.getElementById('keep-full-urls') as HTMLInputElement | null;
      const managed = document.querySelector('[data-managed="keep-full-urls"]');
      return (
        box !== null &&
        box.disabled &&
        !box.checked &&
        managed !== null &&
        !(managed as HTMLElement).hidden &&
        (managed.textContent ?? '').includes('redacts addresses')
      );
    },
    { timeout: 15_000 },
  );
}

const settingsWith = (vendorRules: Record<string, 'allow' | 'block'>): UserSettings => ({
  ...DEFAULT_SETTINGS,
  vendorRules,
});

/** Loads the whole fixture page (every curated vendor's script and beacons) on a host and returns what reached the server. */
async function loadFixturePage(session: ExtensionBrowser, fixture: FixtureServer, site: 'selfHosted', run: string) {
  fixture.log.clear();
  const page = await session.openPage(siteUrl(site, { run }));
  try {
    await waitForPageSettled(page, fixture, run);
  } finally {
    await page.close();
  }
  return fixture.log.all();
}

/** Vendors blocked by default that received anything, with what they received. */
function leaks(requests: ReturnType<FixtureServer['log']['all']>): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const { vendor } of blockedVendors) {
    const received = requestsToVendor(requests, vendor.id).map(requestKey);
    if (received.length > 0) found[vendor.id] = received;
  }
  return found;
}

describe('Managed policy in Chromium (a file in /etc/chromium/policies/managed/)', () => {
  let lock: PolicyLock | undefined;
  let fixture: FixtureServer | undefined;
  let launched: PolicyLaunch | undefined;
  let options: Page | undefined;
  const ready = (): { session: ExtensionBrowser; fixture: FixtureServer; file: PolicyFile; options: Page } => {
    if (!launched || !fixture || !options) throw new Error('Chromium with Dashguard and its policy did not start');
    return { session: launched.session, fixture, file: launched.file, options };
  };

  beforeAll(async () => {
    lock = await acquirePolicyLock();
    const server = await startFixtureServer({ assets: STRICT_ASSETS });
    fixture = server;
    // Loaded at start-up with --load-extension (managed storage needs it); throws unless Dashguard's rules are live.
    launched = await launchWithPolicyFile('chromium', { extraDashboards: [SELF_HOSTED] }, () =>
      launchWithDashguard('chromium', { fixture: server }),
    );
    options = await optionsPage(launched.session);
    // Chromium delivers the policy a few seconds after start-up.
    await waitForPolicy(
      options,
      'the policy file',
      (s) => s.source === 'managed' && s.policy.extraDashboards.some((d) => d.host === SELF_HOSTED.host),
    );
  });

  afterAll(async () => {
    try {
      await closePolicyLaunch(launched);
    } finally {
      await fixture?.close();
      lock?.release();
    }
  });

  test('a dashboard the policy adds is protected like a built-in one', async () => {
    const { session, fixture } = ready();
    await waitForOutcome(session, fixture, SELF_HOSTED.host, OTHER.host, 'blocked');
    await expectOutcome(session, fixture, SITES.unrelated, OTHER.host, 'reached');
    // The whole fixture page on the self-hosted host: no vendor blocked by default gets anything, the essential ones work.
    const requests = await loadFixturePage(session, fixture, 'selfHosted', 'chromium-policy-self-hosted');
    expect(requests.some((r) => r.host === SELF_HOSTED.host)).toBe(true);
    expect(leaks(requests)).toEqual({});
    expect(
      allowedVendors
        .filter(({ vendor }) => requestsToVendor(requests, vendor.id).length === 0)
        .map(({ vendor }) => vendor.id),
    ).toEqual([]);
  });

  test('a vendor the user allowed is blocked again once the policy forces it, without a restart', async () => {
    const { session, fixture, file, options } = ready();
    await storeUserSettings(options, settingsWith({ [FORCED.id]: 'allow' }));
    await waitForOutcome(session, fixture, SITES.dashboard, FORCED.host, 'reached');

    file.write({ extraDashboards: [SELF_HOSTED], blockedVendors: [FORCED.id] });
    await waitForOutcome(session, fixture, SITES.dashboard, FORCED.host, 'blocked', POLICY_CHANGE_TIMEOUT_MS);
    await expectOutcome(session, fixture, SELF_HOSTED.host, FORCED.host, 'blocked');
    // The user's own decision is still stored: the policy wins over it, it does not erase it.
    const stored = await options.evaluate(async (key: string) => {
      const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
      return (await api.storage.local.get(key))[key] as UserSettings;
    }, SETTINGS_KEY);
    expect(stored.vendorRules[FORCED.id]).toBe('allow');
  });

  test('with the lock on, stored settings cannot allow a forced vendor or loosen anything, but can tighten', async () => {
    const { session, fixture, file, options } = ready();
    file.write({ extraDashboards: [SELF_HOSTED], blockedVendors: [FORCED.id], lockUserRules: true });
    await waitForPolicy(options, 'the lock', (s) => s.policy.lockUserRules);

    await expectLockKeepsStoredAllowancesOff(session, fixture, options);
    await expectOutcome(session, fixture, SELF_HOSTED.host, OTHER.host, 'blocked');

    await expectLockRefusesTheUi(session, fixture, options);
  });

  test('with the lock on and no allowTabPause, pausing a tab is refused by name', async () => {
    const { session, fixture, options } = ready();
    await expectPauseRefusedByName(session, fixture, options);
  });

  test('a sensitive page of the policy on its self-hosted dashboard is shown unprotected without host access', async () => {
    const { session, fixture, file, options } = ready();
    file.write({ extraDashboards: [SELF_HOSTED], sensitivePages: [SELF_HOSTED_SENSITIVE] });
    await waitForPolicy(
      options,
      'the sensitive page',
      (s) => s.policy.sensitivePages.includes(SELF_HOSTED_SENSITIVE) && !s.policy.lockUserRules,
    );
    // Chromium shows a permission prompt nobody can answer here: access stays missing, as when a person declines it.
    await expectUnprotectedWarning(session, fixture, options, 'chromium-policy-no-access');
  });

  test('a malformed policy leaves blocking as strict as before, and the extension names what it ignored', async () => {
    const { session, fixture, file, options } = ready();
    await storeUserSettings(options, DEFAULT_SETTINGS);
    // Chromium drops values of the wrong type itself (chrome://policy shows them); these pass its type check.
    file.write({
      extraDashboards: [SELF_HOSTED, { host: 'https://not a host/' }],
      blockedVendors: [FORCED.id, 'hotjr'],
      blockedCategories: ['spyware'],
      allowedVendors: [
        { vendor: 'mixpanl', dashboards: ['*'] },
        { vendor: OTHER.id, dashboards: ['circleci-app'] },
      ],
    });
    const status = await waitForPolicy(options, 'the malformed policy', (s) => s.warnings.length > 0);
    expect(status.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^extraDashboards\[1\]: "https:\/\/not a host\/" is not a host name/),
        'blockedVendors[1]: unknown vendor "hotjr"; ignored.',
        'blockedCategories[0]: unknown category "spyware"; ignored.',
        'allowedVendors[0]: unknown vendor "mixpanl"; ignored.',
        'allowedVendors[1].dashboards[0]: unknown dashboard "circleci-app"; ignored.',
        expect.stringMatching(/^allowedVendors\[1\]: no known dashboard/),
      ]),
    );
    expect(status.policy.allowedVendors).toEqual([]);
    await expectNoticeListing(options, status.warnings);
    // Back to the defaults plus the valid part of the policy: nothing the policy got wrong was allowed.
    await waitForOutcome(session, fixture, SITES.dashboard, ESSENTIAL.host, 'reached');
    await expectOutcome(session, fixture, SITES.dashboard, OTHER.host, 'blocked');
    await expectOutcome(session, fixture, SITES.dashboard, FORCED.host, 'blocked');
    await expectOutcome(session, fixture, SITES.dashboard, DEFAULT_BLOCKED.host, 'blocked');
    await expectOutcome(session, fixture, SELF_HOSTED.host, OTHER.host, 'blocked');
  });

  test("a block on a host inside a dashboard's own domains holds above the own-domain allow, for that host only; one that would block the dashboard is named", async () => {
    const { session, fixture, file, options } = ready();
    // Control: without the policy the host is CircleCI's own, so it loads on the dashboard.
    await expectOutcome(session, fixture, SITES.dashboard, OWN_DOMAIN_HOST.host, 'reached');
    file.write({
      extraDashboards: [SELF_HOSTED],
      extraVendors: OWN_DOMAIN_VENDORS,
      blockedVendors: [OWN_DOMAIN_HOST.id],
    });
    const status = await waitForPolicy(options, 'the own-domain block', (s) =>
      s.policy.blockedVendors.includes(OWN_DOMAIN_HOST.id),
    );
    expect(status.policy.extraVendors.map((v) => v.id)).toEqual([OWN_DOMAIN_HOST.id]);
    expect(status.warnings).toEqual(expect.arrayContaining([expect.stringMatching(OWN_DOMAIN_REFUSAL)]));
    await expectNoticeListing(options, status.warnings);
    await expectOwnDomainHostBlock(session, fixture, POLICY_CHANGE_TIMEOUT_MS);
  });

  test('keepFullAuditUrls false redacts the audit whatever the person chose, and locks the switch', async () => {
    const { session, file, options } = ready();
    // Control: without the key the person's choice (keep full addresses) holds, secret included.
    file.write({ extraDashboards: [SELF_HOSTED] });
    await waitForPolicy(
      options,
      'a policy without keepFullAuditUrls',
      (s) => s.policy.keepFullAuditUrls === undefined && s.policy.extraVendors.length === 0,
    );
    expect(await auditedPageAddress(session, options, 'chromium-unmanaged')).toBe(
      `https://${SITES.dashboard}/dg-policy-audit/chromium-unmanaged?token=P0licyT0kenSecretValue`,
    );
    file.write({ extraDashboards: [SELF_HOSTED], keepFullAuditUrls: false });
    await waitForPolicy(options, 'keepFullAuditUrls false', (s) => s.policy.keepFullAuditUrls === false);
    expect(await auditedPageAddress(session, options, 'chromium-managed')).toBe(
      `https://${SITES.dashboard}/dg-policy-audit/chromium-managed?token=[22]`,
    );
    await expectAuditUrlsLockedOff(options);
  });
});

describe('Managed policy in Firefox ESR (/etc/firefox/policies/policies.json)', () => {
  let lock: PolicyLock | undefined;
  let fixture: FixtureServer | undefined;

  beforeAll(async () => {
    lock = await acquirePolicyLock();
    fixture = await startFixtureServer({ assets: STRICT_ASSETS });
  });
  afterAll(async () => {
    await fixture?.close();
    lock?.release();
  });

  /** One Firefox launch that reads `policy` at start-up; the file is gone again before any test runs. */
  function launchWithPolicy(
    policy: Record<string, unknown>,
  ): () => { session: ExtensionBrowser; fixture: FixtureServer; options: Page } {
    let launched: PolicyLaunch | undefined;
    let options: Page | undefined;
    beforeAll(async () => {
      const server = fixture;
      if (!server) throw new Error('no fixture server');
      // Throws unless Dashguard's rules are live.
      launched = await launchWithPolicyFile('firefox', policy, () =>
        launchFirefox(FIREFOX_TEST_BUILD, { fixture: server }),
      );
      options = await optionsPage(launched.session);
      await waitForPolicy(options, 'the policy from policies.json', (s) => s.source === 'managed', 15_000);
    });
    afterAll(() => closePolicyLaunch(launched));
    return () => {
      if (!launched || !fixture || !options) throw new Error('Firefox with Dashguard and its policy did not start');
      return { session: launched.session, fixture, options };
    };
  }

  describe('a policy with a forced vendor, an extra dashboard and malformed items', () => {
    const ready = launchWithPolicy({
      extraDashboards: [SELF_HOSTED],
      extraVendors: OWN_DOMAIN_VENDORS,
      sensitivePages: [SELF_HOSTED_SENSITIVE],
      blockedVendors: [FORCED.id, OWN_DOMAIN_HOST.id],
      // Malformed: Firefox hands these to the add-on as they are.
      reportOnly: 'yes',
      allowedVendors: [{ vendor: 'mixpanl', dashboards: ['*'] }, { vendor: OTHER.id }],
      auditRetentionDays: 'forever',
      keepFullAuditUrls: 'yes',
      colour: 'red',
    });

    test('the malformed items are ignored, each named, and blocking stays as strict as before', async () => {
      const { session, fixture, options } = ready();
      const status = await policyStatus(options);
      expect(status.warnings).toEqual(
        expect.arrayContaining([
          'colour: unknown key; ignored.',
          'reportOnly: must be boolean; treated as false (report-only stays off).',
          'allowedVendors[0]: unknown vendor "mixpanl"; ignored.',
          expect.stringMatching(/^allowedVendors\[1\]: "dashboards" must list dashboards/),
          expect.stringMatching(/^auditRetentionDays: must be a whole number of days/),
          'keepFullAuditUrls: must be boolean; treated as false (audited addresses are redacted).',
          expect.stringMatching(OWN_DOMAIN_REFUSAL),
        ]),
      );
      expect(status.policy).toMatchObject({
        reportOnly: false,
        allowedVendors: [],
        blockedVendors: [FORCED.id, OWN_DOMAIN_HOST.id],
      });
      await expectNoticeListing(options, status.warnings);
      // "reportOnly": "yes" did not switch blocking off, and the half-written allowance did not unblock its vendor.
      await expectOutcome(session, fixture, SITES.dashboard, DEFAULT_BLOCKED.host, 'blocked');
      await expectOutcome(session, fixture, SITES.dashboard, OTHER.host, 'blocked');
      await expectOutcome(session, fixture, SITES.dashboard, ESSENTIAL.host, 'reached');
    });

    test("a block on a host inside a dashboard's own domains holds above the own-domain allow, for that host only", async () => {
      const { session, fixture } = ready();
      await expectOwnDomainHostBlock(session, fixture);
    });

    test('a malformed keepFullAuditUrls keeps the audit redacted whatever the person chose, and locks the switch', async () => {
      const { session, options } = ready();
      expect(await auditedPageAddress(session, options, 'firefox-managed')).toBe(
        `https://${SITES.dashboard}/dg-policy-audit/firefox-managed?token=[22]`,
      );
      await expectAuditUrlsLockedOff(options);
      await storeUserSettings(options, DEFAULT_SETTINGS);
    });

    test('a dashboard the policy adds is protected', async () => {
      const { session, fixture } = ready();
      await waitForOutcome(session, fixture, SELF_HOSTED.host, OTHER.host, 'blocked');
      await expectOutcome(session, fixture, SELF_HOSTED.host, DEFAULT_BLOCKED.host, 'blocked');
      await expectOutcome(session, fixture, SITES.unrelated, OTHER.host, 'reached');
    });

    test('its sensitive page on the self-hosted dashboard is shown unprotected until access is granted, then protected', async () => {
      const { session, fixture, options } = ready();
      await expectUnprotectedWarning(session, fixture, options, 'firefox-policy-no-access');
      // Granted from the options page (Firefox answers the prompt itself here): the warning goes, the page is protected.
      await options.bringToFront();
      await options.click(`[data-pattern="${SELF_HOSTED_SENSITIVE}"] [data-action="grant-page-access"]`);
      await options.waitForSelector(
        `[data-pattern="${SELF_HOSTED_SENSITIVE}"] [data-dg="page-access"][data-state="protected"][hidden]`,
        { timeout: 15_000 },
      );
      expect(await selfHostedPageLeaks(session, fixture, 'firefox-policy-granted')).toBe(false);
      expect(
        fixture.log
          .all()
          .filter((r) => r.host === THIRD_PARTY_HOST && strictChannel(r, 'firefox-policy-granted') !== undefined),
      ).toEqual([]);
    });

    test("a vendor the user allows stays blocked when the policy forces it, while the user's other choices apply", async () => {
      const { session, fixture, options } = ready();
      await storeUserSettings(options, settingsWith({ [FORCED.id]: 'allow', [OTHER.id]: 'allow' }));
      // No lock: the user's allowance of another vendor applies...
      await waitForOutcome(session, fixture, SITES.dashboard, OTHER.host, 'reached');
      // ...and the forced vendor stays blocked.
      await expectOutcome(session, fixture, SITES.dashboard, FORCED.host, 'blocked');
      await expectOutcome(session, fixture, SELF_HOSTED.host, FORCED.host, 'blocked');
    });
  });

  describe('a policy with the lock on', () => {
    const ready = launchWithPolicy({ blockedVendors: [FORCED.id], lockUserRules: true });

    test('stored settings cannot allow a forced vendor or loosen anything, but can tighten', async () => {
      const { session, fixture, options } = ready();
      expect((await policyStatus(options)).policy.lockUserRules).toBe(true);
      await expectLockKeepsStoredAllowancesOff(session, fixture, options);
    });

    test('the options page, a message and an import cannot allow a forced vendor', async () => {
      const { session, fixture, options } = ready();
      await expectLockRefusesTheUi(session, fixture, options);
    });

    test('pausing a tab is refused by name', async () => {
      const { session, fixture, options } = ready();
      await expectPauseRefusedByName(session, fixture, options);
    });
  });
});
