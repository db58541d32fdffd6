/**
 * Checks and normalises a whole settings object against the catalog and the policy (pure): every domain through
 * normaliseDomain, every reference to a vendor or a dashboard resolved, limits that keep the rules within the
 * browsers' quotas. Every change and every import goes through it before anything is saved, so what is stored is
 * always valid as a whole. Errors name the field (`customVendors[0].domains[1]`) and say what is wrong.
 *
 * The field checks a form needs (a host, a vendor's domains, a name) are exported too, so a page can show the same
 * message inline as the background would return.
 */
import type { CategoryId, RuntimeCatalog } from '../catalog';
import type { Result } from '../shared';
import type { ManagedPolicy } from '../policy';
import { CATEGORY_IDS, allDashboards, dashboardForHost, dashboardMatchesRef } from '../catalog';
import { hostMatchesAny, hostMatchesDomain, normaliseDomain } from '../domains';
import { normaliseSensitivePage } from '../strict-mode';
import { isAuditRetentionDays, MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from '../audit';
import {
  CUSTOM_VENDOR_ID,
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  type CustomDashboard,
  type CustomVendor,
  type DashboardVendorRule,
  type UserSettings,
  type VendorDecision,
} from './user-settings';
import { SETTINGS_LIMITS } from './settings-schema';

/** The limits the schema declares (settings-schema.ts). */
export const LIMITS = SETTINGS_LIMITS;

export interface SettingsContext {
  readonly catalog: RuntimeCatalog;
  readonly policy: ManagedPolicy;
}

export interface FieldError {
  /** Where: a settings path (`customVendors[0].domains[1]`) or a form field name. */
  readonly field: string;
  readonly message: string;
}

export type ValidatedSettings = Result<UserSettings, FieldError[]>;

/** A display name: trimmed, not empty, not too long. */
export function checkName(input: string, what: string): Result<string> {
  const name = input.trim().replace(/\s+/g, ' ');
  if (name === '') return { ok: false, error: `Enter a name for the ${what}.` };
  if (name.length > LIMITS.nameLength)
    return { ok: false, error: `A name has at most ${LIMITS.nameLength} characters.` };
  return { ok: true, value: name };
}

/** True when one of the two domains is the other or one of its subdomains: a rule naming one also matches the other. */
function overlaps(a: string, b: string): boolean {
  return hostMatchesDomain(a, b) || hostMatchesDomain(b, a);
}

/**
 * Where a domain is already covered, if it is: a dashboard's own domain, or a catalog or organisation vendor's. A
 * domain that covers a vendor's (`google.com` over `analytics.google.com`) is refused too: allowing it would allow
 * that vendor, which the person never allowed.
 */
function domainOwner(domain: string, context: SettingsContext): string | undefined {
  for (const dashboard of context.catalog.dashboards) {
    if (hostMatchesAny(domain, [...dashboard.hosts, ...dashboard.ownDomains])) return `${dashboard.name}'s own domain`;
  }
  for (const vendor of [...context.catalog.vendors, ...context.policy.extraVendors]) {
    const covered = vendor.domains.find((d) => overlaps(domain, d));
    if (covered === undefined) continue;
    if (hostMatchesDomain(domain, covered))
      return `already part of ${vendor.name}: change ${vendor.name}'s setting instead`;
    return `wider than ${covered}, which is part of ${vendor.name}: allowing it would allow ${vendor.name} too (name a more specific domain)`;
  }
  return undefined;
}

/** One domain of a custom vendor. */
export function checkVendorDomain(input: string, context: SettingsContext): Result<string> {
  const checked = normaliseDomain(input);
  if (!checked.ok) return { ok: false, error: checked.error };
  const owner = domainOwner(checked.value, context);
  if (owner !== undefined) return { ok: false, error: `${checked.value} is ${owner}.` };
  return { ok: true, value: checked.value };
}

/** A custom vendor's domains as typed in one field: separated by commas, spaces or new lines. */
export function checkVendorDomains(input: string | readonly string[], context: SettingsContext): Result<string[]> {
  const items = (typeof input === 'string' ? input.split(/[\s,;]+/) : [...input])
    .map((d) => d.trim())
    .filter((d) => d !== '');
  if (items.length === 0) return { ok: false, error: 'Enter at least one domain, such as cdn.example.com.' };
  if (items.length > LIMITS.domainsPerVendor)
    return { ok: false, error: `A vendor has at most ${LIMITS.domainsPerVendor} domains.` };
  const domains: string[] = [];
  for (const item of items) {
    const checked = checkVendorDomain(item, context);
    if (!checked.ok) return { ok: false, error: `"${item}": ${checked.error}` };
    if (!domains.includes(checked.value)) domains.push(checked.value);
  }
  return { ok: true, value: domains };
}

/** The host of a self-hosted dashboard. */
export function checkDashboardHost(
  input: string,
  context: SettingsContext,
  existing: readonly CustomDashboard[],
): Result<string> {
  const checked = normaliseDomain(input);
  if (!checked.ok) return { ok: false, error: checked.error };
  const host = checked.value;
  const builtIn =
    dashboardForHost(context.catalog.dashboards, host) ??
    context.catalog.dashboards.find((d) => hostMatchesAny(host, d.hosts));
  if (builtIn !== undefined)
    return { ok: false, error: `${host} is part of ${builtIn.name}, which Dashguard already knows.` };
  // A host covers its subdomains: one that covers another dashboard's host would carry its rules onto that dashboard.
  const covered = context.catalog.dashboards.find((d) => d.hosts.some((h) => hostMatchesDomain(h, host)));
  if (covered !== undefined)
    return {
      ok: false,
      error: `${host} would include ${covered.name} (${covered.hosts.join(', ')}), which Dashguard already knows: enter the self-hosted dashboard's own host.`,
    };
  const policyOwned = context.policy.extraDashboards.find((d) => d.host === host);
  if (policyOwned !== undefined)
    return { ok: false, error: `${host} is already protected: your organisation added it.` };
  const policyOverlap = context.policy.extraDashboards.find((d) => overlaps(d.host, host));
  if (policyOverlap !== undefined)
    return {
      ok: false,
      error: `${host} overlaps ${policyOverlap.host}, which your organisation protects: enter the self-hosted dashboard's own host.`,
    };
  if (existing.some((d) => d.host === host)) return { ok: false, error: `${host} is already in your list.` };
  const existingOverlap = existing.find((d) => overlaps(d.host, host));
  if (existingOverlap !== undefined)
    return {
      ok: false,
      error: `${host} overlaps ${existingOverlap.host}, already in your list: a rule for one would apply to both.`,
    };
  return { ok: true, value: host };
}

/** A sensitive page typed by a person, on a dashboard Dashguard protects. */
export function checkSensitivePage(
  input: string,
  context: SettingsContext,
  customDashboards: readonly CustomDashboard[],
): Result<string> {
  const checked = normaliseSensitivePage(input);
  if (!checked.ok) return { ok: false, error: checked.error };
  const dashboards = allDashboards(context.catalog, { ...DEFAULT_SETTINGS, customDashboards }, context.policy);
  if (dashboardForHost(dashboards, checked.value.host) === undefined) {
    return {
      ok: false,
      error: `${checked.value.host} is not a dashboard Dashguard protects: add it under "Self-hosted dashboards" first.`,
    };
  }
  return { ok: true, value: checked.value.pattern };
}

/** Every vendor id settings may refer to: the catalog's, the organisation's and the user's own. */
function knownVendorIds(context: SettingsContext, customVendors: readonly CustomVendor[]): Set<string> {
  return new Set([
    ...context.catalog.vendors.map((v) => v.id),
    ...context.policy.extraVendors.map((v) => v.id),
    ...customVendors.map((v) => v.id),
  ]);
}

export interface ValidateOptions {
  /**
   * `strict` (an import): a rule naming a vendor or dashboard Dashguard does not know is an error. `keep-unknown`
   * (a change to stored settings): such a rule is kept as it is and stays dormant (the rule state ignores it), since a
   * catalog update may have removed a vendor the person once chose, and that must not block every later change.
   */
  readonly references: 'strict' | 'keep-unknown';
}

/** Validates and normalises a whole settings object. */
export function validateSettings(
  candidate: UserSettings,
  context: SettingsContext,
  options: ValidateOptions = { references: 'strict' },
): ValidatedSettings {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => {
    errors.push({ field, message });
  };
  const strict = options.references === 'strict';

  // Custom vendors first: the rules below may name them.
  const customVendors: CustomVendor[] = [];
  if (candidate.customVendors.length > LIMITS.customVendors)
    fail('customVendors', `at most ${LIMITS.customVendors} custom vendors`);
  const catalogIds = new Set([
    ...context.catalog.vendors.map((v) => v.id),
    ...context.policy.extraVendors.map((v) => v.id),
  ]);
  // Two custom vendors where one's domain covers the other's: allowing the wider one would allow the other.
  const overlapping = (domain: string): string | undefined => {
    for (const other of customVendors) {
      const clash = other.domains.find((d) => overlaps(d, domain));
      if (clash !== undefined)
        return `${domain} overlaps ${clash}, part of ${other.name}: a rule for one would apply to both`;
    }
    return undefined;
  };
  candidate.customVendors.forEach((vendor, i) => {
    const where = `customVendors[${i}]`;
    if (!CUSTOM_VENDOR_ID.test(vendor.id))
      fail(`${where}.id`, 'must be "custom-" followed by lower-case letters, digits and dashes');
    else if (catalogIds.has(vendor.id)) fail(`${where}.id`, `"${vendor.id}" is already a vendor Dashguard knows`);
    else if (customVendors.some((v) => v.id === vendor.id)) fail(`${where}.id`, `"${vendor.id}" is listed twice`);
    const name = checkName(vendor.name, 'vendor');
    if (!name.ok) fail(`${where}.name`, name.error);
    const domains: string[] = [];
    vendor.domains.forEach((domain, j) => {
      // A domain the catalog took over later stays (the catalog's rule wins anyway), unless this is an import.
      const checked = strict ? checkVendorDomain(domain, context) : normaliseDomain(domain);
      if (!checked.ok) fail(`${where}.domains[${j}]`, checked.error);
      else if (customVendors.some((v) => v.domains.includes(checked.value)) || domains.includes(checked.value))
        fail(`${where}.domains[${j}]`, `${checked.value} is listed twice`);
      else {
        const clash = strict ? overlapping(checked.value) : undefined;
        if (clash !== undefined) fail(`${where}.domains[${j}]`, clash);
        else domains.push(checked.value);
      }
    });
    if (vendor.domains.length === 0) fail(`${where}.domains`, 'needs at least one domain');
    if (vendor.domains.length > LIMITS.domainsPerVendor)
      fail(`${where}.domains`, `at most ${LIMITS.domainsPerVendor} domains`);
    if (name.ok) customVendors.push({ id: vendor.id, name: name.value, domains });
  });

  const customDashboards: CustomDashboard[] = [];
  if (candidate.customDashboards.length > LIMITS.customDashboards)
    fail('customDashboards', `at most ${LIMITS.customDashboards} self-hosted dashboards`);
  candidate.customDashboards.forEach((dashboard, i) => {
    const where = `customDashboards[${i}]`;
    // A host the catalog or the organisation took over later stays (the rule state skips it), unless this is an import.
    const host = strict
      ? checkDashboardHost(dashboard.host, context, customDashboards)
      : normaliseDomain(dashboard.host);
    if (host.ok && !strict && customDashboards.some((d) => d.host === host.value)) {
      fail(`${where}.host`, `${host.value} is listed twice`);
      return;
    }
    if (!host.ok) fail(`${where}.host`, host.error);
    const name = checkName(dashboard.name, 'dashboard');
    if (!name.ok) fail(`${where}.name`, name.error);
    if (host.ok && name.ok) customDashboards.push({ host: host.value, name: name.value });
  });

  const vendorIds = knownVendorIds(context, candidate.customVendors);
  const vendorRules: Record<string, VendorDecision> = {};
  for (const [vendorId, action] of Object.entries(candidate.vendorRules)) {
    if (!vendorIds.has(vendorId) && strict)
      fail(`vendorRules.${vendorId}`, `Dashguard does not know a vendor "${vendorId}"`);
    else vendorRules[vendorId] = action;
  }
  const categoryRules: Partial<Record<CategoryId, VendorDecision>> = {};
  for (const [category, action] of Object.entries(candidate.categoryRules) as [CategoryId, VendorDecision][]) {
    if (!(CATEGORY_IDS as readonly string[]).includes(category))
      fail(`categoryRules.${category}`, `unknown category "${category}"`);
    else categoryRules[category] = action;
  }

  const dashboards = allDashboards(context.catalog, { ...DEFAULT_SETTINGS, customDashboards }, context.policy);
  const dashboardVendorRules: DashboardVendorRule[] = [];
  if (candidate.dashboardVendorRules.length > LIMITS.dashboardVendorRules)
    fail('dashboardVendorRules', `at most ${LIMITS.dashboardVendorRules} rules`);
  candidate.dashboardVendorRules.forEach((rule, i) => {
    const where = `dashboardVendorRules[${i}]`;
    const dashboard = dashboards.find((d) => dashboardMatchesRef(d, rule.dashboard));
    const known = dashboard !== undefined && vendorIds.has(rule.vendorId);
    if (!known && !strict) {
      if (!dashboardVendorRules.some((r) => r.dashboard === rule.dashboard && r.vendorId === rule.vendorId))
        dashboardVendorRules.push(rule);
      return;
    }
    if (dashboard === undefined) fail(`${where}.dashboard`, `Dashguard does not know a dashboard "${rule.dashboard}"`);
    if (!vendorIds.has(rule.vendorId)) fail(`${where}.vendorId`, `Dashguard does not know a vendor "${rule.vendorId}"`);
    if (dashboard === undefined || !vendorIds.has(rule.vendorId)) return;
    if (dashboardVendorRules.some((r) => r.dashboard === dashboard.id && r.vendorId === rule.vendorId)) {
      fail(where, `"${rule.vendorId}" on ${dashboard.name} is listed twice`);
      return;
    }
    // Stored by dashboard id (a custom dashboard's id is its host), however it was named.
    dashboardVendorRules.push({ dashboard: dashboard.id, vendorId: rule.vendorId, action: rule.action });
  });

  const sensitivePages: string[] = [];
  if (candidate.sensitivePages.length > LIMITS.sensitivePages)
    fail('sensitivePages', `at most ${LIMITS.sensitivePages} pages`);
  candidate.sensitivePages.forEach((pattern, i) => {
    const checked = checkSensitivePage(pattern, context, customDashboards);
    const syntax = normaliseSensitivePage(pattern);
    // Not on a dashboard any more (a catalog update): kept, dormant, unless this is an import.
    if (!checked.ok && syntax.ok && !strict) {
      if (!sensitivePages.includes(syntax.value.pattern)) sensitivePages.push(syntax.value.pattern);
      return;
    }
    if (!checked.ok) fail(`sensitivePages[${i}]`, checked.error);
    else if (sensitivePages.includes(checked.value)) fail(`sensitivePages[${i}]`, `${checked.value} is listed twice`);
    else sensitivePages.push(checked.value);
  });

  const auditRetentionDays = candidate.auditRetentionDays;
  if (!isAuditRetentionDays(auditRetentionDays))
    fail(
      'auditRetentionDays',
      `must be a whole number of days from ${MIN_AUDIT_RETENTION_DAYS} to ${MAX_AUDIT_RETENTION_DAYS}`,
    );

  if (errors.length > 0) return { ok: false, error: errors };
  return {
    ok: true,
    value: {
      version: SETTINGS_VERSION,
      vendorRules,
      categoryRules,
      dashboardVendorRules,
      customVendors,
      customDashboards,
      sensitivePages,
      reportOnly: candidate.reportOnly,
      auditRetentionDays,
      keepFullAuditUrls: candidate.keepFullAuditUrls === true,
    },
  };
}
