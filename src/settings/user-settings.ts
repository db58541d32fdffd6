/**
 * The user's settings as stored (storage.local) and exported. Every field is data the rule-state function reads;
 * the UI only edits this object. The types are inferred from the one declaration of the shape, settings-schema.ts.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { CategoryId } from '../catalog';
import type { DeepReadonly } from '../schema';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '../audit';
import {
  CUSTOM_VENDOR_ID_PATTERN,
  SETTINGS_VERSION,
  type customDashboardSchema,
  type customVendorSchema,
  type dashboardVendorRuleSchema,
  type userSettingsSchema,
} from './settings-schema';

export { SETTINGS_VERSION };

/** "Allow Intercom on gitlab.com only": a decision for one vendor on one dashboard. */
export type DashboardVendorRule = DeepReadonly<FromSchema<typeof dashboardVendorRuleSchema>>;

export type VendorDecision = DashboardVendorRule['action'];

/** A vendor the catalog does not know, added by the user or by policy. Blocked unless allowed. */
export type CustomVendor = DeepReadonly<FromSchema<typeof customVendorSchema>>;

/** A self-hosted dashboard (Jenkins, GitLab, TeamCity, Concourse...). */
export type CustomDashboard = DeepReadonly<FromSchema<typeof customDashboardSchema>>;

/**
 * A JSON Schema cannot type an object's keys (its `propertyNames` only checks them), so the category map's keys are
 * narrowed here to the category ids that check allows.
 */
export type UserSettings = DeepReadonly<
  Omit<FromSchema<typeof userSettingsSchema>, 'categoryRules'> & {
    categoryRules: Partial<Record<CategoryId, VendorDecision>>;
  }
>;

export const DEFAULT_SETTINGS: UserSettings = {
  version: SETTINGS_VERSION,
  vendorRules: {},
  categoryRules: {},
  dashboardVendorRules: [],
  customVendors: [],
  customDashboards: [],
  sensitivePages: [],
  reportOnly: false,
  auditRetentionDays: DEFAULT_AUDIT_RETENTION_DAYS,
  keepFullAuditUrls: false,
};

/** Ids of custom vendors a person adds: never one the catalog can use. */
export const CUSTOM_VENDOR_ID = new RegExp(CUSTOM_VENDOR_ID_PATTERN);
