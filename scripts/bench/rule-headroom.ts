/**
 * 6b. Rule counts and headroom against each browser's declarativeNetRequest limits (no browser needed): the static
 * rulesets the build wrote (rules/generated/), the manifest's rulesets, and the dynamic rules `computeRuleState`
 * makes for the default settings and for settings that reach every limit the settings validation allows (Chromium's,
 * with their tab-cover twins), and Firefox's tab-cover session rules with many dashboard tabs open.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RuntimeCatalog } from '../../src/catalog';
import type { UserSettings } from '../../src/settings';
import type { DnrRule, DashboardTab } from '../../src/rules';
import { CATEGORY_IDS, allDashboards } from '../../src/catalog';
import { LIMITS, validateSettings, DEFAULT_SETTINGS } from '../../src/settings';
import { computeRuleState } from '../../src/rules';
import { NO_POLICY } from '../../src/policy';
import { BrokenRunError } from './bench-errors';
import type { Figure } from './bench-table';

/**
 * Each browser's limits, from the same sources as src/rules/dnr-limits.ts (which keeps the lower of the two):
 * Chrome's declarativeNetRequest reference (GUARANTEED_MINIMUM_STATIC_RULES, MAX_NUMBER_OF_STATIC_RULESETS,
 * MAX_NUMBER_OF_ENABLED_STATIC_RULESETS, MAX_NUMBER_OF_DYNAMIC_RULES and MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES since
 * Chrome 121, MAX_NUMBER_OF_SESSION_RULES, MAX_NUMBER_OF_REGEX_RULES) and MDN's pages of the same names for Firefox.
 */
export const BROWSER_DNR_LIMITS = {
  chrome: {
    staticRules: 30_000,
    staticRulesets: 100,
    enabledStaticRulesets: 50,
    dynamicRules: 30_000,
    unsafeDynamicRules: 5_000,
    regexRules: 1_000,
  },
  firefox: {
    staticRules: 30_000,
    staticRulesets: 50,
    enabledStaticRulesets: 10,
    dynamicRules: 5_000,
    unsafeDynamicRules: 5_000,
    regexRules: 1_000,
  },
} as const;
export type DnrBrowser = keyof typeof BROWSER_DNR_LIMITS;

/** MAX_NUMBER_OF_SESSION_RULES, the same in Chrome and Firefox. */
const SESSION_RULE_LIMIT = 5_000;

/** Chrome counts these action types against its "unsafe" dynamic rule limit. */
const UNSAFE_ACTIONS: ReadonlySet<string> = new Set(['redirect', 'modifyHeaders']);

export interface RuleCounts {
  /** Rules per static ruleset, by ruleset id (manifest order). */
  readonly staticRules: Readonly<Record<string, number>>;
  readonly rulesets: number;
  readonly enabledRulesets: number;
  readonly regexRules: number;
  /** Dynamic rules both browsers hold (Firefox's, without tab-cover twins). */
  readonly dynamicDefault: { readonly total: number; readonly unsafe: number };
  readonly dynamicAtLimits: { readonly total: number; readonly unsafe: number };
  /** Chromium's, with their `topDomains` tab-cover twins, at every validation limit (Chrome allows 30,000). */
  readonly dynamicChromiumAtLimits: { readonly total: number; readonly unsafe: number };
  /** Firefox's tab cover: session rules with DASHBOARD_TABS tabs open across every dashboard (and the pauses). */
  readonly sessionDefault: number;
  readonly sessionAtLimits: number;
}

/** Dashboard tabs open at once for the session-rule count: far more than a person keeps, each one paused too. */
export const DASHBOARD_TABS = 500;

export function dynamicCounts(rules: readonly DnrRule[]): { total: number; unsafe: number } {
  return { total: rules.length, unsafe: rules.filter((rule) => UNSAFE_ACTIONS.has(rule.action.type)).length };
}

/**
 * Settings at every limit of the settings validation at once: a rule for every catalog vendor (the opposite of its
 * default), every category, the most custom vendors (each also allowed), per-dashboard rules, self-hosted dashboards
 * and sensitive pages it accepts, and report-only.
 */
export function settingsAtEveryLimit(catalog: RuntimeCatalog): UserSettings {
  const customVendors = Array.from({ length: LIMITS.customVendors }, (_, i) => ({
    id: `custom-bench-${i}`,
    name: `Bench vendor ${i}`,
    domains: [`tracker-${i}.bench-vendor.example`],
  }));
  const customDashboards = Array.from({ length: LIMITS.customDashboards }, (_, i) => ({
    host: `ci-${i}.bench-company.example`,
    name: `CI ${i}`,
  }));
  const vendorIds = [...catalog.vendors.map((v) => v.id), ...customVendors.map((v) => v.id)];
  const dashboardRefs = [...catalog.dashboards.map((d) => d.id), ...customDashboards.map((d) => d.host)];
  const dashboardVendorRules = Array.from({ length: LIMITS.dashboardVendorRules }, (_, i) => ({
    dashboard: dashboardRefs[i % dashboardRefs.length]!,
    vendorId: vendorIds[Math.floor(i / dashboardRefs.length) % vendorIds.length]!,
    action: 'allow' as const,
  }));
  return {
    ...DEFAULT_SETTINGS,
    vendorRules: {
      ...Object.fromEntries(catalog.vendors.map((v) => [v.id, v.defaultAction === 'allow' ? 'block' : 'allow'])),
      ...Object.fromEntries(customVendors.map((v) => [v.id, 'allow'])),
    },
    categoryRules: Object.fromEntries(CATEGORY_IDS.map((id) => [id, 'block'])),
    dashboardVendorRules,
    customVendors,
    customDashboards,
    sensitivePages: Array.from(
      { length: LIMITS.sensitivePages },
      (_, i) => `||${customDashboards[i % customDashboards.length]!.host}/secrets/${i}`,
    ),
    reportOnly: true,
  };
}

interface ManifestRulesets {
  declarative_net_request?: { rule_resources?: { id: string; enabled: boolean; path: string }[] };
}

export function countRules(distDir: string, catalog: RuntimeCatalog): RuleCounts {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'manifest.json'), 'utf8')) as ManifestRulesets;
  const resources = manifest.declarative_net_request?.rule_resources ?? [];
  const staticRules: Record<string, number> = {};
  let regexRules = 0;
  for (const resource of resources) {
    const rules = JSON.parse(readFileSync(path.join(distDir, resource.path), 'utf8')) as DnrRule[];
    staticRules[resource.id] = rules.length;
    regexRules += rules.filter((rule) => (rule.condition as { regexFilter?: string }).regexFilter !== undefined).length;
  }
  const atLimits = settingsAtEveryLimit(catalog);
  const checked = validateSettings(atLimits, { catalog, policy: NO_POLICY });
  if (!checked.ok) {
    throw new BrokenRunError(
      `Broken run: the settings at every limit are not valid settings: ${checked.error
        .slice(0, 3)
        .map((e) => `${e.field}: ${e.message}`)
        .join('; ')}`,
    );
  }
  const state = (settings: UserSettings, tabCover?: { by: 'top-domains' }) =>
    computeRuleState({ catalog, settings, policy: NO_POLICY, pausedTabs: [], ...(tabCover ? { tabCover } : {}) })
      .dynamicRules;
  // Tabs spread over every dashboard in force, so each gets its own tab-cover rules.
  const sessionRules = (settings: UserSettings): number => {
    const hosts = allDashboards(catalog, settings, NO_POLICY).flatMap((d) => d.hosts);
    const tabs: DashboardTab[] = Array.from({ length: DASHBOARD_TABS }, (_, i) => ({
      tabId: i + 1,
      host: hosts[i % hosts.length]!,
    }));
    return computeRuleState({
      catalog,
      settings,
      policy: NO_POLICY,
      pausedTabs: tabs.map((t) => t.tabId),
      tabCover: { by: 'tab-ids', tabs },
    }).sessionRules.length;
  };
  return {
    staticRules,
    rulesets: resources.length,
    enabledRulesets: resources.filter((r) => r.enabled).length,
    regexRules,
    dynamicDefault: dynamicCounts(state(DEFAULT_SETTINGS)),
    dynamicAtLimits: dynamicCounts(state(checked.value)),
    dynamicChromiumAtLimits: dynamicCounts(state(checked.value, { by: 'top-domains' })),
    sessionDefault: sessionRules(DEFAULT_SETTINGS),
    sessionAtLimits: sessionRules(checked.value),
  };
}

function headroom(used: number, limit: number): string {
  return `${(limit - used).toLocaleString('en-US')} left of ${limit.toLocaleString('en-US')} (${(((limit - used) / limit) * 100).toFixed(1)} %)`;
}

export function ruleRows(counts: RuleCounts): Figure[] {
  const { chrome, firefox } = BROWSER_DNR_LIMITS;
  const lower = (key: keyof typeof chrome): number => Math.min(chrome[key], firefox[key]);
  const totalStatic = Object.values(counts.staticRules).reduce((sum, n) => sum + n, 0);
  const both = (used: number, key: keyof typeof chrome): string =>
    chrome[key] === firefox[key]
      ? `Chrome and Firefox: ${headroom(used, chrome[key])}`
      : `Chrome: ${headroom(used, chrome[key])}; Firefox: ${headroom(used, firefox[key])}`;
  const dynamicDetail = (d: { total: number; unsafe: number }): string =>
    `${both(d.total, 'dynamicRules')}; unsafe (modifyHeaders) ${d.unsafe}, Chrome's limit ${chrome.unsafeDynamicRules.toLocaleString('en-US')}`;
  const sessionDetail = (n: number): string =>
    `Firefox's tab cover and ${DASHBOARD_TABS} paused tabs (Chromium's tab cover is static); ${headroom(n, SESSION_RULE_LIMIT)}`;
  return [
    ...Object.entries(counts.staticRules).map(([id, n]): Figure => ({
      figure: `Static rules in ruleset ${id}`,
      value: n,
      unit: 'count',
      target: { op: '<=', value: lower('staticRules') },
      detail: `${((n / totalStatic) * 100).toFixed(1)} % of the static rules; the limit is for all enabled rulesets together`,
    })),
    {
      figure: 'Static rules, all enabled rulesets',
      value: totalStatic,
      unit: 'count',
      target: { op: '<=', value: lower('staticRules') },
      detail: both(totalStatic, 'staticRules'),
    },
    {
      figure: 'Enabled static rulesets',
      value: counts.enabledRulesets,
      unit: 'count',
      target: { op: '<=', value: lower('enabledStaticRulesets') },
      detail: both(counts.enabledRulesets, 'enabledStaticRulesets'),
    },
    {
      figure: 'Regex rules',
      value: counts.regexRules,
      unit: 'count',
      target: { op: '<=', value: lower('regexRules') },
      detail: both(counts.regexRules, 'regexRules'),
    },
    {
      figure: 'Dynamic rules, default settings',
      value: counts.dynamicDefault.total,
      unit: 'count',
      target: { op: '<=', value: lower('dynamicRules') },
      detail: dynamicDetail(counts.dynamicDefault),
    },
    {
      figure: 'Dynamic rules, settings at every validation limit',
      value: counts.dynamicAtLimits.total,
      unit: 'count',
      target: { op: '<=', value: lower('dynamicRules') },
      detail: dynamicDetail(counts.dynamicAtLimits),
    },
    {
      figure: 'Dynamic rules in Chromium, with their tab-cover twins, settings at every validation limit',
      value: counts.dynamicChromiumAtLimits.total,
      unit: 'count',
      target: { op: '<=', value: chrome.dynamicRules },
      detail: `Chrome: ${headroom(counts.dynamicChromiumAtLimits.total, chrome.dynamicRules)}; unsafe (modifyHeaders) ${counts.dynamicChromiumAtLimits.unsafe}, Chrome's limit ${chrome.unsafeDynamicRules.toLocaleString('en-US')} (Firefox has no twins: its tab cover is session rules)`,
    },
    {
      figure: `Session rules, ${DASHBOARD_TABS} dashboard tabs, default settings`,
      value: counts.sessionDefault,
      unit: 'count',
      target: { op: '<=', value: SESSION_RULE_LIMIT },
      detail: sessionDetail(counts.sessionDefault),
    },
    {
      figure: `Session rules, ${DASHBOARD_TABS} dashboard tabs, settings at every validation limit`,
      value: counts.sessionAtLimits,
      unit: 'count',
      target: { op: '<=', value: SESSION_RULE_LIMIT },
      detail: sessionDetail(counts.sessionAtLimits),
    },
  ];
}
