/**
 * Applies settings changes, one at a time, in the order they arrive: read the stored settings, apply the change
 * (pure, validated whole), put the new rules in force, then save, in one storage write. The rules go first so a
 * change the browser refuses (too many rules, say) is not saved: the person sees the error and nothing changed. If
 * the save fails after the rules changed, the rules are brought back to the stored settings.
 */
import { applySettingsChange } from './apply-settings-change';
import type { ManagedPolicy } from '../policy';
import type { RuntimeCatalog } from '../catalog';
import type { ReconcileOverrides } from '../rules';
import { createSerialQueue, errorMessage } from '../shared';
import type { SettingsChange } from './settings-change';
import type { ChangeReply, SettingsView } from './settings-messages';
import type { UserSettings } from './user-settings';

/** How often the rules are put back after a failed save before the person is told they could not be. */
const ROLLBACK_ATTEMPTS = 3;
import type { SettingsStore } from './settings-store';

export interface SettingsServiceDeps {
  readonly catalog: RuntimeCatalog;
  readonly store: SettingsStore;
  readonly loadPolicy: () => Promise<ManagedPolicy>;
  /** Puts the rules for these inputs in force; resolves false when the browser refused them. */
  readonly reconcile: (overrides?: ReconcileOverrides) => Promise<boolean>;
  /** Milliseconds, to time a change up to its rules being in force. */
  readonly now: () => number;
  /** Told how long an applied change took up to its rules being in force (the toggle-to-effect benchmark reads it). */
  readonly rulesApplied?: (ms: number) => void;
}

/** The User Timing mark the background leaves with that time (`detail`: milliseconds), replaced at each change. */
export const RULES_APPLIED_MARK = 'dashguard:rules-applied';

export interface SettingsService {
  view(): Promise<SettingsView>;
  change(change: SettingsChange): Promise<ChangeReply>;
}

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  const queue = createSerialQueue();
  const serial = <T>(task: () => Promise<T>): Promise<T> => queue.run(task);

  const applyNow = async (change: SettingsChange): Promise<ChangeReply> => {
    const started = deps.now();
    const [{ settings: current }, policy] = await Promise.all([deps.store.load(), deps.loadPolicy()]);
    const outcome = applySettingsChange(current, change, { catalog: deps.catalog, policy });
    if (!outcome.ok) return { applied: false, errors: outcome.error };
    const next: UserSettings = outcome.value.settings;
    if (!(await deps.reconcile({ settings: next, policy }))) {
      return {
        applied: false,
        errors: [{ field: 'rules', message: 'The browser refused the new rules; nothing was changed.' }],
      };
    }
    deps.rulesApplied?.(deps.now() - started);
    try {
      await deps.store.save(next);
    } catch (error) {
      // Back to the stored settings' rules; a browser that refuses once is asked again, so a loosening that could not
      // be saved does not stay in force.
      let restored = false;
      for (let attempt = 0; attempt < ROLLBACK_ATTEMPTS && !restored; attempt += 1) restored = await deps.reconcile();
      const why = errorMessage(error);
      const rules = restored
        ? ''
        : ' The browser also refused to restore the previous rules; they are restored at the next change or browser start.';
      return {
        applied: false,
        errors: [
          { field: 'storage', message: `Your settings could not be saved (${why}); nothing was changed.${rules}` },
        ],
      };
    }
    return { applied: true, settings: next, notes: outcome.value.notes };
  };

  return {
    view: () => serial(() => deps.store.load()),
    change: (change) => serial(() => applyNow(change)),
  };
}
