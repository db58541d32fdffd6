/**
 * Reads a stored or imported settings object into `UserSettings`, field by field: what is wrong is reported and
 * replaced by its default, so one bad entry never discards the rest. (The options page's import uses the stricter
 * JSON-schema validation and refuses a bad file whole.)
 */
import { CATEGORY_IDS, type CategoryId } from '../catalog/catalog-types';
import {
  DEFAULT_SETTINGS,
  type CustomDashboard,
  type CustomVendor,
  type DashboardVendorRule,
  type UserSettings,
  type VendorDecision,
} from './user-settings';
import { isRecord } from '../shared/is-record';
import { isAuditRetentionDays, MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from '../audit/audit-limits';

export interface ParsedSettings {
  readonly settings: UserSettings;
  readonly problems: string[];
}

const isDecision = (value: unknown): value is VendorDecision => value === 'allow' || value === 'block';
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

export function parseStoredSettings(raw: unknown): ParsedSettings {
  const problems: string[] = [];
  if (raw === undefined) return { settings: DEFAULT_SETTINGS, problems };
  if (!isRecord(raw)) return { settings: DEFAULT_SETTINGS, problems: ['settings are not an object'] };

  const vendorRules: Record<string, VendorDecision> = {};
  if (isRecord(raw.vendorRules)) {
    for (const [id, action] of Object.entries(raw.vendorRules)) {
      if (isDecision(action)) vendorRules[id] = action;
      else problems.push(`vendorRules.${id}: must be "allow" or "block"`);
    }
  } else if (raw.vendorRules !== undefined) problems.push('vendorRules: must be an object');

  const categoryRules: Partial<Record<CategoryId, VendorDecision>> = {};
  if (isRecord(raw.categoryRules)) {
    for (const [id, action] of Object.entries(raw.categoryRules)) {
      if ((CATEGORY_IDS as readonly string[]).includes(id) && isDecision(action))
        categoryRules[id as CategoryId] = action;
      else problems.push(`categoryRules.${id}: unknown category or bad action`);
    }
  } else if (raw.categoryRules !== undefined) problems.push('categoryRules: must be an object');

  const list = <T>(name: string, value: unknown, check: (item: unknown) => item is T): T[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      problems.push(`${name}: must be a list`);
      return [];
    }
    return value.filter((item, index) => {
      const ok = check(item);
      if (!ok) problems.push(`${name}[${index}]: malformed entry`);
      return ok;
    });
  };
  const dashboardVendorRules = list<DashboardVendorRule>(
    'dashboardVendorRules',
    raw.dashboardVendorRules,
    (item): item is DashboardVendorRule =>
      isRecord(item) &&
      typeof item.dashboard === 'string' &&
      typeof item.vendorId === 'string' &&
      isDecision(item.action),
  );
  const customVendors = list<CustomVendor>(
    'customVendors',
    raw.customVendors,
    (item): item is CustomVendor =>
      isRecord(item) &&
      typeof item.id === 'string' &&
      typeof item.name === 'string' &&
      isStringArray(item.domains) &&
      item.domains.length > 0,
  );
  const customDashboards = list<CustomDashboard>(
    'customDashboards',
    raw.customDashboards,
    (item): item is CustomDashboard => isRecord(item) && typeof item.host === 'string' && typeof item.name === 'string',
  );
  const sensitivePages = list<string>(
    'sensitivePages',
    raw.sensitivePages,
    (item): item is string => typeof item === 'string',
  );
  const reportOnly = raw.reportOnly === true;
  if (raw.reportOnly !== undefined && typeof raw.reportOnly !== 'boolean')
    problems.push('reportOnly: must be true or false');
  const retention = raw.auditRetentionDays;
  const auditRetentionDays = isAuditRetentionDays(retention) ? retention : DEFAULT_SETTINGS.auditRetentionDays;
  if (retention !== undefined && !isAuditRetentionDays(retention))
    problems.push(
      `auditRetentionDays: must be a whole number of days from ${MIN_AUDIT_RETENTION_DAYS} to ${MAX_AUDIT_RETENTION_DAYS}`,
    );

  const keepFullAuditUrls = raw.keepFullAuditUrls === true;
  if (raw.keepFullAuditUrls !== undefined && typeof raw.keepFullAuditUrls !== 'boolean')
    problems.push('keepFullAuditUrls: must be true or false');

  return {
    settings: {
      ...DEFAULT_SETTINGS,
      vendorRules,
      categoryRules,
      dashboardVendorRules,
      customVendors,
      customDashboards,
      sensitivePages,
      reportOnly,
      auditRetentionDays,
      keepFullAuditUrls,
    },
    problems,
  };
}
