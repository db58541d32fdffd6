/**
 * The part of the catalog the content script needs, written by the build to rules/generated/content-scope.json
 * (pure): each dashboard's hosts and own domains (what is first party on its pages) and its sensitive pages, and the
 * first-party telemetry hosts reported all the same. The content script runs on every dashboard page, so it carries
 * these lists and not the dashboards' strict-mode texts and other fields only the background reads.
 */
import type { DashboardEntry, VendorEntry } from '../catalog';

export interface ContentDashboard {
  readonly hosts: readonly string[];
  readonly ownDomains: readonly string[];
  readonly sensitivePages?: readonly string[];
}

export interface ContentScope {
  readonly dashboards: readonly ContentDashboard[];
  /** Hosts inside a dashboard's own domains that a vendor names (first-party telemetry). */
  readonly namedHosts: readonly string[];
}

export function contentScopeOf(
  dashboards: readonly DashboardEntry[],
  firstPartyTelemetry: readonly VendorEntry[],
): ContentScope {
  return {
    dashboards: dashboards.map((d) => ({
      hosts: d.hosts,
      ownDomains: d.ownDomains,
      ...(d.sensitivePages === undefined ? {} : { sensitivePages: d.sensitivePages }),
    })),
    namedHosts: firstPartyTelemetry.flatMap((v) => v.domains),
  };
}
