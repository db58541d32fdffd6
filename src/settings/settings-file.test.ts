import { readFileSync } from 'node:fs';
import path from 'node:path';
import { testCatalog } from '../../test/unit/test-catalog';
import { CATEGORY_IDS } from '../catalog/catalog-types';
import { NO_POLICY } from '../policy/managed-policy';
import { settingsFileText } from './settings-export';
import { readSettingsFile } from './settings-file';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type UserSettings } from './user-settings';

const { catalog } = testCatalog();
const context = { catalog, policy: NO_POLICY };
const read = (data: unknown) => readSettingsFile(typeof data === 'string' ? data : JSON.stringify(data), context);

const full: UserSettings = {
  version: SETTINGS_VERSION,
  vendorRules: { tracker: 'allow' },
  categoryRules: { 'session-replay': 'allow' },
  dashboardVendorRules: [{ dashboard: 'forge', vendorId: 'live', action: 'block' }],
  customVendors: [{ id: 'custom-beacon', name: 'Beacon', domains: ['beacon.example'] }],
  customDashboards: [{ host: 'jenkins.corp.example', name: 'Jenkins' }],
  sensitivePages: ['||jenkins.corp.example/credentials'],
  reportOnly: true,
  auditRetentionDays: 7,
  keepFullAuditUrls: true,
};

describe('settings files', () => {
  it('round-trips: what is exported imports as the same settings', () => {
    expect(read(settingsFileText(full))).toEqual({
      ok: true,
      value: { settings: full, fromVersion: SETTINGS_VERSION, notes: [] },
    });
    expect(read(settingsFileText(DEFAULT_SETTINGS))).toMatchObject({ ok: true, value: { settings: DEFAULT_SETTINGS } });
  });

  it('takes defaults for fields left out, and normalises what a person may have typed', () => {
    const result = read({ version: 2, customDashboards: [{ host: 'Jenkins.Corp.Example.', name: ' Jenkins ' }] });
    expect(result).toMatchObject({
      ok: true,
      value: {
        settings: { ...DEFAULT_SETTINGS, customDashboards: [{ host: 'jenkins.corp.example', name: 'Jenkins' }] },
      },
    });
  });

  it('imports a version-1 file through the migration', () => {
    const v1 = {
      version: 1,
      customVendors: [{ id: 'beacon', name: 'Beacon', domains: ['beacon.example'] }],
      vendorRules: { beacon: 'allow' },
    };
    expect(read(v1)).toEqual({
      ok: true,
      value: {
        fromVersion: 1,
        notes: ['custom vendor "beacon" is now "custom-beacon"'],
        settings: {
          ...DEFAULT_SETTINGS,
          customVendors: [{ id: 'custom-beacon', name: 'Beacon', domains: ['beacon.example'] }],
          vendorRules: { 'custom-beacon': 'allow' },
        },
      },
    });
  });

  it('names every bad field of an invalid file', () => {
    const result = read({
      version: 2,
      reportOnly: 'yes',
      vendorRules: { tracker: 'maybe', 'Bad Id': 'allow' },
      categoryRules: { spyware: 'block' },
      customVendors: [{ id: 'beacon', name: '', domains: [] }],
      customDashboards: [{ host: 'jenkins.corp.example' }],
      sensitivePages: ['https://x.example/'],
      colour: 'blue',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual(
      expect.arrayContaining([
        'colour: unknown field (remove it)',
        'reportOnly: must be true or false',
        'vendorRules.tracker: must be one of "allow", "block"',
        'vendorRules: "Bad Id" is not a vendor id (lower-case letters, digits and dashes)',
        'categoryRules: "spyware" is not one of "analytics", "advertising", "marketing", "session-replay", "product-tour", "support-widget", "social", "tag-manager", "consent", "ab-testing", "monitoring", "realtime", "feature-flags", "payments", "sign-in", "captcha", "avatars", "status", "first-party-telemetry"',
        'customVendors[0].id: must be "custom-" followed by lower-case letters, digits and dashes',
        'customVendors[0].name: must not be empty',
        'customVendors[0].domains: must list at least 1',
        'customDashboards[0].name: missing',
        'sensitivePages[0]: must be an address filter such as "||ci.example.com/credentials"',
      ]),
    );
    expect(result.error.every((line) => !/must match "then"/.test(line))).toBe(true);
  });

  it('names bad meaning too: domains, unknown vendors and dashboards', () => {
    const result = read({
      version: 2,
      vendorRules: { nobody: 'allow' },
      dashboardVendorRules: [{ dashboard: 'gitlab', vendorId: 'tracker', action: 'allow' }],
      customVendors: [{ id: 'custom-x', name: 'X', domains: ['https://x.example/a', 'com', 'cdn.tracker.example'] }],
      customDashboards: [{ host: 'app.ci.example', name: 'dup' }],
      sensitivePages: ['||elsewhere.example/tokens'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual([
      'customVendors[0].domains[0]: Enter a domain name only, without https:// or a path.',
      'customVendors[0].domains[1]: "com" is a public suffix: name a domain under it.',
      "customVendors[0].domains[2]: cdn.tracker.example is already part of Tracker: change Tracker's setting instead.",
      'customDashboards[0].host: app.ci.example is part of CI, which Dashguard already knows.',
      'vendorRules.nobody: Dashguard does not know a vendor "nobody"',
      'dashboardVendorRules[0].dashboard: Dashguard does not know a dashboard "gitlab"',
      'sensitivePages[0]: elsewhere.example is not a dashboard Dashguard protects: add it under "Self-hosted dashboards" first.',
    ]);
  });

  it('refuses what is not a settings file at all', () => {
    expect(read('{"version": 2,')).toMatchObject({
      ok: false,
      error: [expect.stringMatching(/^The file is not JSON/)],
    });
    expect(read([])).toMatchObject({ ok: false, error: ['the file: must be an object {...}'] });
    expect(read({})).toMatchObject({ ok: false, error: ['version: missing'] });
    expect(read({ version: 9 })).toMatchObject({
      ok: false,
      error: [expect.stringMatching(/newer Dashguard \(settings version 9\)/)],
    });
  });

  it("keeps the schema's category list in step with the code, in every version", () => {
    const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/settings.json'), 'utf8')) as {
      $defs: Record<string, { properties: Record<string, { $ref?: string }>; propertyNames?: { enum: string[] } }>;
    };
    const resolve = (node: { $ref?: string } | undefined) =>
      node?.$ref === undefined ? node : schema.$defs[node.$ref.replace('#/$defs/', '')];
    for (const version of ['v1', 'v2', 'v3']) {
      const categoryRules = resolve(schema.$defs[version]?.properties.categoryRules) as {
        propertyNames: { enum: string[] };
      };
      expect(categoryRules.propertyNames.enum).toEqual([...CATEGORY_IDS]);
    }
  });
});
