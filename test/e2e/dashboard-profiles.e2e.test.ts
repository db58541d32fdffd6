/**
 * Fidelity: on a page of each supported dashboard, served under the dashboard's real host, every host the real app
 * needs (rules/catalog/dashboard-profiles.ts: sign-in, captcha, avatars, billing, status, logs, realtime, assets) reaches
 * the fixture server and loads, in the same page load that proves the trackers the same evidence shows it loading
 * receive nothing. The same trackers from a site that is no dashboard do arrive, so the test can fail. Bitrise's page
 * also proves first-party telemetry: Segment's proxy on pa-events-*.bitrise.io is blocked while api.bitrise.io, the
 * same own domain, loads.
 */
import type { Page } from 'puppeteer-core';
import { dashboardProfiles } from '../../rules/catalog/dashboard-profiles';
import { BROWSER_KINDS, launchWithDashguard, type BrowserKind, type ExtensionBrowser } from './harness/browsers';
import { SITES } from './harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import type { StaticAsset } from './harness/fixture-pages';
import {
  PROFILE_ASSETS,
  PROFILE_PATH,
  profileHosts,
  profilePage,
  profilePageHost,
  profileRequests,
  type ProfileRequest,
} from './harness/profile-pages';
import { waitFor } from './harness/wait-for';

interface PageResults {
  readonly pending: number;
  readonly results: Readonly<Record<string, 'loaded' | 'failed'>>;
}

const pagePath = (kind: BrowserKind, name: string): string => `${PROFILE_PATH}${kind}/${name}.html`;

/** Every page of every run, built before the server starts (its assets are fixed). */
function pages(): { assets: Record<string, StaticAsset>; runs: Map<string, ProfileRequest[]> } {
  const assets: Record<string, StaticAsset> = { ...PROFILE_ASSETS };
  const runs = new Map<string, ProfileRequest[]>();
  for (const kind of BROWSER_KINDS) {
    const trackers: ProfileRequest[] = [];
    for (const profile of dashboardProfiles) {
      const requests = profileRequests(profile, kind);
      assets[pagePath(kind, profile.dashboardId)] = profilePage(`${profile.dashboardId} profile`, requests);
      runs.set(`${kind}/${profile.dashboardId}`, requests);
      // The control page asks for the same trackers with their own tags.
      trackers.push(...profileRequests(profile, `${kind}-control`).filter((r) => r.role === 'tracker'));
    }
    assets[pagePath(kind, 'control')] = profilePage('control', trackers);
    runs.set(`${kind}/control`, trackers);
  }
  return { assets, runs };
}

const { assets, runs } = pages();
let fixture: FixtureServer;

beforeAll(async () => {
  fixture = await startFixtureServer({ assets });
});

afterAll(async () => {
  await fixture?.close();
});

/** The tags the fixture server received, with their host. */
function received(): Map<string, string> {
  const tags = new Map<string, string>();
  for (const request of fixture.log.all()) {
    const tag = new URL(request.path, 'https://fixture.invalid').searchParams.get('dg');
    if (tag !== null) tags.set(tag, request.host);
  }
  return tags;
}

async function pageResults(page: Page): Promise<PageResults> {
  return JSON.parse(await page.$eval('#dg-results', (el) => el.textContent ?? '{}')) as PageResults;
}

/** Opens `url` and waits (bounded) until the page saw every request it made (but frames) succeed or fail. */
async function loadProfilePage(session: ExtensionBrowser, url: string): Promise<{ page: Page; results: PageResults }> {
  const page = await session.openPage(url);
  const results = await waitFor(
    `every request of ${url} to settle`,
    async () => {
      const now = await pageResults(page);
      return now.pending === 0 ? now : undefined;
    },
    {
      timeoutMs: 20_000,
      describeFailure: async () => `The page shows ${JSON.stringify(await pageResults(page).catch(() => 'nothing'))}.`,
    },
  );
  return { page, results };
}

/** Waits (bounded) until every request in `expected` has reached the server; fails naming the ones that did not. */
async function expectReceived(expected: readonly ProfileRequest[], where: string): Promise<void> {
  const missing = (): string[] => expected.filter((r) => !received().has(r.tag)).map((r) => `${r.host} (${r.kind})`);
  await waitFor(
    `${expected.length} requests from ${where} to reach the fixture server`,
    () => (missing().length === 0 ? true : undefined),
    {
      timeoutMs: 15_000,
      describeFailure: () => `Missing: ${missing().join(', ')}.`,
    },
  );
}

describe.each(BROWSER_KINDS)('Dashboard profiles in %s', (kind) => {
  let session: ExtensionBrowser;

  beforeAll(async () => {
    // Throws "Dashguard did not load in ..." unless the extension runs and blocks on a dashboard.
    session = await launchWithDashguard(kind, { fixture, extraDomains: profileHosts() });
  });

  afterAll(async () => {
    await session?.close();
  });

  test.each(dashboardProfiles.map((p) => [p.dashboardId, p] as const))(
    '%s: every needed host loads, no tracker is reached',
    async (_id, profile) => {
      const requests = runs.get(`${kind}/${profile.dashboardId}`) ?? [];
      const host = profilePageHost(profile);
      const { page, results } = await loadProfilePage(session, `https://${host}${pagePath(kind, profile.dashboardId)}`);
      try {
        const needed = requests.filter((r) => r.role === 'needed');
        const trackers = requests.filter((r) => r.role === 'tracker');
        await expectReceived(needed, `${host} (needed hosts)`);
        // As the page saw them: every needed request but frames loaded (a frame fires "load" even when blocked).
        expect(
          needed.filter((r) => r.kind !== 'frame' && results.results[r.tag] !== 'loaded').map((r) => r.host),
        ).toEqual([]);
        // Every tracker failed in the page and never reached the server, in the same page load.
        expect(
          trackers
            .filter((r) => results.results[r.tag] !== 'failed')
            .map((r) => `${r.host}: ${results.results[r.tag] ?? 'no outcome'}`),
        ).toEqual([]);
        expect(trackers.filter((r) => received().has(r.tag)).map((r) => r.host)).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  test(`control: from ${SITES.unrelated}, the same trackers reach the fixture server`, async () => {
    const trackers = runs.get(`${kind}/control`) ?? [];
    expect(trackers.length).toBeGreaterThan(20);
    const { page, results } = await loadProfilePage(session, `https://${SITES.unrelated}${pagePath(kind, 'control')}`);
    try {
      await expectReceived(trackers, SITES.unrelated);
      expect(trackers.filter((r) => results.results[r.tag] !== 'loaded').map((r) => r.host)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
