/**
 * What the options page's "Managed by your organisation" notice says, from the `policy/get` status (pure): one line
 * per thing the organisation enforces, in words a person reads, and one line per policy item Dashguard ignored.
 */
import type { RuntimeCatalog } from '../src/catalog';
import type { PolicyStatus } from '../src/policy';
import { tabPauseRefusal } from '../src/policy';
import { hostOf } from '../src/domains';

export interface ManagedNoticeModel {
  readonly title: string;
  /** Set when the policy shown is the last one received, not yet confirmed by the browser in this session. */
  readonly sourceNote: string | undefined;
  readonly enforced: readonly string[];
  readonly ignored: readonly string[];
}

export type NoticeCatalog = Pick<RuntimeCatalog, 'vendors' | 'dashboards' | 'categories'>;

const list = (items: readonly string[]): string => items.join(', ');

/** The notice for a status, or undefined when the organisation sets nothing. */
export function managedNoticeModel(status: PolicyStatus, catalog: NoticeCatalog): ManagedNoticeModel | undefined {
  if (!status.managed) return undefined;
  const { policy } = status;
  const vendorName = (id: string): string =>
    catalog.vendors.find((v) => v.id === id)?.name ?? policy.extraVendors.find((v) => v.id === id)?.name ?? id;
  const dashboardName = (ref: string): string =>
    catalog.dashboards.find((d) => d.id === ref || d.hosts.includes(ref))?.name ??
    policy.extraDashboards.find((d) => d.host === ref)?.name ??
    ref;
  const categoryLabel = (id: string): string => catalog.categories.find((c) => c.id === id)?.label ?? id;

  const enforced: string[] = [];
  if (policy.blockedVendors.length > 0)
    enforced.push(`Always blocked: ${list(policy.blockedVendors.map(vendorName))}.`);
  if (policy.blockedCategories.length > 0)
    enforced.push(`Always blocked categories: ${list(policy.blockedCategories.map(categoryLabel))}.`);
  if (policy.allowedVendors.length > 0) {
    const allowed = policy.allowedVendors.map((entry) =>
      entry.dashboards.length === 0
        ? vendorName(entry.vendorId)
        : `${vendorName(entry.vendorId)} (on ${list(entry.dashboards.map(dashboardName))})`,
    );
    enforced.push(`Always allowed: ${list(allowed)}.`);
  }
  if (policy.extraDashboards.length > 0)
    enforced.push(
      `Also protected: ${list(policy.extraDashboards.map((d) => (d.name === d.host ? d.host : `${d.name} (${d.host})`)))}.`,
    );
  if (policy.extraVendors.length > 0)
    enforced.push(`Also blocked: ${list(policy.extraVendors.map((v) => `${v.name} (${list(v.domains)})`))}.`);
  if (policy.sensitivePages.length > 0) enforced.push(`Strict mode also on: ${list(policy.sensitivePages)}.`);
  if (policy.reportOnly)
    enforced.push(
      'Report-only mode is on: vendors are reported, not blocked, except those your organisation always blocks.',
    );
  if (policy.lockUserRules) enforced.push('You can block more vendors, but not allow any or turn on report-only mode.');
  const pauseRefusal = tabPauseRefusal(policy);
  if (pauseRefusal !== undefined) enforced.push(`Pausing Dashguard on a tab is switched off. ${pauseRefusal}`);
  if (policy.keepFullAuditUrls !== undefined)
    enforced.push(
      policy.keepFullAuditUrls
        ? 'The audit keeps full addresses, query values included.'
        : 'The audit redacts addresses.',
    );
  if (policy.fleetReporting !== undefined) {
    enforced.push(
      `Audit summaries (third parties by vendor and verdict per dashboard, pauses, rule changes; no page content, no query values) are sent to ${hostOf(policy.fleetReporting.endpoint) || policy.fleetReporting.endpoint} every ${policy.fleetReporting.intervalSeconds} s.`,
    );
  }
  if (policy.auditRetentionDays !== undefined)
    enforced.push(`The audit log keeps ${policy.auditRetentionDays} day${policy.auditRetentionDays === 1 ? '' : 's'}.`);

  return {
    title: 'Managed by your organisation',
    sourceNote:
      status.source === 'last-known'
        ? 'Showing the last policy received; the browser has not confirmed it since it started.'
        : undefined,
    enforced,
    ignored: [...status.warnings],
  };
}
