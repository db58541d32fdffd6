import type { ReconcileOverrides } from '../rules/rule-reconciler';
import { FakeDnr } from '../../test/unit/fake-dnr';
import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS, type UserSettings } from './user-settings';
import { createRuleReconciler } from '../rules/rule-reconciler';
import { createRuleSync } from '../rules/rule-sync';
import { createSettingsService } from './settings-service';
import { createSettingsStore, SETTINGS_KEY } from './settings-store';

const { catalog } = testCatalog();

/** storage.local in memory, counting writes. */
class FakeArea {
  data: Record<string, unknown> = {};
  writes = 0;
  failNext = false;
  async get(key: string): Promise<Record<string, unknown>> {
    return key in this.data ? { [key]: structuredClone(this.data[key]) } : {};
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    this.writes += 1;
    Object.assign(this.data, structuredClone(items));
  }
}

function setup(overrides: { reconcile?: (o?: ReconcileOverrides) => Promise<boolean> } = {}) {
  const area = new FakeArea();
  const dnr = new FakeDnr();
  const store = createSettingsStore(area);
  const reconciler = createRuleReconciler({
    catalog,
    loadSettings: async () => (await store.load()).settings,
    loadPolicy: async () => NO_POLICY,
    loadPausedTabs: async () => [],
    loadTabCover: async () => ({ by: 'top-domains' as const }),
    ruleSync: createRuleSync(dnr),
    onError: () => undefined,
  });
  let clock = 0;
  const timings: number[] = [];
  const service = createSettingsService({
    catalog,
    store,
    loadPolicy: async () => NO_POLICY,
    reconcile: overrides.reconcile ?? ((o) => reconciler.reconcile(o)),
    now: () => (clock += 5),
    rulesApplied: (ms) => timings.push(ms),
  });
  return { area, dnr, service, timings };
}

const stored = (area: FakeArea): UserSettings => area.data[SETTINGS_KEY] as UserSettings;

describe('createSettingsService', () => {
  it('applies a change: rules in force, then one storage write', async () => {
    const { area, dnr, service } = setup();
    const reply = await service.change({
      kind: 'set-dashboard-vendor',
      dashboard: 'ci',
      vendorId: 'tracker',
      action: 'allow',
    });
    expect(reply).toMatchObject({
      applied: true,
      settings: { dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'tracker', action: 'allow' }] },
    });
    expect(area.writes).toBe(1);
    expect(stored(area).dashboardVendorRules).toHaveLength(1);
    expect([...dnr.dynamic.values()].map((r) => r.action.type)).toContain('allow');
  });

  it('saves nothing and changes no rule when the change is invalid', async () => {
    const { area, dnr, service } = setup();
    const reply = await service.change({
      kind: 'add-custom-dashboard',
      host: 'https://jenkins.corp.example/',
      name: '',
    });
    expect(reply).toMatchObject({ applied: false, errors: [{ field: 'host' }] });
    expect(area.writes).toBe(0);
    expect(dnr.updates).toBe(0);
  });

  it('saves nothing when the browser refuses the rules', async () => {
    const { area, dnr, service } = setup();
    dnr.failNext = new Error('Rule count exceeds 5000.');
    const reply = await service.change({ kind: 'set-vendor', vendorId: 'tracker', action: 'allow' });
    expect(reply).toMatchObject({ applied: false, errors: [{ field: 'rules' }] });
    expect(area.writes).toBe(0);
  });

  it('puts the stored rules back when the save fails', async () => {
    const { area, dnr, service } = setup();
    await service.change({ kind: 'set-vendor', vendorId: 'live', action: 'block' });
    const before = [...dnr.dynamic.values()];
    area.failNext = true;
    const reply = await service.change({ kind: 'set-vendor', vendorId: 'tracker', action: 'allow' });
    expect(reply).toMatchObject({
      applied: false,
      errors: [{ field: 'storage', message: expect.stringMatching(/quota/) }],
    });
    expect([...dnr.dynamic.values()]).toEqual(before);
    expect(stored(area).vendorRules).toEqual({ live: 'block' });
  });

  it('asks again when putting the stored rules back is refused, and says so when it never works', async () => {
    const calls: (string | undefined)[] = [];
    let refusals = 2;
    const { area, service } = setup({
      reconcile: async (overrides) => {
        calls.push(overrides ? 'change' : 'rollback');
        if (overrides) return true;
        return refusals-- <= 0;
      },
    });
    area.failNext = true;
    const reply = await service.change({ kind: 'set-vendor', vendorId: 'tracker', action: 'allow' });
    expect(calls).toEqual(['change', 'rollback', 'rollback', 'rollback']);
    expect(reply).toMatchObject({
      applied: false,
      errors: [{ field: 'storage', message: expect.not.stringMatching(/refused to restore/) }],
    });
    refusals = 99;
    area.failNext = true;
    const worse = await service.change({ kind: 'set-vendor', vendorId: 'tracker', action: 'allow' });
    expect(worse).toMatchObject({
      applied: false,
      errors: [{ field: 'storage', message: expect.stringMatching(/refused to restore the previous rules/) }],
    });
  });

  it('applies changes that arrive together in order, each on top of the last (popup and options converge)', async () => {
    const { area, service } = setup();
    const replies = await Promise.all([
      service.change({ kind: 'set-vendor', vendorId: 'tracker', action: 'allow' }),
      service.change({ kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'live', action: 'block' }),
      service.change({ kind: 'set-vendor', vendorId: 'tracker', action: 'block' }),
    ]);
    expect(replies.every((r) => r.applied)).toBe(true);
    expect(stored(area)).toEqual({
      ...DEFAULT_SETTINGS,
      vendorRules: { tracker: 'block' },
      dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'live', action: 'block' }],
    });
  });

  it('reads settings stored by version 1 in the current format', async () => {
    const { area, service } = setup();
    area.data[SETTINGS_KEY] = {
      version: 1,
      customVendors: [{ id: 'beacon', name: 'Beacon', domains: ['beacon.example'] }],
      vendorRules: { beacon: 'allow' },
    };
    const { settings } = await service.view();
    expect(settings.customVendors[0]?.id).toBe('custom-beacon');
    expect(settings.vendorRules).toEqual({ 'custom-beacon': 'allow' });
    expect(settings.version).toBe(DEFAULT_SETTINGS.version);
  });

  it('times the change up to the rules being in force', async () => {
    const { service, timings } = setup();
    const reply = await service.change({ kind: 'set-report-only', value: true });
    expect(reply.applied && timings).toEqual([5]);
  });
});
