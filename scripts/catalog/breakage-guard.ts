/**
 * The breakage guard (pure): no blocking rule may block a host a dashboard profile says that dashboard needs. It runs
 * the static rules together with the dynamic rules `computeRuleState` writes, once with default settings and once with
 * every category that is not essential set to "block all", through the same DNR matcher the audit and the unit tests
 * use (src/rules/dnr-matcher.ts). The build fails on any conflict and lists each one: vendor, domain, dashboard, source.
 * (Strict mode on sensitive pages narrows what a page may load on purpose; it is a header, not a blocking rule.)
 */
import type {
  CategoryId,
  DashboardProfile,
  EvidenceSource,
  NeededHost,
  RequestKind,
  RuntimeCatalog,
} from '../../src/catalog';
import type { DnrRule, ResourceType } from '../../src/rules';
// Not the settings and policy entries: they load the validators the build writes after this step (a fresh clone has
// none yet).
// eslint-disable-next-line no-restricted-imports -- see above
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/settings/user-settings';
// eslint-disable-next-line no-restricted-imports -- see above
import { NO_POLICY } from '../../src/policy/managed-policy';
import { hostMatchesDomain } from '../../src/domains';
import { computeRuleState, winningRule } from '../../src/rules';

export type GuardScenario = 'default settings' | 'every non-essential category blocked';

export interface BreakageConflict {
  readonly scenario: GuardScenario;
  readonly dashboardId: string;
  readonly host: string;
  readonly purpose: NeededHost['purpose'];
  readonly source: EvidenceSource;
  /** The vendor whose domain the blocking rule names, when one does. */
  readonly vendorId: string | undefined;
  /** The domain of the blocking rule that covers the host. */
  readonly domain: string | undefined;
  readonly ruleId: number;
  readonly rule: 'static' | 'dynamic';
}

export interface GuardInput {
  readonly catalog: RuntimeCatalog;
  /** Every static rule of every ruleset (rules/generated). */
  readonly staticRules: readonly DnrRule[];
  readonly profiles: readonly DashboardProfile[];
}

/** The resource type a request of this kind has in declarativeNetRequest. */
export const RESOURCE_TYPE: Readonly<Record<RequestKind, ResourceType>> = {
  image: 'image',
  script: 'script',
  fetch: 'xmlhttprequest',
  frame: 'sub_frame',
  stylesheet: 'stylesheet',
};

/** Settings of one scenario: the defaults, or every category without an essential reason set to "block all". */
export function scenarioSettings(catalog: RuntimeCatalog, scenario: GuardScenario): UserSettings {
  if (scenario === 'default settings') return DEFAULT_SETTINGS;
  const blocked: Partial<Record<CategoryId, 'block'>> = {};
  for (const category of catalog.categories)
    if (category.essentialBecause === undefined) blocked[category.id] = 'block';
  return { ...DEFAULT_SETTINGS, categoryRules: blocked };
}

export const GUARD_SCENARIOS: readonly GuardScenario[] = ['default settings', 'every non-essential category blocked'];

export function findBreakage(input: GuardInput): BreakageConflict[] {
  const { catalog, profiles } = input;
  const conflicts: BreakageConflict[] = [];
  const staticRuleSet = new Set(input.staticRules);
  for (const scenario of GUARD_SCENARIOS) {
    const state = computeRuleState({
      catalog,
      settings: scenarioSettings(catalog, scenario),
      policy: NO_POLICY,
      pausedTabs: [],
    });
    const rules = [...input.staticRules, ...state.dynamicRules];
    for (const profile of profiles) {
      const dashboard = catalog.dashboards.find((d) => d.id === profile.dashboardId);
      const initiatorHost = dashboard?.hosts[0];
      if (initiatorHost === undefined) continue;
      for (const need of profile.needs) {
        const rule = winningRule(rules, {
          url: `https://${need.host}/`,
          initiatorHost,
          type: RESOURCE_TYPE[need.loadedAs],
        });
        if (rule === undefined || rule.action.type !== 'block') continue;
        // A rule shared by several vendors names many domains: the most specific one covering the host is its vendor's.
        const domain = rule.condition.requestDomains
          ?.filter((d) => hostMatchesDomain(need.host, d))
          .sort((a, b) => b.length - a.length)[0];
        const vendor = domain === undefined ? undefined : catalog.vendors.find((v) => v.domains.includes(domain));
        conflicts.push({
          scenario,
          dashboardId: profile.dashboardId,
          host: need.host,
          purpose: need.purpose,
          source: need.source,
          vendorId: vendor?.id,
          domain,
          ruleId: rule.id,
          rule: staticRuleSet.has(rule) ? 'static' : 'dynamic',
        });
      }
    }
  }
  return conflicts;
}

/** Problems with the profiles themselves: an unknown dashboard, a malformed host. */
export function profileProblems(catalog: RuntimeCatalog, profiles: readonly DashboardProfile[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const profile of profiles) {
    if (!catalog.dashboards.some((d) => d.id === profile.dashboardId))
      problems.push(`dashboard profile "${profile.dashboardId}": no such dashboard`);
    if (seen.has(profile.dashboardId)) problems.push(`dashboard profile "${profile.dashboardId}": listed twice`);
    seen.add(profile.dashboardId);
    for (const entry of [...profile.needs, ...profile.trackers]) {
      if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(entry.host))
        problems.push(`dashboard profile "${profile.dashboardId}": "${entry.host}" is not an exact host name`);
      if (!/^\d{4}(-\d{2})?$/.test(entry.source.seen))
        problems.push(`dashboard profile "${profile.dashboardId}": ${entry.host}: "seen" must be YYYY or YYYY-MM`);
      if (entry.source.where.trim() === '')
        problems.push(`dashboard profile "${profile.dashboardId}": ${entry.host}: no source`);
    }
  }
  return problems;
}

/** One line per conflict, as the build prints it. */
export function describeConflict(conflict: BreakageConflict): string {
  const who =
    conflict.vendorId === undefined ? `${conflict.rule} rule ${conflict.ruleId}` : `vendor ${conflict.vendorId}`;
  const age = `${conflict.source.seen}${conflict.source.old ? ', old evidence' : ''}`;
  return (
    `${who} blocks ${conflict.domain ?? conflict.host}: ${conflict.host} (${conflict.purpose}) is needed on ${conflict.dashboardId} ` +
    `per ${conflict.source.where} (${age}) [${conflict.scenario}]`
  );
}
