/**
 * Generates the static declarativeNetRequest rulesets from the catalog (pure): one rule per vendor, scoped to the
 * dashboards with `initiatorDomains`, plus one first-party allow rule per dashboard, plus one strict-mode rule per
 * sensitive page (a Content-Security-Policy appended to its document; static so it holds from the very first page
 * load, before the worker runs), plus Chromium's `topDomains` twins of the initiator-scoped ones (tab-cover.ts). Also returns the index from rule id back to what the rule is about, which the audit
 * uses to explain a match.
 */
import type { CatalogVendor, DashboardEntry } from '../../src/catalog/catalog-types';
import type { DnrRule } from '../../src/rules/dnr-rule';
import { DNR_LIMITS } from '../../src/rules/dnr-limits';
import { dashboardScope } from '../../src/catalog/runtime-catalog';
import { ownDomainHosts, ownDomainHostTwins } from '../../src/rules/own-domain-hosts';
import { PRIORITY, RULESET, staticRuleId, type RulesetId } from '../../src/rules/rule-registry';
import { strictModeRule, strictModeSources } from '../../src/strict-mode/strict-mode-csp';
import { tabCoverRuleset } from '../../src/rules/tab-cover';

export type StaticRuleSubject =
  | { kind: 'vendor'; vendorId: string }
  | { kind: 'first-party'; dashboardId: string }
  | { kind: 'strict-mode'; dashboardId: string; urlFilter: string };

export interface StaticRulesets {
  readonly rulesets: Readonly<Record<RulesetId, DnrRule[]>>;
  /** `${rulesetId}/${ruleId}` -> what the rule is about. */
  readonly index: Readonly<Record<string, StaticRuleSubject>>;
}

/** `chromiumTabCover: false` leaves the tab-cover ruleset empty (Firefox's tab cover, made at run time, needs none). */
export function generateStaticRules(vendors: readonly CatalogVendor[], dashboards: readonly DashboardEntry[], options: { chromiumTabCover?: boolean } = {}): StaticRulesets {
  const scope = dashboardScope(dashboards);
  const allowlist: DnrRule[] = [];
  const blocklist: DnrRule[] = [];
  const index: Record<string, StaticRuleSubject> = {};

  for (const dashboard of dashboards) {
    const id = staticRuleId(allowlist.length);
    const own = dashboardScope([dashboard]);
    allowlist.push({
      id,
      priority: PRIORITY.firstParty,
      action: { type: 'allow' },
      condition: {
        requestDomains: [...new Set([...dashboard.hosts, ...dashboard.ownDomains])].sort(),
        initiatorDomains: own.initiatorDomains,
        excludedInitiatorDomains: own.excludedInitiatorDomains,
      },
    });
    index[`${RULESET.allowlist}/${id}`] = { kind: 'first-party', dashboardId: dashboard.id };
  }

  for (const vendor of vendors) {
    const target = vendor.defaultAction === 'allow' ? allowlist : blocklist;
    const rulesetId = vendor.defaultAction === 'allow' ? RULESET.allowlist : RULESET.blocklist;
    const id = staticRuleId(target.length);
    target.push({
      id,
      priority: vendor.defaultAction === 'allow' ? PRIORITY.essentialAllow : PRIORITY.defaultBlock,
      action: { type: vendor.defaultAction },
      condition: {
        requestDomains: [...vendor.domains],
        initiatorDomains: scope.initiatorDomains,
        excludedInitiatorDomains: scope.excludedInitiatorDomains,
      },
    });
    index[`${rulesetId}/${id}`] = { kind: 'vendor', vendorId: vendor.id };
  }

  // A vendor host inside a dashboard's own domains (first-party telemetry): its default also holds above the
  // own-domain allow, for that host only.
  const ownHosts = ownDomainHosts(dashboards, vendors.flatMap((v) => v.domains));
  for (const vendor of vendors) {
    const target = vendor.defaultAction === 'allow' ? allowlist : blocklist;
    const rulesetId = vendor.defaultAction === 'allow' ? RULESET.allowlist : RULESET.blocklist;
    const rule: DnrRule = {
      id: 0,
      priority: vendor.defaultAction === 'allow' ? PRIORITY.essentialAllow : PRIORITY.defaultBlock,
      action: { type: vendor.defaultAction },
      condition: { requestDomains: [...vendor.domains], initiatorDomains: scope.initiatorDomains, excludedInitiatorDomains: scope.excludedInitiatorDomains },
    };
    for (const twin of ownDomainHostTwins([rule], ownHosts, () => staticRuleId(target.length))) {
      target.push(twin);
      index[`${rulesetId}/${twin.id}`] = { kind: 'vendor', vendorId: vendor.id };
    }
  }

  const strictMode: DnrRule[] = [];
  for (const dashboard of dashboards) {
    for (const urlFilter of dashboard.sensitivePages ?? []) {
      const id = staticRuleId(strictMode.length);
      strictMode.push(strictModeRule({ id, priority: PRIORITY.strictModeCsp, urlFilter, sources: strictModeSources(dashboard) }));
      index[`${RULESET.strictMode}/${id}`] = { kind: 'strict-mode', dashboardId: dashboard.id, urlFilter };
    }
  }
  const rulesets = { [RULESET.allowlist]: allowlist, [RULESET.blocklist]: blocklist, [RULESET.strictMode]: strictMode };
  // Chromium's tab cover (tab-cover.ts); the Firefox build leaves this ruleset out.
  const tabCover = options.chromiumTabCover === false ? { rules: [], subjects: new Map() } : tabCoverRuleset(rulesets, (rulesetId, ruleId) => index[`${rulesetId}/${ruleId}`], scope.initiatorDomains);
  for (const [id, subject] of tabCover.subjects) index[`${RULESET.tabCover}/${id}`] = subject;
  return { rulesets: { ...rulesets, [RULESET.tabCover]: tabCover.rules }, index };
}

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
