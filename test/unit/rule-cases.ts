/**
 * Every combination of catalog default, user decisions, policy decisions, report-only and tab pause for one vendor
 * on the test catalog's "ci" dashboard. Shared by the rule-state test (outcome against the promised precedence) and
 * the audit tests (what the audit says against what the rules do), so both walk the same space.
 */
import type { DnrRule } from '../../src/rules/dnr-rule';
import { NO_POLICY, type ManagedPolicy } from '../../src/policy/managed-policy';
import { computeRuleState } from '../../src/rules/rule-state';
import {
  DEFAULT_SETTINGS,
  type DashboardVendorRule,
  type UserSettings,
  type VendorDecision,
} from '../../src/settings/user-settings';
import { testCatalog } from './test-catalog';

const { catalog, staticRules, staticRulesFor } = testCatalog();

/** The tab the pause rule names; it shows the "ci" dashboard (app.ci.example). */
export const TAB = 7;
/** A tab on the other dashboard (forge.example), never paused. */
export const FORGE_TAB = 8;

/** Which browser's tab cover to add: Chromium's topDomains twins, or Firefox's tabIds session rules. */
export type CoverBrowser = 'chromium' | 'firefox';

export type Maybe = VendorDecision | undefined;

export interface Case {
  vendor: 'tracker' | 'live';
  category: Maybe;
  vendorRule: Maybe;
  /** User rule for this vendor on this dashboard. */
  here: Maybe;
  /** User rule for this vendor on the other dashboard. */
  elsewhere: Maybe;
  reportOnly: boolean;
  paused: boolean;
  policyBlock: boolean;
  policyAllow: 'no' | 'everywhere' | 'elsewhere';
  policyCategory: boolean;
  locked: boolean;
  pauseAllowed: boolean;
}

export function inputs(c: Case): { settings: UserSettings; policy: ManagedPolicy } {
  const category = c.vendor === 'tracker' ? 'analytics' : 'realtime';
  const dashboardRules: DashboardVendorRule[] = [];
  if (c.here) dashboardRules.push({ dashboard: 'ci', vendorId: c.vendor, action: c.here });
  if (c.elsewhere) dashboardRules.push({ dashboard: 'forge', vendorId: c.vendor, action: c.elsewhere });
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      categoryRules: c.category ? { [category]: c.category } : {},
      vendorRules: c.vendorRule ? { [c.vendor]: c.vendorRule } : {},
      dashboardVendorRules: dashboardRules,
      reportOnly: c.reportOnly,
    },
    policy: {
      ...NO_POLICY,
      blockedVendors: c.policyBlock ? [c.vendor] : [],
      allowedVendors:
        c.policyAllow === 'no'
          ? []
          : [{ vendorId: c.vendor, dashboards: c.policyAllow === 'elsewhere' ? ['forge'] : [] }],
      blockedCategories: c.policyCategory ? [category] : [],
      lockUserRules: c.locked,
      allowTabPause: c.pauseAllowed,
    },
  };
}

export function allCases(): Case[] {
  const decisions: Maybe[] = [undefined, 'allow', 'block'];
  const cases: Case[] = [];
  for (const vendor of ['tracker', 'live'] as const)
    for (const category of decisions)
      for (const vendorRule of decisions)
        for (const here of decisions)
          for (const elsewhere of [undefined, 'allow'] as Maybe[])
            for (const reportOnly of [false, true])
              for (const paused of [false, true])
                for (const policyBlock of [false, true])
                  for (const policyAllow of ['no', 'everywhere', 'elsewhere'] as const)
                    for (const policyCategory of [false, true])
                      for (const locked of [false, true])
                        for (const pauseAllowed of [false, true])
                          cases.push({
                            vendor,
                            category,
                            vendorRule,
                            here,
                            elsewhere,
                            reportOnly,
                            paused,
                            policyBlock,
                            policyAllow,
                            policyCategory,
                            locked,
                            pauseAllowed,
                          });
  return cases;
}

/**
 * Static rules plus the computed dynamic and session rules for a case. With `cover`, the rules that browser gets,
 * tab cover included (Firefox's for TAB on app.ci.example and FORGE_TAB on forge.example).
 */
export function rulesFor(c: Case, cover?: CoverBrowser): DnrRule[] {
  const { settings, policy } = inputs(c);
  const pausedTabs = c.paused ? [TAB] : [];
  if (cover === undefined) {
    const state = computeRuleState({ catalog, settings, policy, pausedTabs });
    return [...staticRules, ...state.dynamicRules, ...state.sessionRules];
  }
  const tabCover =
    cover === 'chromium'
      ? { by: 'top-domains' as const }
      : {
          by: 'tab-ids' as const,
          tabs: [
            { tabId: TAB, host: 'app.ci.example' },
            { tabId: FORGE_TAB, host: 'forge.example' },
          ],
        };
  const state = computeRuleState({ catalog, settings, policy, pausedTabs, tabCover });
  return [...staticRulesFor(cover), ...state.dynamicRules, ...state.sessionRules];
}

/** The host the case's vendor is requested from (a subdomain of its catalog domain). */
export const host = (vendor: Case['vendor']): string =>
  vendor === 'tracker' ? 'cdn.tracker.example' : 'ws.live.example';
