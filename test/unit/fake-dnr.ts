/**
 * An in-memory declarativeNetRequest that behaves like the browser where it matters to Dashguard: an update is
 * all-or-nothing, and it rejects duplicate rule ids and more rules than the limit.
 */
import type { DnrRule } from '../../src/shared/dnr-rule';
import type { DnrRuleStore } from '../../src/background/rule-sync';
import { DNR_LIMITS } from '../../src/shared/dnr-limits';

export class FakeDnr implements DnrRuleStore {
  dynamic = new Map<number, DnrRule>();
  session = new Map<number, DnrRule>();
  updates = 0;
  failNext: Error | undefined;

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

  private update(current: Map<number, DnrRule>, options: { removeRuleIds: number[]; addRules: DnrRule[] }, limit: number): Map<number, DnrRule> {
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
