import { FakeDnr } from '../../test/unit/fake-dnr';
import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY } from '../shared/managed-policy';
import { DEFAULT_SETTINGS, type UserSettings } from '../shared/user-settings';
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
});
