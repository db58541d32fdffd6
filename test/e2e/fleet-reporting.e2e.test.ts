/**
 * Fleet reporting, for real: the policy comes from the files an administrator writes (Chromium's managed policy
 * folder, Firefox's policies.json), the reports go to a fixture collector on its own host that answers CORS for the
 * extension's origin only, and every assertion is on what that collector received.
 *
 * One browser launch per policy and browser (Firefox reads policies.json once, at start-up). Reports use the shortest
 * interval a policy may set (10 s), so a batch is due 10 s after the first request at most.
 */
import type { Page } from 'puppeteer-core';
import { newPartiesTitle } from '../../src/audit/audit-badge';
import { NEW_THIRD_PARTIES_TAKE } from '../../src/audit/audit-page-messages';
import { isTabAudit, tabAuditKey } from '../../src/audit/audit-types';
import { TEST_FAIL_STORAGE, TEST_FLEET_QUEUE_LIMITS } from '../../src/background/test-surface';
import { FLEET_STATUS_GET, fleetStatusGet, type FleetStatus } from '../../src/fleet/fleet-status';
import { isReplyOf } from '../../src/messaging';
import { errorMessage } from '../../src/shared';
import { FLEET_PAUSE_STARTS_KEY } from '../../src/fleet/fleet-storage-layout';
import { SETTINGS_CHANGE, TAB_PAUSE_SET } from '../../src/settings/settings-messages';
import type { PolicyStatus } from '../../src/policy/policy-status';
import { decodeOtlpLogs, logRecordsOf } from '../unit/otlp-logs-decoder';
import { backgroundStarts, restartBackground } from './harness/background-lifecycle';
import { BROWSER_KINDS, launchWithDashguard, type BrowserKind, type ExtensionBrowser } from './harness/browsers';
import {
  COLLECTOR_HOST,
  createCollectorFixture,
  type CollectorFixture,
  type ReceivedBatch,
} from './harness/collector-fixture';
import { waitForPageSettled } from './harness/dashboard-page';
import { CHROMIUM_EXTENSION_ID } from './harness/extension-build';
import { openExtensionPage, optionsPage, sendFromPage, sessionStorageValue, tabIdOf } from './harness/extension-pages';
import { siteUrl } from './harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { FIREFOX_EXTENSION_UUID } from './harness/firefox';
import { acquirePolicyLock, type PolicyLock } from './harness/managed-policy-files';
import { closePolicyLaunch, launchWithPolicyFile, type PolicyLaunch } from './harness/policy-launch';
import { policyStatus, waitForPolicy } from './harness/policy-status';
import { waitFor } from './harness/wait-for';

/** Firefox stops an idle event page after this long (the default is 30 s), so the test can stop it. */
const FIREFOX_IDLE_TIMEOUT_MS = 1_000;

/** A dashboard page that loads one script from the third party its query names (none without one). */
const NEW_PARTY_PAGE = '/dg-fixture/fleet-new-party.html';
const NEW_PARTY_ASSETS = {
  [NEW_PARTY_PAGE]: {
    contentType: 'text/html',
    body: Buffer.from(
      '<!doctype html><title>New party</title><script>const party = new URLSearchParams(location.search).get("party"); if (party) { const s = document.createElement("script"); s.src = "https://" + party + "/lib.js"; s.onload = s.onerror = () => document.documentElement.dataset.partyDone = "1"; document.head.append(s); } else document.documentElement.dataset.partyDone = "1";</script>',
    ),
  },
};

/** Registrable domains a dashboard page loads only once in a session (so they are new on it then). */
const SECOND_PARTY_DOMAINS = BROWSER_KINDS.map((kind) => `sensitive-second-${kind}.example`);

const EXTENSION_ORIGINS = [`chrome-extension://${CHROMIUM_EXTENSION_ID}`, `moz-extension://${FIREFOX_EXTENSION_UUID}`];
const AUTHORIZATION = 'Bearer fleet-e2e-7d3f9a';
const INTERVAL_SECONDS = 10;
/** Blocked by default on dashboards; the fixture page loads it. */
const BLOCKED_VENDOR = 'amplitude';
/** A batch is due one interval after the first request; a background asleep then sends at its next start. */
const DELIVERY_TIMEOUT_MS = 90_000;

let lock: PolicyLock | undefined;
let fixture: FixtureServer;
const collector: CollectorFixture = createCollectorFixture((origin) => EXTENSION_ORIGINS.includes(origin));

beforeAll(async () => {
  lock = await acquirePolicyLock();
  fixture = await startFixtureServer({
    hostHandlers: { [COLLECTOR_HOST]: collector.handler },
    assets: NEW_PARTY_ASSETS,
  });
});
afterAll(async () => {
  await fixture?.close();
  lock?.release();
});

interface Launched {
  readonly session: ExtensionBrowser;
  readonly options: Page;
}

/**
 * One launch of `kind` that reads `policy` from the real policy file; Firefox's file is removed once it has started,
 * Chromium's when the block ends. Waits until the extension reports the policy.
 */
function launchWithPolicy(
  kind: BrowserKind,
  policy: Record<string, unknown>,
  accept: (status: PolicyStatus) => boolean,
): () => Launched {
  let launched: PolicyLaunch | undefined;
  let options: Page | undefined;
  beforeAll(async () => {
    launched = await launchWithPolicyFile(kind, policy, () =>
      launchWithDashguard(kind, {
        fixture,
        build: 'test',
        extraDomains: ['fleet.example', ...SECOND_PARTY_DOMAINS],
        firefoxPrefs: { 'extensions.background.idle.timeout': FIREFOX_IDLE_TIMEOUT_MS },
      }),
    );
    options = await optionsPage(launched.session);
    await waitForPolicy(options, 'the policy file', (status) => status.source === 'managed' && accept(status));
  });
  afterAll(() => closePolicyLaunch(launched));
  return () => {
    if (!launched || !options) throw new Error(`${kind} with Dashguard and its policy did not start`);
    return { session: launched.session, options };
  };
}

async function fleetStatus(page: Page): Promise<FleetStatus> {
  const value = await sendFromPage<unknown>(page, FLEET_STATUS_GET, null);
  if (!isReplyOf(fleetStatusGet, value)) throw new Error(`fleet/status answered ${JSON.stringify(value)}`);
  return value;
}

/**
 * Loads the fixture dashboard (every curated vendor) with query values that must never reach a report, and closes it
 * once the extension has stored the page's audit: its blocked vendor among the tab's rows, and no report for half a
 * second. A tab closed sooner can take reports still in its content script with it (CI saw a visit counted nothing
 * in Firefox: status "waiting 0" after the page), and these tests are about what happens to reports once stored.
 */
async function visitDashboard(session: ExtensionBrowser, options: Page, run: string, secret: string): Promise<void> {
  const url = siteUrl('dashboard', { run, token: secret });
  const page = await session.openPage(url);
  try {
    await waitForPageSettled(page, fixture, run);
    const tabId = await tabIdOf(options, page.url());
    let marks = '';
    let stableSince = 0;
    let seen = 'nothing';
    await waitFor(
      `the audit of the dashboard tab (run ${run}) to be stored`,
      async () => {
        const value = await sessionStorageValue(options, tabAuditKey(tabId));
        const audit = isTabAudit(value) ? value : undefined;
        seen =
          audit === undefined
            ? `no audit (${value === undefined ? 'none stored' : 'not in the tab audit format'})`
            : `${audit.entries.length} rows, stored ${JSON.stringify(audit.stored)}`;
        if (audit === undefined || !audit.entries.some((entry) => entry.vendor.id === BLOCKED_VENDOR)) return undefined;
        const now = JSON.stringify(audit.stored);
        if (now !== marks) {
          marks = now;
          stableSince = Date.now();
          return undefined;
        }
        return Date.now() - stableSince >= 500 ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, describeFailure: () => `The tab's audit: ${seen}.` },
    );
  } finally {
    await page.close();
  }
}

/** A time of day (UTC), to the millisecond: enough to set a status beside the batches' times. */
const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 23);

/** A fleet status in a timeout's message, the error first: a failure digest keeps only the start of a message. */
const statusInBrief = (s: FleetStatus): string =>
  `lastError ${JSON.stringify(s.lastError ?? null)}, waiting ${s.waiting}, ` +
  `lastSentAt ${s.lastSentAt === undefined ? 'never' : clock(s.lastSentAt)}, enabled ${String(s.enabled)}`;

/**
 * Waits until `find` returns a batch the collector received; returns it. Asks the extension for its fleet status
 * meanwhile, as an open options page would: that keeps a background awake (Firefox's here sleeps after 1 s idle), so
 * its timer sends the batch when its interval ends. On timeout, says what the collector received since `since` and
 * what the extension last said (or why it could not), so a failure tells a silent reporter from an unreachable one.
 */
function waitForCollector(
  options: Page,
  what: string,
  since: number,
  find: () => ReceivedBatch | undefined,
  intervalMs = 250,
): Promise<ReceivedBatch> {
  let lastStatus = 'none yet';
  // How often the background started meanwhile: a Firefox event page stopped and started again in a loop sends
  // nothing, and says so here.
  const startsAtFirst = backgroundStarts(options).catch(() => 'unknown');
  return waitFor(
    `the collector to ${what}`,
    async () => {
      try {
        lastStatus = `${clock(Date.now())} ${statusInBrief(await fleetStatus(options))}`;
      } catch (error) {
        lastStatus = `${clock(Date.now())} failed: ${errorMessage(error)}`;
      }
      return find();
    },
    {
      timeoutMs: DELIVERY_TIMEOUT_MS,
      intervalMs,
      describeFailure: async () => {
        const received = collector.received
          .filter((b) => b.time >= since)
          .map((b) => ({ afterMs: b.time - since, status: b.status, path: b.path, bytes: b.body.length }));
        const startsNow = await backgroundStarts(options).catch(() => 'unknown');
        // The status first: a digest of the failure keeps only its first few hundred characters.
        return (
          `Last fleet/status: ${lastStatus}. ` +
          `Background starts: ${String(await startsAtFirst)} at first, ${String(startsNow)} now. ` +
          `Received: ${JSON.stringify(received)}.`
        );
      },
    },
  );
}

/** Waits until the collector has accepted a batch for which `matches` holds (see waitForCollector). */
const waitForBatch = (
  options: Page,
  what: string,
  since: number,
  matches: (batch: ReceivedBatch) => boolean,
): Promise<ReceivedBatch> =>
  waitForCollector(options, `receive ${what}`, since, () =>
    collector.accepted().find((batch) => batch.time >= since && matches(batch)),
  );

/** Every OTLP record of every accepted batch since `since`, flattened. */
function otlpRecordsSince(since: number, origin: string) {
  return collector
    .accepted()
    .filter((b) => b.time >= since && b.origin === origin)
    .flatMap((b) => logRecordsOf(decodeOtlpLogs(b.body)));
}

const originOf = (session: ExtensionBrowser): string => session.extensionBaseUrl.replace(/\/$/, '');

/** Event ids (log.record.uid) of OTLP batches, with their event names. */
const otlpEvents = (batches: readonly ReceivedBatch[]) =>
  batches.flatMap((b) =>
    logRecordsOf(decodeOtlpLogs(b.body)).map(({ attributes }) => ({
      id: String(attributes['log.record.uid']),
      name: String(attributes['event.name']),
      attributes,
    })),
  );

/** Polls fleet/status (which keeps the background awake, so its retry timer runs) until `accept` holds. */
async function waitForFleet(
  options: Page,
  what: string,
  accept: (status: FleetStatus) => boolean,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<FleetStatus> {
  let last: FleetStatus | undefined;
  return waitFor(
    what,
    async () => {
      last = await fleetStatus(options);
      return accept(last) ? last : undefined;
    },
    {
      timeoutMs,
      intervalMs: 250,
      describeFailure: () => `Last fleet/status: ${last === undefined ? 'none' : statusInBrief(last)}.`,
    },
  );
}

describe.each(BROWSER_KINDS)('Fleet reporting in %s', (kind) => {
  describe('OTLP/HTTP JSON to an OpenTelemetry collector', () => {
    const ready = launchWithPolicy(
      kind,
      {
        fleetReporting: {
          endpoint: `https://${COLLECTOR_HOST}/v1/logs`,
          format: 'otlp-json',
          authorization: AUTHORIZATION,
          intervalSeconds: INTERVAL_SECONDS,
          deviceLabel: `e2e-${kind}`,
        },
      },
      (s) => s.policy.fleetReporting?.format === 'otlp-json',
    );

    test('the collector receives OTLP logs that decode with the official definitions, name the dashboard and the blocked vendor, carry the Authorization header as given and no query value', async () => {
      const { session, options } = ready();
      const since = Date.now();
      const run = `${kind}-otlp-${since}`;
      const secret = `qv${since}secret`;
      await visitDashboard(session, options, run, secret);
      const origin = originOf(session);
      const batch = await waitForBatch(
        options,
        `an OTLP batch naming ${BLOCKED_VENDOR} blocked on circleci`,
        since,
        (b) =>
          b.origin === origin &&
          logRecordsOf(decodeOtlpLogs(b.body)).some(
            ({ attributes }) =>
              attributes['dashguard.vendor.id'] === BLOCKED_VENDOR && attributes['dashguard.dashboard'] === 'circleci',
          ),
      );
      expect({ path: batch.path, authorization: batch.authorization, contentType: batch.contentType }).toEqual({
        path: '/v1/logs',
        authorization: AUTHORIZATION,
        contentType: 'application/json',
      });

      const request = decodeOtlpLogs(batch.body);
      const resource = Object.fromEntries(
        (request.resourceLogs[0]?.resource.attributes ?? []).map((a) => [a.key, a.value.stringValue]),
      );
      expect(resource).toMatchObject({
        'service.name': 'dashguard',
        'service.version': expect.any(String),
        'dashguard.browser': kind === 'chromium' ? 'chrome' : 'firefox',
        'dashguard.device.label': `e2e-${kind}`,
      });
      expect(resource['dashguard.policy.hash']).toMatch(/^[0-9a-f]{64}$/);
      const blocked = otlpRecordsSince(since, origin).filter(
        ({ attributes }) => attributes['dashguard.vendor.id'] === BLOCKED_VENDOR,
      );
      expect(
        blocked.map(({ attributes }) => [
          attributes['event.name'],
          attributes['dashguard.dashboard'],
          attributes['dashguard.verdict'],
        ]),
      ).toContainEqual(['dashguard.requests', 'circleci', 'blocked']);
      expect(
        blocked.every(
          ({ attributes }) => typeof attributes['log.record.uid'] === 'string' && attributes['log.record.uid'] !== '',
        ),
      ).toBe(true);

      // No query value anywhere: not the page's, not the vendors' (their URLs carry the run too).
      for (const received of collector.received.filter((b) => b.time >= since)) {
        expect(received.body).not.toContain(secret);
        expect(received.body).not.toContain(run);
        expect(received.body).not.toContain('?');
      }
      // CORS: the browser asked, and the collector allowed this extension's origin alone.
      expect(collector.preflights).toContain(origin);

      // The person sees where reports go and when the last batch went.
      const status = await fleetStatus(options);
      expect(status).toMatchObject({ enabled: true, host: COLLECTOR_HOST });
      expect(status.lastSentAt).toBeGreaterThanOrEqual(since);
      // The options page follows it live.
      await options.bringToFront();
      const line = await options.waitForFunction(
        () => {
          const slot = document.querySelector<HTMLElement>('[data-dg="fleet-status"]');
          return slot !== null && !slot.hidden && (slot.textContent ?? '').includes('last batch sent at')
            ? slot.textContent
            : undefined;
        },
        { timeout: 30_000 },
      );
      expect(await line.jsonValue()).toMatch(
        new RegExp(
          `^Reports go to ${COLLECTOR_HOST.replace(/\./g, '\\.')}, set by your organisation; last batch sent at .+, \\d+ waiting`,
        ),
      );
    }, 180_000);

    test('collector down, background stopped twice, collector back: every event is delivered, none twice', async () => {
      const { session, options } = ready();
      const origin = originOf(session);
      const since = Date.now();
      collector.setMode({ kind: 'down' });
      try {
        await visitDashboard(session, options, `${kind}-down-${since}`, `qv${since}down`);
        await waitForCollector(options, 'refuse a batch', since, () =>
          collector.received.find((b) => b.time >= since && b.status === 503),
        );
        await restartBackground(session, options, FIREFOX_IDLE_TIMEOUT_MS);
        await visitDashboard(session, options, `${kind}-down2-${since}`, `qv${since}down2`);
        await restartBackground(session, options, FIREFOX_IDLE_TIMEOUT_MS);
        // Retried after the stops, from what was stored: refused again.
        await waitForFleet(
          options,
          'a retry after the stops',
          () => collector.received.filter((b) => b.time >= since && b.status === 503).length >= 2,
        );
      } finally {
        collector.setMode({ kind: 'up' });
      }
      await waitForFleet(options, 'the queue to be delivered', (s) => s.waiting === 0 && s.lastError === undefined);
      const refused = otlpEvents(
        collector.received.filter((b) => b.time >= since && b.origin === origin && b.status === 503),
      );
      const accepted = otlpEvents(collector.accepted().filter((b) => b.time >= since && b.origin === origin));
      const acceptedIds = accepted.map((e) => e.id);
      expect(refused.length).toBeGreaterThan(0);
      // Every event the collector refused arrived later, and no event arrived twice.
      expect(refused.map((e) => e.id).filter((id) => !acceptedIds.includes(id))).toEqual([]);
      expect(acceptedIds.length).toBe(new Set(acceptedIds).size);
      expect(accepted.some((e) => e.attributes['dashguard.vendor.id'] === BLOCKED_VENDOR)).toBe(true);
    }, 300_000);

    test('a collector answering 429 with Retry-After is not asked again before that time', async () => {
      const { session, options } = ready();
      const since = Date.now();
      const RETRY_AFTER_S = 6;
      collector.setMode({ kind: 'throttle', retryAfterSeconds: RETRY_AFTER_S });
      let throttled: ReceivedBatch;
      try {
        await visitDashboard(session, options, `${kind}-429-${since}`, `qv${since}429`);
        throttled = await waitForCollector(
          options,
          'answer 429',
          since,
          () => collector.received.find((b) => b.time >= since && b.status === 429),
          100,
        );
      } finally {
        collector.setMode({ kind: 'up' });
      }
      await waitForFleet(
        options,
        'the throttled batch to be delivered',
        (s) => s.waiting === 0 && s.lastError === undefined,
      );
      const next = collector.received.find((b) => b.time > throttled.time && b.origin === originOf(session));
      // Without Retry-After the first retry would come after 1 to 2 s (exponential backoff with jitter).
      expect((next?.time ?? 0) - throttled.time).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000);
      expect(
        otlpEvents([throttled])
          .map((e) => e.id)
          .every((id) =>
            otlpEvents(collector.accepted().filter((b) => b.time > throttled.time)).some((e) => e.id === id),
          ),
      ).toBe(true);
    }, 180_000);

    test('a batch whose delivery could not be recorded (storage failing) is sent again under the same ids, and the queue empties once storage is back, with no new page', async () => {
      const { session, options } = ready();
      const origin = originOf(session);
      const since = Date.now();
      let first: ReceivedBatch;
      // The collector refuses at first, so the events are surely still queued when storage starts failing.
      collector.setMode({ kind: 'down' });
      try {
        try {
          await visitDashboard(session, options, `${kind}-storage-${since}`, `qv${since}storage`);
          await waitForCollector(options, 'refuse a batch', since, () =>
            collector.received.find((b) => b.time >= since && b.origin === origin && b.status === 503),
          );
          // From here every write to storage.local fails (test build): the acknowledgement of a sent batch too.
          await sendFromPage(options, TEST_FAIL_STORAGE, { local: true, session: false });
        } finally {
          collector.setMode({ kind: 'up' });
        }
        first = await waitForBatch(options, 'the batch while storage fails', since, (b) => b.origin === origin);
        const failing = await waitForFleet(options, 'the status to name the error', (s) =>
          (s.lastError ?? '').startsWith('an error inside Dashguard'),
        );
        expect(failing.lastError).toBe('an error inside Dashguard: simulated storage failure (test build)');
        expect(failing.waiting).toBeGreaterThan(0);
      } finally {
        await sendFromPage(options, TEST_FAIL_STORAGE, { local: false, session: false });
      }
      // No page is opened from here: only the reporter's own retry can empty the queue.
      await waitForFleet(options, 'the queue to empty', (s) => s.waiting === 0 && s.lastError === undefined);
      const firstIds = otlpEvents([first]).map((e) => e.id);
      // Sent again under the same ids (a collector drops the duplicates by id), by a retry.
      const againIds = otlpEvents(collector.accepted().filter((b) => b.time > first.time && b.origin === origin)).map(
        (e) => e.id,
      );
      expect(firstIds.length).toBeGreaterThan(0);
      expect(firstIds.filter((id) => !againIds.includes(id))).toEqual([]);
    }, 300_000);

    test('a full queue drops the oldest events and says how many, in the next batch', async () => {
      const { session, options } = ready();
      const since = Date.now();
      const MAX_EVENTS = 5;
      await sendFromPage(options, TEST_FLEET_QUEUE_LIMITS, { maxEvents: MAX_EVENTS, maxBytes: 1_000_000 });
      try {
        // One page: a requests event per vendor and status, far more than five.
        await visitDashboard(session, options, `${kind}-full-${since}`, `qv${since}full`);
        const batch = await waitForBatch(
          options,
          'a batch that says events were dropped',
          since,
          (b) => b.origin === originOf(session) && otlpEvents([b]).some((e) => e.name === 'dashguard.dropped'),
        );
        const events = otlpEvents([batch]);
        expect(events[0]?.name).toBe('dashguard.dropped');
        expect(Number(events[0]?.attributes['dashguard.dropped.count'])).toBeGreaterThan(0);
        expect(events.length).toBeLessThanOrEqual(MAX_EVENTS + 1);
      } finally {
        await sendFromPage(options, TEST_FLEET_QUEUE_LIMITS, null);
      }
    }, 180_000);

    test('a third party new on a dashboard is marked new once, counted on the badge, and reported', async () => {
      const { session, options } = ready();
      const since = Date.now();
      const party = `newparty-${kind}.fleet.example`;
      // Whatever the earlier pages of this session loaded after the dashboard's first (its baseline) was new too: the
      // person has seen those (as the popup would ask), so this party alone waits.
      await sendFromPage(options, NEW_THIRD_PARTIES_TAKE, { dashboard: 'circleci', tabId: -1 });
      // A page of the dashboard without it first: whatever else the dashboard loaded, this party it never did.
      const bare = await session.openPage(`https://app.circleci.com${NEW_PARTY_PAGE}?run=bare-${since}`);
      await bare.waitForSelector('html[data-party-done]', { timeout: 20_000 });
      await bare.close();
      const url = `https://app.circleci.com${NEW_PARTY_PAGE}?run=new-${since}&party=${party}`;
      const page = await session.openPage(url);
      try {
        await page.waitForSelector('html[data-party-done]', { timeout: 20_000 });
        const tabId = await tabIdOf(options, page.url());
        // Until the person has seen it, the badge counts it ("+1", amber) and its title says so and the blocked count.
        const badgeState = () =>
          options.evaluate(async (id: number) => {
            const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
            const [title, color, text] = await Promise.all([
              api.action.getTitle({ tabId: id }),
              api.action.getBadgeBackgroundColor({ tabId: id }),
              api.action.getBadgeText({ tabId: id }),
            ]);
            return { title, color: [...color], text };
          }, tabId);
        let lastBadge: unknown;
        await waitFor(
          'the badge to count the new third party',
          async () => {
            const state = await badgeState();
            lastBadge = state;
            return state.title.startsWith(newPartiesTitle(1, 0).split(';')[0] ?? '') ? true : undefined;
          },
          { timeoutMs: 20_000, intervalMs: 250, describeFailure: () => `Last badge: ${JSON.stringify(lastBadge)}.` },
        );
        // Nothing on this page is blocked (the party is an unknown third party, allowed): the title says 0.
        expect(await badgeState()).toEqual({
          title: newPartiesTitle(1, 0),
          color: [0xb5, 0x47, 0x08, expect.any(Number)],
          text: '+1',
        });
        const first = await openExtensionPage(session, options, `popup.html?tabId=${tabId}`);
        const marked = await first.waitForFunction(
          () => {
            const audit = document.getElementById('audit');
            if (audit?.dataset.newChecked === undefined || audit.getAttribute('aria-busy') !== 'false')
              return undefined;
            return [...document.querySelectorAll<HTMLElement>('li.group[data-new="true"]')].map((g) => ({
              group: g.dataset.group,
              flag: g.querySelector('[data-flag="new"]')?.textContent,
            }));
          },
          { timeout: 20_000 },
        );
        expect(await marked.jsonValue()).toEqual([{ group: 'unknown:fleet.example', flag: 'new' }]);
        await first.close();
        // Seen: the badge is the usual one again, the blocked count (none on this page: no number).
        await waitFor(
          'the badge to stop counting it',
          async () => ((await badgeState()).title === 'Dashguard' ? true : undefined),
          { timeoutMs: 20_000, intervalMs: 250 },
        );
        expect(await badgeState()).toEqual({
          title: 'Dashguard',
          color: [0xb4, 0x23, 0x18, expect.any(Number)],
          text: '',
        });
        // Seen: the next popup marks nothing.
        const second = await openExtensionPage(session, options, `popup.html?tabId=${tabId}`);
        await second.waitForSelector('#audit[data-new-checked="0"]', { timeout: 20_000 });
        expect(await second.$$eval('[data-new="true"]', (items) => items.length)).toBe(0);
        await second.close();
      } finally {
        await page.close();
      }
      const batch = await waitForBatch(options, 'the new third party event', since, (b: ReceivedBatch) =>
        otlpEvents([b]).some((e) => e.name === 'dashguard.new-third-party' && e.attributes['server.address'] === party),
      );
      expect(
        otlpEvents([batch])
          .filter((e) => e.name === 'dashguard.new-third-party')
          .map((e) => [e.attributes['dashguard.dashboard'], e.attributes['dashguard.vendor.name']]),
      ).toContainEqual(['circleci', 'fleet.example']);
    }, 180_000);

    test('a tab pause on a dashboard is reported when it ends, with the dashboard and its duration', async () => {
      const { session, options } = ready();
      const since = Date.now();
      const url = `https://app.circleci.com${NEW_PARTY_PAGE}?run=pause-${since}&token=qv${since}pause`;
      const page = await session.openPage(url);
      try {
        await page.waitForSelector('html[data-party-done]', { timeout: 20_000 });
        const tabId = await tabIdOf(options, page.url());
        await sendFromPage(options, TAB_PAUSE_SET, { tabId, paused: true });
        // The background notes when (and where) the pause began; the event goes when it ends.
        await waitFor(
          'the pause to be noted',
          async () => {
            const starts = await sessionStorageValue(options, FLEET_PAUSE_STARTS_KEY);
            return typeof starts === 'object' && starts !== null && String(tabId) in starts ? true : undefined;
          },
          { timeoutMs: 20_000, intervalMs: 100 },
        );
        const PAUSED_AT_LEAST_MS = 2_500;
        await new Promise((resolve) => setTimeout(resolve, PAUSED_AT_LEAST_MS));
        await sendFromPage(options, TAB_PAUSE_SET, { tabId, paused: false });
      } finally {
        await page.close();
      }
      const batch = await waitForBatch(options, 'the tab pause event', since, (b) =>
        otlpEvents([b]).some((e) => e.name === 'dashguard.tab-pause'),
      );
      const pauses = otlpEvents([batch]).filter((e) => e.name === 'dashguard.tab-pause');
      expect(pauses).toHaveLength(1);
      expect(pauses[0]?.attributes['dashguard.dashboard']).toBe('circleci');
      // Paused for 2.5 s at least (measured from after the background noted the start), so 3 s once rounded.
      expect(Number(pauses[0]?.attributes['dashguard.pause.duration_s'])).toBeGreaterThanOrEqual(3);
      for (const received of collector.received.filter((b) => b.time >= since))
        expect(received.body).not.toContain(`qv${since}pause`);
    }, 180_000);

    test('a rule a person changed is reported with the vendor, the dashboard and the direction, and so is its removal', async () => {
      const { options } = ready();
      const since = Date.now();
      await sendFromPage(options, SETTINGS_CHANGE, {
        kind: 'set-dashboard-vendor',
        dashboard: 'circleci',
        vendorId: BLOCKED_VENDOR,
        action: 'allow',
      });
      await sendFromPage(options, SETTINGS_CHANGE, {
        kind: 'set-dashboard-vendor',
        dashboard: 'circleci',
        vendorId: BLOCKED_VENDOR,
        action: null,
      });
      const changes = () =>
        otlpEvents(collector.accepted().filter((b) => b.time >= since))
          .filter((e) => e.name === 'dashguard.rule-change')
          .map((e) => [
            e.attributes['dashguard.vendor.id'],
            e.attributes['dashguard.dashboard'],
            e.attributes['dashguard.rule.direction'],
          ]);
      await waitForBatch(options, 'both rule changes', since, () => changes().length >= 2);
      expect(changes()).toEqual([
        [BLOCKED_VENDOR, 'circleci', 'allow'],
        [BLOCKED_VENDOR, 'circleci', 'default'],
      ]);
    }, 180_000);

    test('a sensitive page shown without strict mode is reported once per document, redacted', async () => {
      const { session, options } = ready();
      const since = Date.now();
      const secret = `qv${since}sensitive`;
      const url = `https://app.circleci.com${NEW_PARTY_PAGE}?run=sensitive-${since}&token=${secret}`;
      // Loaded as an ordinary page: no strict mode in this document.
      const page = await session.openPage(url);
      const pattern = `app.circleci.com${NEW_PARTY_PAGE}`;
      try {
        await page.waitForSelector('html[data-party-done]', { timeout: 20_000 });
        // The person makes it sensitive while it is open: the page in the tab is now a sensitive page shown unprotected.
        await sendFromPage(options, SETTINGS_CHANGE, { kind: 'add-sensitive-page', pattern });
        const load = (host: string) =>
          page.evaluate(
            (src: string) =>
              new Promise<void>((resolve) => {
                const script = document.createElement('script');
                script.src = src;
                script.onload = script.onerror = () => resolve();
                document.head.append(script);
              }),
            `https://${host}/lib.js?token=${secret}`,
          );
        // Something on the page makes its content script report again.
        await load(`sensitive-${kind}.fleet.example`);
        const unprotected = () =>
          otlpEvents(collector.accepted().filter((b) => b.time >= since && b.origin === originOf(session))).filter(
            (e) => e.name === 'dashguard.sensitive-unprotected',
          );
        await waitForBatch(options, 'the sensitive page event', since, () => unprotected().length > 0);
        expect(
          unprotected().map((e) => [e.attributes['dashguard.dashboard'], String(e.attributes['url.full'])]),
        ).toEqual([
          [
            'circleci',
            expect.stringMatching(
              new RegExp(`^https://app\\.circleci\\.com${NEW_PARTY_PAGE.replace(/\./g, '\\.')}\\?`),
            ),
          ],
        ]);
        // The same document reports again (a third party new on the dashboard this time, so its event says when the
        // report was handled): no second event for the page.
        const second = `sensitive-second-${kind}.example`;
        await load(second);
        await waitForBatch(options, 'the second report', since, (b) =>
          otlpEvents([b]).some(
            (e) => e.name === 'dashguard.new-third-party' && e.attributes['server.address'] === second,
          ),
        );
        await waitForFleet(options, 'the queue to be delivered', (s) => s.waiting === 0);
        expect(unprotected()).toHaveLength(1);
      } finally {
        await sendFromPage(options, SETTINGS_CHANGE, { kind: 'remove-sensitive-page', pattern: `||${pattern}` });
        await page.close();
      }
      for (const received of collector.received.filter((b) => b.time >= since)) {
        expect(received.body).not.toContain(secret);
        expect(received.body).not.toContain(`sensitive-${since}`);
      }
    }, 240_000);
  });

  describe('Splunk HTTP Event Collector', () => {
    const ready = launchWithPolicy(
      kind,
      {
        fleetReporting: {
          endpoint: `https://${COLLECTOR_HOST}/services/collector/event`,
          format: 'splunk-hec',
          authorization: 'Splunk 0e5c-e2e-token',
          intervalSeconds: INTERVAL_SECONDS,
        },
      },
      (s) => s.policy.fleetReporting?.format === 'splunk-hec',
    );

    test('the collector receives HEC events with sourcetype dashguard, an id each, the Authorization header as given, and no query value', async () => {
      const { session, options } = ready();
      const since = Date.now();
      const run = `${kind}-hec-${since}`;
      const secret = `qv${since}hec`;
      await visitDashboard(session, options, run, secret);
      const origin = originOf(session);
      const parse = (body: string): Record<string, unknown>[] =>
        body
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as Record<string, unknown>);
      const batch = await waitForBatch(
        options,
        `a HEC batch naming ${BLOCKED_VENDOR} blocked on circleci`,
        since,
        (b) =>
          b.origin === origin &&
          parse(b.body).some(
            (e) => (e.event as { vendor?: { id?: string }; dashboard?: string }).vendor?.id === BLOCKED_VENDOR,
          ),
      );
      expect({ path: batch.path, authorization: batch.authorization }).toEqual({
        path: '/services/collector/event',
        authorization: 'Splunk 0e5c-e2e-token',
      });
      const events = parse(batch.body);
      expect(
        events.every(
          (e) =>
            e.sourcetype === 'dashguard' &&
            typeof (e.event as { id?: unknown }).id === 'string' &&
            typeof e.time === 'number',
        ),
      ).toBe(true);
      expect(
        events
          .map((e) => e.event as { kind: string; dashboard: string; vendor?: { id: string }; verdict?: string })
          .filter((e) => e.vendor?.id === BLOCKED_VENDOR)
          .map((e) => [e.kind, e.dashboard, e.verdict]),
      ).toContainEqual(['requests', 'circleci', 'blocked']);
      // No device label in the policy: no identity in the events.
      expect(events.some((e) => 'host' in e)).toBe(false);
      for (const received of collector.received.filter((b) => b.time >= since)) {
        expect(received.body).not.toContain(secret);
        expect(received.body).not.toContain(run);
      }
    }, 180_000);
  });

  describe('a malformed fleetReporting', () => {
    const ready = launchWithPolicy(
      kind,
      {
        fleetReporting: { endpoint: `http://${COLLECTOR_HOST}/v1/logs`, format: 'otlp-json', intervalSeconds: 5 },
      },
      (s) => s.warnings.some((w) => w.startsWith('fleetReporting.')),
    );

    test('is refused by name in the options page, and nothing is sent', async () => {
      const { session, options } = ready();
      const status = await policyStatus(options);
      expect(status.policy.fleetReporting).toBeUndefined();
      expect(status.warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^fleetReporting\.endpoint: "http:\/\/collector\.fleet\.example\/v1\/logs" is not https .*; reporting is off\.$/,
          ),
          expect.stringMatching(
            /^fleetReporting\.intervalSeconds: 5 must be a whole number of seconds from 10 to 86,400; reporting is off\.$/,
          ),
        ]),
      );
      await options.bringToFront();
      await options.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-dg="policy-warning"]')].some((item) =>
            (item.textContent ?? '').startsWith('fleetReporting.endpoint:'),
          ),
        { timeout: 15_000 },
      );
      expect(await fleetStatus(options)).toMatchObject({ enabled: false, waiting: 0 });
      expect(await options.$eval('[data-dg="fleet-status"]', (el) => (el as HTMLElement).hidden)).toBe(true);

      const since = Date.now();
      await visitDashboard(session, options, `${kind}-malformed-${since}`, `qv${since}`);
      // Two of the intervals the policy asked for, and one of the shortest a valid policy may set, have passed: a
      // report would have been due. (The OTLP test above is the control: the same page, a valid policy, a batch.)
      await new Promise((resolve) => setTimeout(resolve, (INTERVAL_SECONDS + 2) * 1000));
      expect(collector.received.filter((b) => b.time >= since)).toEqual([]);
      expect(fixture.log.all().filter((r) => r.host === COLLECTOR_HOST && r.time >= since)).toEqual([]);
    }, 180_000);
  });
});
