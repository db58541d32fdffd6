/**
 * The organisation's policy (storage.managed), after validation. Absent policy is `NO_POLICY`.
 */
import type { CategoryId } from '../catalog/catalog-types';
import type { CustomDashboard, CustomVendor } from '../settings/user-settings';
import type { FleetReportingConfig } from '../fleet/fleet-reporting-config';

export interface PolicyAllowedVendor {
  readonly vendorId: string;
  /** Dashboard ids or custom hosts; empty means every dashboard. */
  readonly dashboards: readonly string[];
}

export interface ManagedPolicy {
  readonly blockedVendors: readonly string[];
  readonly allowedVendors: readonly PolicyAllowedVendor[];
  readonly blockedCategories: readonly CategoryId[];
  readonly extraDashboards: readonly CustomDashboard[];
  readonly extraVendors: readonly CustomVendor[];
  readonly sensitivePages: readonly string[];
  readonly reportOnly: boolean;
  /** Users may tighten but not loosen anything. */
  readonly lockUserRules: boolean;
  /** Off under `lockUserRules` unless the policy sets it true by name. */
  readonly allowTabPause: boolean;
  readonly auditRetentionDays: number | undefined;
  /** Whether the audit keeps addresses whole (true) or redacted (false); undefined leaves it to the user. */
  readonly keepFullAuditUrls: boolean | undefined;
  /** Where audit summaries go (fleet reporting); undefined: nothing is ever sent. */
  readonly fleetReporting: FleetReportingConfig | undefined;
}

export const NO_POLICY: ManagedPolicy = {
  blockedVendors: [],
  allowedVendors: [],
  blockedCategories: [],
  extraDashboards: [],
  extraVendors: [],
  sensitivePages: [],
  reportOnly: false,
  lockUserRules: false,
  allowTabPause: true,
  auditRetentionDays: undefined,
  keepFullAuditUrls: undefined,
  fleetReporting: undefined,
};
