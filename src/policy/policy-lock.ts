/**
 * What the organisation's policy lets a person change, for the settings handlers (refuse with a clear message) and
 * the pages (disable a control, say why). The real guarantee is elsewhere: `effectiveUserSettings` in rule-state.ts
 * drops every loosening user decision under the lock, whatever is stored. These functions only make the refusal
 * visible instead of silent.
 */
import type { CategoryId } from '../catalog';
import type { DashboardVendorRule, UserSettings } from '../settings';
import type { ManagedPolicy } from './managed-policy';

export const LOCKED_MESSAGE = 'Your organisation manages Dashguard and does not allow loosening its rules';

/**
 * The loosening decisions `after` adds to `before` that the lock forbids, one line each (empty when the change is
 * allowed). Compared with `before`, so a person can still edit other things while an old decision is ignored, and
 * tightening (blocking, removing an allowance) is always allowed.
 */
export function lockedLoosenings(before: UserSettings, after: UserSettings, policy: ManagedPolicy): string[] {
  if (!policy.lockUserRules) return [];
  const found: string[] = [];
  for (const [vendorId, action] of Object.entries(after.vendorRules)) {
    if (action === 'allow' && before.vendorRules[vendorId] !== 'allow') found.push(`allowing vendor "${vendorId}"`);
  }
  for (const [category, action] of Object.entries(after.categoryRules) as [CategoryId, string][]) {
    if (action === 'allow' && before.categoryRules[category] !== 'allow') found.push(`allowing category "${category}"`);
  }
  const key = (rule: DashboardVendorRule): string => `${rule.dashboard}\u0000${rule.vendorId}`;
  const allowedBefore = new Set(before.dashboardVendorRules.filter((rule) => rule.action === 'allow').map(key));
  for (const rule of after.dashboardVendorRules) {
    if (rule.action === 'allow' && !allowedBefore.has(key(rule)))
      found.push(`allowing vendor "${rule.vendorId}" on ${rule.dashboard}`);
  }
  if (after.reportOnly && !before.reportOnly) found.push('turning on report-only mode');
  return found;
}

/**
 * Why pausing on a tab is refused, naming the policy settings that refuse it; undefined when the policy allows it.
 * Shown by the popup and returned by the pause handler, so a refusal is never silent.
 */
export function tabPauseRefusal(policy: ManagedPolicy): string | undefined {
  if (policy.allowTabPause) return undefined;
  return policy.lockUserRules
    ? 'Your organisation locks Dashguard (lockUserRules) and its policy does not allow pausing it on a tab (allowTabPause).'
    : 'Your organisation switched off pausing Dashguard on a tab (allowTabPause: false).';
}

/** True when the change loosens something the policy locks. */
export function isLoosening(before: UserSettings, after: UserSettings, policy: ManagedPolicy): boolean {
  return lockedLoosenings(before, after, policy).length > 0;
}

/** The refusal a settings handler returns, naming what it refused. */
export function lockedRefusal(loosenings: readonly string[]): string {
  return `${LOCKED_MESSAGE}: ${loosenings.join(', ')}.`;
}

/** How the policy constrains one vendor's control in the options page. */
export interface ManagedVendorState {
  /** Set when the organisation decides this vendor on every dashboard. */
  readonly forced: 'block' | 'allow' | undefined;
  readonly userMayAllow: boolean;
  readonly userMayBlock: boolean;
  /** Why the control is disabled, for a person to read. */
  readonly reason: string | undefined;
}

/**
 * The vendor's state under the policy, with the rule state's precedence: policy block > policy allow > policy category
 * block > user. An allowance for some dashboards only does not force the vendor (the control stays per dashboard).
 */
export function managedVendorState(
  policy: ManagedPolicy,
  vendorId: string,
  category: CategoryId | undefined,
): ManagedVendorState {
  const allowedEverywhere = policy.allowedVendors.some(
    (entry) => entry.vendorId === vendorId && entry.dashboards.length === 0,
  );
  let forced: ManagedVendorState['forced'];
  let reason: string | undefined;
  if (policy.blockedVendors.includes(vendorId)) {
    forced = 'block';
    reason = 'Blocked by your organisation.';
  } else if (allowedEverywhere) {
    forced = 'allow';
    reason = 'Allowed by your organisation.';
  } else if (category !== undefined && policy.blockedCategories.includes(category)) {
    forced = 'block';
    reason = 'Your organisation blocks this category.';
  }
  const userMayAllow = forced === undefined && !policy.lockUserRules;
  const userMayBlock = forced === undefined;
  if (forced === undefined && policy.lockUserRules)
    reason = 'Your organisation lets you block vendors but not allow them.';
  return { forced, userMayAllow, userMayBlock, reason };
}
