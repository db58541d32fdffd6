/**
 * Brings the browser's rules in line with the current inputs: reads settings, policy and paused tabs, computes the
 * rule state (pure) and applies it (atomic). If anything fails the previous rules stay in force: never looser.
 */
import type { ManagedPolicy } from '../shared/managed-policy';
import { computeRuleState } from '../shared/rule-state';
import type { RuntimeCatalog } from '../shared/runtime-catalog';
import type { UserSettings } from '../shared/user-settings';
import type { RuleSync } from './rule-sync';

export interface ReconcilerDeps {
  readonly catalog: RuntimeCatalog;
  readonly loadSettings: () => Promise<UserSettings>;
  readonly loadPolicy: () => Promise<ManagedPolicy>;
  readonly loadPausedTabs: () => Promise<readonly number[]>;
  readonly ruleSync: RuleSync;
  readonly onError: (error: unknown) => void;
}

export interface RuleReconciler {
  /** Resolves true when the rules now match the inputs, false when they could not be applied. */
  reconcile(): Promise<boolean>;
}

export function createRuleReconciler(deps: ReconcilerDeps): RuleReconciler {
  return {
    async reconcile() {
      try {
        const [settings, policy, pausedTabs] = await Promise.all([deps.loadSettings(), deps.loadPolicy(), deps.loadPausedTabs()]);
        await deps.ruleSync.apply(computeRuleState({ catalog: deps.catalog, settings, policy, pausedTabs }));
        return true;
      } catch (error) {
        deps.onError(error);
        return false;
      }
    },
  };
}
