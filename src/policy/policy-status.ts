/**
 * What the background tells the extension's pages about the organisation's policy (`policy/get`): the policy in
 * force, what was ignored and why, and where it came from. The options page shows the "managed by your
 * organisation" notice and disables locked controls from this.
 */
import type { ManagedPolicy } from './managed-policy';
import { isRecord } from '../shared/is-record';

/** Message type of the request; payload `null`, from extension pages only. */
export const POLICY_GET = 'policy/get';

/**
 * `managed`: read from the browser's managed storage now. `last-known`: the copy kept from an earlier answer, used
 * while managed storage has not answered in this browser session (see policy-store.ts). `none`: no policy.
 */
export type PolicySource = 'managed' | 'last-known' | 'none';

export interface PolicyStatus {
  readonly policy: ManagedPolicy;
  /** One line per ignored policy item, naming it. */
  readonly warnings: readonly string[];
  readonly source: PolicySource;
  /** True when the organisation sets anything at all (even if all of it was ignored). */
  readonly managed: boolean;
}

/** What `policy/get` says in place of the fleet reporting Authorization value. */
export const AUTHORIZATION_HIDDEN = '(set, not shown)';

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Checks a `policy/get` reply where it is received (an extension page), so the page never renders a wrong shape. */
export function isPolicyStatus(value: unknown): value is PolicyStatus {
  if (!isRecord(value) || !isRecord(value.policy) || !isStrings(value.warnings) || typeof value.managed !== 'boolean')
    return false;
  if (value.source !== 'managed' && value.source !== 'last-known' && value.source !== 'none') return false;
  const { policy } = value;
  return (
    isStrings(policy.blockedVendors) &&
    Array.isArray(policy.allowedVendors) &&
    policy.allowedVendors.every(
      (entry) => isRecord(entry) && typeof entry.vendorId === 'string' && isStrings(entry.dashboards),
    ) &&
    isStrings(policy.blockedCategories) &&
    Array.isArray(policy.extraDashboards) &&
    policy.extraDashboards.every(
      (entry) => isRecord(entry) && typeof entry.host === 'string' && typeof entry.name === 'string',
    ) &&
    Array.isArray(policy.extraVendors) &&
    policy.extraVendors.every(
      (entry) =>
        isRecord(entry) && typeof entry.id === 'string' && typeof entry.name === 'string' && isStrings(entry.domains),
    ) &&
    isStrings(policy.sensitivePages) &&
    typeof policy.reportOnly === 'boolean' &&
    typeof policy.lockUserRules === 'boolean' &&
    typeof policy.allowTabPause === 'boolean' &&
    (policy.auditRetentionDays === undefined || typeof policy.auditRetentionDays === 'number') &&
    (policy.keepFullAuditUrls === undefined || typeof policy.keepFullAuditUrls === 'boolean') &&
    (policy.fleetReporting === undefined ||
      (isRecord(policy.fleetReporting) &&
        typeof policy.fleetReporting.endpoint === 'string' &&
        typeof policy.fleetReporting.format === 'string' &&
        typeof policy.fleetReporting.intervalSeconds === 'number'))
  );
}
