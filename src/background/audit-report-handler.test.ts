import { FakeStorageArea } from '../../test/unit/fake-storage-area';
import { testCatalog } from '../../test/unit/test-catalog';
import { createAuditClassifier } from '../audit/audit-classify';
import { AUDIT_REPORT } from '../audit/audit-messages';
import { tabAuditKey, type TabAudit } from '../audit/audit-types';
import { firstScreenKey } from '../audit/stored-first-screen';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import { createAuditBadge } from '../audit/audit-badge';
import { createAuditLogStore } from '../audit/audit-log-store';
import { auditUrlWriter } from '../audit/keep-full-urls';
import { createAuditReportHandler } from './audit-report-handler';
import { createMessageRouter } from './message-router';
import { createTabAuditStore } from '../audit/tab-audit-store';

const { catalog } = testCatalog();
const EXTENSION = { extensionId: 'dashguard', extensionOrigin: 'chrome-extension://dashguard/' };
const TOP = { id: 'dashguard', url: 'https://app.ci.example/pipelines#step-3', tab: { id: 12 }, frameId: 0 };

function setup(keepFull = false) {
  const session = new FakeStorageArea();
  const local = new FakeStorageArea();
  const badges: { tabId: number; text: string }[] = [];
  const auditLog = createAuditLogStore({ area: local, now: () => 10_000, retentionDays: async () => 30 });
  const tabAudits = createTabAuditStore(session);
  /** What fleet reporting was told: the document key and the sequence numbers. */
  const counted: string[] = [];
  const handler = createAuditReportHandler({
    classifier: async () =>
      createAuditClassifier({ catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] }),
    urlWriter: async () => auditUrlWriter(keepFull),
    tabAudits,
    onStored: ({ documentKey, observations }) =>
      void counted.push(`${documentKey} ${observations.map((o) => o.seq).join(',')}`),
    auditLog,
    badge: createAuditBadge({
      setBadgeText: async (d) => void badges.push(d),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    }),
    now: () => 10_000,
  });
  const route = createMessageRouter({ [AUDIT_REPORT]: handler }, EXTENSION);
  return { session, local, badges, auditLog, tabAudits, counted, route };
}

const obs = (seq: number, url: string, extra: Record<string, unknown> = {}) => ({
  seq,
  url,
  urlTruncated: false,
  type: 'script',
  observed: 'failed',
  integrity: false,
  time: 5_000 + seq,
  ...extra,
});
const report = (observations: unknown[], extra: Record<string, unknown> = {}) => ({
  type: AUDIT_REPORT,
  payload: { instanceId: 'abc-1', timeOrigin: 4_000, observations, ...extra },
});

describe('audit/report', () => {
  it('right after start-up: rows stored at once with the policy at hand, judged again when the policy arrives, a changed verdict marked', async () => {
    const session = new FakeStorageArea();
    const local = new FakeStorageArea();
    const auditLog = createAuditLogStore({ area: local, now: () => 10_000, retentionDays: async () => 30 });
    const atHand = createAuditClassifier({ catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] });
    let arrive: (() => void) | undefined;
    const settled = new Promise<ReturnType<typeof createAuditClassifier>>((resolve) => {
      arrive = () =>
        resolve(
          createAuditClassifier({
            catalog,
            settings: DEFAULT_SETTINGS,
            policy: { ...NO_POLICY, blockedVendors: ['live'] },
            pausedTabs: [],
          }),
        );
    });
    const handler = createAuditReportHandler({
      classifier: () => settled,
      classifierAtHand: async () => ({ classifier: atHand, settled: false }),
      // The policy at hand redacts; the organisation's (arriving later) keeps full addresses.
      urlWriterAtHand: async () => auditUrlWriter(false),
      urlWriter: async () => auditUrlWriter(true),
      tabAudits: createTabAuditStore(session),
      auditLog,
      badge: createAuditBadge({
        setBadgeText: async () => undefined,
        setBadgeBackgroundColor: async () => undefined,
        setTitle: async () => undefined,
      }),
      now: () => 10_000,
    });
    const route = createMessageRouter({ [AUDIT_REPORT]: handler }, EXTENSION);
    const replied = route(report([obs(1, 'https://cdn.live.example/x.js?k=1', { observed: 'loaded' })]), TOP);
    // Before the policy arrives: the row is there (written as the policy at hand says), not yet acknowledged or logged.
    const early = await (async () => {
      for (let i = 0; i < 50; i += 1) {
        const audit = session.data.get(tabAuditKey(12)) as TabAudit | undefined;
        if (audit?.entries.length) return audit;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return undefined;
    })();
    expect(early?.entries.map((e) => [e.url, e.status])).toEqual([
      ['https://cdn.live.example/x.js?k=[1]', expect.not.stringMatching(/^blocked$/)],
    ]);
    expect(await auditLog.read()).toEqual([]);
    arrive?.();
    expect(await replied).toEqual({ ok: true, value: { storedThrough: 1 } });
    const audit = session.data.get(tabAuditKey(12)) as TabAudit;
    expect(audit.entries.map((e) => [e.status, e.count, e.changedFrom])).toEqual([
      ['blocked', 1, early?.entries[0]?.status],
    ]);
    const records = await auditLog.read();
    expect(records.map((r) => [r.url, r.status, r.changedFrom])).toEqual([
      ['https://cdn.live.example/x.js?k=1', 'blocked', early?.entries[0]?.status],
    ]);
  });

  it("right after start-up: the page's first announcement is acknowledged once stored, without waiting for the policy", async () => {
    const session = new FakeStorageArea();
    const atHand = createAuditClassifier({ catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] });
    let arrive: (() => void) | undefined;
    const settled = new Promise<ReturnType<typeof createAuditClassifier>>((resolve) => {
      arrive = () => resolve(atHand);
    });
    const stored: { documentUrl: string; observations: number }[] = [];
    const handler = createAuditReportHandler({
      classifier: () => settled,
      classifierAtHand: async () => ({ classifier: atHand, settled: false }),
      urlWriter: async () => auditUrlWriter(false),
      tabAudits: createTabAuditStore(session),
      auditLog: createAuditLogStore({ area: new FakeStorageArea(), now: () => 10_000, retentionDays: async () => 30 }),
      badge: createAuditBadge({
        setBadgeText: async () => undefined,
        setBadgeBackgroundColor: async () => undefined,
        setTitle: async () => undefined,
      }),
      now: () => 10_000,
      onStored: ({ documentUrl, observations }) => void stored.push({ documentUrl, observations: observations.length }),
    });
    const route = createMessageRouter({ [AUDIT_REPORT]: handler }, EXTENSION);
    // The policy has not arrived: the announcement is answered all the same (the next report can follow at once).
    expect(await route(report([]), TOP)).toEqual({ ok: true, value: { storedThrough: 0 } });
    expect((session.data.get(tabAuditKey(12)) as TabAudit).page?.url).toBe('https://app.ci.example/pipelines');
    // Fleet reporting's look at the page waits for the policy.
    expect(stored).toEqual([]);
    arrive?.();
    for (let i = 0; i < 50 && stored.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(stored).toEqual([{ documentUrl: 'https://app.ci.example/pipelines', observations: 0 }]);
  });

  it('classifies, stores in the tab audit and the log, sets the badge, then acknowledges', async () => {
    const { session, badges, auditLog, route } = setup();
    const reply = await route(
      report([
        obs(1, 'https://cdn.tracker.example/t.js'),
        obs(2, 'https://static.ci-assets.example/app.js', { observed: 'loaded' }),
        obs(3, 'https://cdn.unknown.example/u.js', { observed: 'loaded', integrity: true }),
      ]),
      TOP,
    );
    expect(reply).toEqual({ ok: true, value: { storedThrough: 3 } });
    const audit = session.data.get(tabAuditKey(12)) as TabAudit;
    expect(audit.page).toMatchObject({
      url: 'https://app.ci.example/pipelines',
      dashboardId: 'ci',
      dashboardName: 'CI',
    });
    expect(audit.entries.map((e) => [e.host, e.status, e.integrity])).toEqual([
      ['cdn.tracker.example', 'blocked', 'absent'],
      ['cdn.unknown.example', 'allowed-unknown', 'present'],
    ]);
    expect((await auditLog.read()).map((r) => [r.host, r.pageUrl])).toEqual([
      ['cdn.tracker.example', 'https://app.ci.example/pipelines'],
      ['cdn.unknown.example', 'https://app.ci.example/pipelines'],
    ]);
    await Promise.resolve();
    expect(badges).toEqual([{ tabId: 12, text: '1' }]);
  });

  it('stores redacted addresses (request, page, frame), judged by the full ones; whole ones when told to keep them', async () => {
    const secretPage = {
      ...TOP,
      url: 'https://app.ci.example/reset/3fa85f64-5717-4562-b3fc-2c963f66afa6?reset_password_token=PAGESECRET',
    };
    const secretUrl = 'https://cdn.tracker.example/t.js?email=REQSECRET&k=KEYSECRET';
    for (const keepFull of [false, true]) {
      const { session, local, route } = setup(keepFull);
      expect(await route(report([obs(1, secretUrl)]), secretPage)).toEqual({ ok: true, value: { storedThrough: 1 } });
      const raw = JSON.stringify([...session.data.values(), ...local.data.values()]);
      const audit = session.data.get(tabAuditKey(12)) as TabAudit;
      if (keepFull) {
        expect(raw).toContain('REQSECRET');
        expect(raw).toContain('PAGESECRET');
      } else {
        for (const secret of ['REQSECRET', 'KEYSECRET', 'PAGESECRET', '3fa85f64']) expect(raw).not.toContain(secret);
        expect(audit.page?.url).toBe('https://app.ci.example/reset/[36]?reset_password_token=[10]');
        expect(audit.entries[0]).toMatchObject({
          url: 'https://cdn.tracker.example/t.js?email=[9]&k=[9]',
          status: 'blocked',
        });
      }
    }
  });

  it('says "refused by strict mode" only for a document its content script found loaded under the policy', async () => {
    const token = { ...TOP, url: 'https://app.ci.example/settings/tokens' };
    const statusOf = async (sender: typeof TOP, strictMode: string): Promise<string | undefined> => {
      const { session, route } = setup();
      await route(
        report([obs(1, 'https://cdn.unknown.example/u.js', { observed: 'requested' })], { strictMode }),
        sender,
      );
      return (session.data.get(tabAuditKey(12)) as TabAudit).entries[0]?.status;
    };
    expect(await statusOf(token, 'enforced')).toBe('strict-mode');
    // Reached by in-app navigation, or loaded without the header: nothing refused it.
    expect(await statusOf(token, 'none')).toBe('allowed-unknown');
    // Loaded as a token page, then routed to an ordinary page of the app: the policy is still the document's.
    expect(await statusOf(TOP, 'enforced')).toBe('strict-mode');
    expect(await statusOf(TOP, 'report-only')).toBe('report-only');
    const { route } = setup();
    expect(await route(report([], { strictMode: 'protected' }), TOP)).toEqual({
      ok: false,
      error: 'audit/report: strictMode: must be one of "enforced", "report-only", "none", "unknown"',
    });
  });

  it('does not acknowledge what it could not store, and counts it once when it comes again', async () => {
    const { session, local, route } = setup();
    local.failNext = new Error('QUOTA_BYTES quota exceeded');
    const failed = await route(report([obs(1, 'https://cdn.tracker.example/t.js')]), TOP);
    expect(failed.ok).toBe(false);
    // The tab audit was written, the log was not: the resent report completes the log and is not counted twice.
    expect(await route(report([obs(1, 'https://cdn.tracker.example/t.js')]), TOP)).toEqual({
      ok: true,
      value: { storedThrough: 1 },
    });
    expect((session.data.get(tabAuditKey(12)) as TabAudit).entries[0]?.count).toBe(1);
  });

  it('refuses reports from web pages, other extensions and extension pages, and malformed ones', async () => {
    const { session, route } = setup();
    const refused = await Promise.all([
      route(report([obs(1, 'https://cdn.tracker.example/t.js')]), {
        url: 'https://evil.example/',
        tab: { id: 12 },
        frameId: 0,
      }),
      route(report([obs(1, 'https://cdn.tracker.example/t.js')]), { ...TOP, id: 'other-extension' }),
      route(report([obs(1, 'https://cdn.tracker.example/t.js')]), {
        id: 'dashguard',
        url: 'chrome-extension://dashguard/popup.html',
      }),
      route(report([], { instanceId: '"><script>' }), TOP),
      route({ type: AUDIT_REPORT, payload: { instanceId: 'x', timeOrigin: 1, observations: 'all of them' } }, TOP),
    ]);
    expect(refused.map((r) => r.ok)).toEqual([false, false, false, false, false]);
    expect(session.data.size).toBe(0);
  });

  it("files a report sent as its tab closes (Firefox gives it no tab) under the tab of the instance's earlier reports: logged and counted, the closed tab's audit not brought back", async () => {
    const { session, auditLog, tabAudits, counted, badges, route } = setup();
    expect(await route(report([obs(1, 'https://cdn.tracker.example/t.js')]), TOP)).toMatchObject({ ok: true });
    await tabAudits.closed(12);
    const badgesBefore = badges.length;
    // The page routed in the app since: the same origin, another path.
    const closing = { id: 'dashguard', url: 'https://app.ci.example/settings/tokens' };
    expect(
      await route(
        report([obs(1, 'https://cdn.tracker.example/t.js'), obs(2, 'https://cdn.tracker.example/u.js')]),
        closing,
      ),
    ).toEqual({
      ok: true,
      value: { storedThrough: 2 },
    });
    const records = await auditLog.read();
    expect(records.map((r) => [r.url, r.source, r.pageUrl])).toEqual([
      ['https://cdn.tracker.example/t.js', 'https://app.ci.example tab 12', 'https://app.ci.example/pipelines'],
      ['https://cdn.tracker.example/u.js', 'https://app.ci.example tab 12', 'https://app.ci.example/settings/tokens'],
    ]);
    expect(counted).toEqual(['12:abc-1 1', '12:abc-1 1,2']);
    expect(session.data.has(tabAuditKey(12))).toBe(false);
    expect(badges.length).toBe(badgesBefore);
  });

  it('refuses a report without a tab from an instance it has not seen, or from another origin than before', async () => {
    const { session, auditLog, route } = setup();
    const closing = { id: 'dashguard', url: 'https://app.ci.example/pipelines' };
    expect(await route(report([obs(1, 'https://cdn.tracker.example/t.js')]), closing)).toEqual({
      ok: false,
      error: 'audit/report: not sent from a tab',
    });
    await route(report([obs(1, 'https://cdn.tracker.example/t.js')]), TOP);
    const elsewhere = { id: 'dashguard', url: 'https://evil.example/' };
    expect(await route(report([obs(2, 'https://cdn.tracker.example/u.js')]), elsewhere)).toMatchObject({ ok: false });
    expect(
      await route(report([obs(2, 'https://cdn.tracker.example/u.js')], { instanceId: 'abc-2' }), closing),
    ).toMatchObject({
      ok: false,
    });
    expect((await auditLog.read()).map((r) => r.url)).toEqual(['https://cdn.tracker.example/t.js']);
    expect((session.data.get(tabAuditKey(12)) as TabAudit).entries).toHaveLength(1);
  });

  it('files observations under the page the browser names, whatever the payload says', async () => {
    const { session, route } = setup();
    await route(
      report([obs(1, 'https://cdn.tracker.example/t.js')], { pageUrl: 'https://other.example/', tabId: 99 }),
      TOP,
    );
    expect([...session.data.keys()].sort()).toEqual([firstScreenKey(12), tabAuditKey(12)]);
  });
});

describe('audit/report from a frame with no address of its own', () => {
  const FRAME = { id: 'dashguard', tab: { id: 12, url: 'https://app.ci.example/pipelines#x' }, frameId: 7 };

  it("judges it as the tab's page and logs the frame it came from, never a data: URL's content", async () => {
    for (const [url, name] of [
      ['about:srcdoc', 'about:srcdoc'],
      ['about:blank', 'about:blank'],
      ['data:text/html;base64,PGltZz4=', 'data:text/html'],
      ['blob:https://app.ci.example/1b2c', 'blob:https://app.ci.example'],
    ] as const) {
      const { session, auditLog, route } = setup();
      const reply = await route(
        report([obs(1, 'https://cdn.tracker.example/t.js'), obs(2, 'https://app.ci.example/own.js')]),
        { ...FRAME, url },
      );
      expect(reply).toEqual({ ok: true, value: { storedThrough: 2 } });
      const audit = session.data.get(tabAuditKey(12)) as TabAudit;
      expect(audit.entries.map((e) => [e.host, e.status, e.inFrame])).toEqual([
        ['cdn.tracker.example', 'blocked', true],
      ]);
      expect((await auditLog.read()).map((r) => [r.pageUrl, r.dashboardId, r.status])).toEqual([
        [name, 'ci', 'blocked'],
      ]);
    }
  });

  it('refuses one whose tab is not a page it may read, and a top-level one', async () => {
    const { session, route } = setup();
    const refused = await Promise.all([
      route(report([obs(1, 'https://cdn.tracker.example/t.js')]), {
        id: 'dashguard',
        tab: { id: 12 },
        frameId: 7,
        url: 'about:srcdoc',
      }),
      route(report([obs(1, 'https://cdn.tracker.example/t.js')]), { ...FRAME, frameId: 0, url: 'about:blank' }),
      route(report([obs(1, 'https://cdn.tracker.example/t.js')]), { ...FRAME, url: 'javascript:alert(1)' }),
    ]);
    expect(refused.map((r) => r.ok)).toEqual([false, false, false]);
    expect(session.data.size).toBe(0);
  });
});
