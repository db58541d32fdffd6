/**
 * How declarativeNetRequest picks the action for a request, for the subset of conditions Dashguard writes (pure). The
 * highest priority wins; at equal priority allow beats block (Chrome's and Firefox's documented order). It is the one
 * model of the rules: the audit explains a request with the rule that wins here (explain-request.ts), the build's
 * breakage guard checks the static rules with it, and the unit tests evaluate generated rules with it, so they check
 * outcomes, not rule shapes.
 *
 * `createRuleMatcher` indexes rules by their request domains, so a request is matched against the rules about its host
 * (and the few with no request domains) instead of every rule: the audit classifies every request a dashboard makes.
 */
import type { DnrHeaderOperation, DnrRule, ResourceType } from './dnr-rule';
import { hostMatchesAny, hostOf, matchesUrlFilter } from '../domains';

export interface DnrRequest {
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

/** Every condition but the request domains. */
function matchesBeyondHost(rule: DnrRule, request: DnrRequest): boolean {
  const { condition } = rule;
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

/** True when `a` wins over `b` (both match): higher priority, or allow over block at equal priority. */
function winsOver(a: DnrRule, b: DnrRule): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return a.action.type !== 'block' && b.action.type === 'block';
}

/**
 * The modifyHeaders rules applied to a request that is not blocked, from the rules that match it: every one whose
 * priority is above the highest matching allow rule (DNR ignores the others), highest priority first.
 */
function headerRules<R extends DnrRule>(matching: readonly R[]): R[] {
  if (winnerAmong(matching)?.action.type === 'block') return [];
  let allowPriority = 0;
  for (const rule of matching) {
    if (rule.action.type !== 'modifyHeaders' && rule.action.type !== 'block')
      allowPriority = Math.max(allowPriority, rule.priority);
  }
  return matching
    .filter((r) => r.action.type === 'modifyHeaders' && r.priority > allowPriority)
    .sort((a, b) => b.priority - a.priority);
}

function winnerAmong<R extends DnrRule>(matching: readonly R[]): R | undefined {
  let best: R | undefined;
  for (const rule of matching) {
    if (rule.action.type === 'modifyHeaders') continue;
    if (best === undefined || winsOver(rule, best)) best = rule;
  }
  return best;
}

function outcomeOfWinner(best: DnrRule | undefined): Outcome {
  if (best === undefined) return 'none';
  return best.action.type === 'block' ? 'block' : 'allow';
}

/** The rule whose action wins for a request across every given rule (static, dynamic and session alike). */
export function winningRule<R extends DnrRule>(rules: readonly R[], request: DnrRequest): R | undefined {
  return winnerAmong(createRuleMatcher(rules).matching(request));
}

/** The action that wins for a request across every given rule (static, dynamic and session alike). */
export function outcomeOf(rules: readonly DnrRule[], request: DnrRequest): Outcome {
  return createRuleMatcher(rules).outcome(request);
}

/** The response-header operations applied to a request (see headerRules), highest priority first. */
export function appliedResponseHeaders(rules: readonly DnrRule[], request: DnrRequest): DnrHeaderOperation[] {
  return headerRules(createRuleMatcher(rules).matching(request)).flatMap((r) =>
    r.action.type === 'modifyHeaders' ? r.action.responseHeaders : [],
  );
}

/** A set of rules indexed by their request domains, asked about one request at a time. */
export interface RuleMatcher<R extends DnrRule> {
  /** Every rule that matches the request, in the given order (see rankedRules, winnerOf, headerRulesOf). */
  matching(request: DnrRequest): R[];
  /** The action that wins the request. */
  outcome(request: DnrRequest): Outcome;
}

export function createRuleMatcher<R extends DnrRule>(rules: readonly R[]): RuleMatcher<R> {
  const byDomain = new Map<string, number[]>();
  const everyHost: number[] = [];
  rules.forEach((rule, position) => {
    const domains = rule.condition.requestDomains;
    if (domains === undefined) {
      everyHost.push(position);
      return;
    }
    for (const domain of new Set(domains)) {
      const list = byDomain.get(domain);
      if (list === undefined) byDomain.set(domain, [position]);
      else list.push(position);
    }
  });
  // The rules with no request domains, by the request type they can match: most are about documents (strict mode).
  const everyHostByType = new Map<DnrRequest['type'], number[]>();
  const everyHostFor = (type: DnrRequest['type']): number[] => {
    let positions = everyHostByType.get(type);
    if (positions === undefined) {
      positions = everyHost.filter((position) => {
        const types = rules[position]?.condition.resourceTypes;
        return types === undefined ? type !== 'main_frame' : (types as readonly string[]).includes(type);
      });
      everyHostByType.set(type, positions);
    }
    return positions;
  };
  const matching = (request: DnrRequest): R[] => {
    // The rules whose request domains name the host or a parent of it, and those that name none, in their order.
    const positions = [...everyHostFor(request.type)];
    const labels = hostOf(request.url).split('.');
    for (let start = 0; start < labels.length; start += 1) {
      const found = byDomain.get(start === 0 ? labels.join('.') : labels.slice(start).join('.'));
      if (found !== undefined) positions.push(...found);
    }
    const ordered = positions.length > 1 ? [...new Set(positions)].sort((a, b) => a - b) : positions;
    const matched: R[] = [];
    for (const position of ordered) {
      const rule = rules[position] as R;
      if (matchesBeyondHost(rule, request)) matched.push(rule);
    }
    return matched;
  };
  return { matching, outcome: (request) => outcomeOfWinner(winnerAmong(matching(request))) };
}

/** The allow and block rules among matching ones, the winner first; equal ones keep their order (the first wins). */
export function rankedRules<R extends DnrRule>(matching: readonly R[]): R[] {
  return matching
    .filter((rule) => rule.action.type !== 'modifyHeaders')
    .sort((a, b) => (winsOver(a, b) ? -1 : winsOver(b, a) ? 1 : 0));
}

export { winnerAmong as winnerOf, headerRules as headerRulesOf };
