/**
 * Turns what storage.managed holds into a `ManagedPolicy`, item by item: a wrong type, an unknown vendor, category
 * or dashboard, a malformed domain or an unknown key is dropped with a warning naming it, and the rest applies.
 *
 * Never fails open, and never throws, however malformed. Every ignored item can only make the policy add less, never
 * allow more:
 * - an allowedVendors entry must name its dashboards (`["*"]` for all): a missing, empty or wholly unknown list drops
 *   the entry, and an unknown dashboard narrows it, so no typo widens an allowance;
 * - a malformed boolean takes its strict value: report-only off, user rules locked, tab pause off;
 * - under `lockUserRules`, tab pause is off unless `allowTabPause: true` says otherwise;
 * - an extra vendor cannot take a Dashguard vendor's domain (or one wider than it), nor a `custom-` id, which is a
 *   person's own vendor's: allowing it would allow a vendor the policy never named;
 * - an extra vendor's host inside a dashboard's own domains is blocked there above the own-domain allow, for that host
 *   alone; a domain that is (or covers) a dashboard's host or own domain is refused by name, never silently ignored.
 * The types come from the policy's one schema (policy-schema.ts) through its build-time ajv validator; what a schema in Chrome's
 * dialect cannot say (known ids, domain syntax, unknown keys) is checked here against the run-time catalog.
 */
import { managedPolicySchema } from './policy-schema';
import validateManagedSchema from '../generated/validate-managed-schema';
import type { CategoryId, RuntimeCatalog } from '../catalog';
import type { CustomDashboard, CustomVendor } from '../settings';
import { CATEGORY_IDS } from '../catalog';
import { hostMatchesDomain, normaliseDomain } from '../domains';
import { isRecord } from '../shared';
import { normaliseSensitivePage } from '../strict-mode';
import { isAuditRetentionDays, MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from '../audit';
import { parseFleetReporting } from './fleet-reporting-config';
import { NO_POLICY, type ManagedPolicy, type PolicyAllowedVendor } from './managed-policy';
import { formatPath, pointerToPath, unknownKeyPaths, type ValuePath } from './schema-unknown-keys';

export interface ParsedPolicy {
  readonly policy: ManagedPolicy;
  /** One line per ignored item, naming it, for the options page. */
  readonly warnings: string[];
}

export type PolicyCatalog = Pick<RuntimeCatalog, 'vendors' | 'dashboards'>;

/** In allowedVendors[].dashboards: every dashboard. */
export const EVERY_DASHBOARD = '*';

/** Same shape as catalog vendor ids (kebab-case; `6sense` starts with a digit). */
const VENDOR_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_VENDOR_ID_LENGTH = 100;
/** Ids a person's own vendors carry (settings' CUSTOM_VENDOR_ID): an organisation's vendor must never take one over. */
const USER_VENDOR_PREFIX = 'custom-';
/** Characters of a bad value a warning quotes. */
const MAX_SHOWN = 80;

type Json = Record<string, unknown>;
const startsWith = (path: ValuePath, prefix: ValuePath): boolean => prefix.every((segment, i) => path[i] === segment);

/**
 * A value as a warning quotes it: JSON, cut short. Never throws and never walks far: a policy can hold a string of
 * megabytes or nest deeper than JSON.stringify can go, and one bad value must not stop the rest from applying.
 */
export function shown(value: unknown): string {
  const brief = (item: unknown, depth: number): string => {
    if (Array.isArray(item)) {
      if (depth === 0) return '[...]';
      return `[${item
        .slice(0, 4)
        .map((child) => brief(child, depth - 1))
        .join(',')}${item.length > 4 ? ',...' : ''}]`;
    }
    if (typeof item === 'object' && item !== null) {
      if (depth === 0) return '{...}';
      const entries = Object.entries(item);
      return `{${entries
        .slice(0, 4)
        .map(([key, child]) => `${JSON.stringify(key.slice(0, MAX_SHOWN))}:${brief(child, depth - 1)}`)
        .join(',')}${entries.length > 4 ? ',...' : ''}}`;
    }
    if (typeof item === 'string') return JSON.stringify(item.slice(0, MAX_SHOWN + 1));
    return JSON.stringify(item) ?? String(item);
  };
  const text = brief(value, 3);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}...` : text;
}

/** The schema validator's complaints, looked up by where they are. */
function schemaProblems(raw: Json): (path: ValuePath) => string | undefined {
  validateManagedSchema(raw);
  const errors = (validateManagedSchema.errors ?? []).map((error) => ({
    path: pointerToPath(error.instancePath),
    message: error.message ?? 'is malformed',
  }));
  // The first complaint at `path` or inside it.
  return (path) => errors.find((error) => startsWith(error.path, path))?.message;
}

export function parseManagedPolicy(raw: unknown, catalog: PolicyCatalog): ParsedPolicy {
  const warnings: string[] = [];
  if (raw === undefined || raw === null) return { policy: NO_POLICY, warnings };
  if (!isRecord(raw)) return { policy: NO_POLICY, warnings: ['policy: must be an object; ignored.'] };

  const problemAt = schemaProblems(raw);
  const ignore = (path: ValuePath, why: string): void => {
    warnings.push(`${formatPath(path)}: ${why}; ignored.`);
  };
  for (const path of unknownKeyPaths(raw, managedPolicySchema)) {
    warnings.push(`${formatPath(path)}: unknown key; ignored.`);
  }

  /** The items of an array-valued key, each with its path; a non-array is ignored whole. */
  const itemsOf = (key: string): { item: unknown; path: ValuePath }[] => {
    const value = raw[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      ignore([key], problemAt([key]) ?? 'must be a list');
      return [];
    }
    return (value as unknown[]).map((item, index) => ({ item, path: [key, index] }));
  };
  /** Strings of an array-valued key; anything else in it is ignored, item by item. */
  const stringsOf = (key: string): { value: string; path: ValuePath }[] =>
    itemsOf(key).flatMap(({ item, path }) => {
      if (typeof item === 'string') return [{ value: item, path }];
      ignore(path, problemAt(path) ?? 'must be a string');
      return [];
    });
  /** Objects of an array-valued key. */
  const objectsOf = (key: string): { item: Json; path: ValuePath }[] =>
    itemsOf(key).flatMap(({ item, path }) => {
      if (isRecord(item)) return [{ item, path }];
      ignore(path, problemAt(path) ?? 'must be an object');
      return [];
    });
  /** A display name: the given one if it is a non-empty string, else the fallback. */
  const nameOf = (item: Json, path: ValuePath, fallback: string): string => {
    if (item.name === undefined) return fallback;
    if (typeof item.name === 'string' && item.name.trim() !== '') return item.name.trim();
    warnings.push(`${formatPath([...path, 'name'])}: must be a non-empty string; "${fallback}" is shown instead.`);
    return fallback;
  };

  // Extra vendors first: the other lists may name them.
  const catalogVendorIds = new Set(catalog.vendors.map((vendor) => vendor.id));
  /**
   * Why an extra vendor's domain cannot be used, when it is a Dashguard vendor's or wider than one: allowing the
   * extra vendor would allow that vendor too, which the policy never named.
   */
  const catalogOwner = (domain: string): string | undefined => {
    // A host inside a dashboard's own domains is blocked above the own-domain allow, for that host alone
    // (own-domain-hosts.ts); one that is, or covers, a dashboard's host or own domain would block the dashboard itself.
    for (const dashboard of catalog.dashboards) {
      const own = [...dashboard.hosts, ...dashboard.ownDomains].find((d) => hostMatchesDomain(d, domain));
      if (own !== undefined) {
        return `${domain} would block ${dashboard.name} itself (${own} is ${dashboard.name}'s own domain): name the exact host inside it that you want blocked`;
      }
    }
    for (const vendor of catalog.vendors) {
      const overlap = vendor.domains.find((d) => hostMatchesDomain(domain, d) || hostMatchesDomain(d, domain));
      if (overlap === undefined) continue;
      return hostMatchesDomain(domain, overlap)
        ? `${domain} is part of ${vendor.name}, a Dashguard vendor (name "${vendor.id}" in blockedVendors or allowedVendors instead)`
        : `${domain} would also cover ${overlap}, part of ${vendor.name}, a Dashguard vendor (list narrower domains, and name "${vendor.id}" in blockedVendors or allowedVendors)`;
    }
    return undefined;
  };
  const extraVendors: CustomVendor[] = [];
  for (const { item, path } of objectsOf('extraVendors')) {
    const { id } = item;
    if (typeof id !== 'string' || !VENDOR_ID.test(id) || id.length > MAX_VENDOR_ID_LENGTH) {
      ignore(
        path,
        `"id" must be lower-case letters, digits and dashes, at most ${MAX_VENDOR_ID_LENGTH} (got ${id === undefined ? 'nothing' : shown(id)})`,
      );
      continue;
    }
    if (id.startsWith(USER_VENDOR_PREFIX)) {
      // Otherwise it would take the place of a person's custom vendor of that id, and unblock that vendor's domains.
      ignore(path, `"${id}": ids starting with "${USER_VENDOR_PREFIX}" are kept for people's own vendors`);
      continue;
    }
    if (catalogVendorIds.has(id)) {
      ignore(path, `"${id}" is already a Dashguard vendor (name it in blockedVendors instead)`);
      continue;
    }
    if (extraVendors.some((vendor) => vendor.id === id)) {
      ignore(path, `"${id}" is listed twice`);
      continue;
    }
    if (!Array.isArray(item.domains)) {
      ignore(path, `vendor "${id}" needs "domains", a list of domain names`);
      continue;
    }
    const domains: string[] = [];
    item.domains.forEach((domain: unknown, index) => {
      const domainPath = [...path, 'domains', index];
      const checked =
        typeof domain === 'string' ? normaliseDomain(domain) : { ok: false as const, error: 'must be a string' };
      const owner = checked.ok ? catalogOwner(checked.value) : undefined;
      if (!checked.ok) ignore(domainPath, `${shown(domain)} is not a domain name (${checked.error})`);
      else if (owner !== undefined) ignore(domainPath, owner);
      else domains.push(checked.value);
    });
    if (domains.length === 0) {
      ignore(path, `vendor "${id}" has no valid domain`);
      continue;
    }
    extraVendors.push({ id, name: nameOf(item, path, id), domains: [...new Set(domains)] });
  }
  const knownVendor = (id: string): boolean =>
    catalogVendorIds.has(id) || extraVendors.some((vendor) => vendor.id === id);

  const builtInHosts = new Set(catalog.dashboards.flatMap((dashboard) => dashboard.hosts));
  const extraDashboards: CustomDashboard[] = [];
  for (const { item, path } of objectsOf('extraDashboards')) {
    const checked =
      typeof item.host === 'string'
        ? normaliseDomain(item.host)
        : { ok: false as const, error: '"host" must be a string' };
    if (!checked.ok) {
      ignore(path, `${item.host === undefined ? 'no host' : shown(item.host)} is not a host name (${checked.error})`);
      continue;
    }
    const host = checked.value;
    if (builtInHosts.has(host)) {
      ignore(path, `${host} is already a built-in dashboard`);
      continue;
    }
    if (extraDashboards.some((dashboard) => dashboard.host === host)) {
      ignore(path, `${host} is listed twice`);
      continue;
    }
    extraDashboards.push({ host, name: nameOf(item, path, host) });
  }

  const blockedVendors: string[] = [];
  for (const { value, path } of stringsOf('blockedVendors')) {
    if (!knownVendor(value)) ignore(path, `unknown vendor ${shown(value)}`);
    else if (!blockedVendors.includes(value)) blockedVendors.push(value);
  }

  const blockedCategories: CategoryId[] = [];
  for (const { value, path } of stringsOf('blockedCategories')) {
    const category = CATEGORY_IDS.find((id) => id === value);
    if (category === undefined) ignore(path, `unknown category ${shown(value)}`);
    else if (!blockedCategories.includes(category)) blockedCategories.push(category);
  }

  /** A dashboard reference as the rule state resolves it: a catalog id, or a host of a built-in or extra dashboard. */
  const resolveDashboard = (ref: string): string | undefined => {
    if (catalog.dashboards.some((dashboard) => dashboard.id === ref)) return ref;
    const checked = normaliseDomain(ref);
    if (!checked.ok) return undefined;
    return builtInHosts.has(checked.value) || extraDashboards.some((d) => d.host === checked.value)
      ? checked.value
      : undefined;
  };
  const allowedVendors: PolicyAllowedVendor[] = [];
  for (const { item, path } of objectsOf('allowedVendors')) {
    const { vendor, dashboards } = item;
    if (typeof vendor !== 'string' || !knownVendor(vendor)) {
      ignore(path, typeof vendor === 'string' ? `unknown vendor ${shown(vendor)}` : '"vendor" must be a vendor id');
      continue;
    }
    if (!Array.isArray(dashboards) || dashboards.length === 0) {
      ignore(
        path,
        `"dashboards" must list dashboards, or be ["${EVERY_DASHBOARD}"] for every dashboard, so "${vendor}" stays as it was`,
      );
      continue;
    }
    let everywhere = false;
    const refs: string[] = [];
    dashboards.forEach((ref: unknown, index) => {
      if (ref === EVERY_DASHBOARD) everywhere = true;
      const resolved = typeof ref === 'string' ? resolveDashboard(ref) : undefined;
      if (resolved !== undefined) refs.push(resolved);
      else if (ref !== EVERY_DASHBOARD) ignore([...path, 'dashboards', index], `unknown dashboard ${shown(ref)}`);
    });
    if (!everywhere && refs.length === 0) {
      ignore(path, `no known dashboard, so "${vendor}" stays as it was`);
      continue;
    }
    // Empty means every dashboard in ManagedPolicy.
    allowedVendors.push({ vendorId: vendor, dashboards: everywhere ? [] : [...new Set(refs)] });
    if (blockedVendors.includes(vendor))
      warnings.push(`${formatPath(path)}: "${vendor}" is also in blockedVendors, which wins: it stays blocked.`);
  }

  const sensitivePages: string[] = [];
  for (const { value, path } of stringsOf('sensitivePages')) {
    const checked = normaliseSensitivePage(value);
    if (!checked.ok) ignore(path, `${shown(value)} is not a page address (${checked.error})`);
    else if (!sensitivePages.includes(checked.value.pattern)) sensitivePages.push(checked.value.pattern);
  }

  /** A boolean key; a malformed value takes `strict`, the value that blocks the most. */
  const booleanOf = (key: string, fallback: boolean, strict: boolean, meaning: string): boolean => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    warnings.push(`${key}: ${problemAt([key]) ?? 'must be true or false'}; treated as ${strict} (${meaning}).`);
    return strict;
  };
  const reportOnly = booleanOf('reportOnly', NO_POLICY.reportOnly, false, 'report-only stays off');
  const lockUserRules = booleanOf('lockUserRules', NO_POLICY.lockUserRules, true, 'users cannot loosen their rules');
  // Under the lock, pausing (which lets every vendor the policy does not name load, session replay included) is one
  // more way to loosen: off unless the policy allows it by name.
  const allowTabPause = booleanOf(
    'allowTabPause',
    !lockUserRules && NO_POLICY.allowTabPause,
    false,
    'users cannot pause a tab',
  );

  let auditRetentionDays: number | undefined;
  const retention = raw.auditRetentionDays;
  if (retention !== undefined) {
    if (isAuditRetentionDays(retention)) {
      auditRetentionDays = retention;
    } else {
      ignore(
        ['auditRetentionDays'],
        `must be a whole number of days from ${MIN_AUDIT_RETENTION_DAYS} to ${MAX_AUDIT_RETENTION_DAYS}, so the default retention applies`,
      );
    }
  }

  // A bad value keeps addresses redacted: the side that keeps no secret.
  const keepFullAuditUrls =
    raw.keepFullAuditUrls === undefined
      ? undefined
      : booleanOf('keepFullAuditUrls', false, false, 'audited addresses are redacted');

  const fleet = parseFleetReporting(raw.fleetReporting);
  warnings.push(...fleet.warnings);

  return {
    policy: {
      blockedVendors,
      allowedVendors,
      blockedCategories,
      extraDashboards,
      extraVendors,
      sensitivePages,
      reportOnly,
      lockUserRules,
      allowTabPause,
      auditRetentionDays,
      keepFullAuditUrls,
      fleetReporting: fleet.config,
    },
    warnings,
  };
}
