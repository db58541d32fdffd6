/**
 * Applies a computed rule state to the browser: the static rulesets the state names are switched back on if anything
 * switched them off, then one atomic `updateDynamicRules` call removes every rule the extension has and adds the
 * desired ones (likewise for session rules). Safe to repeat; calls are serialised so two changes in quick succession
 * cannot interleave. Any rule id the state does not name (an older version's) goes.
 * A set this instance already applied, unchanged and still in place, is not written again: a tab moving (Firefox's
 * tab cover) rewrites the session rules alone. The first apply after a start always writes both.
 */
import type { DnrRule } from './dnr-rule';
import type { RuleState } from './rule-state';
import { createSerialQueue } from '../shared';

/** The part of `declarativeNetRequest` this component uses; unit tests pass an in-memory fake. */
export interface DnrRuleStore {
  getDynamicRules(): Promise<readonly { id: number }[]>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
  getSessionRules(): Promise<readonly { id: number }[]>;
  updateSessionRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
  getEnabledRulesets(): Promise<readonly string[]>;
  updateEnabledRulesets(options: { enableRulesetIds: string[]; disableRulesetIds: string[] }): Promise<void>;
}

export interface RuleSync {
  /** Makes the browser's rules equal `state`. Rejects if the browser refused the update (the old rules stay). */
  apply(state: RuleState): Promise<void>;
}

export function createRuleSync(store: DnrRuleStore): RuleSync {
  const queue = createSerialQueue();
  // What this instance last wrote, and the ids it left: a set is written again when it changed, or when the browser
  // no longer holds exactly those ids (something else removed or added rules).
  const applied = { dynamic: '', session: '' };
  const idsOf = (rules: readonly { id: number }[]): string =>
    rules
      .map((rule) => rule.id)
      .sort((a, b) => a - b)
      .join(',');
  const applyNow = async (state: RuleState): Promise<void> => {
    // Read at once (a tab moving in Firefox waits for this sync: every round trip counts).
    const [enabledIds, dynamic, session] = await Promise.all([
      store.getEnabledRulesets(),
      store.getDynamicRules(),
      store.getSessionRules(),
    ]);
    // First, so that a ruleset the browser refuses to switch on fails the whole sync and leaves the rules as they were.
    const enabled = new Set(enabledIds);
    const missing = state.enabledRulesets.filter((id) => !enabled.has(id));
    if (missing.length > 0) await store.updateEnabledRulesets({ enableRulesetIds: missing, disableRulesetIds: [] });
    const dynamicRules = `${JSON.stringify(state.dynamicRules)}|${idsOf(state.dynamicRules)}`;
    if (dynamicRules !== applied.dynamic || idsOf(dynamic) !== idsOf(state.dynamicRules)) {
      applied.dynamic = '';
      await store.updateDynamicRules({ removeRuleIds: dynamic.map((rule) => rule.id), addRules: state.dynamicRules });
      applied.dynamic = dynamicRules;
    }
    const sessionRules = `${JSON.stringify(state.sessionRules)}|${idsOf(state.sessionRules)}`;
    if (sessionRules !== applied.session || idsOf(session) !== idsOf(state.sessionRules)) {
      applied.session = '';
      await store.updateSessionRules({ removeRuleIds: session.map((rule) => rule.id), addRules: state.sessionRules });
      applied.session = sessionRules;
    }
  };
  return {
    apply(state) {
      return queue.run(() => applyNow(state));
    },
  };
}
