/**
 * The audit from the first second, in real Chromium and Firefox ESR (test build): a fresh browser started with a
 * managed policy file that allows Amplitude on every dashboard (blocked by default) and the dashboard page on its
 * command line, then the popup for that page.
 *
 * Chromium reads its policy seconds after it starts, and the background judges a report at once with the policy at
 * hand (none, on a fresh profile) rather than wait for it; the report is judged again once the policy is decided and
 * a verdict that changed is marked. Which comes first depends on the browser's start, so the test asserts what is
 * always true: the popup shows rows; once the policy is read every Amplitude row of the first page has either its
 * first verdict (blocked, as the defaults say, unmarked) or the policy's (allowed), and it is marked "verdict changed"
 * exactly when its log record says it was first judged otherwise, that first verdict being the defaults' (blocked).
 * The control: the page loaded again under the policy reaches Amplitude on the server and is listed allowed, unmarked.
 */
import type { Page } from 'puppeteer-core';
import { AUDIT_EXPORT_LOG, type AuditLogExport } from '../../src/audit/audit-page-messages';
import type { PolicyStatus } from '../../src/policy/policy-status';
import { readPopupRows, waitForPopupRows, type PopupRow } from './harness/audit-popup';
import { BROWSER_KINDS, type ExtensionBrowser } from './harness/browsers';
import { waitForPageSettled } from './harness/dashboard-page';
import { openExtensionPage, optionsPage, sendFromPage, tabIdOf } from './harness/extension-pages';
import { requestsToVendor, SITES, siteUrl } from './harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { launchOnFirstPage } from './harness/first-page-launch';
import { acquirePolicyLock, type PolicyLock } from './harness/managed-policy-files';
import { closePolicyLaunch, launchWithPolicyFile, type PolicyLaunch } from './harness/policy-launch';
import { policyStatus } from './harness/policy-status';
import { waitFor } from './harness/wait-for';

/** Blocked by default on dashboards; the policy allows it everywhere, so the verdict and the server record differ. */
const VENDOR = 'amplitude';
const POLICY = { allowedVendors: [{ vendor: VENDOR, dashboards: ['*'] }] };

let lock: PolicyLock | undefined;
let fixture: FixtureServer;

beforeAll(async () => {
  lock = await acquirePolicyLock();
  fixture = await startFixtureServer();
});
afterAll(async () => {
  await fixture?.close();
  lock?.release();
});

/**
 * An extension page to ask the browser things from. Chromium: a popup with no tab (opened by the test, so nothing
 * but the popup's own questions reach the background); Firefox: the options page the test build opens itself.
 */
async function homePage(session: ExtensionBrowser): Promise<Page> {
  if (session.kind === 'firefox') return optionsPage(session);
  return session.openPage(`${session.extensionBaseUrl}popup.html?tabId=-1`);
}

const vendorRows = (rows: readonly PopupRow[]): PopupRow[] => rows.filter((r) => r.vendor === VENDOR);

describe.each(BROWSER_KINDS)('The audit from the first second in %s', (kind) => {
  const run = `first-second-${kind}`;
  const startUrl = siteUrl('dashboard', { run });
  let launched: PolicyLaunch | undefined;

  beforeAll(async () => {
    launched = await launchWithPolicyFile(kind, POLICY, () =>
      launchOnFirstPage(kind, { fixture, build: 'test', startUrl }),
    );
  });
  afterAll(() => closePolicyLaunch(launched));

  test('rows at once; a verdict judged again under the policy is marked with what it was; the policy in force after', async () => {
    if (!launched) throw new Error(`${kind} with Dashguard and its policy did not start`);
    const { session } = launched;
    const home = await homePage(session);
    const prefix = `https://${SITES.dashboard}/`;
    const tabId = await waitFor('the first page in a tab', async () => tabIdOf(home, prefix).catch(() => undefined));
    const popup = await openExtensionPage(session, home, `popup.html?tabId=${tabId}`);
    // The first rows: whatever the policy's state, the popup lists the page's third parties.
    const first = await waitForPopupRows(popup, 'the first rows', (rows) => rows.length > 0);
    expect(first.length).toBeGreaterThan(0);

    const page = await session.findPage((url) => url.startsWith(startUrl));
    await waitForPageSettled(page, fixture, run);
    let status: PolicyStatus | undefined;
    await waitFor(
      'the extension to report the policy file',
      async () => {
        status = await policyStatus(home);
        return status.source === 'managed' && status.policy.allowedVendors.some((a) => a.vendorId === VENDOR)
          ? true
          : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 250, describeFailure: () => `Last policy/get: ${JSON.stringify(status)}.` },
    );

    // Once the log holds the page's Amplitude records (logged with the settled verdict), the popup agrees with it.
    const source = `https://${SITES.dashboard} tab ${tabId}`;
    let records: AuditLogExport['records'] = [];
    let rows: PopupRow[] = [];
    await waitFor(
      "the first page's Amplitude records in the log and the popup",
      async () => {
        records = (await sendFromPage<AuditLogExport>(home, AUDIT_EXPORT_LOG, null)).records.filter(
          (r) => r.source === source && r.vendor.id === VENDOR,
        );
        const state = await readPopupRows(popup);
        rows = vendorRows(state.rows);
        const logged = new Set(records.map((r) => `${r.status} ${r.url}`));
        return !state.busy && records.length > 0 && rows.every((r) => logged.has(`${r.status} ${r.url}`))
          ? true
          : undefined;
      },
      {
        timeoutMs: 45_000,
        intervalMs: 250,
        describeFailure: () =>
          `Log: ${records.map((r) => `${r.status}/${r.changedFrom ?? '-'} ${r.url}`).join('; ')}. Popup: ${rows
            .map((r) => `${r.status}/${r.flags.join('+')} ${r.url}`)
            .join('; ')}`,
      },
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const record of records) {
      if (record.changedFrom === undefined) {
        // Judged once: before the policy was in force (as the defaults say) or after (as the policy says).
        expect(['blocked', 'allowed-policy']).toContain(record.status);
      } else {
        // Judged first with the policy at hand (none on a fresh profile: the defaults block it), then with the policy.
        expect({ status: record.status, changedFrom: record.changedFrom }).toEqual({
          status: 'allowed-policy',
          changedFrom: 'blocked',
        });
      }
    }
    for (const row of rows) {
      const record = records.find((r) => r.status === row.status && r.url === row.url);
      expect({ url: row.url, marked: row.flags.includes('verdict-changed') }).toEqual({
        url: row.url,
        marked: record?.changedFrom !== undefined,
      });
    }

    // The control: loaded again (in a new tab) under the policy, Amplitude reaches the server, listed allowed, unmarked.
    fixture.log.clear();
    const againRun = `${run}-again`;
    const againUrl = siteUrl('dashboard', { run: againRun });
    const againPage = await session.openPage(againUrl);
    await waitForPageSettled(againPage, fixture, againRun);
    expect(requestsToVendor(fixture.log.all(), VENDOR).length).toBeGreaterThan(0);
    const againPopup = await openExtensionPage(session, home, `popup.html?tabId=${await tabIdOf(home, againUrl)}`);
    const again = await waitForPopupRows(againPopup, 'the page loaded again, with Amplitude', (current) =>
      vendorRows(current).some((r) => r.observed === 'loaded'),
    );
    expect(vendorRows(again).map((r) => [r.status, r.flags.includes('verdict-changed')])).toEqual(
      vendorRows(again).map(() => ['allowed-policy', false]),
    );
  });
});
