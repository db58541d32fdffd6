/** What the policy's lock leaves of the user's settings (pure): used by the rule state, the audit and the pages. */
import type { ManagedPolicy } from '../policy';
import type { UserSettings, VendorDecision } from '../settings';

/** The user's settings with everything that loosens dropped, when the policy locks them. */
export function effectiveUserSettings(settings: UserSettings, policy: ManagedPolicy): UserSettings {
  if (!policy.lockUserRules) return settings;
  // Only "block" survives, so the result is a subset of the input record with the same key type.
  const keepBlocks = <R extends Readonly<Partial<Record<string, VendorDecision>>>>(rules: R): R =>
    Object.fromEntries(Object.entries(rules).filter(([, action]) => action === 'block')) as R;
  return {
    ...settings,
    vendorRules: keepBlocks(settings.vendorRules),
    categoryRules: keepBlocks(settings.categoryRules),
    dashboardVendorRules: settings.dashboardVendorRules.filter((rule) => rule.action === 'block'),
    reportOnly: false,
  };
}
