/**
 * Strict mode's part of the rule state (pure; called by computeRuleState only). The catalog's sensitive pages have
 * static strict-mode rules (rules/generated/strict-mode.json), in force before any code runs. This adds:
 *   - a strict-mode rule for every sensitive page a user or the organisation added;
 *   - where the settings loosen strict mode on a dashboard (a vendor allowed on that dashboard, or report-only), a
 *     "replace" allow rule that switches off the lower strict-mode headers of each of its sensitive pages, and the
 *     "replacement" header above it: the same policy plus the allowed vendors' domains, or report-only.
 * A vendor counts as allowed on a page only when someone allowed it on that dashboard (a per-dashboard user rule, or
 * a policy allow naming the dashboard), never through a global or category allow, and never when the policy blocks it.
 */
import type { DashboardEntry } from '../catalog';
import type { UserSettings } from '../settings';
import type { ManagedPolicy } from '../policy';
import type { StrictModeSources } from '../strict-mode';
import { dashboardForHost, dashboardMatchesRef } from '../catalog';
import { sensitivePageHost, STRICT_MODE_RESOURCE_TYPES, strictModeRule, strictModeSources } from '../strict-mode';
import type { RuleAbout } from './rule-subject';
import { PRIORITY, dynamicRuleId } from './rule-registry';

/** A vendor as strict mode needs it. */
export interface StrictModeVendor {
  readonly id: string;
  readonly domains: readonly string[];
  readonly category: string | undefined;
}

export interface StrictModeInput {
  readonly dashboards: readonly DashboardEntry[];
  /** The user's settings after the policy's lock (effectiveUserSettings). */
  readonly settings: UserSettings;
  readonly policy: ManagedPolicy;
  readonly vendors: ReadonlyMap<string, StrictModeVendor>;
  readonly reportOnly: boolean;
}

/** Ids of the vendors someone allowed on this one dashboard, as strict mode honours them. */
export function vendorsAllowedOnDashboard(
  dashboard: DashboardEntry,
  settings: UserSettings,
  policy: ManagedPolicy,
  vendors: ReadonlyMap<string, StrictModeVendor>,
): string[] {
  const byPolicy = new Set(
    policy.allowedVendors
      .filter((a) => a.dashboards.some((ref) => dashboardMatchesRef(dashboard, ref)))
      .map((a) => a.vendorId),
  );
  const byUser = settings.dashboardVendorRules
    .filter((r) => r.action === 'allow' && dashboardMatchesRef(dashboard, r.dashboard))
    .map((r) => r.vendorId);
  const blocked = new Set(policy.blockedVendors);
  const blockedCategories = new Set<string>(policy.blockedCategories);
  return [...new Set([...byPolicy, ...byUser])]
    .filter((id) => {
      const vendor = vendors.get(id);
      if (vendor === undefined || blocked.has(id)) return false;
      // A policy category block beats a user allow, not a policy allow.
      return byPolicy.has(id) || vendor.category === undefined || !blockedCategories.has(vendor.category);
    })
    .sort();
}

/** The sources strict mode lets a sensitive page of this dashboard use, with the vendors allowed on it. */
export function strictModeSourcesFor(
  dashboard: DashboardEntry | undefined,
  input: Omit<StrictModeInput, 'dashboards' | 'reportOnly'>,
): StrictModeSources {
  if (dashboard === undefined) return strictModeSources(undefined);
  const allowed = vendorsAllowedOnDashboard(dashboard, input.settings, input.policy, input.vendors);
  return strictModeSources(
    dashboard,
    allowed.flatMap((id) => input.vendors.get(id)?.domains ?? []),
  );
}

/** True when the settings widen the dashboard's policy (a vendor allowed there), so the static header is replaced. */
export function strictModeLoosened(dashboard: DashboardEntry | undefined, sources: StrictModeSources): boolean {
  return sources.domains.length !== strictModeSources(dashboard).domains.length;
}

/** Every sensitive page in force, with its dashboard: the catalog's, then the organisation's, then the user's. */
export function sensitivePages(
  input: Pick<StrictModeInput, 'dashboards' | 'settings' | 'policy'>,
): { pattern: string; dashboard: DashboardEntry | undefined; builtIn: boolean }[] {
  const pages: { pattern: string; dashboard: DashboardEntry | undefined; builtIn: boolean }[] = [];
  const seen = new Set<string>();
  for (const dashboard of input.dashboards) {
    for (const pattern of dashboard.sensitivePages ?? []) {
      if (seen.has(pattern)) continue;
      seen.add(pattern);
      pages.push({ pattern, dashboard, builtIn: true });
    }
  }
  for (const pattern of [...input.policy.sensitivePages, ...input.settings.sensitivePages]) {
    if (seen.has(pattern)) continue;
    seen.add(pattern);
    const host = sensitivePageHost(pattern);
    pages.push({
      pattern,
      dashboard: host === undefined ? undefined : dashboardForHost(input.dashboards, host),
      builtIn: false,
    });
  }
  return pages;
}

/** The strict-mode rules of the rule state, each with what it is about (its sensitive page and that page's sources). */
export function strictModeRules(input: StrictModeInput): RuleAbout[] {
  const rules: RuleAbout[] = [];
  const counters = { strictModeCsp: 0, strictModeReplace: 0, strictModeReplacement: 0 };
  const next = (band: keyof typeof counters): number => dynamicRuleId(band, counters[band]++);
  const sourcesByDashboard = new Map<string, { sources: StrictModeSources; loosened: boolean }>();
  const forDashboard = (dashboard: DashboardEntry | undefined): { sources: StrictModeSources; loosened: boolean } => {
    if (dashboard === undefined) return { sources: strictModeSources(undefined), loosened: input.reportOnly };
    const known = sourcesByDashboard.get(dashboard.id);
    if (known) return known;
    const sources = strictModeSourcesFor(dashboard, input);
    const result = { sources, loosened: input.reportOnly || strictModeLoosened(dashboard, sources) };
    sourcesByDashboard.set(dashboard.id, result);
    return result;
  };

  for (const { pattern, dashboard, builtIn } of sensitivePages(input)) {
    const { sources, loosened } = forDashboard(dashboard);
    const subject = { kind: 'strict-mode', dashboardId: dashboard?.id, urlFilter: pattern, sources } as const;
    if (!loosened) {
      // The catalog's pages already have their static rule.
      if (!builtIn) {
        const rule = strictModeRule({
          id: next('strictModeCsp'),
          priority: PRIORITY.strictModeCsp,
          urlFilter: pattern,
          sources,
        });
        rules.push({ rule, subject });
      }
      continue;
    }
    rules.push({
      rule: {
        id: next('strictModeReplace'),
        priority: PRIORITY.strictModeReplace,
        action: { type: 'allow' },
        condition: { urlFilter: pattern, resourceTypes: [...STRICT_MODE_RESOURCE_TYPES] },
      },
      subject,
    });
    rules.push({
      rule: strictModeRule({
        id: next('strictModeReplacement'),
        priority: PRIORITY.strictModeReplacement,
        urlFilter: pattern,
        sources,
        reportOnly: input.reportOnly,
      }),
      subject,
    });
  }
  return rules;
}
