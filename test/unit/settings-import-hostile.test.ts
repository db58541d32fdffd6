/**
 * Generated settings imports, well-formed and not, through the real pipeline: the `settings/change` payload check,
 * the settings service (schema, migrations, validation, policy lock, rules put in force, one storage write) with an
 * in-memory storage.local and declarativeNetRequest. Each seed builds a valid settings file and applies 0 to 3
 * mutations to it: wrong types, unknown keys, public suffixes, IDN, over-long names and domains, duplicate ids,
 * unknown vendors and dashboards, deep nesting, huge arrays, `__proto__` / `constructor` keys, future versions, v1
 * files, overlapping domains, text that is not JSON.
 *
 * Whatever the file, the import is either applied whole or refused:
 *   - refused: every message names a field (or the file as a whole), a mutation that must be refused is, and the
 *     stored settings and the rules are exactly as they were;
 *   - applied: the rules in force, evaluated with the DNR model over every vendor, domain and dashboard, block
 *     exactly what an oracle written here from the file itself says (blocked unless the file or the policy allows
 *     it, with the documented precedence); under a policy lock, nothing is looser than the defaults under that
 *     policy and no vendor the policy forces can be unblocked.
 */
import { createRuleReconciler } from '../../src/rules/rule-reconciler';
import { createRuleSync } from '../../src/rules/rule-sync';
import { createSettingsService } from '../../src/settings/settings-service';
import { createSettingsStore, SETTINGS_KEY } from '../../src/settings/settings-store';
import { applySettingsChange } from '../../src/settings/apply-settings-change';
import { CATEGORY_IDS } from '../../src/catalog/catalog-types';
import type { DnrRule } from '../../src/rules/dnr-rule';
import { NO_POLICY, type ManagedPolicy } from '../../src/policy/managed-policy';
import { parseManagedPolicy } from '../../src/policy/parse-managed-policy';
import { LOCKED_MESSAGE } from '../../src/policy/policy-lock';
import { computeRuleState } from '../../src/rules/rule-state';
import { MAX_IMPORT_CHARS, type SettingsChange } from '../../src/settings/settings-change';
import { messagePayloadParser } from '../../src/messaging';
import { settingsChange } from '../../src/settings/settings-messages';
import { settingsFileText } from '../../src/settings/settings-export';
import { readSettingsFile } from '../../src/settings/settings-file';
import type { FieldError } from '../../src/settings/settings-validation';
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/settings/user-settings';
import { createRuleMatcher, type DnrRequest, type Outcome, type RuleMatcher } from '../../src/rules/dnr-matcher';
import { FakeDnr } from './fake-dnr';
import { FakeStorageArea } from './fake-storage-area';
import { hostileCatalog } from './hostile-catalog';
import { deeplyNestedJson, Gen, setOwn } from './seeded-random';

const RUNS = 600;
const FIRST_SEED = 20_000;

const { catalog, staticRules } = hostileCatalog();
const CATALOG_IDS = catalog.vendors.map((v) => v.id);

type Json = Record<string, unknown>;
type Decision = 'allow' | 'block';
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A host as the browser requests it: lower case, punycode, no trailing dot. */
function asciiHost(domain: string): string {
  return new URL(`http://${domain.trim().replace(/\.$/, '')}/`).hostname;
}

// ---------------------------------------------------------------------------------------------------------------
// The policy in force during the import (none, open, or locked).

const ORG_VENDOR = { id: 'org-tool', name: 'Org Tool', domains: ['tool.org.example'] };
const ORG_DASHBOARD = { host: 'ci.org.example', name: 'Org CI' };

function generatePolicy(g: Gen, lock: boolean): Json {
  const raw: Json = { lockUserRules: lock };
  const extraVendors = g.chance(0.4) ? [ORG_VENDOR] : [];
  const extraDashboards = g.chance(0.4) ? [ORG_DASHBOARD] : [];
  if (extraVendors.length > 0) raw.extraVendors = extraVendors;
  if (extraDashboards.length > 0) raw.extraDashboards = extraDashboards;
  const ids = [...CATALOG_IDS, ...extraVendors.map((v) => v.id)];
  raw.blockedVendors = g.some(ids, 0.2);
  raw.blockedCategories = g.some(['analytics', 'advertising', 'realtime', 'session-replay', 'feature-flags'], 0.2);
  const refs = ['ci', 'forge', 'app.ci.example', ...extraDashboards.map((d) => d.host)];
  raw.allowedVendors = g.some(ids, 0.2).map((vendor) => ({
    vendor,
    dashboards: g.chance(0.4) ? ['*'] : [...new Set([g.pick(refs), ...g.some(refs, 0.3)])],
  }));
  return raw;
}

// ---------------------------------------------------------------------------------------------------------------
// Valid settings files.

interface PoolVendor {
  readonly id: string;
  readonly name: string;
  readonly domains: readonly string[];
}

/** Custom vendors a file may hold: IDN, case and a trailing dot, markup in a name, a homograph of a catalog domain. */
const VENDOR_POOL: readonly PoolVendor[] = [
  { id: 'custom-acme', name: 'Acme Beacon', domains: ['beacon.acme.example'] },
  {
    id: 'custom-metrics',
    name: 'Metrics <img src=x onerror=alert(1)>',
    domains: ['metrics.example', 'cdn.metrics-co.example'],
  },
  { id: 'custom-zaehler', name: 'Bücher Zähler', domains: ['zähler.bücher.example'] },
  { id: 'custom-shout', name: '  SHOUT   Analytics ', domains: ['Shout.Example.'] },
  { id: 'custom-homograph', name: 'Tr\u0430cker (Cyrillic a)', domains: ['tr\u0430cker.example'] },
];
const DASHBOARD_POOL = [
  { host: 'jenkins.corp.example', name: 'Jenkins' },
  { host: 'CI.Intra.Example.', name: ' Intra   CI ' },
  { host: 'gitlab.bücher.example', name: 'GitLab' },
];
/** A self-hosted dashboard whose host covers the built-in app.ci.example. */
const COVERING_DASHBOARD = { host: 'ci.example', name: 'Covers app.ci.example' };

interface Draft {
  file: Json;
  /** Set by text-level mutations: the file's text instead of JSON.stringify(file). */
  text?: string;
  /** Text replacing the string "__dg_deep__" once the file is written (values JSON.stringify cannot write). */
  deep?: string;
  /** For each mutation that must be refused: text its messages must contain (a field, mostly). */
  refuse: string[];
  applied: string[];
}

function baseFile(g: Gen, policy: Json | undefined): Json {
  const orgVendors = Array.isArray(policy?.extraVendors) ? [ORG_VENDOR.id] : [];
  const orgDashboards = Array.isArray(policy?.extraDashboards) ? [ORG_DASHBOARD.host] : [];
  const customVendors = g.some(VENDOR_POOL, 0.3);
  const customDashboards = g.some(DASHBOARD_POOL, 0.3);
  const vendorIds = [...CATALOG_IDS, ...orgVendors, ...customVendors.map((v) => v.id)];
  const dashboardRefs = [
    'ci',
    'forge',
    'app.ci.example',
    'forge.example',
    ...orgDashboards,
    ...customDashboards.map((d) => asciiHost(d.host)),
  ];
  const decision = (): Decision => (g.chance(0.55) ? 'allow' : 'block');
  const file: Json = { version: 2 };
  if (g.chance(0.8)) file.vendorRules = Object.fromEntries(g.some(vendorIds, 0.3).map((id) => [id, decision()]));
  if (g.chance(0.6)) file.categoryRules = Object.fromEntries(g.some(CATEGORY_IDS, 0.15).map((id) => [id, decision()]));
  if (g.chance(0.8)) {
    // One rule per (dashboard, vendor): "ci" and "app.ci.example" are the same dashboard.
    const seen = new Set<string>();
    const rules: Json[] = [];
    for (const vendorId of g.some(vendorIds, 0.3)) {
      for (const dashboard of g.some(dashboardRefs, 0.3)) {
        const key = `${dashboard === 'app.ci.example' ? 'ci' : dashboard === 'forge.example' ? 'forge' : dashboard}/${vendorId}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rules.push({ dashboard, vendorId, action: decision() });
      }
    }
    file.dashboardVendorRules = rules;
  }
  if (customVendors.length > 0 || g.chance(0.3))
    file.customVendors = customVendors.map((v) => ({ id: v.id, name: v.name, domains: [...v.domains] }));
  if (customDashboards.length > 0 || g.chance(0.3)) file.customDashboards = customDashboards.map((d) => ({ ...d }));
  const pageHosts = ['app.ci.example', ...customDashboards.map((d) => asciiHost(d.host))];
  if (g.chance(0.4))
    file.sensitivePages = [...new Set(g.some(pageHosts, 0.5).map((host) => `||${host}/settings/*/secrets`))];
  if (g.chance(0.5)) file.reportOnly = g.chance(0.2);
  if (g.chance(0.5)) file.auditRetentionDays = g.int(1, 3650);
  return file;
}

// ---------------------------------------------------------------------------------------------------------------
// Mutations. "either" ones may leave the file valid; "refuse" ones must get it refused, naming what they return.

type Mutation = (g: Gen, draft: Draft) => (string & {}) | 'either' | 'skip';

const listOf = (draft: Draft, key: string): unknown[] | undefined => {
  const value = draft.file[key];
  if (value === undefined) {
    const list: unknown[] = [];
    draft.file[key] = list;
    return list;
  }
  return Array.isArray(value) ? value : undefined;
};
const mapOf = (draft: Draft, key: string): Json | undefined => {
  const value = draft.file[key];
  if (value === undefined) {
    const map: Json = {};
    draft.file[key] = map;
    return map;
  }
  return isRecord(value) ? value : undefined;
};
/** A custom vendor of the file (added if there is none), with its index. */
const someCustomVendor = (g: Gen, draft: Draft): { vendor: Json; index: number } | undefined => {
  const list = listOf(draft, 'customVendors');
  if (list === undefined) return undefined;
  const prefix = draft.file.version === 1 ? '' : 'custom-';
  if (list.length === 0 || (g.chance(0.3) && list.length < 200))
    list.push({ id: `${prefix}added-${list.length}`, name: 'Added', domains: [`added-${list.length}.example`] });
  const index = g.int(0, list.length - 1);
  const vendor = list[index];
  return isRecord(vendor) && Array.isArray(vendor.domains) ? { vendor, index } : undefined;
};
const someCustomDashboard = (g: Gen, draft: Draft): { dashboard: Json; index: number } | undefined => {
  const list = listOf(draft, 'customDashboards');
  if (list === undefined) return undefined;
  if (list.length === 0 || (g.chance(0.3) && list.length < 100))
    list.push({ host: `added-${list.length}.corp.example`, name: 'Added' });
  const index = g.int(0, list.length - 1);
  const dashboard = list[index];
  return isRecord(dashboard) ? { dashboard, index } : undefined;
};

/** Makes the file a version-1 file: custom vendor ids without "custom-" (and every rule naming them), no retention, no address setting. */
function toVersion1(g: Gen, draft: Draft): void {
  const { file } = draft;
  const rename = (id: unknown): unknown => (typeof id === 'string' ? id.replace(/^custom-/, '') : id);
  file.version = 1;
  delete file.auditRetentionDays;
  delete file.keepFullAuditUrls;
  if (Array.isArray(file.customVendors))
    file.customVendors = (file.customVendors as unknown[]).map((v) => (isRecord(v) ? { ...v, id: rename(v.id) } : v));
  if (isRecord(file.vendorRules))
    file.vendorRules = Object.fromEntries(Object.entries(file.vendorRules).map(([id, action]) => [rename(id), action]));
  if (Array.isArray(file.dashboardVendorRules))
    file.dashboardVendorRules = (file.dashboardVendorRules as unknown[]).map((r) =>
      isRecord(r) ? { ...r, vendorId: rename(r.vendorId) } : r,
    );
  // Version 1 allowed a custom vendor with a catalog vendor's id; the rules naming it meant the custom one.
  if (g.chance(0.3)) {
    const list = listOf(draft, 'customVendors');
    list?.push({ id: 'tracker', name: 'Own tracker', domains: ['own-tracker.example'] });
    const rules = mapOf(draft, 'vendorRules');
    if (list && rules) rules.tracker = g.pick(['allow', 'block']);
  }
}

/** The stored settings as their export, with some allowances turned into blocks: what a locked import may do. */
function tightened(g: Gen, stored: UserSettings): Json {
  const file = JSON.parse(settingsFileText(stored)) as Json;
  const block = <T>(value: T): T => (value === 'allow' && g.chance(0.3) ? ('block' as T) : value);
  file.vendorRules = Object.fromEntries(Object.entries(stored.vendorRules).map(([id, action]) => [id, block(action)]));
  file.categoryRules = Object.fromEntries(
    Object.entries(stored.categoryRules).map(([id, action]) => [id, block(action)]),
  );
  file.dashboardVendorRules = stored.dashboardVendorRules.map((rule) => ({ ...rule, action: block(rule.action) }));
  if (g.chance(0.5)) file.vendorRules = { ...(file.vendorRules as Json), [g.pick(CATALOG_IDS)]: 'block' };
  if (g.chance(0.3)) file.reportOnly = false;
  return file;
}

const EITHER_MUTATIONS: readonly Mutation[] = [
  // IDN and punycode, in vendors and dashboards.
  (g, draft) => {
    const target = g.pick(['vendor', 'dashboard']);
    if (target === 'vendor') {
      const list = listOf(draft, 'customVendors');
      if (list === undefined) return 'skip';
      const prefix = draft.file.version === 1 ? '' : 'custom-';
      list.push({
        id: `${prefix}idn-${list.length}`,
        name: 'Müller Tracking',
        domains: [
          g.pick(['tracking.müller.example', 'xn--mller-kva.example', 'ÜBER.tracking.example', 'пример.example']),
        ],
      });
    } else {
      const list = listOf(draft, 'customDashboards');
      if (list === undefined) return 'skip';
      list.push({
        host: g.pick(['ci.bücher.example', 'xn--ci-bcher-r2a.example', 'JENKINS.Müller.example.']),
        name: 'IDN CI',
      });
    }
    return 'either';
  },
  // Shuffled lists and keys.
  (g, draft) => {
    for (const key of ['customVendors', 'customDashboards', 'dashboardVendorRules', 'sensitivePages']) {
      const value = draft.file[key];
      if (Array.isArray(value)) draft.file[key] = g.shuffle(value);
    }
    const vendorRules = draft.file.vendorRules;
    if (isRecord(vendorRules)) draft.file.vendorRules = Object.fromEntries(g.shuffle(Object.entries(vendorRules)));
    draft.file = Object.fromEntries(g.shuffle(Object.entries(draft.file)));
    return 'either';
  },
  // Many valid entries: nearly 200 custom vendors (the limit), each blocked or allowed.
  (g, draft) => {
    if (draft.file.customVendors !== undefined && !Array.isArray(draft.file.customVendors)) return 'skip';
    const prefix = draft.file.version === 1 ? '' : 'custom-';
    const existing: unknown[] = Array.isArray(draft.file.customVendors) ? draft.file.customVendors : [];
    // Up to 192: the refusing mutations after this one may add a few, and must not reach the limit by accident.
    const room = 192 - existing.length;
    const added = Array.from({ length: room }, (_, i) => ({
      id: `${prefix}bulk-${i}`,
      name: `Bulk ${i}`,
      domains: [`bulk-${i}.example`],
    }));
    draft.file.customVendors = [...existing, ...added];
    const rules = mapOf(draft, 'vendorRules');
    if (rules) for (const vendor of g.some(added, 0.3)) rules[vendor.id] = g.pick(['allow', 'block']);
    return 'either';
  },
];

const REFUSE_MUTATIONS: readonly Mutation[] = [
  // Domains that overlap: a covering custom vendor allowed, what it covers blocked.
  (g, draft) => {
    const list = listOf(draft, 'customVendors');
    const rules = mapOf(draft, 'vendorRules');
    if (list === undefined || rules === undefined) return 'skip';
    const v1 = draft.file.version === 1;
    const id = (name: string): string => (v1 ? name : `custom-${name}`);
    const parent = g.pick(['adco', 'corp']);
    if (!list.some((v) => isRecord(v) && v.id === id(parent)))
      list.push({ id: id(parent), name: parent, domains: [parent === 'adco' ? 'adco.example' : 'corp-track.example'] });
    rules[id(parent)] = 'allow';
    if (parent === 'corp') {
      if (!list.some((v) => isRecord(v) && v.id === id('corp-pixel')))
        list.push({ id: id('corp-pixel'), name: 'Corp pixel', domains: ['pixel.corp-track.example'] });
      rules[id('corp-pixel')] = 'block';
    } else {
      rules.pixel = 'block';
    }
    return parent === 'corp' ? 'overlaps' : 'wider than pixel.adco.example';
  },
  // A rule allowing a vendor on a self-hosted dashboard whose host covers a built-in one.
  (g, draft) => {
    const dashboards = listOf(draft, 'customDashboards');
    const rules = listOf(draft, 'dashboardVendorRules');
    if (dashboards === undefined || rules === undefined) return 'skip';
    if (!dashboards.some((d) => isRecord(d) && d.host === COVERING_DASHBOARD.host))
      dashboards.push({ ...COVERING_DASHBOARD });
    const vendorId = g.pick(['tracker', 'replay', 'pixel']);
    if (!rules.some((r) => isRecord(r) && r.dashboard === COVERING_DASHBOARD.host && r.vendorId === vendorId))
      rules.push({ dashboard: COVERING_DASHBOARD.host, vendorId, action: 'allow' });
    return 'would include CI';
  },
  // Wrong type at the top.
  (g, draft) => {
    const [key, value] = g.pick<[string, unknown]>([
      ['vendorRules', g.pick([[], 'allow', 5, null, true])],
      ['categoryRules', g.pick([['analytics'], 'block', 0])],
      ['dashboardVendorRules', g.pick([{}, 'ci', 1])],
      ['customVendors', g.pick([{}, 'acme', { 0: { id: 'custom-x' } }])],
      ['customDashboards', g.pick(['jenkins.corp.example', {}])],
      ['sensitivePages', g.pick(['||app.ci.example/x', {}])],
      ['reportOnly', g.pick(['yes', 'true', 1, 0, null, [], {}])],
      ['auditRetentionDays', g.pick(['30', 2.5, 0, -1, 3651, 1e21, null, true])],
    ]);
    draft.file[key] = value;
    return key;
  },
  // Wrong type inside an entry.
  (g, draft) => {
    if (g.chance(0.5)) {
      const found = someCustomVendor(g, draft);
      if (!found) return 'skip';
      const key = g.pick(['id', 'name', 'domains']);
      found.vendor[key] = key === 'domains' ? g.pick(['a.example', [5], [null], {}, []]) : g.pick([7, null, ['x'], {}]);
      return `customVendors[${found.index}]`;
    }
    const rules = listOf(draft, 'dashboardVendorRules');
    if (rules === undefined) return 'skip';
    rules.push({ dashboard: 'ci', vendorId: 'tracker', action: g.pick(['maybe', 'ALLOW', true, null, 1]) });
    return `dashboardVendorRules[${rules.length - 1}]`;
  },
  // Unknown keys, prototype-pollution names included.
  (g, draft) => {
    const name = g.pick([
      'colour',
      'vendorRule',
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'vendor rules',
    ]);
    const value = g.pick<unknown>([{ polluted: true }, { tracker: 'allow' }, 'x', ['tracker'], null]);
    if (g.chance(0.5)) {
      setOwn(draft.file, name, value);
      return name;
    }
    const found = someCustomVendor(g, draft);
    if (!found) return 'skip';
    setOwn(found.vendor, name, value);
    return `customVendors[${found.index}]`;
  },
  // Prototype names as vendor ids and categories.
  (g, draft) => {
    const target = g.pick(['vendorRules', 'categoryRules']);
    const map = mapOf(draft, target);
    if (map === undefined) return 'skip';
    const key = g.pick(['__proto__', 'constructor', 'prototype', 'valueof', 'hasownproperty']);
    setOwn(map, key, g.pick<unknown>(['allow', { allow: true }, ['allow']]));
    return target;
  },
  // A public suffix, an IP, a URL, a wildcard, a port, where a domain is asked.
  (g, draft) => {
    if (g.chance(0.5)) {
      const found = someCustomVendor(g, draft);
      if (!found) return 'skip';
      const domains = found.vendor.domains as unknown[];
      domains.push(
        g.pick([
          'com',
          'co.uk',
          'github.io',
          'example',
          'COM.',
          '.com',
          '10.0.0.1',
          '[::1]',
          'https://x.example/',
          'x.example:8080',
          '*.x.example',
          'x.example/path',
          'localhost',
          'a..example',
          '-x.example',
        ]),
      );
      return `customVendors[${found.index}].domains[${domains.length - 1}]`;
    }
    const found = someCustomDashboard(g, draft);
    if (!found) return 'skip';
    found.dashboard.host = g.pick([
      'co.uk',
      'com',
      'github.io',
      '10.0.0.1',
      'https://ci.corp.example/',
      'ci.corp.example:8080',
      '*.corp.example',
      'ci.corp.example/path',
      'localhost',
      '',
    ]);
    return `customDashboards[${found.index}].host`;
  },
  // Over-long or empty names, over-long domains and labels.
  (g, draft) => {
    const found = someCustomVendor(g, draft);
    if (!found) return 'skip';
    switch (g.pick(['name', 'blank', 'label', 'domain'])) {
      case 'name':
        found.vendor.name = 'N'.repeat(g.pick([81, 500, 20_000]));
        return `customVendors[${found.index}].name`;
      case 'blank':
        found.vendor.name = g.pick(['   ', '\t\n', '\u00a0']);
        return `customVendors[${found.index}].name`;
      case 'label':
        (found.vendor.domains as unknown[]).push(`${'a'.repeat(64)}.example`);
        return `customVendors[${found.index}].domains[${(found.vendor.domains as unknown[]).length - 1}]`;
      default:
        (found.vendor.domains as unknown[]).push(`${'abcdefghij.'.repeat(g.pick([24, 1000]))}example`);
        return `customVendors[${found.index}].domains[${(found.vendor.domains as unknown[]).length - 1}]`;
    }
  },
  // The same thing twice: a custom vendor id, a domain, a dashboard, a rule (by id and by host), a page.
  (g, draft) => {
    const kind = g.pick(['vendor-id', 'domain', 'dashboard', 'rule', 'page']);
    if (kind === 'vendor-id' || kind === 'domain') {
      const found = someCustomVendor(g, draft);
      const list = draft.file.customVendors as unknown[];
      if (!found) return 'skip';
      const copy =
        kind === 'vendor-id'
          ? { ...found.vendor, domains: [`other-${list.length}.example`] }
          : { ...found.vendor, id: `${String(found.vendor.id)}-copy` };
      list.push(copy);
      return kind === 'vendor-id'
        ? `customVendors[${list.length - 1}].id`
        : `customVendors[${list.length - 1}].domains`;
    }
    if (kind === 'dashboard') {
      const found = someCustomDashboard(g, draft);
      const list = draft.file.customDashboards as unknown[];
      if (!found) return 'skip';
      list.push({ ...found.dashboard, host: String(found.dashboard.host).toUpperCase() });
      return `customDashboards[${list.length - 1}].host`;
    }
    if (kind === 'rule') {
      const rules = listOf(draft, 'dashboardVendorRules');
      if (rules === undefined) return 'skip';
      const vendorId = g.pick(['tracker', 'live', 'replay']);
      rules.push(
        { dashboard: 'ci', vendorId, action: 'block' },
        { dashboard: 'app.ci.example', vendorId, action: 'allow' },
      );
      return 'dashboardVendorRules[';
    }
    const pages = listOf(draft, 'sensitivePages');
    if (pages === undefined) return 'skip';
    pages.push('||app.ci.example/admin', '||APP.ci.example/admin');
    return `sensitivePages[${pages.length - 1}]`;
  },
  // A vendor or dashboard Dashguard does not know.
  (g, draft) => {
    if (g.chance(0.5)) {
      const map = mapOf(draft, 'vendorRules');
      if (map === undefined) return 'skip';
      const id = g.pick(['nosuch-vendor', 'custom-nobody', 'tracker-2', 'Tracker', 'trackr', 'org-tool-x']);
      map[id] = 'allow';
      return 'vendorRules';
    }
    const rules = listOf(draft, 'dashboardVendorRules');
    if (rules === undefined) return 'skip';
    const unknownVendor = g.chance(0.5);
    rules.push(
      unknownVendor
        ? { dashboard: 'ci', vendorId: g.pick(['nosuch', 'custom-nobody', 'trackerx']), action: 'allow' }
        : {
            dashboard: g.pick([
              'gitlab',
              'App.CI.example',
              'forge.example.',
              'unknown.example',
              '*',
              'x.forge.example',
              'ci.example',
            ]),
            vendorId: 'tracker',
            action: 'allow',
          },
    );
    return `dashboardVendorRules[${rules.length - 1}]`;
  },
  // A version this build cannot read, or none at all.
  (g, draft) => {
    const version = g.pick<unknown>([4, 99, 1e9, 2.5, 0, -1, '2', null, true, 'missing']);
    if (version === 'missing') delete draft.file.version;
    else draft.file.version = version;
    return 'version';
  },
  // Deep nesting, written as text (JSON.stringify cannot write it).
  (g, draft) => {
    const depth = g.pick([200, 5_000, 60_000]);
    draft.deep = deeplyNestedJson(depth, g.pick(['array', 'object']));
    const where = g.pick(['vendorRules', 'unknown', 'domain', 'reportOnly']);
    if (where === 'vendorRules') {
      const map = mapOf(draft, 'vendorRules');
      if (map === undefined) return 'skip';
      map.tracker = '__dg_deep__';
      return 'vendorRules.tracker';
    }
    if (where === 'domain') {
      const found = someCustomVendor(g, draft);
      if (!found) return 'skip';
      (found.vendor.domains as unknown[])[0] = '__dg_deep__';
      return `customVendors[${found.index}].domains[0]`;
    }
    if (where === 'reportOnly') {
      draft.file.reportOnly = '__dg_deep__';
      return 'reportOnly';
    }
    draft.file.deep = '__dg_deep__';
    return 'deep';
  },
  // Huge lists, beyond every limit.
  (g, draft) => {
    const prefix = draft.file.version === 1 ? '' : 'custom-';
    switch (g.pick(['vendors', 'domains', 'rules', 'pages', 'dashboards', 'vendorRules'])) {
      case 'vendors':
        draft.file.customVendors = Array.from({ length: g.pick([201, 3_000]) }, (_, i) => ({
          id: `${prefix}huge-${i}`,
          name: `Huge ${i}`,
          domains: [`huge-${i}.example`],
        }));
        return 'customVendors';
      case 'domains': {
        const found = someCustomVendor(g, draft);
        if (!found) return 'skip';
        found.vendor.domains = Array.from({ length: g.pick([51, 5_000]) }, (_, i) => `d${i}.many.example`);
        return `customVendors[${found.index}].domains`;
      }
      case 'rules':
        draft.file.dashboardVendorRules = Array.from({ length: g.pick([1_001, 20_000]) }, (_, i) => ({
          dashboard: i % 2 === 0 ? 'ci' : 'forge',
          vendorId: 'tracker',
          action: 'allow',
        }));
        return 'dashboardVendorRules';
      case 'pages':
        draft.file.sensitivePages = Array.from({ length: g.pick([201, 10_000]) }, (_, i) => `||app.ci.example/p${i}`);
        return 'sensitivePages';
      case 'dashboards':
        draft.file.customDashboards = Array.from({ length: 101 }, (_, i) => ({
          host: `ci${i}.corp.example`,
          name: `CI ${i}`,
        }));
        return 'customDashboards';
      default:
        draft.file.vendorRules = Object.fromEntries(Array.from({ length: 5_001 }, (_, i) => [`v${i}`, 'allow']));
        return 'vendorRules';
    }
  },
  // Domains Dashguard already knows: a catalog vendor's (in any spelling), a dashboard's own; built-in dashboards.
  (g, draft) => {
    if (g.chance(0.6)) {
      const found = someCustomVendor(g, draft);
      if (!found) return 'skip';
      const domains = found.vendor.domains as unknown[];
      domains.push(
        g.pick([
          'tracker.example',
          'cdn.tracker.example',
          'TRACKER.EXAMPLE.',
          '\uff54\uff52\uff41\uff43\uff4b\uff45\uff52.example',
          'ci-assets.example',
          'app.ci.example',
          'x.bigads.example',
          'live.example',
        ]),
      );
      return `customVendors[${found.index}].domains[${domains.length - 1}]`;
    }
    const found = someCustomDashboard(g, draft);
    if (!found) return 'skip';
    found.dashboard.host = g.pick([
      'app.ci.example',
      'forge.example',
      'x.forge.example',
      'docs.app.ci.example',
      'APP.CI.EXAMPLE.',
    ]);
    return `customDashboards[${found.index}].host`;
  },
  // A version-2 custom vendor id without "custom-", or a catalog vendor's id.
  (g, draft) => {
    if (draft.file.version === 1) return 'skip';
    const list = listOf(draft, 'customVendors');
    if (list === undefined) return 'skip';
    list.push({
      id: g.pick(['acme', 'tracker', 'custom-', 'custom-Acme', 'custom--x', `custom-${'x'.repeat(200)}`]),
      name: 'Bad id',
      domains: [`bad-id-${list.length}.example`],
    });
    return `customVendors[${list.length - 1}].id`;
  },
  // Sensitive pages that are not pages of a dashboard Dashguard protects.
  (g, draft) => {
    const pages = listOf(draft, 'sensitivePages');
    if (pages === undefined) return 'skip';
    pages.push(
      g.pick([
        'https://app.ci.example/x',
        '||unknown.example/x',
        '||',
        '|| app.ci.example/x',
        '||jenkins.nowhere.example/creds',
        '||app.ci.example/a b',
        '||*.ci.example/x',
        `||app.ci.example/${'p'.repeat(600)}`,
      ]),
    );
    return `sensitivePages[${pages.length - 1}]`;
  },
];

/** Text-level mutations, applied last: what reaches the import is not a settings object at all. */
const TEXT_MUTATIONS: readonly ((g: Gen, text: string) => { text: string; names: string })[] = [
  (g, text) => ({
    text: g.pick([
      text.slice(0, -1),
      `${text},`,
      `\ufeff${text}`,
      text.replace(/"/g, "'"),
      'NaN',
      '',
      `${text}${text}`,
    ]),
    names: 'not JSON',
  }),
  (g) => ({ text: g.pick(['[]', 'null', '"settings"', '42', 'true', '[{"version":2}]']), names: 'the file' }),
  (_g, text) => ({
    text: `${text.slice(0, -1)},"padding":"${'x'.repeat(MAX_IMPORT_CHARS)}"}`,
    names: `longer than ${MAX_IMPORT_CHARS} characters`,
  }),
];

function generateDraft(g: Gen, policy: Json | undefined, stored: UserSettings): Draft {
  const file = policy?.lockUserRules === true && g.chance(0.6) ? tightened(g, stored) : baseFile(g, policy);
  const draft: Draft = { file, refuse: [], applied: [] };
  if (g.chance(0.2)) {
    toVersion1(g, draft);
    draft.applied.push('v1');
  }
  const roll = g.float();
  const count = roll < 0.2 ? 0 : roll < 0.7 ? 1 : g.int(2, 3);
  const chosen = Array.from({ length: count }, () =>
    g.chance(0.35)
      ? { kind: 'either' as const, index: g.int(0, EITHER_MUTATIONS.length - 1) }
      : { kind: 'refuse' as const, index: g.int(0, REFUSE_MUTATIONS.length - 1) },
  );
  // "either" first: a shuffle after a refusal would move the field the refusal names.
  chosen.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'either' ? -1 : 1));
  for (const { kind, index } of chosen) {
    const mutation = (kind === 'either' ? EITHER_MUTATIONS : REFUSE_MUTATIONS)[index];
    if (mutation === undefined) continue;
    const result = mutation(g, draft);
    if (result === 'skip') continue;
    draft.applied.push(`${kind}#${index}`);
    if (result !== 'either') draft.refuse.push(result);
  }
  if (g.chance(0.06)) {
    const text = draft.text ?? JSON.stringify(draft.file);
    const mutation = g.pick(TEXT_MUTATIONS);
    const result = mutation(g, text);
    draft.text = result.text;
    draft.refuse.push(result.names);
    draft.applied.push('text');
  }
  return draft;
}

function fileText(draft: Draft): string {
  if (draft.text !== undefined) return draft.text;
  const text = JSON.stringify(draft.file);
  return draft.deep === undefined ? text : text.replace('"__dg_deep__"', draft.deep);
}

// ---------------------------------------------------------------------------------------------------------------
// The oracle: what the file and the policy say about each vendor on each dashboard, written from the file itself.

interface OracleVendor {
  readonly label: string;
  /** The id a file's rules name it by (its id in the file; v1 custom ids as written). */
  readonly fileId: string;
  /** Its id for the policy (catalog and organisation vendors only). */
  readonly policyId: string | undefined;
  readonly category: string | undefined;
  readonly defaultAction: Decision;
  readonly hosts: readonly string[];
}

interface OracleDashboard {
  readonly label: string;
  readonly refs: readonly string[];
  /** Page hosts of this dashboard the requests are made from. */
  readonly pages: readonly string[];
}

function oracleWorld(file: Json, policy: Json | undefined): { vendors: OracleVendor[]; dashboards: OracleDashboard[] } {
  const customs = (Array.isArray(file.customVendors) ? file.customVendors : []).filter(isRecord);
  const orgVendors = Array.isArray(policy?.extraVendors) ? (policy.extraVendors as PoolVendor[]) : [];
  const orgDashboards = Array.isArray(policy?.extraDashboards) ? (policy.extraDashboards as { host: string }[]) : [];
  // Many valid custom vendors: the first 12 stand for the rest.
  const vendors: OracleVendor[] = [
    ...customs.slice(0, 12).map((v) => ({
      label: `custom ${String(v.id)}`,
      fileId: String(v.id),
      policyId: undefined,
      category: undefined,
      defaultAction: 'block' as const,
      hosts: (v.domains as string[]).map(asciiHost),
    })),
    ...orgVendors.map((v) => ({
      label: `org ${v.id}`,
      fileId: v.id,
      policyId: v.id,
      category: undefined,
      defaultAction: 'block' as const,
      hosts: v.domains.map(asciiHost),
    })),
    ...catalog.vendors.map((v) => ({
      label: v.id,
      fileId: v.id,
      policyId: v.id,
      category: v.category,
      defaultAction: v.defaultAction,
      hosts: [...v.domains],
    })),
  ];
  const dashboards: OracleDashboard[] = [
    ...catalog.dashboards.map((d) => ({
      label: d.id,
      refs: [d.id, ...d.hosts],
      pages: d.hosts.flatMap((h) => [h, `deep.${h}`]),
    })),
    ...orgDashboards.map((d) => ({ label: d.host, refs: [d.host], pages: [d.host] })),
    ...(Array.isArray(file.customDashboards) ? file.customDashboards : []).filter(isRecord).map((d) => {
      const host = asciiHost(String(d.host));
      return { label: host, refs: [host], pages: [host, `deep.${host}`] };
    }),
  ];
  return { vendors, dashboards };
}

function expectedDecision(
  file: Json,
  policy: Json | undefined,
  vendor: OracleVendor,
  dashboard: OracleDashboard,
  world: { vendors: OracleVendor[] },
): Decision {
  // A rule names the first vendor with that id, custom vendors first (a v1 custom vendor may carry a catalog id).
  const named = (id: string): OracleVendor | undefined => world.vendors.find((v) => v.fileId === id) ?? undefined;
  const isThis = (id: unknown): boolean => typeof id === 'string' && named(id) === vendor;
  const locked = policy?.lockUserRules === true;
  if (policy !== undefined && vendor.policyId !== undefined) {
    const allowedHere = (policy.allowedVendors as { vendor: string; dashboards: string[] }[]).some(
      (entry) =>
        entry.vendor === vendor.policyId &&
        (entry.dashboards.includes('*') || entry.dashboards.some((ref) => dashboard.refs.includes(ref))),
    );
    if ((policy.blockedVendors as string[]).includes(vendor.policyId)) return 'block';
    if (allowedHere) return 'allow';
    if (vendor.category !== undefined && (policy.blockedCategories as string[]).includes(vendor.category))
      return 'block';
  }
  if (file.reportOnly === true && !locked) return 'allow';
  const user = (action: unknown): Decision | undefined =>
    action === 'block' || (action === 'allow' && !locked) ? action : undefined;
  const rules = Array.isArray(file.dashboardVendorRules) ? file.dashboardVendorRules.filter(isRecord) : [];
  const here = rules.find(
    (rule) =>
      isThis(rule.vendorId) &&
      typeof rule.dashboard === 'string' &&
      dashboard.refs.includes(rule.dashboard) &&
      user(rule.action) !== undefined,
  );
  if (here) return here.action as Decision;
  const vendorRules = isRecord(file.vendorRules) ? file.vendorRules : {};
  const byVendor = Object.entries(vendorRules).find(([id, action]) => isThis(id) && user(action) !== undefined);
  if (byVendor) return byVendor[1] as Decision;
  const categoryRules = isRecord(file.categoryRules) ? file.categoryRules : {};
  if (vendor.category !== undefined) {
    const byCategory = user(Object.hasOwn(categoryRules, vendor.category) ? categoryRules[vendor.category] : undefined);
    if (byCategory) return byCategory;
  }
  return vendor.defaultAction;
}

const matchers = new WeakMap<readonly DnrRule[], RuleMatcher<DnrRule>>();

/** The DNR model's outcome, from the production matcher indexed once per rule set (the same answer, faster). */
function outcome(rules: readonly DnrRule[], request: DnrRequest): Outcome {
  let matcher = matchers.get(rules);
  if (matcher === undefined) matchers.set(rules, (matcher = createRuleMatcher(rules)));
  return matcher.outcome(request);
}

const request = (host: string, initiatorHost: string): DnrRequest => ({
  url: `https://${host}/dg.js`,
  initiatorHost,
  type: 'script',
});

// ---------------------------------------------------------------------------------------------------------------
// The run.

function setup(policy: ManagedPolicy) {
  const area = new FakeStorageArea();
  const dnr = new FakeDnr();
  const store = createSettingsStore({ get: (key) => area.get(key), set: (items) => area.set(items) });
  const reconciler = createRuleReconciler({
    catalog,
    loadSettings: async () => (await store.load()).settings,
    loadPolicy: async () => policy,
    loadPausedTabs: async () => [],
    loadTabCover: async () => ({ by: 'top-domains' as const }),
    ruleSync: createRuleSync(dnr),
    onError: () => undefined,
  });
  const service = createSettingsService({
    catalog,
    store,
    loadPolicy: async () => policy,
    reconcile: (o) => reconciler.reconcile(o),
    now: () => 0,
  });
  return { area, dnr, service };
}

/** The import as the message router delivers it: the payload check, then the settings service. */
async function importFile(service: ReturnType<typeof setup>['service'], text: string): Promise<ChangeReplyOrRefusal> {
  const parsed = messagePayloadParser(settingsChange)!({ kind: 'import', text });
  if (!parsed.ok) return { applied: false, errors: [{ field: 'payload', message: parsed.error }] };
  return service.change(parsed.value);
}
type ChangeReplyOrRefusal = Awaited<ReturnType<ReturnType<typeof setup>['service']['change']>>;

const SETTINGS_KEYS = [
  'version',
  'vendorRules',
  'categoryRules',
  'dashboardVendorRules',
  'customVendors',
  'customDashboards',
  'sensitivePages',
  'reportOnly',
  'auditRetentionDays',
  'keepFullAuditUrls',
];
const WHOLE_FILE = [
  /^The file is not JSON: /,
  /^These settings come from a newer Dashguard \(settings version \d+\)/,
  /^"version" must be a whole number/,
  /^Settings must be a JSON object\.$/,
  /^the file: /,
];

/** Why a refusal's message does not name what is wrong, or undefined when it does. */
function unnamed(error: FieldError, file: Json): string | undefined {
  if (error.message.trim() === '') return 'an empty message';
  if (error.field === 'policy')
    return error.message.startsWith(LOCKED_MESSAGE) && /allowing|report-only/.test(error.message)
      ? undefined
      : 'a lock refusal that names nothing';
  if (error.field === 'payload')
    return error.message === `import: text: is longer than ${MAX_IMPORT_CHARS} characters`
      ? undefined
      : 'an unexpected payload refusal';
  if (error.field !== 'file') return `an unexpected field "${error.field}"`;
  if (WHOLE_FILE.some((pattern) => pattern.test(error.message))) return undefined;
  const first = /^([^\s.[:]+(?: [^\s.[:]+)?)(?:\[\d+\]|\.[^:[]+)*: \S/.exec(error.message)?.[1];
  if (first === undefined) return 'no field at the start';
  return SETTINGS_KEYS.includes(first) || Object.hasOwn(file, first)
    ? undefined
    : `names "${first}", which the file does not hold`;
}

const tally = { applied: 0, refused: 0, mustRefuse: 0, v1Applied: 0, locked: 0, lockedApplied: 0 };

describe('generated settings imports are applied whole or refused, and never loosen blocking by mistake', () => {
  afterAll(() => {
    // The generator reaches both sides, and the interesting cases, in useful numbers.
    expect(tally.applied).toBeGreaterThan(RUNS * 0.15);
    expect(tally.refused).toBeGreaterThan(RUNS * 0.3);
    expect(tally.v1Applied).toBeGreaterThan(5);
    expect(tally.locked).toBeGreaterThan(RUNS * 0.2);
    expect(tally.lockedApplied).toBeGreaterThan(10);
    expect(tally.mustRefuse).toBeGreaterThan(RUNS * 0.3);
    // Nothing polluted a prototype on the way.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).tracker).toBeUndefined();
  });

  it.each(Array.from({ length: RUNS }, (_, i) => FIRST_SEED + i))('seed %i', async (seed) => {
    const g = new Gen(seed);
    const scenario = g.pick(['none', 'open', 'locked'] as const);
    const rawPolicy = scenario === 'none' ? undefined : generatePolicy(g, scenario === 'locked');
    const parsedPolicy =
      rawPolicy === undefined ? { policy: NO_POLICY, warnings: [] } : parseManagedPolicy(rawPolicy, catalog);
    expect(parsedPolicy.warnings.filter((w) => !/which wins/.test(w))).toEqual([]);
    const policy = parsedPolicy.policy;
    if (policy.lockUserRules) tally.locked += 1;

    // What was stored before: another valid file, read without the policy (the policy may have arrived later).
    const before = readSettingsFile(JSON.stringify(baseFile(g, rawPolicy)), { catalog, policy: NO_POLICY });
    const stored: UserSettings = before.ok ? before.value.settings : DEFAULT_SETTINGS;
    const { area, dnr, service } = setup(policy);
    await area.set({ [SETTINGS_KEY]: stored });
    const writesBefore = area.writes;
    const snapshot = structuredClone(area.data.get(SETTINGS_KEY));

    const draft = generateDraft(g, rawPolicy, stored);
    const text = fileText(draft);
    const reply = await importFile(service, text);
    const context = `seed ${seed} (${scenario} policy; mutations ${draft.applied.join(', ') || 'none'})\nfile: ${text.slice(0, 1500)}`;

    if (!reply.applied) {
      tally.refused += 1;
      // Refused: every message says what is wrong where, and nothing changed.
      const problems = reply.errors.flatMap((error) => {
        const why = unnamed(error, isRecord(draft.file) ? draft.file : {});
        return why === undefined ? [] : [`${why}: ${error.field}: ${error.message.slice(0, 300)}`];
      });
      if (reply.errors.length === 0 || problems.length > 0)
        throw new Error(`${context}\nrefused without naming what is wrong:\n${problems.join('\n')}`);
      if (draft.refuse.length > 0) {
        tally.mustRefuse += 1;
        const messages = reply.errors.map((e) => e.message);
        // Locked: a loosening can be refused before the file's other problems are looked at.
        const lockFirst = reply.errors.every((e) => e.field === 'policy');
        if (!lockFirst && !draft.refuse.some((field) => messages.some((m) => m.includes(field)))) {
          throw new Error(
            `${context}\nrefused, but no message names ${draft.refuse.join(' or ')}:\n${messages.join('\n').slice(0, 2000)}`,
          );
        }
      }
      expect(area.data.get(SETTINGS_KEY)).toEqual(snapshot);
      expect(area.writes).toBe(writesBefore);
      expect(dnr.updates).toBe(0);
      return;
    }

    tally.applied += 1;
    if (draft.file.version === 1) tally.v1Applied += 1;
    if (policy.lockUserRules) tally.lockedApplied += 1;
    if (draft.refuse.length > 0)
      throw new Error(`${context}\napplied, though it must be refused for ${draft.refuse.join(', ')}`);
    // Applied whole: what is stored is what the reply says, in one write.
    expect(area.data.get(SETTINGS_KEY)).toEqual(reply.settings);
    expect(area.writes).toBe(writesBefore + 1);

    const rules = [...staticRules, ...dnr.dynamic.values(), ...dnr.session.values()];
    const defaults = computeDefaults(policy);
    const world = oracleWorld(draft.file, rawPolicy);
    const wrong: string[] = [];
    for (const vendor of world.vendors) {
      for (const dashboard of world.dashboards) {
        const expected = expectedDecision(draft.file, rawPolicy, vendor, dashboard, world);
        for (const host of vendor.hosts) {
          for (const page of dashboard.pages) {
            const actual = outcome(rules, request(host, page)) === 'block' ? 'block' : 'allow';
            if (actual !== expected)
              wrong.push(
                `${vendor.label} (${host}) on ${dashboard.label} (${page}): ${actual}, the file says ${expected}`,
              );
            // Under a lock nothing is looser than the defaults under the same policy.
            if (policy.lockUserRules && actual !== 'block' && outcome(defaults, request(host, page)) === 'block')
              wrong.push(`${vendor.label} (${host}) on ${page}: unblocked under the lock`);
          }
        }
      }
      // Nothing outside the dashboards is blocked.
      for (const host of vendor.hosts)
        if (outcome(rules, request(host, 'unrelated.example')) === 'block')
          wrong.push(`${vendor.label} (${host}) blocked on a site that is no dashboard`);
    }
    // Whatever the policy forces stays blocked on every built-in dashboard.
    for (const vendorId of policy.blockedVendors) {
      for (const host of catalog.vendors.find((v) => v.id === vendorId)?.domains ?? []) {
        for (const page of ['app.ci.example', 'forge.example'])
          if (outcome(rules, request(host, page)) !== 'block')
            wrong.push(`${vendorId}, blocked by the policy, is allowed on ${page}`);
      }
    }
    if (wrong.length > 0)
      throw new Error(
        `${context}\nrules in force disagree with the file:\n${[...new Set(wrong)].slice(0, 30).join('\n')}`,
      );
  });
});

describe('imports that would loosen another vendor or dashboard through an overlap are refused, naming the field', () => {
  const read = (file: Json, policy: ManagedPolicy = NO_POLICY) =>
    readSettingsFile(JSON.stringify(file), { catalog, policy });
  const vendor = (id: string, ...domains: string[]) => ({ id, name: id, domains });

  it("a custom vendor domain wider than a catalog or organisation vendor's", () => {
    expect(read({ version: 2, customVendors: [vendor('custom-adco', 'adco.example')] })).toEqual({
      ok: false,
      error: [
        'customVendors[0].domains[0]: adco.example is wider than pixel.adco.example, which is part of Pixel: allowing it would allow Pixel too (name a more specific domain).',
      ],
    });
    const org = parseManagedPolicy({ extraVendors: [ORG_VENDOR] }, catalog).policy;
    expect(read({ version: 2, customVendors: [vendor('custom-org', 'org.example')] }, org)).toMatchObject({
      ok: false,
      error: [
        expect.stringMatching(
          /^customVendors\[0\]\.domains\[0\]: org\.example is wider than tool\.org\.example, which is part of Org Tool/,
        ),
      ],
    });
    expect(read({ version: 2, customVendors: [vendor('custom-org', 'x.tool.org.example')] }, org)).toMatchObject({
      ok: false,
      error: [expect.stringMatching(/already part of Org Tool/)],
    });
  });

  it('two custom vendors where one covers the other', () => {
    expect(
      read({
        version: 2,
        customVendors: [
          vendor('custom-corp', 'corp-track.example'),
          vendor('custom-corp-pixel', 'pixel.corp-track.example'),
        ],
      }),
    ).toEqual({
      ok: false,
      error: [
        'customVendors[1].domains[0]: pixel.corp-track.example overlaps corp-track.example, part of custom-corp: a rule for one would apply to both',
      ],
    });
  });

  it('a self-hosted dashboard that covers a built-in one or another self-hosted one', () => {
    expect(read({ version: 2, customDashboards: [{ host: 'ci.example', name: 'CI' }] })).toMatchObject({
      ok: false,
      error: [expect.stringMatching(/^customDashboards\[0\]\.host: ci\.example would include CI \(app\.ci\.example\)/)],
    });
    expect(
      read({
        version: 2,
        customDashboards: [
          { host: 'jenkins.corp.example', name: 'J' },
          { host: 'corp.example', name: 'C' },
        ],
      }),
    ).toMatchObject({
      ok: false,
      error: [expect.stringMatching(/^customDashboards\[1\]\.host: corp\.example overlaps jenkins\.corp\.example/)],
    });
  });

  it("the same through the options page's changes", () => {
    const current: UserSettings = {
      ...DEFAULT_SETTINGS,
      customVendors: [vendor('custom-corp', 'corp-track.example')],
      customDashboards: [{ host: 'jenkins.corp.example', name: 'J' }],
    };
    const apply = (change: SettingsChange) => applySettingsChange(current, change, { catalog, policy: NO_POLICY });
    expect(apply({ kind: 'add-custom-vendor', name: 'Pixel', domains: 'pixel.corp-track.example' })).toEqual({
      ok: false,
      error: [
        {
          field: 'domains',
          message:
            'pixel.corp-track.example overlaps corp-track.example, part of your vendor custom-corp: a rule for one would apply to both.',
        },
      ],
    });
    expect(apply({ kind: 'add-custom-vendor', name: 'AdCo', domains: 'adco.example' })).toMatchObject({
      ok: false,
      error: [{ field: 'domains', message: expect.stringMatching(/wider than pixel\.adco\.example/) }],
    });
    expect(apply({ kind: 'add-custom-dashboard', host: 'corp.example', name: '' })).toMatchObject({
      ok: false,
      error: [{ field: 'host', message: expect.stringMatching(/overlaps jenkins\.corp\.example/) }],
    });
    expect(apply({ kind: 'add-custom-dashboard', host: 'ci.example', name: '' })).toMatchObject({
      ok: false,
      error: [{ field: 'host', message: expect.stringMatching(/would include CI/) }],
    });
    expect(apply({ kind: 'add-custom-vendor', name: 'Other', domains: 'other-track.example' })).toMatchObject({
      ok: true,
    });
  });

  it('a version-1 file listing a custom vendor id twice', () => {
    expect(
      read({
        version: 1,
        customVendors: [vendor('acme', 'a.acme.example'), vendor('acme', 'b.acme.example')],
        vendorRules: { acme: 'allow' },
      }),
    ).toEqual({
      ok: false,
      error: ['customVendors[1].id: "custom-acme" is listed twice'],
    });
  });
});

/** The rules under the policy with default settings (and the built-in ones). */
function computeDefaults(policy: ManagedPolicy): DnrRule[] {
  const state = computeRuleState({ catalog, settings: DEFAULT_SETTINGS, policy, pausedTabs: [] });
  return [...staticRules, ...state.dynamicRules, ...state.sessionRules];
}
