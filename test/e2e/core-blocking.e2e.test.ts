/**
 * Core promise of Dashguard, in real Chromium and Firefox ESR with the built extension: on a dashboard the vendors
 * blocked by default never reach the network while the vendors the dashboard needs keep working; on other sites
 * nothing changes. Every assertion is on what the fixture server received, not on what the page or the extension
 * report. The vendor list comes from rules/catalog/vendors.ts, so a new vendor is covered without editing this file.
 */
import type { Page } from 'puppeteer-core';
import { BROWSER_KINDS, launchWithDashguard, type ExtensionBrowser } from './harness/browsers';
import { readDashboardPage, waitForPageSettled, type DashboardPageState } from './harness/dashboard-page';
import { launchOnFirstPage } from './harness/first-page-launch';
import {
  allowedVendors,
  blockedVendors,
  DASHBOARD_PATH,
  fixtureVendors,
  requestsToVendor,
  SITES,
  siteUrl,
  type SiteName,
} from './harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { isFlagRequest, isLaunchDarklyHost, LAUNCHDARKLY_FIXTURE } from './harness/launchdarkly-fixture';
import { isPusherSocket, PUSHER_FIXTURE } from './harness/pusher-fixture';
import type { RecordedRequest } from './harness/request-log';
import { expectAllRequestsOf, requestKey } from './harness/vendor-expectations';
import { waitFor } from './harness/wait-for';

let fixture: FixtureServer;

beforeAll(async () => {
  fixture = await startFixtureServer();
});

afterAll(async () => {
  await fixture?.close();
});

/** One line per blocked vendor that received anything, naming what it received, so a failure names the leak. */
function leaks(requests: readonly RecordedRequest[]): string[] {
  return blockedVendors.flatMap(({ vendor }) => {
    const received = requestsToVendor(requests, vendor.id);
    return received.length > 0 ? [`${vendor.id}: ${[...new Set(received.map(requestKey))].join(', ')}`] : [];
  });
}

function expectNoBlockedVendorReached(requests: readonly RecordedRequest[]): void {
  // Positive control: the page itself was loaded from the dashboard host, so an empty record proves nothing.
  expect(requests.some((r) => r.host === SITES.dashboard && r.path.startsWith(DASHBOARD_PATH))).toBe(true);
  expect(leaks(requests)).toEqual([]);
}

describe.each(BROWSER_KINDS)('Dashguard in %s', (kind) => {
  let session: ExtensionBrowser;

  beforeAll(async () => {
    // Throws "Dashguard did not load in ..." unless the extension is running and its rules block on the dashboard.
    session = await launchWithDashguard(kind, { fixture });
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Loads the fixture page on `site` with a clean record and waits until all its vendor requests are done. */
  function loadFixturePage(site: SiteName): { page: () => Page; state: () => DashboardPageState } {
    let page: Page | undefined;
    let state: DashboardPageState | undefined;
    beforeAll(async () => {
      fixture.log.clear();
      const run = `${kind}-${site}-${Date.now()}`;
      page = await session.openPage(siteUrl(site, { run }));
      state = await waitForPageSettled(page, fixture, run);
    });
    afterAll(async () => {
      await page?.close();
    });
    const required = <T>(value: T | undefined): T => {
      if (value === undefined) throw new Error(`The fixture page on ${site} did not load`);
      return value;
    };
    return { page: () => required(page), state: () => required(state) };
  }

  describe(`on the dashboard (${SITES.dashboard})`, () => {
    const loaded = loadFixturePage('dashboard');

    test(`no vendor blocked by default receives a request (${blockedVendors.length} vendors)`, () => {
      expectNoBlockedVendorReached(fixture.log.all());
      // And, as the page saw it, none of their scripts ran.
      const blockedIds = new Set(blockedVendors.map((entry) => entry.vendor.id));
      expect(loaded.state().executed.filter((entry) => blockedIds.has(entry.split(' ')[0] ?? ''))).toEqual([]);
    });

    test(`vendors allowed by default are untouched (${allowedVendors.length} vendors)`, async () => {
      await expectAllRequestsOf(allowedVendors, fixture, SITES.dashboard);
    });

    test('Pusher connects and the page shows the streamed build log', async () => {
      const shown = await waitFor(
        'the streamed build-log lines in the page',
        async () => {
          const { buildLog } = await readDashboardPage(loaded.page());
          return buildLog.length === PUSHER_FIXTURE.lines.length ? buildLog : undefined;
        },
        { describeFailure: async () => `Pusher state: ${(await readDashboardPage(loaded.page())).pusherState}.` },
      );
      expect(shown).toEqual([...PUSHER_FIXTURE.lines]);
      const sockets = fixture.log.all().filter((r) => r.websocket && isPusherSocket(r.host, r.path));
      expect(sockets.map((r) => r.host)).toContain(`ws-${PUSHER_FIXTURE.cluster}.pusher.com`);
    });

    test('LaunchDarkly serves the flags and the page shows them', async () => {
      const shown = await waitFor(
        'the LaunchDarkly flags in the page',
        async () => {
          const { flags } = await readDashboardPage(loaded.page());
          return Object.keys(flags).length === Object.keys(LAUNCHDARKLY_FIXTURE.flags).length ? flags : undefined;
        },
        {
          describeFailure: async () => `Flags error: ${(await readDashboardPage(loaded.page())).flagsError ?? 'none'}.`,
        },
      );
      expect(shown).toEqual(
        Object.fromEntries(
          Object.entries(LAUNCHDARKLY_FIXTURE.flags).map(([key, value]) => [key, `${key} = ${JSON.stringify(value)}`]),
        ),
      );
      const flagRequests = fixture.log
        .all()
        .filter((r) => isLaunchDarklyHost(r.host) && isFlagRequest(r.method, r.path));
      expect(flagRequests.length).toBeGreaterThan(0);
    });
  });

  describe.each(['marketing', 'unrelated'] as const)('on the %s site', (site) => {
    loadFixturePage(site);

    test(`every vendor receives all its requests (${fixtureVendors.length} vendors)`, async () => {
      await expectAllRequestsOf(fixtureVendors, fixture, SITES[site]);
    });
  });
});

describe.each(BROWSER_KINDS)('Cold start in %s: the dashboard is the first page', (kind) => {
  // Chromium: the extension is loaded with --load-extension and the dashboard URL is on the command line.
  // Firefox: the profile already holds Dashguard as an unsigned XPI (ESR, xpinstall.signatures.required=false),
  // and the dashboard URL is on the command line, so the add-on starts with the browser, not after it.
  let session: ExtensionBrowser | undefined;
  const run = `${kind}-cold-start`;

  afterAll(async () => {
    await session?.close();
  });

  test('no vendor blocked by default receives a request from the very first page', async () => {
    // Relaunched (at most twice, with a warning) only if the browser never requested its first page at all.
    session = await launchOnFirstPage(kind, { fixture, startUrl: siteUrl('dashboard', { run }) });
    const page = await session.findPage((url) => url.includes(`run=${run}`));
    await waitForPageSettled(page, fixture, run);
    const firstPageRecord = fixture.log.all();
    // Only now probe the rules: the probe's own requests must not mix with the first page's.
    await session.verifyRulesLive();
    expectNoBlockedVendorReached(firstPageRecord);
  });
});
