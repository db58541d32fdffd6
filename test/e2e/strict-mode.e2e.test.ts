/**
 * Strict mode that holds, in real Chromium and Firefox ESR, judged on the fixture server's record:
 *   - a sensitive page loaded directly: every channel its code tries towards a third party (image, stylesheet, font,
 *     media, frame, form post, fetch, beacon, WebSocket, script) is refused, and code from the dashboard's own
 *     user-content host too, while its own assets and API load; the same page on an ordinary path sends everything
 *     (the control).
 */
import type { Page } from 'puppeteer-core';
import { BROWSER_KINDS, launchWithDashguard, type ExtensionBrowser } from './harness/browsers';
import { SITES } from './harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import {
  ARTIFACTS_HOST,
  EXFIL_ORDINARY_PATH,
  EXFIL_SENSITIVE_PATH,
  OWN_REQUESTS,
  STRICT_ASSETS,
  STRICT_EXTRA_DOMAINS,
  THIRD_PARTY_CHANNELS,
  THIRD_PARTY_HOST,
  strictChannel,
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
  return [...new Set(fixture.log.all().flatMap((request) => {
    const channel = strictChannel(request, run);
    return channel === undefined ? [] : [`${request.host} ${channel}`];
  }))].sort();
}

const thirdParty = THIRD_PARTY_CHANNELS.map((channel) => `${THIRD_PARTY_HOST} ${channel}`);
const own = OWN_REQUESTS.map(({ host, channel }) => `${host} ${channel}`);

describe.each(BROWSER_KINDS)('Strict mode in %s', (kind) => {
  let session: ExtensionBrowser;
  let runs = 0;
  const nextRun = (what: string): string => `${kind}-${what}-${(runs += 1)}`;

  beforeAll(async () => {
    // Throws "Dashguard did not load in ..." unless the extension is running and its rules block on the dashboard.
    session = await launchWithDashguard(kind, { fixture, extraDomains: STRICT_EXTRA_DOMAINS });
  });
  afterAll(async () => {
    await session?.close();
  });

  async function openExfil(path: string, run: string): Promise<Page> {
    return session.openPage(`https://${SITES.dashboard}${path}?run=${run}`);
  }

  test('a sensitive page loaded directly sends nothing to a third party by any channel; its own assets and API load', async () => {
    // Control: the same page on an ordinary path reaches the third party by every channel.
    const controlRun = nextRun('control');
    const control = await openExfil(EXFIL_ORDINARY_PATH, controlRun);
    const expected = [...thirdParty, `${ARTIFACTS_HOST} artifact-script`, ...own].sort();
    await waitFor('every request of the ordinary page to reach the server', () => {
      const seen = received(controlRun);
      return expected.every((r) => seen.includes(r)) ? true : undefined;
    }, { timeoutMs: 20_000, intervalMs: 100, describeFailure: () => `Missing: ${expected.filter((r) => !received(controlRun).includes(r)).join(', ')}.` });
    await control.close();

    const run = nextRun('token-page');
    const page = await openExfil(EXFIL_SENSITIVE_PATH, run);
    // The page's own requests arrive (so its code ran and strict mode broke nothing it needs)...
    await waitFor('the token page\'s own assets and API to reach the server', () => {
      const seen = received(run);
      return own.every((r) => seen.includes(r)) ? true : undefined;
    }, { timeoutMs: 20_000, intervalMs: 100, describeFailure: () => `Received: ${received(run).join(', ') || 'nothing'}.` });
    // ...and the browser refused every other one before it left (a refusal is final: it never reaches the network).
    const refusedDirectives = ['img-src', 'style-src', 'font-src', 'media-src', 'frame-src', 'form-action', 'connect-src', 'script-src'];
    const violations = await waitFor('the policy to refuse every channel', async () => {
      const list = await page.evaluate(() => (window as unknown as { dgStrict?: { violations: string[] } }).dgStrict?.violations ?? []);
      const thirdPartyRefusals = list.filter((v) => v.includes(THIRD_PARTY_HOST));
      // Chromium names the more specific directive (script-src-elem, style-src-elem).
      const refused = (directive: string): boolean => thirdPartyRefusals.some((v) => v.startsWith(`${directive} `) || v.startsWith(`${directive}-elem `));
      return refusedDirectives.every(refused) && thirdPartyRefusals.filter((v) => v.startsWith('connect-src ')).length >= 3 ? list : undefined;
    }, { timeoutMs: 20_000, intervalMs: 100, describeFailure: async () => `The page saw: ${await page.evaluate(() => JSON.stringify((window as unknown as { dgStrict?: unknown }).dgStrict))}.` });
    expect(violations.some((v) => /^script-src(-elem)? /.test(v) && v.includes(ARTIFACTS_HOST))).toBe(true);
    expect(received(run).filter((r) => r.startsWith(`${THIRD_PARTY_HOST} `) || r === `${ARTIFACTS_HOST} artifact-script`)).toEqual([]);
    await page.close();
  });
});
