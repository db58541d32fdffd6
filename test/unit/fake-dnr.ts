/**
 * An in-memory declarativeNetRequest that behaves like the browser where it matters to Dashguard: an update is
 * all-or-nothing, and it rejects duplicate rule ids and more rules than the limit.
 */
import type { DnrRule } from '../../src/rules/dnr-rule';
import type { DnrRuleStore } from '../../src/rules/rule-sync';
import { DNR_LIMITS } from '../../src/rules/dnr-limits';
import { RULESET } from '../../src/rules/rule-registry';
import { STATIC_RULESETS } from '../../src/rules/rule-state';

export class FakeDnr implements DnrRuleStore {
  dynamic = new Map<number, DnrRule>();
  session = new Map<number, DnrRule>();
  /** The static rulesets the browser's manifest declares: Chromium's also has the tab-cover twins. */
  readonly rulesets: readonly string[];
  /** The static rulesets switched on: all of them, as the manifest declares them. */
  enabledRulesets: Set<string>;
  updates = 0;
  failNext: Error | undefined;
  /** Makes the next updateEnabledRulesets call fail with this error. */
  failRulesetsNext: Error | undefined;

  async getDynamicRules(): Promise<DnrRule[]> {
    return [...this.dynamic.values()];
  }
  async getSessionRules(): Promise<DnrRule[]> {
    return [...this.session.values()];
  }
  async updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void> {
    this.dynamic = this.update(this.dynamic, options, DNR_LIMITS.dynamicRules);
  }
  async updateSessionRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void> {
    this.session = this.update(this.session, options, DNR_LIMITS.sessionRules);
  }

  async getEnabledRulesets(): Promise<string[]> {
    return [...this.enabledRulesets];
  }
  async updateEnabledRulesets(options: { enableRulesetIds: string[]; disableRulesetIds: string[] }): Promise<void> {
    if (this.failRulesetsNext) {
      const error = this.failRulesetsNext;
      this.failRulesetsNext = undefined;
      throw error;
    }
    const unknown = [...options.enableRulesetIds, ...options.disableRulesetIds].filter(
      (id) => !this.rulesets.includes(id),
    );
    if (unknown.length > 0) throw new Error(`Invalid ruleset id: ${unknown[0]}.`);
    for (const id of options.disableRulesetIds) this.enabledRulesets.delete(id);
    for (const id of options.enableRulesetIds) this.enabledRulesets.add(id);
  }

  constructor(browser: 'chromium' | 'firefox' = 'chromium') {
    this.rulesets = browser === 'chromium' ? [...STATIC_RULESETS, RULESET.tabCover] : [...STATIC_RULESETS];
    this.enabledRulesets = new Set(this.rulesets);
  }

  private update(
    current: Map<number, DnrRule>,
    options: { removeRuleIds: number[]; addRules: DnrRule[] },
    limit: number,
  ): Map<number, DnrRule> {
    this.updates += 1;
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    const next = new Map(current);
    for (const id of options.removeRuleIds) next.delete(id);
    for (const rule of options.addRules) {
      if (next.has(rule.id)) throw new Error(`Rule with id ${rule.id} does not have a unique ID.`);
      next.set(rule.id, structuredClone(rule));
    }
    if (next.size > limit) throw new Error(`Rule count exceeds ${limit}.`);
    return next;
  }
}
