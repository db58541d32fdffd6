/**
 * The browser's dynamic and session rule state as a pure function of (catalog, user settings, policy, paused tabs,
 * dashboard tabs). The static rulesets hold the catalog defaults for the built-in dashboards; everything a person or a
 * policy changes is expressed here, and the background applies the result in one atomic update. Every rule scoped to
 * dashboards by initiator gets its tab-cover twin here too (tab-cover.ts), so a dashboard tab's other frames get the
 * same verdicts from the same state.
 */
import { mergeByRequestDomains } from './compact-rules';
import { generateStaticRules } from './generate-static-rules';
import type { CatalogVendor, RuntimeCatalog } from '../catalog';
import type { UserSettings } from '../settings';
import type { ManagedPolicy } from '../policy';
import { customDashboards as customDashboardsOf, dashboardMatchesRef, dashboardScope, ruleVendors } from '../catalog';
import type { RuleAbout, RuleSubject } from './rule-subject';
import type { DnrRule } from './dnr-rule';
import { ownDomainHosts, ownDomainHostTwins } from './own-domain-hosts';
import {
  PRIORITY,
  RULESET,
  dynamicRuleId,
  sessionRuleId,
  staticRuleId,
  type DynamicBand,
  type RulesetId,
} from './rule-registry';
import { strictModeRules } from './strict-mode-state';
import { isInitiatorScoped, tabIdsTwins, topDomainsTwin, type TabCover } from './tab-cover';
import { effectiveUserSettings } from './effective-user-settings';

// Where it always lived for its callers; its own module keeps the pages from bundling the rule state.
export { effectiveUserSettings };

export interface RuleStateInput {
  readonly catalog: RuntimeCatalog;
  readonly settings: UserSettings;
  readonly policy: ManagedPolicy;
  readonly pausedTabs: readonly number[];
  /** How dashboard tabs are covered beyond their initiator rules; none when absent (the audit's explanations). */
  readonly tabCover?: TabCover;
}

export interface RuleState {
  readonly dynamicRules: DnrRule[];
  readonly sessionRules: DnrRule[];
  /**
   * The static rulesets that must be on. Every one, whatever the settings and policy say: a loosening is always a
   * dynamic rule above them, so switching a ruleset off is never how Dashguard loosens, and one switched off from
   * outside (the extension's developer tools, say) is an error that the next sync repairs.
   */
  readonly enabledRulesets: RulesetId[];
}

/** The static rulesets of both browsers' manifests, in order (Chromium's tab_cover comes with its `top-domains` tab cover). */
export const STATIC_RULESETS: readonly RulesetId[] = [RULESET.allowlist, RULESET.blocklist, RULESET.strictMode];

export function computeRuleState(input: RuleStateInput): RuleState {
  return computeRuleStateAbout(input).state;
}

/** The rule state, and what each of its rules is about (by rule id; the tab-cover twins left out). */
export interface RuleStateAbout {
  readonly state: RuleState;
  readonly subjects: ReadonlyMap<number, RuleSubject>;
}

/** computeRuleState, with the subject of every rule (the audit explains a request by the rule that wins it). */
export function computeRuleStateAbout(input: RuleStateInput): RuleStateAbout {
  const { catalog, policy } = input;
  const settings = effectiveUserSettings(input.settings, policy);
  const reportOnly = settings.reportOnly || policy.reportOnly;

  const customDashboards = customDashboardsOf(catalog, settings, policy);
  const allDashboards = [...catalog.dashboards, ...customDashboards];
  const everywhere = dashboardScope(allDashboards);

  // Policy vendors first: a user's custom vendor cannot shadow the organisation's.
  const vendors = ruleVendors(catalog, settings, policy);

  const dynamicRules: DnrRule[] = [];
  const subjects = new Map<number, RuleSubject>();
  const counters = new Map<DynamicBand, number>();
  const add = (
    band: DynamicBand,
    priority: number,
    action: 'allow' | 'block',
    domains: readonly string[],
    scope: ReturnType<typeof dashboardScope>,
    subject: RuleSubject,
  ): void => {
    if (domains.length === 0 || scope.initiatorDomains.length === 0) return;
    const index = counters.get(band) ?? 0;
    counters.set(band, index + 1);
    const id = dynamicRuleId(band, index);
    subjects.set(id, subject);
    dynamicRules.push({
      id,
      priority,
      action: { type: action },
      condition: {
        requestDomains: [...new Set(domains)].sort(),
        initiatorDomains: scope.initiatorDomains,
        excludedInitiatorDomains: scope.excludedInitiatorDomains,
      },
    });
  };
  const scopeOf = (dashboardRefs: readonly string[]): ReturnType<typeof dashboardScope> =>
    dashboardScope(
      allDashboards.filter((d) => dashboardRefs.includes(d.id) || d.hosts.some((h) => dashboardRefs.includes(h))),
    );

  // Catalog defaults on custom dashboards (the static rules only know the built-in ones), grouped by category.
  if (customDashboards.length > 0) {
    const customScope = dashboardScope(customDashboards);
    const blockedByCategory = new Map<string, CatalogVendor[]>();
    const essential: CatalogVendor[] = [];
    for (const vendor of catalog.vendors) {
      if (vendor.defaultAction === 'allow') essential.push(vendor);
      else blockedByCategory.set(vendor.category, [...(blockedByCategory.get(vendor.category) ?? []), vendor]);
    }
    const addDefaults = (band: DynamicBand, priority: number, action: 'allow' | 'block', of: CatalogVendor[]): void =>
      add(
        band,
        priority,
        action,
        of.flatMap((v) => v.domains),
        customScope,
        {
          kind: 'vendors',
          vendorIds: of.map((v) => v.id),
        },
      );
    for (const category of [...blockedByCategory.keys()].sort()) {
      addDefaults('customDashboardBlock', PRIORITY.defaultBlock, 'block', blockedByCategory.get(category) ?? []);
    }
    addDefaults('customDashboardEssential', PRIORITY.essentialAllow, 'allow', essential);
  }

  // Custom vendors are blocked on every dashboard unless someone allows them.
  for (const vendor of [...vendors.values()].filter((v) => v.category === undefined).sort(byId)) {
    add('customVendorDefault', PRIORITY.defaultBlock, 'block', vendor.domains, everywhere, vendorSubject(vendor.id));
  }

  // User: whole categories, then single vendors, then single vendors on single dashboards.
  for (const [category, action] of sortedEntries(settings.categoryRules)) {
    const domains = [...vendors.values()].filter((v) => v.category === category).flatMap((v) => v.domains);
    add('userCategory', PRIORITY.userCategory, action, domains, everywhere, { kind: 'category', category });
  }
  for (const [vendorId, action] of sortedEntries(settings.vendorRules)) {
    const vendor = vendors.get(vendorId);
    if (vendor !== undefined)
      add('userVendor', PRIORITY.userVendor, action, vendor.domains, everywhere, vendorSubject(vendorId));
  }
  for (const rule of [...settings.dashboardVendorRules].sort((a, b) =>
    `${a.dashboard}/${a.vendorId}`.localeCompare(`${b.dashboard}/${b.vendorId}`),
  )) {
    const vendor = vendors.get(rule.vendorId);
    if (vendor !== undefined)
      add(
        'userVendorOnDashboard',
        PRIORITY.userVendorOnDashboard,
        rule.action,
        vendor.domains,
        scopeOf([rule.dashboard]),
        {
          kind: 'vendor-on-dashboard',
          vendorId: rule.vendorId,
          dashboardId: allDashboards.find((d) => dashboardMatchesRef(d, rule.dashboard))?.id,
        },
      );
  }

  // Report-only: every request from a dashboard goes through (the audit marks it "would be blocked").
  if (reportOnly) {
    const id = dynamicRuleId('reportOnly', 0);
    subjects.set(id, { kind: 'dashboards' });
    dynamicRules.push({
      id,
      priority: PRIORITY.reportOnly,
      action: { type: 'allow' },
      condition: {
        initiatorDomains: everywhere.initiatorDomains,
        excludedInitiatorDomains: everywhere.excludedInitiatorDomains,
      },
    });
  }

  // Policy: above every user decision.
  for (const category of [...new Set(policy.blockedCategories)].sort()) {
    const domains = [...vendors.values()].filter((v) => v.category === category).flatMap((v) => v.domains);
    add('policyCategoryBlock', PRIORITY.policyCategoryBlock, 'block', domains, everywhere, {
      kind: 'category',
      category,
    });
  }
  for (const allowed of [...policy.allowedVendors].sort((a, b) => a.vendorId.localeCompare(b.vendorId))) {
    const vendor = vendors.get(allowed.vendorId);
    if (vendor === undefined) continue;
    add(
      'policyAllow',
      PRIORITY.policyAllow,
      'allow',
      vendor.domains,
      allowed.dashboards.length === 0 ? everywhere : scopeOf(allowed.dashboards),
      vendorSubject(allowed.vendorId),
    );
  }
  for (const vendorId of [...new Set(policy.blockedVendors)].sort()) {
    const vendor = vendors.get(vendorId);
    if (vendor !== undefined)
      add('policyBlock', PRIORITY.policyBlock, 'block', vendor.domains, everywhere, vendorSubject(vendorId));
  }

  // Strict mode on sensitive pages (the catalog's are static; see strict-mode-state.ts).
  for (const { rule, subject } of strictModeRules({
    dashboards: allDashboards,
    settings,
    policy,
    vendors,
    reportOnly,
  })) {
    subjects.set(rule.id, subject);
    dynamicRules.push(rule);
  }

  const sessionRules: DnrRule[] = [];
  if (policy.allowTabPause) {
    [...new Set(input.pausedTabs)]
      .sort((a, b) => a - b)
      .forEach((tabId, index) => {
        const id = sessionRuleId('tabPause', index);
        subjects.set(id, { kind: 'tab', tabId });
        sessionRules.push({
          id,
          priority: PRIORITY.tabPause,
          action: { type: 'allow' },
          condition: { tabIds: [tabId] },
        });
      });
  }

  // Hosts inside a dashboard's own domains that a vendor names: each rule about them also runs above the own-domain
  // allow, for those hosts only (see own-domain-hosts.ts).
  const ownHosts = ownDomainHosts(
    catalog.dashboards,
    [...vendors.values()].flatMap((v) => v.domains),
  );
  let dynamicTwin = 0;
  let sessionTwin = 0;
  // A twin is about what its rule is about.
  const twinId = (id: number, original: DnrRule): number => {
    const subject = subjects.get(original.id);
    if (subject !== undefined) subjects.set(id, subject);
    return id;
  };
  dynamicRules.push(
    ...ownDomainHostTwins(dynamicRules, ownHosts, (rule) =>
      twinId(dynamicRuleId('ownDomainHost', dynamicTwin++), rule),
    ),
  );
  sessionRules.push(
    ...ownDomainHostTwins(sessionRules, ownHosts, (rule) =>
      twinId(sessionRuleId('ownDomainHost', sessionTwin++), rule),
    ),
  );

  // Tab cover: the same verdicts for every frame and worker of a dashboard tab (tab-cover.ts). Last, so that every rule
  // above, the own-domain-host twins included, has its twin.
  const dashboardHosts = [...new Set(allDashboards.flatMap((d) => d.hosts))].sort();
  const enabledRulesets = [...STATIC_RULESETS];
  if (input.tabCover?.by === 'top-domains') {
    const twins = dynamicRules
      .filter(isInitiatorScoped)
      .map((rule, index) => ({ ...topDomainsTwin(rule, dashboardHosts), id: dynamicRuleId('tabCover', index) }));
    dynamicRules.push(...twins);
    enabledRulesets.push(RULESET.tabCover);
  } else if (input.tabCover?.by === 'tab-ids' && input.tabCover.tabs.length > 0) {
    const twins = tabIdsTwins([...staticRulesOf(catalog), ...dynamicRules], input.tabCover.tabs, dashboardHosts);
    sessionRules.push(...twins.map((rule, index) => ({ ...rule, id: sessionRuleId('tabCover', index) })));
  }
  return { state: { dynamicRules, sessionRules, enabledRulesets }, subjects };
}

function vendorSubject(vendorId: string): RuleSubject {
  return { kind: 'vendors', vendorIds: [vendorId] };
}

const staticRulesCache = new WeakMap<RuntimeCatalog, readonly DnrRule[]>();

/**
 * The catalog's static rules, as the build wrote them into the rulesets (same generator, already compact), without
 * Chromium's twins, merged once more where they differ only in their request domains: a handful of rules that decide
 * every request as the rulesets do, so a tab moving in Firefox costs little to compute.
 */
function staticRulesOf(catalog: RuntimeCatalog): readonly DnrRule[] {
  let rules = staticRulesCache.get(catalog);
  if (rules === undefined) {
    // Ids only to fit the rule type: these never reach the browser, only their tab-cover twins do.
    rules = mergeByRequestDomains(staticRulesAbout(catalog).map(({ rule }) => rule)).map((rule, index) => ({
      ...rule,
      id: staticRuleId(index),
    }));
    staticRulesCache.set(catalog, rules);
  }
  return rules;
}

const staticRulesAboutCache = new WeakMap<RuntimeCatalog, readonly RuleAbout[]>();

/**
 * The catalog's static rules as the build writes them into the rulesets (same generator, compact), each with its
 * subject; without Chromium's tab-cover twins, which decide nothing the rules they twin do not.
 */
export function staticRulesAbout(catalog: RuntimeCatalog): readonly RuleAbout[] {
  let rules = staticRulesAboutCache.get(catalog);
  if (rules === undefined) {
    const { rulesets, index } = generateStaticRules(catalog.vendors, catalog.dashboards, { chromiumTabCover: false });
    rules = STATIC_RULESETS.flatMap((id) =>
      rulesets[id].flatMap((rule) => {
        const subject = index[`${id}/${rule.id}`];
        return subject === undefined ? [] : [{ rule, subject }];
      }),
    );
    staticRulesAboutCache.set(catalog, rules);
  }
  return rules;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id.localeCompare(b.id);
}

function sortedEntries<K extends string, V>(record: Readonly<Partial<Record<K, V>>>): [K, V][] {
  return (Object.entries(record) as [K, V][]).sort(([a], [b]) => a.localeCompare(b));
}
