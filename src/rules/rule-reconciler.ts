/**
 * Brings the browser's rules in line with the current inputs: reads settings, policy, paused tabs and the tab cover
 * (the dashboard tabs, in Firefox), computes the rule state (pure) and applies it (atomic). If anything fails the
 * previous rules stay in force: never looser.
 */
import type { ManagedPolicy } from '../policy';
import type { RuntimeCatalog } from '../catalog';
import type { UserSettings } from '../settings';
import { createSerialQueue } from '../shared';
import { computeRuleState } from './rule-state';
import type { TabCover } from './tab-cover';
import type { RuleSync } from './rule-sync';

export interface ReconcilerDeps {
  readonly catalog: RuntimeCatalog;
  readonly loadSettings: () => Promise<UserSettings>;
  readonly loadPolicy: () => Promise<ManagedPolicy>;
  readonly loadPausedTabs: () => Promise<readonly number[]>;
  readonly loadTabCover: () => Promise<TabCover>;
  readonly ruleSync: RuleSync;
  readonly onError: (error: unknown) => void;
}

/** Inputs a caller already holds, used instead of loading them (a settings change applies its candidate first). */
export interface ReconcileOverrides {
  readonly settings?: UserSettings;
  readonly policy?: ManagedPolicy;
}

export interface RuleReconciler {
  /** Resolves true when the rules now match the inputs, false when they could not be applied. */
  reconcile(overrides?: ReconcileOverrides): Promise<boolean>;
}

export function createRuleReconciler(deps: ReconcilerDeps): RuleReconciler {
  // One reconcile at a time, loads included: a reconcile that read older inputs can never apply after a newer one.
  const queue = createSerialQueue();
  // A plain reconcile (inputs loaded) that is queued and not started yet serves every later plain request too: a
  // burst of events (install, storage, permissions) costs one reconcile, not one each.
  let waiting: Promise<boolean> | undefined;
  const run = async (overrides: ReconcileOverrides): Promise<boolean> => {
    try {
      const [settings, policy, pausedTabs, tabCover] = await Promise.all([
        overrides.settings ?? deps.loadSettings(),
        overrides.policy ?? deps.loadPolicy(),
        deps.loadPausedTabs(),
        deps.loadTabCover(),
      ]);
      await deps.ruleSync.apply(computeRuleState({ catalog: deps.catalog, settings, policy, pausedTabs, tabCover }));
      return true;
    } catch (error) {
      deps.onError(error);
      return false;
    }
  };
  return {
    reconcile(overrides = {}) {
      const plain = overrides.settings === undefined && overrides.policy === undefined;
      if (plain && waiting) return waiting;
      const result = queue.run(() => {
        if (plain) waiting = undefined;
        return run(overrides);
      });
      if (plain) waiting = result;
      return result;
    },
  };
}
