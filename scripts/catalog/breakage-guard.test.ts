import { categories } from '../../rules/catalog/categories';
import type { DashboardProfile, VendorEntry } from '../../src/catalog/catalog-types';
import { buildCatalog } from './build-catalog';
import { describeConflict, findBreakage, profileProblems, scenarioSettings } from './breakage-guard';

const SOURCE = { where: 'example/ci:csp.rb', seen: '2026' } as const;

function guard(
  thirdPartyWeb: { name: string; category: string; domains: string[] }[],
  profiles: DashboardProfile[],
  curated: VendorEntry[] = [],
) {
  const built = buildCatalog({
    categories,
    curatedVendors: [
      ...curated,
      {
        id: 'live',
        name: 'Live',
        category: 'realtime',
        domains: ['live.example'],
        defaultAction: 'allow',
        reason: 'Streams.',
      },
      {
        id: 'helpdesk',
        name: 'Help desk',
        category: 'support-widget',
        domains: ['help.example'],
        defaultAction: 'allow',
        reason: 'Allowed here.',
        thirdPartyWebNote: 'n',
      },
    ],
    dashboards: [{ id: 'ci', name: 'CI', hosts: ['app.ci.example'], ownDomains: [], strictMode: {} }],
    thirdPartyWeb,
  });
  if (!built.ok) throw new Error(built.errors.join('\n'));
  const staticRules = Object.values(built.rules.rulesets).flat();
  return {
    catalog: built.catalog,
    staticRules,
    conflicts: findBreakage({ catalog: built.catalog, staticRules, profiles }),
  };
}

const profile = (host: string, loadedAs: 'image' | 'fetch' = 'fetch'): DashboardProfile => ({
  dashboardId: 'ci',
  needs: [{ host, purpose: 'sign-in', loadedAs, source: SOURCE }],
  trackers: [],
});

describe('the breakage guard', () => {
  it('reports a default block of a needed host with the vendor, the domain, the dashboard and the source', () => {
    const { conflicts } = guard(
      [{ name: 'Big Ads', category: 'ad', domains: ['*.bigsoft.example'] }],
      [profile('graph.bigsoft.example')],
    );
    expect(conflicts.map(describeConflict)).toEqual([
      'vendor tpw-big-ads blocks bigsoft.example: graph.bigsoft.example (sign-in) is needed on ci per example/ci:csp.rb (2026) [default settings]',
      'vendor tpw-big-ads blocks bigsoft.example: graph.bigsoft.example (sign-in) is needed on ci per example/ci:csp.rb (2026) [every non-essential category blocked]',
    ]);
    expect(conflicts[0]).toMatchObject({
      vendorId: 'tpw-big-ads',
      domain: 'bigsoft.example',
      dashboardId: 'ci',
      rule: 'static',
    });
  });

  it('judges the compact rules: a block shared by several vendors is reported under the vendor whose domain covers the host', () => {
    const { catalog, conflicts, staticRules } = guard(
      [{ name: 'Big Ads', category: 'ad', domains: ['*.bigsoft.example', '*.other.example'] }],
      [profile('x.trk.bigsoft.example')],
      [
        {
          id: 'bat',
          name: 'Bat',
          category: 'advertising',
          domains: ['trk.bigsoft.example'],
          defaultAction: 'block',
          reason: 'Tracks.',
        },
      ],
    );
    expect(conflicts[0]).toMatchObject({ vendorId: 'bat', domain: 'trk.bigsoft.example', rule: 'static' });
    expect(conflicts).toHaveLength(2);
    // One static block rule holds both vendors' domains.
    expect(
      catalog.vendors
        .filter((v) => v.defaultAction === 'block')
        .map((v) => v.id)
        .sort(),
    ).toEqual(['bat', 'tpw-big-ads']);
    expect(
      staticRules.find((r) => r.id === conflicts[0]!.ruleId && r.action.type === 'block')?.condition.requestDomains,
    ).toEqual(['other.example', 'trk.bigsoft.example']);
  });

  it('reports a host that only "block all" of a non-essential category would block, from the dynamic rules', () => {
    const { conflicts } = guard([], [profile('help.example', 'image')]);
    expect(conflicts).toEqual([
      expect.objectContaining({
        scenario: 'every non-essential category blocked',
        vendorId: 'helpdesk',
        rule: 'dynamic',
      }),
    ]);
  });

  it('leaves essential categories alone, and says nothing when nothing is blocked', () => {
    expect(guard([], [profile('ws.live.example'), profile('cdn.unrelated.example')]).conflicts).toEqual([]);
  });

  it('blocks every category without an essential reason in its second scenario', () => {
    const { catalog } = guard([], []);
    const blocked = Object.keys(scenarioSettings(catalog, 'every non-essential category blocked').categoryRules).sort();
    expect(blocked).toEqual(
      categories
        .filter((c) => c.essentialBecause === undefined)
        .map((c) => c.id)
        .sort(),
    );
    expect(blocked).not.toContain('realtime');
    expect(blocked).toContain('first-party-telemetry');
  });

  it('checks the profiles themselves', () => {
    const { catalog } = guard([], []);
    expect(
      profileProblems(catalog, [
        { dashboardId: 'nope', needs: [], trackers: [] },
        {
          dashboardId: 'ci',
          needs: [{ host: '*.x.example', purpose: 'app', loadedAs: 'fetch', source: { where: '', seen: '26' } }],
          trackers: [],
        },
      ]),
    ).toEqual([
      'dashboard profile "nope": no such dashboard',
      'dashboard profile "ci": "*.x.example" is not an exact host name',
      'dashboard profile "ci": *.x.example: "seen" must be YYYY or YYYY-MM',
      'dashboard profile "ci": *.x.example: no source',
    ]);
  });
});
