import { FakeDnr } from '../../test/unit/fake-dnr';
import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS, type UserSettings } from '../settings/user-settings';
import { createRuleReconciler } from './rule-reconciler';
import { createRuleSync } from './rule-sync';

const { catalog } = testCatalog();

describe('createRuleReconciler', () => {
  it('applies the state computed from the current settings', async () => {
    const dnr = new FakeDnr();
    let settings: UserSettings = DEFAULT_SETTINGS;
    const reconciler = createRuleReconciler({
      catalog,
      loadSettings: async () => settings,
      loadPolicy: async () => NO_POLICY,
      loadPausedTabs: async () => [],
      loadTabCover: async () => ({ by: 'tab-ids' as const, tabs: [] }),
      ruleSync: createRuleSync(dnr),
      onError: () => undefined,
    });
    expect(await reconciler.reconcile()).toBe(true);
    expect(dnr.dynamic.size).toBe(0);
    settings = { ...DEFAULT_SETTINGS, vendorRules: { tracker: 'allow' } };
    expect(await reconciler.reconcile()).toBe(true);
    expect([...dnr.dynamic.values()].map((r) => r.action.type)).toEqual(['allow']);
  });

  it('keeps the previous rules and reports when an input cannot be read', async () => {
    const dnr = new FakeDnr();
    const errors: unknown[] = [];
    let fail = false;
    const reconciler = createRuleReconciler({
      catalog,
      loadSettings: async () => ({ ...DEFAULT_SETTINGS, vendorRules: { live: 'block' } }),
      loadPolicy: async () => {
        if (fail) throw new Error('managed storage unavailable');
        return NO_POLICY;
      },
      loadPausedTabs: async () => [],
      loadTabCover: async () => ({ by: 'tab-ids' as const, tabs: [] }),
      ruleSync: createRuleSync(dnr),
      onError: (error) => errors.push(error),
    });
    await reconciler.reconcile();
    const before = [...dnr.dynamic.values()];
    fail = true;
    expect(await reconciler.reconcile()).toBe(false);
    expect([...dnr.dynamic.values()]).toEqual(before);
    expect(errors).toHaveLength(1);
  });

  it('runs one reconcile at a time, and a burst of plain requests costs one', async () => {
    const dnr = new FakeDnr();
    let loads = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reconciler = createRuleReconciler({
      catalog,
      loadSettings: async () => {
        loads += 1;
        await gate;
        return DEFAULT_SETTINGS;
      },
      loadPolicy: async () => NO_POLICY,
      loadPausedTabs: async () => [],
      loadTabCover: async () => ({ by: 'tab-ids' as const, tabs: [] }),
      ruleSync: createRuleSync(dnr),
      onError: () => undefined,
    });
    const first = reconciler.reconcile();
    // Let the first start (it is now reading its inputs): later requests need a run of their own...
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads).toBe(1);
    // ...and a burst of them shares one.
    const burst = [reconciler.reconcile(), reconciler.reconcile(), reconciler.reconcile()];
    const withSettings = reconciler.reconcile({ settings: { ...DEFAULT_SETTINGS, vendorRules: { tracker: 'allow' } } });
    release();
    expect(await Promise.all([first, ...burst, withSettings])).toEqual([true, true, true, true, true]);
    // The first ran, the burst shared one run, the override did not load settings.
    expect(loads).toBe(2);
    expect([...dnr.dynamic.values()].map((r) => r.action.type)).toEqual(['allow']);
  });

  it('puts the tab cover it is given in force with the rest (Firefox: session twins for the dashboard tabs)', async () => {
    const dnr = new FakeDnr('firefox');
    let tabs = [{ tabId: 4, host: 'app.ci.example' }];
    const reconciler = createRuleReconciler({
      catalog,
      loadSettings: async () => DEFAULT_SETTINGS,
      loadPolicy: async () => NO_POLICY,
      loadPausedTabs: async () => [],
      loadTabCover: async () => ({ by: 'tab-ids' as const, tabs }),
      ruleSync: createRuleSync(dnr),
      onError: () => undefined,
    });
    expect(await reconciler.reconcile()).toBe(true);
    expect([...dnr.session.values()].every((r) => JSON.stringify(r.condition.tabIds) === '[4]')).toBe(true);
    expect(dnr.session.size).toBeGreaterThan(0);
    tabs = [];
    expect(await reconciler.reconcile()).toBe(true);
    expect(dnr.session.size).toBe(0);
  });
});
