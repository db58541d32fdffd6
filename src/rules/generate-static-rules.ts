/**
 * Generates the static declarativeNetRequest rulesets from the catalog (pure): the catalog default of every vendor,
 * scoped to the dashboards with `initiatorDomains`, plus one first-party allow rule per dashboard, plus one strict-mode
 * rule per sensitive page (a Content-Security-Policy appended to its document; static so it holds from the very first
 * page load, before the worker runs), plus Chromium's `topDomains` twins of the initiator-scoped ones (tab-cover.ts).
 *
 * Compact by default: vendors with the same scope, priority and action share one rule whose request domains are the
 * union of theirs (compact-rules.ts), so the long initiator lists are written once per group instead of once per
 * vendor; the browser decides every request as it would with one rule per vendor (the `per-vendor` layout, kept for
 * the tests and the benchmark that compare the two). Also returns the index from rule id back to what the rule is
 * about: for a shared rule, every vendor in it (vendorOfMatch names the one a request went to).
 */
import type { CatalogVendor, DashboardEntry } from '../catalog';
import { dashboardScope } from '../catalog';
import { hostMatchesDomain } from '../domains';
import { strictModeRule, strictModeSources } from '../strict-mode';
import { compactRules, type RuleWithoutId } from './compact-rules';
import type { DnrRule } from './dnr-rule';
import { ownDomainHosts, ownDomainHostTwins } from './own-domain-hosts';
import { PRIORITY, RULESET, staticRuleId, type RulesetId } from './rule-registry';
import type { RuleSubject } from './rule-subject';
import { tabCoverRuleset } from './tab-cover';

/** What a static rule is about: catalog defaults name their vendors (one, or a group sharing the rule). */
export type StaticRuleSubject = Extract<RuleSubject, { kind: 'vendors' | 'first-party' | 'strict-mode' }>;

export interface StaticRulesets {
  readonly rulesets: Readonly<Record<RulesetId, DnrRule[]>>;
  /** `${rulesetId}/${ruleId}` -> what the rule is about. */
  readonly index: Readonly<Record<string, StaticRuleSubject>>;
}

/** `compact`: vendors sharing scope, priority and action share a rule (shipped). `per-vendor`: one rule each. */
export type RuleLayout = 'compact' | 'per-vendor';

export interface StaticRuleOptions {
  /** false leaves the tab-cover ruleset empty (Firefox's tab cover, made at run time, needs none). */
  readonly chromiumTabCover?: boolean;
  readonly layout?: RuleLayout;
}

interface Entry {
  readonly rule: RuleWithoutId;
  readonly subject: StaticRuleSubject;
}

/** The subject of rules merged into one: their vendors together (only catalog defaults ever share a rule). */
function mergedSubject(subjects: readonly StaticRuleSubject[]): StaticRuleSubject {
  const [first] = subjects;
  if (first !== undefined && subjects.length === 1) return first;
  if (first === undefined || subjects.some((s) => s.kind !== 'vendors'))
    throw new Error(`static rules: rules about ${JSON.stringify(subjects)} cannot share a rule`);
  return { kind: 'vendors', vendorIds: subjects.flatMap((s) => (s.kind === 'vendors' ? s.vendorIds : [])) };
}

/** Numbers a ruleset's rules from 1, merging them first in the compact layout, and indexes them. */
function ruleset(
  rulesetId: RulesetId,
  entries: readonly Entry[],
  layout: RuleLayout,
  index: Record<string, StaticRuleSubject>,
): DnrRule[] {
  const laid =
    layout === 'compact'
      ? compactRules(entries).map(({ rule, subjects }) => ({ rule, subject: mergedSubject(subjects) }))
      : entries;
  return laid.map(({ rule, subject }, position) => {
    const id = staticRuleId(position);
    index[`${rulesetId}/${id}`] = subject;
    return { id, ...rule };
  });
}

export function generateStaticRules(
  vendors: readonly CatalogVendor[],
  dashboards: readonly DashboardEntry[],
  options: StaticRuleOptions = {},
): StaticRulesets {
  const layout = options.layout ?? 'compact';
  const scope = dashboardScope(dashboards);
  const allow: Entry[] = [];
  const block: Entry[] = [];
  const index: Record<string, StaticRuleSubject> = {};

  for (const dashboard of dashboards) {
    const own = dashboardScope([dashboard]);
    allow.push({
      rule: {
        priority: PRIORITY.firstParty,
        action: { type: 'allow' },
        condition: {
          requestDomains: [...new Set([...dashboard.hosts, ...dashboard.ownDomains])].sort(),
          initiatorDomains: own.initiatorDomains,
          excludedInitiatorDomains: own.excludedInitiatorDomains,
        },
      },
      subject: { kind: 'first-party', dashboardId: dashboard.id },
    });
  }

  const defaultRule = (vendor: CatalogVendor): DnrRule => ({
    id: 0,
    priority: vendor.defaultAction === 'allow' ? PRIORITY.essentialAllow : PRIORITY.defaultBlock,
    action: { type: vendor.defaultAction },
    condition: {
      requestDomains: [...vendor.domains],
      initiatorDomains: scope.initiatorDomains,
      excludedInitiatorDomains: scope.excludedInitiatorDomains,
    },
  });
  const entryOf = ({ id: _id, ...rule }: DnrRule, vendor: CatalogVendor): Entry => ({
    rule,
    subject: { kind: 'vendors', vendorIds: [vendor.id] },
  });
  for (const vendor of vendors)
    (vendor.defaultAction === 'allow' ? allow : block).push(entryOf(defaultRule(vendor), vendor));

  // A vendor host inside a dashboard's own domains (first-party telemetry): its default also holds above the
  // own-domain allow, for that host only.
  const ownHosts = ownDomainHosts(
    dashboards,
    vendors.flatMap((v) => v.domains),
  );
  for (const vendor of vendors) {
    for (const twin of ownDomainHostTwins([defaultRule(vendor)], ownHosts, () => 0))
      (vendor.defaultAction === 'allow' ? allow : block).push(entryOf(twin, vendor));
  }

  const strictMode: Entry[] = dashboards.flatMap((dashboard) =>
    (dashboard.sensitivePages ?? []).map((urlFilter): Entry => {
      const sources = strictModeSources(dashboard);
      const { id: _id, ...rule } = strictModeRule({ id: 0, priority: PRIORITY.strictModeCsp, urlFilter, sources });
      return { rule, subject: { kind: 'strict-mode', dashboardId: dashboard.id, urlFilter, sources } };
    }),
  );
  const rulesets = {
    [RULESET.allowlist]: ruleset(RULESET.allowlist, allow, layout, index),
    [RULESET.blocklist]: ruleset(RULESET.blocklist, block, layout, index),
    // Each sensitive page has its own filter and header: nothing to share.
    [RULESET.strictMode]: ruleset(RULESET.strictMode, strictMode, 'per-vendor', index),
  };
  // Chromium's tab cover (tab-cover.ts): a twin per rule, so compact rules have compact twins. The Firefox build
  // leaves this ruleset out.
  const tabCover =
    options.chromiumTabCover === false
      ? { rules: [], subjects: new Map<number, StaticRuleSubject>() }
      : tabCoverRuleset(rulesets, (rulesetId, ruleId) => index[`${rulesetId}/${ruleId}`], scope.initiatorDomains);
  for (const [id, subject] of tabCover.subjects) index[`${RULESET.tabCover}/${id}`] = subject;
  return { rulesets: { ...rulesets, [RULESET.tabCover]: tabCover.rules }, index };
}

/**
 * The vendor a request to `host` went to, when a static rule about `subject` matched it: of the rule's vendors, the
 * one owning the most specific domain that covers the host (as the audit names it). Undefined for other subjects.
 */
export function vendorOfMatch(
  subject: StaticRuleSubject,
  host: string,
  vendorsById: ReadonlyMap<string, CatalogVendor>,
): string | undefined {
  if (subject.kind !== 'vendors') return undefined;
  let best: { vendorId: string; length: number } | undefined;
  for (const vendorId of subject.vendorIds) {
    for (const domain of vendorsById.get(vendorId)?.domains ?? []) {
      if (hostMatchesDomain(host, domain) && (best === undefined || domain.length > best.length))
        best = { vendorId, length: domain.length };
    }
  }
  return best?.vendorId;
}
