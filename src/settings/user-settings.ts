/**
 * The user's settings as stored (storage.local) and exported. Every field is data the rule-state function reads;
 * the UI only edits this object.
 */
import type { CategoryId } from '../catalog/catalog-types';

/**
 * Version of the stored and exported format. 2: custom vendor ids carry the `custom-` prefix, so a vendor the catalog
 * adds later can never take over a user's custom vendor (see settings-migrations.ts for 1 -> 2). 3: no rule names the
 * retired Cirrus CI dashboard (2 -> 3).
 */
export const SETTINGS_VERSION = 3;

export type VendorDecision = 'allow' | 'block';

/** "Allow Intercom on gitlab.com only": a decision for one vendor on one dashboard. */
export interface DashboardVendorRule {
  /** A catalog dashboard id, or the host of a custom dashboard. */
  readonly dashboard: string;
  readonly vendorId: string;
  readonly action: VendorDecision;
}

/** A vendor the catalog does not know, added by the user or by policy. Blocked unless allowed. */
export interface CustomVendor {
  /** A user's: `custom-` and kebab-case (CUSTOM_VENDOR_ID). The organisation's follow the policy's own rules. */
  readonly id: string;
  readonly name: string;
  readonly domains: readonly string[];
}

/** A self-hosted dashboard (Jenkins, GitLab, TeamCity, Concourse...). */
export interface CustomDashboard {
  readonly host: string;
  readonly name: string;
}

export interface UserSettings {
  readonly version: typeof SETTINGS_VERSION;
  readonly vendorRules: Readonly<Record<string, VendorDecision>>;
  readonly categoryRules: Readonly<Partial<Record<CategoryId, VendorDecision>>>;
  readonly dashboardVendorRules: readonly DashboardVendorRule[];
  readonly customVendors: readonly CustomVendor[];
  readonly customDashboards: readonly CustomDashboard[];
  /** Extra strict-mode pages, as `||host/path` URL filters. */
  readonly sensitivePages: readonly string[];
  /** Audit everything, block nothing (policy blocks still hold). */
  readonly reportOnly: boolean;
  /** Days the audit log keeps what tried to load (a policy value overrides it). */
  readonly auditRetentionDays: number;
  /**
   * Keep audited addresses whole (query values and token-like path segments included) instead of redacted. Off by
   * default: those values can be secrets (reset tokens, session ids, e-mail addresses). A policy value overrides it.
   */
  readonly keepFullAuditUrls: boolean;
}

export const DEFAULT_SETTINGS: UserSettings = {
  version: SETTINGS_VERSION,
  vendorRules: {},
  categoryRules: {},
  dashboardVendorRules: [],
  customVendors: [],
  customDashboards: [],
  sensitivePages: [],
  reportOnly: false,
  auditRetentionDays: 30,
  keepFullAuditUrls: false,
};

/** Ids of custom vendors a person adds: never one the catalog can use. */
export const CUSTOM_VENDOR_ID = /^custom-[a-z0-9]+(-[a-z0-9]+)*$/;
