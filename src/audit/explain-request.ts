/**
 * Why a request from a page is blocked, allowed or left alone, in terms of the rules Dashguard writes (pure).
 *
 * It mirrors computeRuleState (rule-state.ts) and the static rulesets decision by decision: every rule they would
 * hold for the request becomes a "decision" here with the same priority from the rule registry, and the winner is
 * picked the way declarativeNetRequest picks it (highest priority; at equal priority allow beats block). Strict mode
 * (a Content-Security-Policy header on sensitive pages, strict-mode-state.ts) is applied after the network rules, as
 * the browser does: a request no rule blocks can still be refused by the page's policy.
 * explain-request.test.ts checks the verdict against the DNR and CSP models over every combination of settings,
 * policy, pause and report-only.
 */
import type { CategoryId, DashboardEntry } from '../catalog/catalog-types';
import { allDashboards, customDashboards, dashboardForHost, dashboardMatchesRef } from '../catalog/dashboards';
import type { ResourceType } from '../rules/dnr-rule';
import { hostMatchesAny } from '../shared/domain-name';
import type { ManagedPolicy } from '../policy/managed-policy';
import { effectiveUserSettings, type RuleStateInput } from '../rules/rule-state';
import { isOwnDomainHost, ownDomainHosts } from '../rules/own-domain-hosts';
import { PRIORITY, ownDomainHostPriority } from '../rules/rule-registry';
import { dashboardScope, type DashboardScope, type RuntimeCatalog } from '../catalog/runtime-catalog';
import type { DocumentStrictMode } from '../strict-mode/document-strict-mode';
import { strictModeAllows, type StrictModeSources } from '../strict-mode/strict-mode-csp';
import { sensitivePages, strictModeLoosened, strictModeSourcesFor } from '../strict-mode/strict-mode-state';
import { matchesUrlFilter } from '../rules/url-filter';
import type { UserSettings } from '../settings/user-settings';
import { createVendorIndex, vendorsInForce, type IndexedVendor, type VendorIndex } from '../catalog/vendor-index';

/** The inputs of the rule state: what the browser enforces is a function of them. */
export type ExplainContext = RuleStateInput;

export interface ExplainableRequest {
  /** The request's URL (http, https, ws or wss). */
  readonly url: string;
  readonly type: ResourceType;
  /** URL of the document that made it (the page or the frame): its host is the initiator, its path decides strict mode. */
  readonly documentUrl: string;
  readonly tabId?: number;
  /**
   * What the document's own response said (the marker, document-strict-mode.ts), when known. Then strict mode is
   * judged by that fact: a document not loaded under the policy refuses nothing, whatever its URL; one that was keeps
   * its policy after routing elsewhere in the app. Unknown (the popup's "what would this page do", a plain-http page
   * whose browser does not tell): judged by the URL.
   */
  readonly documentStrictMode?: DocumentStrictMode;
}

/**
 * blocked: a rule blocks it or strict mode refuses it. would-be-blocked: report-only mode is the only reason it went
 * through. allowed: a rule allows it. untouched: no rule applies (not a dashboard, or a host no vendor owns).
 */
export type Verdict = 'blocked' | 'would-be-blocked' | 'allowed' | 'untouched';

/** The decision that settled the verdict. */
export type ExplainReason =
  /** The catalog's default for the vendor (blocked, or kept because dashboards need it); custom vendors: blocked. */
  | 'default'
  /** The dashboard's own hosts and domains. */
  | 'first-party'
  | 'user-category'
  | 'user-vendor'
  | 'user-vendor-on-dashboard'
  | 'tab-paused'
  | 'policy-category'
  | 'policy-allow'
  | 'policy-block'
  /** The strict-mode Content-Security-Policy of a sensitive page. */
  | 'strict-mode'
  | 'not-a-vendor';

export type Explanation =
  | { readonly verdict: 'untouched'; readonly reason: 'not-a-dashboard' }
  | {
      readonly verdict: Verdict;
      readonly reason: ExplainReason;
      /** The vendor owning the most specific domain that covers the host; absent when none does. */
      readonly vendorId?: string;
      readonly dashboardId: string;
      /** The category the decision was about (category rules), when it was about one. */
      readonly category?: CategoryId;
      /** The dashboard a per-dashboard rule named, when it was one. */
      readonly ruleDashboardId?: string;
    };

/** A sensitive page in strict mode: which filter matched, and whether its policy is enforced or report-only. */
export interface StrictModePage {
  readonly pattern: string;
  readonly dashboardId: string | undefined;
  /** Hosts (and their subdomains) the page may use besides its own origin. */
  readonly domains: readonly string[];
  readonly enforced: boolean;
}

/** A strict-mode policy on a document, as the audit models it. */
interface StrictModeHeader {
  readonly pattern: string | undefined;
  readonly dashboardId: string | undefined;
  readonly sources: StrictModeSources;
  readonly enforced: boolean;
  readonly loosened: boolean;
}

/** The strict-mode state of a page (the popup's quick actions show it). */
export type StrictModeState = StrictModePage;

type DecisionKind = Exclude<ExplainReason, 'strict-mode' | 'not-a-vendor'> | 'report-only';

interface Decision {
  readonly kind: DecisionKind;
  readonly priority: number;
  readonly action: 'allow' | 'block';
  readonly category?: CategoryId;
  readonly dashboard?: DashboardEntry;
}

/** The highest-priority decision; at equal priority allow beats block (declarativeNetRequest's order). */
function winner(decisions: readonly Decision[]): Decision | undefined {
  let best: Decision | undefined;
  for (const decision of decisions) {
    if (
      best === undefined ||
      decision.priority > best.priority ||
      (decision.priority === best.priority && decision.action === 'allow' && best.action === 'block')
    ) {
      best = decision;
    }
  }
  return best;
}

/** True when a rule scoped with `scope` (initiatorDomains / excludedInitiatorDomains) applies to `initiator`. */
function inScope(scope: DashboardScope, initiator: string): boolean {
  return (
    scope.initiatorDomains.length > 0 &&
    hostMatchesAny(initiator, scope.initiatorDomains) &&
    !hostMatchesAny(initiator, scope.excludedInitiatorDomains)
  );
}

/** What does not depend on the request, computed once per context. */
interface Prepared {
  readonly catalog: RuntimeCatalog;
  readonly settings: UserSettings;
  readonly policy: ManagedPolicy;
  readonly pausedTabs: ReadonlySet<number>;
  readonly reportOnly: boolean;
  readonly dashboards: readonly DashboardEntry[];
  readonly builtInScope: DashboardScope;
  readonly customScope: DashboardScope;
  readonly everywhere: DashboardScope;
  readonly vendors: VendorIndex;
  /** Vendor hosts inside a dashboard's own domains: their decisions run above the own-domain allow. */
  readonly ownHosts: readonly string[];
}

function prepare(context: ExplainContext): Prepared {
  const settings = effectiveUserSettings(context.settings, context.policy);
  const custom = customDashboards(context.catalog, settings, context.policy);
  const vendors = vendorsInForce(context.catalog, settings, context.policy);
  return {
    catalog: context.catalog,
    settings,
    policy: context.policy,
    pausedTabs: new Set(context.pausedTabs),
    reportOnly: settings.reportOnly || context.policy.reportOnly,
    dashboards: allDashboards(context.catalog, settings, context.policy),
    builtInScope: dashboardScope(context.catalog.dashboards),
    customScope: dashboardScope(custom),
    everywhere: dashboardScope([...context.catalog.dashboards, ...custom]),
    vendors: createVendorIndex(vendors),
    ownHosts: ownDomainHosts(
      context.catalog.dashboards,
      [...vendors.values()].flatMap((v) => v.domains),
    ),
  };
}

function scopeOf(prepared: Prepared, refs: readonly string[]): DashboardScope {
  return dashboardScope(prepared.dashboards.filter((d) => refs.some((ref) => dashboardMatchesRef(d, ref))));
}

/** Every decision the rules hold for a request from `initiator` to `host` on tab `tabId`. */
function decisionsFor(
  prepared: Prepared,
  vendors: readonly IndexedVendor[],
  host: string,
  initiator: string,
  tabId: number | undefined,
): Decision[] {
  const { catalog, settings, policy } = prepared;
  const decisions: Decision[] = [];
  const catalogVendors = vendors.filter((v) => v.source !== 'custom');
  const defaults = (): void => {
    for (const vendor of catalogVendors) {
      decisions.push({
        kind: 'default',
        priority: vendor.defaultAction === 'allow' ? PRIORITY.essentialAllow : PRIORITY.defaultBlock,
        action: vendor.defaultAction,
      });
    }
  };
  // Static rulesets: catalog defaults and first party on the built-in dashboards.
  if (inScope(prepared.builtInScope, initiator)) {
    defaults();
    for (const dashboard of catalog.dashboards) {
      if (
        hostMatchesAny(host, [...dashboard.hosts, ...dashboard.ownDomains]) &&
        inScope(dashboardScope([dashboard]), initiator)
      ) {
        decisions.push({ kind: 'first-party', priority: PRIORITY.firstParty, action: 'allow', dashboard });
      }
    }
  }
  // The catalog defaults on custom dashboards (dynamic rules).
  if (inScope(prepared.customScope, initiator)) defaults();

  const everywhere = inScope(prepared.everywhere, initiator);
  if (everywhere) {
    if (vendors.some((v) => v.source === 'custom'))
      decisions.push({ kind: 'default', priority: PRIORITY.defaultBlock, action: 'block' });
    for (const [category, action] of Object.entries(settings.categoryRules) as [CategoryId, 'allow' | 'block'][]) {
      if (vendors.some((v) => v.category === category))
        decisions.push({ kind: 'user-category', priority: PRIORITY.userCategory, action, category });
    }
    for (const vendor of vendors) {
      const action = Object.hasOwn(settings.vendorRules, vendor.id) ? settings.vendorRules[vendor.id] : undefined;
      if (action !== undefined) decisions.push({ kind: 'user-vendor', priority: PRIORITY.userVendor, action });
    }
  }
  for (const rule of settings.dashboardVendorRules) {
    if (!vendors.some((v) => v.id === rule.vendorId) || !inScope(scopeOf(prepared, [rule.dashboard]), initiator))
      continue;
    const dashboard = prepared.dashboards.find((d) => dashboardMatchesRef(d, rule.dashboard));
    decisions.push({
      kind: 'user-vendor-on-dashboard',
      priority: PRIORITY.userVendorOnDashboard,
      action: rule.action,
      ...(dashboard ? { dashboard } : {}),
    });
  }
  // Session rule, scoped by tab alone.
  if (policy.allowTabPause && tabId !== undefined && prepared.pausedTabs.has(tabId))
    decisions.push({ kind: 'tab-paused', priority: PRIORITY.tabPause, action: 'allow' });
  if (everywhere) {
    if (prepared.reportOnly) decisions.push({ kind: 'report-only', priority: PRIORITY.reportOnly, action: 'allow' });
    for (const category of policy.blockedCategories) {
      if (vendors.some((v) => v.category === category))
        decisions.push({ kind: 'policy-category', priority: PRIORITY.policyCategoryBlock, action: 'block', category });
    }
  }
  for (const allowed of policy.allowedVendors) {
    if (!vendors.some((v) => v.id === allowed.vendorId)) continue;
    const scope = allowed.dashboards.length === 0 ? prepared.everywhere : scopeOf(prepared, allowed.dashboards);
    if (inScope(scope, initiator))
      decisions.push({ kind: 'policy-allow', priority: PRIORITY.policyAllow, action: 'allow' });
  }
  if (everywhere && vendors.some((v) => policy.blockedVendors.includes(v.id)))
    decisions.push({ kind: 'policy-block', priority: PRIORITY.policyBlock, action: 'block' });
  return decisions;
}

/**
 * The strict-mode policies the rules put on a document at `documentUrl`, as strict-mode-state.ts writes them: one per
 * sensitive-page filter that matches. Where a filter's dashboard loosens strict mode (a vendor allowed there,
 * report-only), a "replace" allow rule switches off every plain strict-mode header of the document and the loosened
 * replacements apply instead.
 */
function strictModeHeaders(prepared: Prepared, documentUrl: string): StrictModeHeader[] {
  const input = {
    dashboards: prepared.dashboards,
    settings: prepared.settings,
    policy: prepared.policy,
    vendors: prepared.vendors.byId,
  };
  const headers = sensitivePages(input)
    .filter((page) => matchesUrlFilter(page.pattern, documentUrl))
    .map(({ pattern, dashboard }) => {
      const sources = strictModeSourcesFor(dashboard, input);
      const loosened = prepared.reportOnly || strictModeLoosened(dashboard, sources);
      return { pattern, dashboardId: dashboard?.id, sources, loosened, enforced: !prepared.reportOnly };
    });
  return headers.some((h) => h.loosened) ? headers.filter((h) => h.loosened) : headers;
}

/**
 * The policies in force on the document that made `request`. With the document's marker known, the marker decides
 * whether there is one and whether it is enforced; the sources are those of the rules (the document's URL, or else its
 * dashboard: a document loaded as a sensitive page keeps its policy when the app routes elsewhere).
 */
function policiesOn(prepared: Prepared, request: ExplainableRequest): StrictModeHeader[] {
  const byUrl = strictModeHeaders(prepared, request.documentUrl);
  const marker = request.documentStrictMode;
  if (marker === undefined || marker === 'unknown') return byUrl;
  if (marker === 'none') return [];
  const enforced = marker === 'enforced';
  if (byUrl.length > 0) return byUrl.map((header) => ({ ...header, enforced }));
  const dashboard = dashboardForHost(prepared.dashboards, hostOf(request.documentUrl));
  const input = { settings: prepared.settings, policy: prepared.policy, vendors: prepared.vendors.byId };
  return [
    {
      pattern: undefined,
      dashboardId: dashboard?.id,
      sources: strictModeSourcesFor(dashboard, input),
      enforced,
      loosened: false,
    },
  ];
}

function strictModeOutcome(prepared: Prepared, request: ExplainableRequest): 'allowed' | 'refused' | 'reported' {
  const headers = policiesOn(prepared, request);
  const allows = (header: StrictModeHeader): boolean =>
    strictModeAllows(header.sources, request.type, request.url, request.documentUrl);
  if (headers.some((h) => h.enforced && !allows(h))) return 'refused';
  if (headers.some((h) => !h.enforced && !allows(h))) return 'reported';
  return 'allowed';
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Lower-case host of a URL, without a trailing dot; '' when it does not parse. */
export function hostOf(url: string): string {
  return parseUrl(url)?.hostname.toLowerCase().replace(/\.$/, '') ?? '';
}

export type Explainer = (request: ExplainableRequest) => Explanation;

/** An explainer for many requests under one context (the vendor index is built once). */
export function createExplainer(context: ExplainContext): Explainer {
  const prepared = prepare(context);
  return (request) => {
    const host = hostOf(request.url);
    const initiator = hostOf(request.documentUrl);
    const dashboard = dashboardForHost(prepared.dashboards, initiator);
    if (dashboard === undefined) return { verdict: 'untouched', reason: 'not-a-dashboard' };
    const vendors = prepared.vendors.matching(host);
    const about = { dashboardId: dashboard.id, ...(vendors[0] ? { vendorId: vendors[0].id } : {}) };
    const result = (verdict: Verdict, reason: ExplainReason, decision?: Decision): Explanation => ({
      verdict,
      reason,
      ...about,
      ...(decision?.category ? { category: decision.category } : {}),
      ...(decision?.dashboard && decision.kind === 'user-vendor-on-dashboard'
        ? { ruleDashboardId: decision.dashboard.id }
        : {}),
    });

    const decided = decisionsFor(prepared, vendors, host, initiator, request.tabId);
    // A host inside a dashboard's own domains that a vendor names: every rule about it has a twin above first party.
    const decisions = isOwnDomainHost(host, prepared.ownHosts)
      ? decided.map((d) =>
          d.kind === 'first-party' ? d : { ...d, priority: ownDomainHostPriority(d.priority) ?? d.priority },
        )
      : decided;
    const top = winner(decisions);
    if (top?.action === 'block') return result('blocked', top.kind as ExplainReason, top);
    const csp = strictModeOutcome(prepared, request);
    if (csp === 'refused') return result('blocked', 'strict-mode');

    // Report-only is the only reason it went through when the rules without it would block it, or when the
    // strict-mode policy it turned into report-only would have refused it.
    const withoutReportOnly = winner(decisions.filter((d) => d.kind !== 'report-only'));
    if (top?.kind === 'report-only') {
      if (withoutReportOnly?.action === 'block')
        return result('would-be-blocked', withoutReportOnly.kind as ExplainReason, withoutReportOnly);
    }
    if (csp === 'reported') return result('would-be-blocked', 'strict-mode');

    // A pause changes the verdict only where something would block.
    const settled =
      withoutReportOnly?.kind === 'tab-paused'
        ? winner(decisions.filter((d) => d.kind !== 'report-only' && d.kind !== 'tab-paused'))
        : withoutReportOnly;
    if (withoutReportOnly?.kind === 'tab-paused' && settled?.action === 'block') return result('allowed', 'tab-paused');
    if (settled === undefined || settled.kind === 'report-only' || settled.kind === 'tab-paused')
      return result('untouched', 'not-a-vendor');
    return result('allowed', settled.kind, settled);
  };
}

/** One request, explained. For many requests under the same context, createExplainer builds the context once. */
export function explainRequest(request: ExplainableRequest, context: ExplainContext): Explanation {
  return createExplainer(context)(request);
}

/** Whether the document at `documentUrl` is a sensitive page in strict mode, and how; undefined when it is not. */
export function strictModeForPage(documentUrl: string, context: ExplainContext): StrictModePage | undefined {
  const header = strictModeHeaders(prepare(context), documentUrl)[0];
  if (header === undefined || header.pattern === undefined) return undefined;
  return {
    pattern: header.pattern,
    dashboardId: header.dashboardId,
    domains: header.sources.domains,
    enforced: header.enforced,
  };
}
