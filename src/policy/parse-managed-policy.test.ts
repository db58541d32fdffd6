import managedSchemaForCategories from '../../schemas/managed-schema.json';
import { CATEGORY_IDS } from '../catalog/catalog-types';
import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY } from './managed-policy';
import { parseManagedPolicy } from './parse-managed-policy';

const { catalog } = testCatalog();
const parse = (raw: unknown) => parseManagedPolicy(raw, catalog);

describe('parseManagedPolicy', () => {
  it('reads a complete, valid policy without warnings', () => {
    const { policy, warnings } = parse({
      blockedVendors: ['live', 'acme-beacon'],
      allowedVendors: [
        { vendor: 'replay', dashboards: ['forge', 'ci.corp.example'] },
        { vendor: 'tracker', dashboards: ['*'] },
      ],
      blockedCategories: ['session-replay'],
      extraDashboards: [{ host: 'CI.Corp.Example', name: 'Corp CI' }],
      extraVendors: [{ id: 'acme-beacon', name: 'Acme Beacon', domains: ['beacon.acme.example', 'acme-cdn.example'] }],
      sensitivePages: ['||ci.corp.example/credentials'],
      reportOnly: false,
      lockUserRules: true,
      allowTabPause: false,
      auditRetentionDays: 30,
    });
    expect(warnings).toEqual([]);
    expect(policy).toEqual({
      blockedVendors: ['live', 'acme-beacon'],
      allowedVendors: [
        { vendorId: 'replay', dashboards: ['forge', 'ci.corp.example'] },
        { vendorId: 'tracker', dashboards: [] },
      ],
      blockedCategories: ['session-replay'],
      extraDashboards: [{ host: 'ci.corp.example', name: 'Corp CI' }],
      extraVendors: [{ id: 'acme-beacon', name: 'Acme Beacon', domains: ['beacon.acme.example', 'acme-cdn.example'] }],
      sensitivePages: ['||ci.corp.example/credentials'],
      reportOnly: false,
      lockUserRules: true,
      allowTabPause: false,
      auditRetentionDays: 30,
    });
  });

  it('switches tab pause off under the lock unless the policy allows it by name', () => {
    expect(parse({ lockUserRules: true }).policy).toMatchObject({ lockUserRules: true, allowTabPause: false });
    expect(parse({ lockUserRules: true, allowTabPause: true }).policy).toMatchObject({
      lockUserRules: true,
      allowTabPause: true,
    });
    expect(parse({ lockUserRules: false }).policy.allowTabPause).toBe(true);
    expect(parse({ blockedVendors: ['tracker'] }).policy.allowTabPause).toBe(true);
    // A malformed lock is a lock: pausing goes with it.
    expect(parse({ lockUserRules: 'yes' }).policy).toMatchObject({ lockUserRules: true, allowTabPause: false });
  });

  it.each([undefined, null, {}])('reads %p as no policy', (raw) => {
    expect(parse(raw)).toEqual({ policy: NO_POLICY, warnings: [] });
  });

  it.each([
    ['a string', 'block everything'],
    ['a list', ['tracker']],
    ['a number', 3],
  ])('ignores a policy that is %s', (_name, raw) => {
    expect(parse(raw)).toEqual({ policy: NO_POLICY, warnings: ['policy: must be an object; ignored.'] });
  });

  it('drops each bad item with a warning naming it, and keeps the rest', () => {
    const { policy, warnings } = parse({
      blockedVendors: ['tracker', 5, 'trackr', 'replay'],
      blockedCategories: ['analytics', 'spyware'],
      extraDashboards: [{ host: 'https://ci.corp.example/', name: 'Bad' }, { host: 'ok.corp.example' }, 'jenkins'],
      extraVendors: [
        { id: 'acme', domains: ['acme.example', 'not a domain', 7] },
        { id: 'Bad Id', domains: ['x.example'] },
      ],
      sensitivePages: ['||ok.corp.example/secrets', 'javascript:alert(1)'],
      color: 'red',
    });
    expect(policy.blockedVendors).toEqual(['tracker', 'replay']);
    expect(policy.blockedCategories).toEqual(['analytics']);
    expect(policy.extraDashboards).toEqual([{ host: 'ok.corp.example', name: 'ok.corp.example' }]);
    expect(policy.extraVendors).toEqual([{ id: 'acme', name: 'acme', domains: ['acme.example'] }]);
    expect(policy.sensitivePages).toEqual(['||ok.corp.example/secrets']);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'color: unknown key; ignored.',
        'blockedVendors[1]: must be string; ignored.',
        'blockedVendors[2]: unknown vendor "trackr"; ignored.',
        'blockedCategories[1]: unknown category "spyware"; ignored.',
        expect.stringMatching(/^extraDashboards\[0\]: "https:\/\/ci\.corp\.example\/" is not a host name/),
        'extraDashboards[2]: must be object; ignored.',
        expect.stringMatching(/^extraVendors\[0\]\.domains\[1\]: "not a domain" is not a domain name/),
        expect.stringMatching(/^extraVendors\[0\]\.domains\[2\]: 7 is not a domain name/),
        expect.stringMatching(/^extraVendors\[1\]: "id" must be lower-case/),
        expect.stringMatching(/^sensitivePages\[1\]: "javascript:alert\(1\)" is not a page address/),
      ]),
    );
    expect(warnings).toHaveLength(10);
  });

  it('ignores a list key that is not a list, whole', () => {
    const { policy, warnings } = parse({ blockedVendors: 'tracker', allowedVendors: { vendor: 'live' } });
    expect(policy).toEqual(NO_POLICY);
    expect(warnings).toEqual(['blockedVendors: must be array; ignored.', 'allowedVendors: must be array; ignored.']);
  });

  describe('allowed vendors never widen by mistake', () => {
    it.each([
      ['no dashboards key', { vendor: 'tracker' }, /allowedVendors\[0\]: "dashboards" must list dashboards/],
      [
        'a misspelt dashboards key',
        { vendor: 'tracker', dashbaords: ['forge'] },
        /allowedVendors\[0\]: "dashboards" must list dashboards/,
      ],
      [
        'an empty dashboards list',
        { vendor: 'tracker', dashboards: [] },
        /allowedVendors\[0\]: "dashboards" must list dashboards/,
      ],
      [
        'dashboards that are all unknown',
        { vendor: 'tracker', dashboards: ['forj', 3] },
        /allowedVendors\[0\]: no known dashboard/,
      ],
      ['an unknown vendor', { vendor: 'trackr', dashboards: ['*'] }, /allowedVendors\[0\]: unknown vendor "trackr"/],
      [
        'a vendor that is not a string',
        { vendor: ['tracker'], dashboards: ['*'] },
        /allowedVendors\[0\]: "vendor" must be a vendor id/,
      ],
    ])('drops an entry with %s', (_name, entry, warning) => {
      const { policy, warnings } = parse({ allowedVendors: [entry] });
      expect(policy.allowedVendors).toEqual([]);
      expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(warning)]));
    });

    it('narrows an entry to the dashboards it names correctly', () => {
      const { policy, warnings } = parse({ allowedVendors: [{ vendor: 'tracker', dashboards: ['forj', 'forge'] }] });
      expect(policy.allowedVendors).toEqual([{ vendorId: 'tracker', dashboards: ['forge'] }]);
      expect(warnings).toEqual(['allowedVendors[0].dashboards[0]: unknown dashboard "forj"; ignored.']);
    });

    it('accepts a built-in dashboard by host, and says when blockedVendors overrides an allowance', () => {
      const { policy, warnings } = parse({
        blockedVendors: ['tracker'],
        allowedVendors: [{ vendor: 'tracker', dashboards: ['APP.ci.example'] }],
      });
      expect(policy.allowedVendors).toEqual([{ vendorId: 'tracker', dashboards: ['app.ci.example'] }]);
      expect(warnings).toEqual([
        'allowedVendors[0]: "tracker" is also in blockedVendors, which wins: it stays blocked.',
      ]);
    });
  });

  describe('malformed switches take the strict value', () => {
    it.each([
      [
        'reportOnly',
        'yes',
        { reportOnly: false },
        'reportOnly: must be boolean; treated as false (report-only stays off).',
      ],
      [
        'reportOnly',
        1,
        { reportOnly: false },
        'reportOnly: must be boolean; treated as false (report-only stays off).',
      ],
      [
        'lockUserRules',
        'false',
        { lockUserRules: true, allowTabPause: false },
        'lockUserRules: must be boolean; treated as true (users cannot loosen their rules).',
      ],
      [
        'allowTabPause',
        'true',
        { allowTabPause: false },
        'allowTabPause: must be boolean; treated as false (users cannot pause a tab).',
      ],
    ])('%s: %p', (key, value, expected, warning) => {
      const { policy, warnings } = parse({ [key]: value });
      expect(policy).toEqual({ ...NO_POLICY, ...expected });
      expect(warnings).toEqual([warning]);
    });
  });

  it.each([0, 3651, 2.5, '30'])('ignores an audit retention of %p', (days) => {
    const { policy, warnings } = parse({ auditRetentionDays: days });
    expect(policy.auditRetentionDays).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(/^auditRetentionDays: must be a whole number of days from 1 to 3650/),
    ]);
  });

  it("reads fleetReporting; a malformed one turns reporting off, named with the policy's other ignored items, and an unknown key in it is named too", () => {
    const fleetReporting = {
      endpoint: 'https://collector.example.com/v1/logs',
      format: 'otlp-json',
      intervalSeconds: 60,
    };
    expect(parse({ fleetReporting }).policy.fleetReporting).toEqual({
      ...fleetReporting,
      authorization: undefined,
      deviceLabel: undefined,
    });
    expect(parse({ fleetReporting }).warnings).toEqual([]);
    const bad = parse({
      fleetReporting: { ...fleetReporting, format: 'otlp', colour: 'red' },
      blockedVendors: ['hotjr'],
    });
    expect(bad.policy.fleetReporting).toBeUndefined();
    expect(bad.warnings).toEqual(
      expect.arrayContaining([
        'fleetReporting.colour: unknown key; ignored.',
        'fleetReporting.format: unknown format "otlp": must be "otlp-json" or "splunk-hec"; reporting is off.',
        'blockedVendors[0]: unknown vendor "hotjr"; ignored.',
      ]),
    );
    expect(parse({}).policy.fleetReporting).toBeUndefined();
  });

  it('refuses extra vendors that shadow a catalog vendor or repeat, and extra dashboards that are built in', () => {
    const { policy, warnings } = parse({
      extraVendors: [
        { id: 'tracker', domains: ['other.example'] },
        { id: 'x', domains: ['x.example'] },
        { id: 'x', domains: ['y.example'] },
        { id: 'nodomains' },
      ],
      extraDashboards: [{ host: 'forge.example' }, { host: 'ci.corp.example' }, { host: 'ci.corp.example.' }],
    });
    expect(policy.extraVendors.map((v) => v.id)).toEqual(['x']);
    expect(policy.extraDashboards.map((d) => d.host)).toEqual(['ci.corp.example']);
    expect(warnings).toEqual([
      'extraVendors[0]: "tracker" is already a Dashguard vendor (name it in blockedVendors instead); ignored.',
      'extraVendors[2]: "x" is listed twice; ignored.',
      'extraVendors[3]: vendor "nodomains" needs "domains", a list of domain names; ignored.',
      'extraDashboards[0]: forge.example is already a built-in dashboard; ignored.',
      'extraDashboards[2]: ci.corp.example is listed twice; ignored.',
    ]);
  });

  it('reads keepFullAuditUrls; a bad value keeps addresses redacted, with a warning', () => {
    expect(parse({}).policy.keepFullAuditUrls).toBeUndefined();
    expect(parse({ keepFullAuditUrls: true }).policy.keepFullAuditUrls).toBe(true);
    expect(parse({ keepFullAuditUrls: false }).policy.keepFullAuditUrls).toBe(false);
    const bad = parse({ keepFullAuditUrls: 'yes' });
    expect(bad.policy.keepFullAuditUrls).toBe(false);
    expect(bad.warnings.join('\n')).toMatch(/keepFullAuditUrls.*redacted/);
  });

  it('names unknown keys inside items', () => {
    const { warnings } = parse({ extraDashboards: [{ host: 'ci.corp.example', colour: 'blue' }] });
    expect(warnings).toEqual(['extraDashboards[0].colour: unknown key; ignored.']);
  });
});

describe('the managed schema', () => {
  it("names every category id in blockedCategories' description, the essential ones included", () => {
    const description = (managedSchemaForCategories.properties.blockedCategories as { description: string })
      .description;
    for (const id of CATEGORY_IDS) expect([id, description.includes(id)]).toEqual([id, true]);
  });
});
