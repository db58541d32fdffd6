import { testCatalog } from '../../test/unit/test-catalog';
import { FakeStorageArea } from '../../test/unit/fake-storage-area';
import { observation } from '../../test/unit/audit-observations';
import { TRACKER } from '../../test/unit/audit-fixtures';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import type { RuleStateInput } from '../rules/rule-state';
import type { FleetEvent } from './fleet-event';
import type { ReportedRequests } from './fleet-queue';
import { FLEET_PAUSE_STARTS_KEY } from './fleet-storage-layout';
import { createFleetActivity, type StoredReport } from './fleet-activity';

const { catalog } = testCatalog();
const INPUT: RuleStateInput = { catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] };
const TOKENS = 'https://app.ci.example/settings/tokens?token=s3cr3t-value';

function setup(tabUrls: Record<number, string> = {}) {
  const events: FleetEvent[] = [];
  const onceKeys: string[] = [];
  const counted: ReportedRequests[] = [];
  let clock = 10_000;
  let ids = 0;
  let classifierReads = 0;
  const session = new FakeStorageArea();
  const activity = createFleetActivity({
    fleet: {
      add: async (make, options) => {
        if (options?.once !== undefined) {
          if (onceKeys.includes(options.once)) return;
          onceKeys.push(options.once);
        }
        events.push(...make(() => `id-${(ids += 1)}`, clock));
      },
      countRequests: async (report) => void counted.push(report),
    },
    session,
    tabUrl: async (tabId) => tabUrls[tabId],
    classifier: async () => {
      classifierReads += 1;
      return {
        dashboardOf: (url: string) => (url.startsWith('https://app.ci.example/') ? catalog.dashboards[0] : undefined),
      };
    },
    loadContext: async () => INPUT,
    now: () => clock,
  });
  return {
    activity,
    events,
    counted,
    session,
    classifierReads: () => classifierReads,
    advance: (ms: number) => void (clock += ms),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function report(overrides: Partial<StoredReport> = {}): StoredReport {
  return {
    dashboardId: 'ci',
    documentUrl: 'https://app.ci.example/pipelines',
    documentKey: 'tab-4 top-1',
    instanceId: 'top-1',
    maxSeq: 2,
    strictMode: 'enforced',
    observations: [observation(1), observation(2)],
    ...overrides,
  };
}

describe('fleet activity', () => {
  it('reports a pause when it ends, with its dashboard and duration, from what storage.session kept', async () => {
    const t = setup({ 4: 'https://app.ci.example/pipelines', 9: 'https://elsewhere.example/' });
    await t.activity.pausesChanged([], [4, 9]);
    expect(t.events).toEqual([]);
    expect(t.session.data.get(FLEET_PAUSE_STARTS_KEY)).toEqual({
      4: { since: 10_000, dashboard: 'ci' },
      9: { since: 10_000, dashboard: null },
    });
    t.advance(61_000);
    await t.activity.pausesChanged([4, 9], [9]);
    expect(t.events).toEqual([{ kind: 'tab-pause', id: 'id-1', time: 71_000, dashboard: 'ci', durationSeconds: 61 }]);
    expect(t.session.data.get(FLEET_PAUSE_STARTS_KEY)).toEqual({ 9: { since: 10_000, dashboard: null } });
  });

  it('does nothing when the paused tabs did not change, and asks no classifier when only pauses ended', async () => {
    const t = setup();
    await t.activity.pausesChanged([3], [3]);
    expect(t.session.writes).toBe(0);
    await t.activity.pausesChanged([3], []);
    expect(t.classifierReads()).toBe(0);
    // A pause whose start was not kept (started before fleet reporting knew of it) ends without an event.
    expect(t.events).toEqual([]);
  });

  it('a tab gone before its pause is recorded counts as no dashboard', async () => {
    const t = setup();
    await t.activity.pausesChanged(undefined, [12]);
    expect(t.session.data.get(FLEET_PAUSE_STARTS_KEY)).toEqual({ 12: { since: 10_000, dashboard: null } });
  });

  it('reports each vendor rule that changed between two stored settings values', async () => {
    const t = setup();
    t.activity.settingsChanged(
      { vendorRules: { tracker: 'block' } },
      {
        vendorRules: { replay: 'allow' },
        dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'live', action: 'block' }],
      },
    );
    await flush();
    expect(t.events).toEqual([
      { kind: 'rule-change', id: 'id-1', time: 10_000, dashboard: null, vendorId: 'tracker', direction: 'default' },
      { kind: 'rule-change', id: 'id-2', time: 10_000, dashboard: null, vendorId: 'replay', direction: 'allow' },
      { kind: 'rule-change', id: 'id-3', time: 10_000, dashboard: 'ci', vendorId: 'live', direction: 'block' },
    ]);
    t.activity.settingsChanged({ vendorRules: { tracker: 'block' } }, { vendorRules: { tracker: 'block' } });
    await flush();
    expect(t.events).toHaveLength(3);
  });

  it("counts a stored report's audited requests by its instance's sequence numbers", async () => {
    const t = setup();
    const unaudited = observation(3, { classification: { audited: false, why: 'first-party' } });
    await t.activity.reportStored(report({ observations: [observation(1), observation(2), unaudited], maxSeq: 3 }));
    expect(t.counted).toEqual([
      {
        source: 'top-1',
        maxSeq: 3,
        dashboard: 'ci',
        requests: [
          { seq: 1, vendor: TRACKER, status: 'blocked' },
          { seq: 2, vendor: TRACKER, status: 'blocked' },
        ],
      },
    ]);
    expect(t.events).toEqual([]);
  });

  it('reports a sensitive page shown without strict mode once per document and page, redacted', async () => {
    const t = setup();
    const unprotected = report({ documentUrl: TOKENS, strictMode: 'none' });
    await t.activity.reportStored(unprotected);
    await t.activity.reportStored(unprotected);
    expect(t.events).toHaveLength(1);
    expect(t.events[0]).toMatchObject({ kind: 'sensitive-unprotected', dashboard: 'ci' });
    expect(JSON.stringify(t.events)).not.toContain('s3cr3t-value');
    // Under strict mode, or on an ordinary page, nothing.
    await t.activity.reportStored(report({ documentUrl: TOKENS, documentKey: 'tab-5 top-2' }));
    await t.activity.reportStored(report({ strictMode: 'none', documentKey: 'tab-6 top-3' }));
    expect(t.events).toHaveLength(1);
  });

  it('reports each new third party with its vendor and host', async () => {
    const t = setup();
    t.activity.newThirdParties('ci', [{ host: 'cdn.tracker.example', vendor: TRACKER }]);
    await flush();
    expect(t.events).toEqual([
      {
        kind: 'new-third-party',
        id: 'id-1',
        time: 10_000,
        dashboard: 'ci',
        vendor: TRACKER,
        host: 'cdn.tracker.example',
      },
    ]);
  });
});
