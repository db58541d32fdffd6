/**
 * Rules that share everything but their request domains, merged into one rule each (pure). A request matches the
 * merged rule exactly when it matches one of its members, and every member has the same priority and action, so the
 * browser decides every request as it would with the members; only the repeated scope (long initiator lists, written
 * once per vendor) goes. Each merged rule keeps the subjects of its members (which vendors it is about), so whoever
 * explains a match can still name the vendor.
 */
import type { DnrRule } from './dnr-rule';

/** A rule without an id: the caller numbers the merged rules in its own ruleset or band. */
export type RuleWithoutId = Omit<DnrRule, 'id'>;

export interface CompactRule<S> {
  readonly rule: RuleWithoutId;
  /** The subjects of the rules merged into this one, in the order they came. */
  readonly subjects: readonly S[];
}

/**
 * Merges rules that differ only in their request domains (the union of their domains, sorted), keeping the first
 * rule's place. Rules without request domains are merged only with others without (they match every host alike).
 */
export function compactRules<S>(
  entries: readonly { readonly rule: DnrRule | RuleWithoutId; readonly subject: S }[],
): CompactRule<S>[] {
  const merged = new Map<string, { rule: RuleWithoutId; domains: Set<string> | undefined; subjects: S[] }>();
  // Generated rules share their scope arrays: each is turned into text once.
  const arrayKeys = new WeakMap<readonly unknown[], string>();
  const valueKey = (value: unknown): string => {
    if (!Array.isArray(value)) return JSON.stringify(value);
    let key = arrayKeys.get(value);
    if (key === undefined) arrayKeys.set(value, (key = JSON.stringify(value)));
    return key;
  };
  for (const { rule, subject } of entries) {
    const { requestDomains, ...rest } = rule.condition;
    const restKey = Object.entries(rest)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, value]) => `${name}=${valueKey(value)}`)
      .join('&');
    const key = `${rule.priority}|${JSON.stringify(rule.action)}|${requestDomains === undefined}|${restKey}`;
    const group = merged.get(key);
    if (group === undefined) {
      merged.set(key, {
        rule: { priority: rule.priority, action: rule.action, condition: rest },
        domains: requestDomains ? new Set(requestDomains) : undefined,
        subjects: [subject],
      });
    } else {
      for (const domain of requestDomains ?? []) group.domains?.add(domain);
      group.subjects.push(subject);
    }
  }
  return [...merged.values()].map(({ rule, domains, subjects }) => ({
    rule: domains ? { ...rule, condition: { requestDomains: [...domains].sort(), ...rule.condition } } : rule,
    subjects,
  }));
}

/** The rules merged where they differ only in their request domains (compactRules without subjects). */
export function mergeByRequestDomains(rules: readonly DnrRule[]): RuleWithoutId[] {
  return compactRules(rules.map((rule) => ({ rule, subject: undefined }))).map(({ rule }) => rule);
}
