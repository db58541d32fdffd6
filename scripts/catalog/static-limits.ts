/**
 * The static rulesets against both browsers' limits (pure; a build step: the worker never needs it, so it lives apart
 * from the generator the worker runs).
 */
import type { DnrRule } from '../../src/rules';
import { DNR_LIMITS } from '../../src/rules';

/** Problems with the generated rulesets against both browsers' limits; empty when they fit. */
export function checkStaticLimits(rulesets: Readonly<Record<string, readonly DnrRule[]>>): string[] {
  const errors: string[] = [];
  const names = Object.keys(rulesets);
  const total = names.reduce((sum, name) => sum + (rulesets[name]?.length ?? 0), 0);
  if (total > DNR_LIMITS.staticRules) {
    errors.push(`static rules: ${total} exceed the ${DNR_LIMITS.staticRules} guaranteed by Chrome and Firefox`);
  }
  if (names.length > DNR_LIMITS.enabledStaticRulesets) {
    errors.push(`static rulesets: ${names.length} exceed the ${DNR_LIMITS.enabledStaticRulesets} Firefox enables`);
  }
  for (const name of names) {
    const ids = new Set<number>();
    for (const rule of rulesets[name] ?? []) {
      if (ids.has(rule.id)) errors.push(`ruleset ${name}: duplicate rule id ${rule.id}`);
      ids.add(rule.id);
      if (rule.condition.resourceTypes?.includes('main_frame') && rule.action.type === 'block') {
        errors.push(`ruleset ${name}: rule ${rule.id} would block a page itself (main_frame)`);
      }
    }
  }
  return errors;
}
