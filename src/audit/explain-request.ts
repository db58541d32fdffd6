/**
 * Why a request from a page is blocked, allowed or left alone, in terms of the rules Dashguard writes (pure).
 *
 * It asks the rules themselves: the static rules (the build's generator, static-rules in rule-state.ts) and the rule
 * state's dynamic and session rules (computeRuleState) go through the one DNR matcher (dnr-matcher.ts), and the
 * winning rule names the decision: its priority band (rule-registry.ts) is the reason, its subject (rule-subject.ts)
 * the category or the dashboard the rule was about. Strict mode (a Content-Security-Policy header on sensitive pages)
 * is the strict-mode header rules that apply to the document, evaluated after the network rules, as the browser does:
 * a request no rule blocks can still be refused by the page's policy. explain-request.test.ts checks the verdict
 * against the rules and the CSP model over every combination of settings, policy, pause and report-only.
 */
import type { CategoryId, RuntimeCatalog, DashboardEntry, VendorIndex } from '../catalog';
import type { UserSettings } from '../settings';
import type {
  DnrRule,
  ResourceType,
  DnrRequest,
  RuleMatcher,
  RuleStateInput,
  PriorityBand,
  RuleAbout,
  RuleSubject,
} from '../rules';
import type { DocumentStrictMode, StrictModeSources } from '../strict-mode';
import type { ManagedPolicy } from '../policy';
import { allDashboards, dashboardForHost, createVendorIndex, vendorsInForce } from '../catalog';
import {
  createRuleMatcher,
  headerRulesOf,
  rankedRules,
  computeRuleStateAbout,
  effectiveUserSettings,
  staticRulesAbout,
  priorityBand,
  strictModeSourcesFor,
} from '../rules';
import { CSP_HEADER, strictModeAllows } from '../strict-mode';
import { hostOf } from '../domains';

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
}

/** The strict-mode state of a page (the popup's quick actions show it). */
export type StrictModeState = StrictModePage;

/** A rule as the matcher sees it, with what it is about. */
type ExplainedRule = DnrRule & { readonly subject: RuleSubject };

function explained(rules: readonly RuleAbout[]): ExplainedRule[] {
  return rules.map(({ rule, subject }) => ({ ...rule, subject }));
}

const staticMatchers = new WeakMap<RuntimeCatalog, RuleMatcher<ExplainedRule>>();

/** The static rules' matcher, built once per catalog (the index of its domains is the costly part). */
function staticMatcher(catalog: RuntimeCatalog): RuleMatcher<ExplainedRule> {
  let matcher = staticMatchers.get(catalog);
  if (matcher === undefined) {
    matcher = createRuleMatcher(explained(staticRulesAbout(catalog)));
    staticMatchers.set(catalog, matcher);
  }
  return matcher;
}

/** The reason each band of allow and block rules gives a request it wins. */
const REASON_OF_BAND: Readonly<Record<PriorityBand, ExplainReason | 'report-only' | undefined>> = {
  defaultBlock: 'default',
  essentialAllow: 'default',
  userCategory: 'user-category',
  userVendor: 'user-vendor',
  userVendorOnDashboard: 'user-vendor-on-dashboard',
  tabPause: 'tab-paused',
  reportOnly: 'report-only',
  policyCategoryBlock: 'policy-category',
  policyAllow: 'policy-allow',
  policyBlock: 'policy-block',
  firstParty: 'first-party',
  // Strict mode's bands: headers, and the allow that swaps a sensitive page's header (the rules below it say why the
  // page may load; it exists only where report-only or a vendor allowed on that dashboard loosens strict mode).
  strictModeReplace: undefined,
  strictModeCsp: undefined,
  strictModeReplacement: undefined,
};

type Decision = ExplainReason | 'report-only';

function decisionOf(rule: DnrRule): Decision | undefined {
  const band = priorityBand(rule.priority);
  return band === undefined ? undefined : REASON_OF_BAND[band];
}

/** What does not depend on the request, computed once per context. */
interface Prepared {
  readonly settings: UserSettings;
  readonly policy: ManagedPolicy;
  readonly dashboards: readonly DashboardEntry[];
  readonly vendors: VendorIndex;
  readonly staticRules: RuleMatcher<ExplainedRule>;
  readonly stateRules: RuleMatcher<ExplainedRule>;
  /** The strict-mode headers of the documents seen lately, by URL. */
  readonly documents: Map<string, readonly StrictModeHeader[]>;
}

const DOCUMENT_MEMO_SIZE = 64;

function prepare(context: ExplainContext): Prepared {
  // The audit judges a request by its initiator, so the tab cover's twins (the same verdicts again) are left out.
  const { tabCover: _tabCover, ...input } = context;
  const settings = effectiveUserSettings(context.settings, context.policy);
  const { state, subjects } = computeRuleStateAbout(input);
  const about = (rule: DnrRule): RuleAbout[] => {
    const subject = subjects.get(rule.id);
    return subject === undefined ? [] : [{ rule, subject }];
  };
  return {
    settings,
    policy: context.policy,
    dashboards: allDashboards(context.catalog, settings, context.policy),
    vendors: createVendorIndex(vendorsInForce(context.catalog, settings, context.policy)),
    staticRules: staticMatcher(context.catalog),
    stateRules: createRuleMatcher(explained([...state.dynamicRules, ...state.sessionRules].flatMap(about))),
    documents: new Map(),
  };
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * Every rule that matches a request, static ones first. A URL that does not parse matches none; a host with a trailing
 * dot is matched without it, as the browser requests it.
 */
function matchingRules(prepared: Prepared, request: DnrRequest): ExplainedRule[] {
  const url = parseUrl(request.url);
  if (url === undefined) return [];
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const asRequested = { ...request, url: url.href };
  return [...prepared.staticRules.matching(asRequested), ...prepared.stateRules.matching(asRequested)];
}

/**
 * The strict-mode policies the rules put on a document at `documentUrl`: the header rules that apply to its response
 * (where the settings loosen strict mode, the "replace" allow switches off the plain headers and the loosened
 * replacements apply instead).
 */
function strictModeHeaders(prepared: Prepared, documentUrl: string): readonly StrictModeHeader[] {
  const known = prepared.documents.get(documentUrl);
  if (known !== undefined) return known;
  const document: DnrRequest = { url: documentUrl, initiatorHost: undefined, type: 'main_frame' };
  const headers = headerRulesOf(matchingRules(prepared, document)).flatMap((rule): StrictModeHeader[] => {
    const { subject, action } = rule;
    if (subject.kind !== 'strict-mode' || action.type !== 'modifyHeaders') return [];
    return [
      {
        pattern: subject.urlFilter,
        dashboardId: subject.dashboardId,
        sources: subject.sources,
        enforced: action.responseHeaders.some((h) => h.header === CSP_HEADER),
      },
    ];
  });
  // A page's requests come from a few documents: their headers are looked up once each (a bounded memo).
  if (prepared.documents.size >= DOCUMENT_MEMO_SIZE) prepared.documents.clear();
  prepared.documents.set(documentUrl, headers);
  return headers;
}

/**
 * The policies in force on the document that made `request`. With the document's marker known, the marker decides
 * whether there is one and whether it is enforced; the sources are those of the rules (the document's URL, or else its
 * dashboard: a document loaded as a sensitive page keeps its policy when the app routes elsewhere).
 */
function policiesOn(prepared: Prepared, request: ExplainableRequest): readonly StrictModeHeader[] {
  const byUrl = strictModeHeaders(prepared, request.documentUrl);
  const marker = request.documentStrictMode;
  if (marker === undefined || marker === 'unknown') return byUrl;
  if (marker === 'none') return [];
  const enforced = marker === 'enforced';
  if (byUrl.length > 0) return byUrl.map((header) => ({ ...header, enforced }));
  const dashboard = dashboardForHost(prepared.dashboards, hostOf(request.documentUrl));
  const input = { settings: prepared.settings, policy: prepared.policy, vendors: prepared.vendors.byId };
  return [
    { pattern: undefined, dashboardId: dashboard?.id, sources: strictModeSourcesFor(dashboard, input), enforced },
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

export type Explainer = (request: ExplainableRequest) => Explanation;

/** An explainer for many requests under one context (the rule state and its index are built once). */
export function createExplainer(context: ExplainContext): Explainer {
  const prepared = prepare(context);
  return (request) => {
    const host = hostOf(request.url);
    const initiator = hostOf(request.documentUrl);
    const dashboard = dashboardForHost(prepared.dashboards, initiator);
    if (dashboard === undefined) return { verdict: 'untouched', reason: 'not-a-dashboard' };
    const vendor = prepared.vendors.matching(host)[0];
    const about = { dashboardId: dashboard.id, ...(vendor ? { vendorId: vendor.id } : {}) };
    const result = (verdict: Verdict, reason: ExplainReason, rule?: ExplainedRule): Explanation => ({
      verdict,
      reason,
      ...about,
      ...(rule?.subject.kind === 'category' ? { category: rule.subject.category } : {}),
      ...(rule?.subject.kind === 'vendor-on-dashboard' &&
      reason === 'user-vendor-on-dashboard' &&
      rule.subject.dashboardId !== undefined
        ? { ruleDashboardId: rule.subject.dashboardId }
        : {}),
    });

    // Every allow and block rule that matches, the winner first, each with the decision its band stands for.
    const ranked = rankedRules(
      matchingRules(prepared, { url: request.url, initiatorHost: initiator, type: request.type, tabId: request.tabId }),
    ).flatMap((rule) => {
      const decision = decisionOf(rule);
      return decision === undefined ? [] : [{ rule, decision }];
    });
    const first = (...skip: Decision[]): (typeof ranked)[number] | undefined =>
      ranked.find((entry) => !skip.includes(entry.decision));
    const reasonOf = (entry: (typeof ranked)[number]): ExplainReason =>
      entry.decision === 'report-only' ? 'not-a-vendor' : entry.decision;

    const top = ranked[0];
    if (top?.rule.action.type === 'block') return result('blocked', reasonOf(top), top.rule);
    const csp = strictModeOutcome(prepared, request);
    if (csp === 'refused') return result('blocked', 'strict-mode');

    // Report-only is the only reason it went through when the rules without it would block it, or when the
    // strict-mode policy it turned into report-only would have refused it.
    const withoutReportOnly = first('report-only');
    if (top?.decision === 'report-only' && withoutReportOnly?.rule.action.type === 'block')
      return result('would-be-blocked', reasonOf(withoutReportOnly), withoutReportOnly.rule);
    if (csp === 'reported') return result('would-be-blocked', 'strict-mode');

    // A pause changes the verdict only where something would block.
    const settled =
      withoutReportOnly?.decision === 'tab-paused' ? first('report-only', 'tab-paused') : withoutReportOnly;
    if (withoutReportOnly?.decision === 'tab-paused' && settled?.rule.action.type === 'block')
      return result('allowed', 'tab-paused');
    if (settled === undefined || settled.decision === 'report-only' || settled.decision === 'tab-paused')
      return result('untouched', 'not-a-vendor');
    return result('allowed', reasonOf(settled), settled.rule);
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
