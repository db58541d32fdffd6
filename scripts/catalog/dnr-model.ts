/**
 * A small model of how declarativeNetRequest picks the action for a request, for the subset of conditions Dashguard
 * writes. The highest priority wins; at equal priority allow beats block (Chrome's and Firefox's documented order).
 * Unit tests evaluate generated rules with it, so rule-state tests check outcomes, not rule shapes; the build's
 * breakage guard uses the same model, so what the guard promises is what the tests (and the browsers) see.
 */
import type { DnrHeaderOperation, DnrRule, ResourceType } from '../../src/rules/dnr-rule';
import { hostMatchesAny } from '../../src/shared/domain-name';
import { matchesUrlFilter } from '../../src/rules/url-filter';

export interface SimulatedRequest {
  readonly url: string;
  /**
   * Host of the document that made the request; undefined when there is none to match (a navigation typed by the
   * user, or an opaque origin: a sandboxed, data: or blob: frame, whose initiator matches no initiator list).
   */
  readonly initiatorHost: string | undefined;
  /**
   * Host of the tab's top-level document (Chromium's `topDomains`). Defaults to `initiatorHost`: a request from the
   * page itself. For a request with no top-level frame (a shared or service worker) Chromium uses the initiator too.
   */
  readonly topHost?: string;
  /** Firefox adds types no DNR `resourceTypes` value names (beacon, ...), which only list-free rules match. */
  readonly type: ResourceType | 'beacon' | 'object' | 'csp_report';
  readonly tabId?: number;
}

export type Outcome = 'allow' | 'block' | 'none';

function matches(rule: DnrRule, request: SimulatedRequest): boolean {
  const { condition } = rule;
  const host = new URL(request.url).hostname;
  if (condition.requestDomains !== undefined && !hostMatchesAny(host, condition.requestDomains)) return false;
  if (condition.initiatorDomains !== undefined) {
    if (request.initiatorHost === undefined || !hostMatchesAny(request.initiatorHost, condition.initiatorDomains))
      return false;
  }
  if (condition.excludedInitiatorDomains !== undefined && request.initiatorHost !== undefined) {
    if (hostMatchesAny(request.initiatorHost, condition.excludedInitiatorDomains)) return false;
  }
  const topHost = request.topHost ?? request.initiatorHost;
  if (condition.topDomains !== undefined && (topHost === undefined || !hostMatchesAny(topHost, condition.topDomains)))
    return false;
  if (
    condition.excludedTopDomains !== undefined &&
    topHost !== undefined &&
    hostMatchesAny(topHost, condition.excludedTopDomains)
  )
    return false;
  const types = condition.resourceTypes;
  // Without resourceTypes a rule matches every type but main_frame.
  if (types === undefined ? request.type === 'main_frame' : !(types as readonly string[]).includes(request.type))
    return false;
  if (condition.tabIds !== undefined && (request.tabId === undefined || !condition.tabIds.includes(request.tabId)))
    return false;
  if (condition.urlFilter !== undefined && !matchesUrlFilter(condition.urlFilter, request.url)) return false;
  return true;
}

/** The rule whose action wins for a request across every given rule (static, dynamic and session alike). */
export function winningRule<R extends DnrRule>(rules: readonly R[], request: SimulatedRequest): R | undefined {
  let best: R | undefined;
  const rank = (rule: DnrRule): number => (rule.action.type === 'block' ? 0 : 1);
  for (const rule of rules) {
    if (rule.action.type === 'modifyHeaders' || !matches(rule, request)) continue;
    if (
      best === undefined ||
      rule.priority > best.priority ||
      (rule.priority === best.priority && rank(rule) > rank(best))
    )
      best = rule;
  }
  return best;
}

/** The action that wins for a request across every given rule (static, dynamic and session alike). */
export function simulate(rules: readonly DnrRule[], request: SimulatedRequest): Outcome {
  const best = winningRule(rules, request);
  if (best === undefined) return 'none';
  return best.action.type === 'block' ? 'block' : 'allow';
}

/**
 * The response-header operations applied to a request that is not blocked: every matching modifyHeaders rule whose
 * priority is above the highest matching allow rule (DNR ignores the others), highest priority first.
 */
export function appliedResponseHeaders(rules: readonly DnrRule[], request: SimulatedRequest): DnrHeaderOperation[] {
  if (simulate(rules, request) === 'block') return [];
  const allowPriority = Math.max(
    0,
    ...rules
      .filter((r) => r.action.type !== 'modifyHeaders' && r.action.type !== 'block' && matches(r, request))
      .map((r) => r.priority),
  );
  return rules
    .filter((r) => r.action.type === 'modifyHeaders' && r.priority > allowPriority && matches(r, request))
    .sort((a, b) => b.priority - a.priority)
    .flatMap((r) => (r.action.type === 'modifyHeaders' ? r.action.responseHeaders : []));
}
