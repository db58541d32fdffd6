/**
 * Tab cover (pure): the twins that carry a dashboard's verdicts to every frame and worker of a tab showing that
 * dashboard. A rule scoped by `initiatorDomains` only matches requests whose initiator is the dashboard; a third-party
 * iframe's requests carry the frame's origin, and a sandboxed, `data:` or `blob:` frame's an opaque one, so they would
 * escape. Each such rule gets a twin with the same priority, action and request condition, scoped instead by the tab's
 * top-level document:
 *   - Chromium (141+): `topDomains` / `excludedTopDomains`, the rule's own initiator lists. Static rules, so there is
 *     no window at all: the static rules' twins are built with the rulesets, the dynamic rules' by computeRuleState.
 *   - Firefox, which ignores `topDomains` (a rule carrying it would block everywhere): `tabIds`, one merged session
 *     rule per priority, action and set of tabs, kept in step with the tabs' navigation by the background.
 * Twins only add cover. An allow twin never applies to a request from a dashboard document (its own initiator rules
 * decide that, so it cannot loosen them); a block twin may, and only blocks what some dashboard's rules block.
 */
import type { RuleWithoutId } from './compact-rules';
import { hostMatchesAny } from '../domains';
import type { DnrCondition, DnrRule } from './dnr-rule';
import { staticRuleId } from './rule-registry';

/** A tab whose top-level document is on a dashboard (Firefox's tab cover follows these). */
export interface DashboardTab {
  readonly tabId: number;
  /** Host of the tab's top-level document. */
  readonly host: string;
  /**
   * While the tab navigates from the dashboard to a site that is not one: that site's host. Its own requests are left
   * alone from the start, while the dashboard's frames stay covered until the new page replaces them.
   */
  readonly leavingFor?: string;
}

export type TabCover =
  /** Chromium: `topDomains` twins. */
  | { readonly by: 'top-domains' }
  /** Firefox: `tabIds` twins for the given tabs. */
  | { readonly by: 'tab-ids'; readonly tabs: readonly DashboardTab[] };

/** A rule without an id: the caller places twins in its own ruleset or band. */
export type { RuleWithoutId };

/** Whether a rule is a block or allow rule scoped to dashboards by initiator (and so needs a twin). */
export function isInitiatorScoped(rule: DnrRule): boolean {
  const { action, condition } = rule;
  if (action.type !== 'block' && action.type !== 'allow') return false;
  if (condition.initiatorDomains === undefined || condition.initiatorDomains.length === 0) return false;
  return !(condition.resourceTypes ?? []).includes('main_frame');
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** The request part of a rule's condition: everything but the initiator scope. */
function requestCondition(condition: DnrCondition): DnrCondition {
  const { initiatorDomains: _in, excludedInitiatorDomains: _out, ...rest } = condition;
  return rest;
}

/** Initiators a twin leaves to the initiator rules: every dashboard document for an allow twin. */
function excludedInitiators(
  rule: DnrRule,
  dashboardHosts: readonly string[],
  leavingFor: string | undefined,
): string[] | undefined {
  const excluded = [...(rule.action.type === 'allow' ? dashboardHosts : []), ...(leavingFor ? [leavingFor] : [])];
  return excluded.length > 0 ? sortedUnique(excluded) : undefined;
}

/**
 * Chromium's twin of an initiator-scoped rule: the same rule, scoped by the tab's top-level document instead.
 * `dashboardHosts`: the hosts of every dashboard the allow twins must leave to their own rules.
 */
export function topDomainsTwin(rule: DnrRule, dashboardHosts: readonly string[]): DnrRule {
  const { initiatorDomains = [], excludedInitiatorDomains = [] } = rule.condition;
  const excluded = excludedInitiators(rule, dashboardHosts, undefined);
  return {
    id: rule.id,
    priority: rule.priority,
    action: rule.action,
    condition: {
      ...requestCondition(rule.condition),
      topDomains: [...initiatorDomains],
      ...(excludedInitiatorDomains.length > 0 ? { excludedTopDomains: [...excludedInitiatorDomains] } : {}),
      ...(excluded ? { excludedInitiatorDomains: excluded } : {}),
    },
  };
}

/** The tabs whose top-level host a rule's initiator scope takes in, as a request from that host would be. */
function tabsInScope(rule: DnrRule, tabs: readonly DashboardTab[]): DashboardTab[] {
  const { initiatorDomains = [], excludedInitiatorDomains = [] } = rule.condition;
  return tabs.filter(
    (tab) => hostMatchesAny(tab.host, initiatorDomains) && !hostMatchesAny(tab.host, excludedInitiatorDomains),
  );
}

/**
 * Firefox's twins of many rules: for each rule, one twin per group of its tabs (tabs leaving for another site are
 * grouped by that site), then twins that differ only in their request domains merged into one rule, which matches the
 * same requests with the same outcome (same priority and action). A rule with no tab in scope has no twin. Rules with
 * different scopes that take in the same tabs stay apart: fewer rules would not be worth a less obvious merge.
 */
export function tabIdsTwins(
  rules: readonly DnrRule[],
  tabs: readonly DashboardTab[],
  dashboardHosts: readonly string[],
): RuleWithoutId[] {
  const merged = new Map<string, { rule: RuleWithoutId; domains: Set<string> | undefined }>();
  // Rules share a few initiator scopes (all built-in dashboards, one dashboard...): their tabs are found once per scope.
  const tabsByScope = new Map<string, Map<string, number[]>>();
  for (const rule of rules) {
    if (!isInitiatorScoped(rule)) continue;
    const scopeKey = JSON.stringify([rule.condition.initiatorDomains, rule.condition.excludedInitiatorDomains ?? []]);
    let byLeaving = tabsByScope.get(scopeKey);
    if (byLeaving === undefined) {
      byLeaving = new Map<string, number[]>();
      for (const tab of tabsInScope(rule, tabs)) {
        const key = tab.leavingFor ?? '';
        byLeaving.set(key, [...(byLeaving.get(key) ?? []), tab.tabId]);
      }
      for (const [key, ids] of byLeaving)
        byLeaving.set(
          key,
          [...new Set(ids)].sort((a, b) => a - b),
        );
      tabsByScope.set(scopeKey, byLeaving);
    }
    const { requestDomains, ...rest } = requestCondition(rule.condition);
    const restKey = canonical(rest);
    for (const [leavingFor, tabIds] of byLeaving) {
      // The tabs follow from the scope and leavingFor: the key needs those, not the list itself.
      const key = JSON.stringify([
        rule.priority,
        rule.action.type,
        requestDomains === undefined,
        scopeKey,
        leavingFor,
        restKey,
      ]);
      const group = merged.get(key);
      if (group === undefined) {
        const excluded = excludedInitiators(rule, dashboardHosts, leavingFor || undefined);
        const condition: DnrCondition = {
          ...rest,
          tabIds: [...tabIds],
          ...(excluded ? { excludedInitiatorDomains: excluded } : {}),
        };
        merged.set(key, {
          rule: { priority: rule.priority, action: rule.action, condition },
          domains: requestDomains ? new Set(requestDomains) : undefined,
        });
      } else {
        for (const domain of requestDomains ?? []) group.domains?.add(domain);
      }
    }
  }
  return [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { rule, domains }]) =>
      domains ? { ...rule, condition: { requestDomains: sortedUnique(domains), ...rule.condition } } : rule,
    );
}

/** A condition as a stable string: keys sorted, so equal conditions compare equal. */
function canonical(condition: DnrCondition): string {
  return JSON.stringify(Object.fromEntries(Object.entries(condition).sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * Chromium's static tab cover: the `topDomains` twin of every initiator-scoped rule of the other rulesets, numbered in
 * their own ruleset, each twin about what its rule is about (for the rule index). Built with the rulesets.
 */
export function tabCoverRuleset<S>(
  rulesets: Readonly<Record<string, readonly DnrRule[]>>,
  subjectOf: (rulesetId: string, ruleId: number) => S | undefined,
  dashboardHosts: readonly string[],
): { rules: DnrRule[]; subjects: Map<number, S> } {
  const rules: DnrRule[] = [];
  const subjects = new Map<number, S>();
  for (const [rulesetId, ruleset] of Object.entries(rulesets)) {
    for (const rule of ruleset.filter(isInitiatorScoped)) {
      const id = staticRuleId(rules.length);
      rules.push({ ...topDomainsTwin(rule, dashboardHosts), id });
      const subject = subjectOf(rulesetId, rule.id);
      if (subject !== undefined) subjects.set(id, subject);
    }
  }
  return { rules, subjects };
}
