// The rules feature's entry: what code outside src/rules/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { compactRules } from './compact-rules';
export type { RuleWithoutId } from './compact-rules';
export { DNR_LIMITS } from './dnr-limits';
export { TRACKER_RESOURCE_TYPES } from './dnr-rule';
export type { DnrRule, ResourceType } from './dnr-rule';
export { effectiveUserSettings } from './effective-user-settings';
export { generateStaticRules } from './generate-static-rules';
export type { StaticRulesets } from './generate-static-rules';
export { PRIORITY, RULESET, priorityBand, staticRuleId } from './rule-registry';
export type { PriorityBand, RulesetId } from './rule-registry';
export type { RuleAbout, RuleSubject } from './rule-subject';
export { createDashboardTabs } from './dashboard-tabs';
export type { DashboardTabs } from './dashboard-tabs';
export { createRuleMatcher, headerRulesOf, rankedRules, winningRule } from './dnr-matcher';
export type { DnrRequest, RuleMatcher } from './dnr-matcher';
export { isOwnDomainHost, ownDomainHostTwins, ownDomainHosts } from './own-domain-hosts';
export { PAUSED_TABS_KEY, createPausedTabsStore } from './paused-tabs-store';
export type { PausedTabsStore } from './paused-tabs-store';
export { createRuleReconciler } from './rule-reconciler';
export type { ReconcileOverrides } from './rule-reconciler';
export { computeRuleState, computeRuleStateAbout, staticRulesAbout } from './rule-state';
export type { RuleStateInput } from './rule-state';
export { createRuleSync } from './rule-sync';
export { strictModePagesFor } from './strict-mode-pages';
export { strictModeSourcesFor } from './strict-mode-state';
export { tabCoverRuleset } from './tab-cover';
export type { DashboardTab } from './tab-cover';
