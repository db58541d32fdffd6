/**
 * Classifies what a dashboard page requested, for the audit (pure): first or third party, which vendor, and the
 * audit status with a sentence a person reads. The verdict comes from explainRequest, so the audit tells the story
 * the browser's rules enforce; this module only translates it into the audit's terms.
 *
 * First party is the page's registrable domain (public suffix list, via tldts) plus the hosts and own domains of its
 * dashboard from the catalog (github.githubassets.com is GitHub's own on github.com). Everything else is third party.
 */
import type { AuditResourceType, AuditStatus, VendorRef } from './audit-types';
import type { DashboardEntry, IndexedVendor } from '../catalog';
import type { DocumentStrictMode } from '../strict-mode';
import { allDashboards, dashboardForHost, vendorsInForce } from '../catalog';
import { hostMatchesAny, hostOf, registrableDomain } from '../domains';
import { isOwnDomainHost, ownDomainHosts, effectiveUserSettings } from '../rules';
import { createExplainer, type ExplainContext, type Explanation } from './explain-request';

export interface AuditRequest {
  readonly url: string;
  readonly type: AuditResourceType;
  /** The document (page or frame) that made the request. */
  readonly documentUrl: string;
  readonly tabId?: number;
  /** Whether that document was loaded under strict mode's policy, as its content script read the marker. */
  readonly documentStrictMode?: DocumentStrictMode;
}

export type Classification =
  /** Not audited: the document is not on a dashboard, or the request is first party. */
  | { readonly audited: false; readonly why: 'not-a-dashboard' | 'first-party' }
  | {
      readonly audited: true;
      readonly host: string;
      readonly vendor: VendorRef;
      readonly status: AuditStatus;
      readonly reason: string;
      readonly dashboard: DashboardEntry;
    };

export interface AuditClassifier {
  classify(request: AuditRequest): Classification;
  /** The dashboard a document belongs to (its host, with the rules' host semantics), if any. */
  dashboardOf(documentUrl: string): DashboardEntry | undefined;
}

/** The audit status of an explained third-party request. */
export function auditStatusOf(explanation: Exclude<Explanation, { reason: 'not-a-dashboard' }>): AuditStatus {
  switch (explanation.verdict) {
    case 'blocked':
      return explanation.reason === 'strict-mode' ? 'strict-mode' : 'blocked';
    case 'would-be-blocked':
      return 'report-only';
    case 'untouched':
      return 'allowed-unknown';
    case 'allowed':
      switch (explanation.reason) {
        case 'user-category':
        case 'user-vendor':
        case 'user-vendor-on-dashboard':
          return 'allowed-user';
        case 'policy-allow':
          return 'allowed-policy';
        case 'tab-paused':
          return 'allowed-paused';
        default:
          // The catalog's default allow (the vendor is essential), and the dashboard's own domains.
          return 'allowed-essential';
      }
  }
}

interface Names {
  readonly vendor: IndexedVendor | undefined;
  readonly category: string;
  readonly dashboard: string;
  readonly ruleDashboard: string;
}

/** The sentence the popup and the export show for an explained request. */
export function describeExplanation(
  explanation: Exclude<Explanation, { reason: 'not-a-dashboard' }>,
  names: Names,
): string {
  const vendor = names.vendor;
  const vendorName = vendor?.name ?? 'this vendor';
  const allowed = explanation.verdict !== 'blocked' && explanation.verdict !== 'would-be-blocked';
  const verb = allowed ? 'Allowed' : 'Blocked';
  const because = (() => {
    switch (explanation.reason) {
      case 'default':
        if (vendor?.source === 'custom')
          return `${vendorName} was added in the settings or by your organisation and is blocked unless allowed.`;
        return vendor?.defaultAction === 'allow'
          ? `Kept because the dashboard needs it (${names.category}): ${vendor.reason}`
          : `Blocked by default (${names.category}): ${vendor?.reason ?? ''}`.trim();
      case 'first-party':
        return `The dashboard's own domain.`;
      case 'user-category':
        return `${verb} by your rule for the ${names.category} category.`;
      case 'user-vendor':
        return `${verb} by your rule for ${vendorName}.`;
      case 'user-vendor-on-dashboard':
        return `${verb} by your rule for ${vendorName} on ${names.ruleDashboard}.`;
      case 'policy-category':
        return `Blocked by your organisation's policy for the ${names.category} category.`;
      case 'policy-allow':
        return `Allowed by your organisation's policy.`;
      case 'policy-block':
        return `Blocked by your organisation's policy.`;
      case 'tab-paused':
        return 'Allowed because Dashguard is paused on this tab.';
      case 'strict-mode':
        return `Refused by strict mode: on this sensitive page of ${names.dashboard} only the dashboard itself and the vendors allowed on it may run code or receive data.`;
      case 'not-a-vendor':
        return 'No vendor in the catalog owns this host, so no rule applies.';
    }
  })();
  return explanation.verdict === 'would-be-blocked'
    ? `Would be blocked, but report-only mode lets it through. ${because}`
    : because;
}

export function createAuditClassifier(context: ExplainContext): AuditClassifier {
  const explain = createExplainer(context);
  const settings = effectiveUserSettings(context.settings, context.policy);
  const vendors = vendorsInForce(context.catalog, settings, context.policy);
  const dashboards = allDashboards(context.catalog, settings, context.policy);
  const ownHosts = ownDomainHosts(
    context.catalog.dashboards,
    [...vendors.values()].flatMap((v) => v.domains),
  );
  const categoryLabel = (id: string | undefined): string =>
    context.catalog.categories.find((c) => c.id === id)?.label ?? 'Custom';

  const classify = (request: AuditRequest): Classification => {
    const explanation = explain(request);
    if (explanation.reason === 'not-a-dashboard') return { audited: false, why: 'not-a-dashboard' };
    const host = hostOf(request.url);
    const initiator = hostOf(request.documentUrl);
    const dashboard = dashboards.find((d) => d.id === explanation.dashboardId);
    if (dashboard === undefined) return { audited: false, why: 'not-a-dashboard' };
    // A host inside the dashboard's own domains that a vendor names (first-party telemetry, an organisation's block) is
    // decided like a vendor's, so the audit shows it.
    const named = isOwnDomainHost(host, ownHosts);
    if (
      !named &&
      (explanation.reason === 'first-party' ||
        registrableDomain(host) === registrableDomain(initiator) ||
        hostMatchesAny(host, [...dashboard.hosts, ...dashboard.ownDomains]))
    ) {
      return { audited: false, why: 'first-party' };
    }
    const vendor = explanation.vendorId === undefined ? undefined : vendors.get(explanation.vendorId);
    const ref: VendorRef =
      vendor === undefined
        ? { id: null, name: registrableDomain(host), category: null, source: null }
        : { id: vendor.id, name: vendor.name, category: vendor.category ?? null, source: vendor.source };
    const ruleDashboard = dashboards.find((d) => d.id === explanation.ruleDashboardId)?.name ?? dashboard.name;
    const reason = describeExplanation(explanation, {
      vendor,
      category: categoryLabel(explanation.category ?? vendor?.category),
      dashboard: dashboard.name,
      ruleDashboard,
    });
    return { audited: true, host, vendor: ref, status: auditStatusOf(explanation), reason, dashboard };
  };
  return { classify, dashboardOf: (documentUrl) => dashboardForHost(dashboards, hostOf(documentUrl)) };
}
