import { migrateSettings, uniqueCustomId } from './settings-migrations';
import { SETTINGS_VERSION } from './user-settings';

describe('migrateSettings', () => {
  it('renames version-1 custom vendor ids to custom-..., and every rule that names them', () => {
    const v1 = {
      version: 1,
      customVendors: [
        { id: 'acme', name: 'Acme', domains: ['acme.example'] },
        { id: 'custom-acme', name: 'Already fine', domains: ['fine.example'] },
        { id: 'Beacon Co', name: 'Beacon', domains: ['beacon.example'] },
      ],
      vendorRules: { acme: 'allow', intercom: 'allow' },
      dashboardVendorRules: [
        { dashboard: 'gitlab', vendorId: 'acme', action: 'allow' },
        { dashboard: 'gitlab', vendorId: 'intercom', action: 'allow' },
      ],
      reportOnly: false,
    };
    const result = migrateSettings(v1);
    expect(result).toMatchObject({ ok: true, value: { fromVersion: 1 } });
    if (!result.ok) return;
    expect(result.value.settings.version).toBe(SETTINGS_VERSION);
    expect(result.value.settings.customVendors).toEqual([
      { id: 'custom-acme-2', name: 'Acme', domains: ['acme.example'] },
      { id: 'custom-acme', name: 'Already fine', domains: ['fine.example'] },
      { id: 'custom-beacon-co', name: 'Beacon', domains: ['beacon.example'] },
    ]);
    expect(result.value.settings.vendorRules).toEqual({ 'custom-acme-2': 'allow', intercom: 'allow' });
    expect(result.value.settings.dashboardVendorRules).toEqual([
      { dashboard: 'gitlab', vendorId: 'custom-acme-2', action: 'allow' },
      { dashboard: 'gitlab', vendorId: 'intercom', action: 'allow' },
    ]);
    expect(result.value.notes).toEqual([
      'custom vendor "acme" is now "custom-acme-2"',
      'custom vendor "Beacon Co" is now "custom-beacon-co"',
    ]);
    // Nothing else is touched.
    expect(result.value.settings.reportOnly).toBe(false);
  });

  it('reads settings with no version as version 1, and leaves current ones alone', () => {
    expect(migrateSettings({ customVendors: [{ id: 'x', name: 'X', domains: ['x.example'] }] })).toMatchObject({
      ok: true,
      value: { fromVersion: 1 },
    });
    const current = { version: SETTINGS_VERSION, vendorRules: { amplitude: 'allow' } };
    expect(migrateSettings(current)).toEqual({
      ok: true,
      value: { settings: current, fromVersion: SETTINGS_VERSION, notes: [] },
    });
  });

  it('refuses a newer version and a nonsense one, saying why', () => {
    expect(migrateSettings({ version: SETTINGS_VERSION + 1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/newer Dashguard/),
    });
    expect(migrateSettings({ version: 0 })).toMatchObject({ ok: false, error: expect.stringMatching(/whole number/) });
    expect(migrateSettings({ version: '2' })).toMatchObject({ ok: false });
    expect(migrateSettings([])).toMatchObject({ ok: false, error: expect.stringMatching(/JSON object/) });
  });

  it('makes unique ids', () => {
    expect(uniqueCustomId('Acme Corp!', new Set())).toBe('custom-acme-corp');
    expect(uniqueCustomId('custom-acme', new Set(['custom-acme']))).toBe('custom-acme-2');
    expect(uniqueCustomId('***', new Set())).toBe('custom-vendor');
  });
});

describe('migrateSettings from version 2: Cirrus CI retired', () => {
  it('drops the rules and sensitive pages that name Cirrus CI, with a note each, and keeps everything else', () => {
    const v2 = {
      version: 2,
      vendorRules: { intercom: 'allow' },
      dashboardVendorRules: [
        { dashboard: 'cirrus-ci', vendorId: 'sentry', action: 'allow' },
        { dashboard: 'cirrus-ci.com', vendorId: 'intercom', action: 'block' },
        { dashboard: 'gitlab', vendorId: 'intercom', action: 'allow' },
      ],
      sensitivePages: [
        '||cirrus-ci.com/settings/github',
        '||api.cirrus-ci.com/x',
        '||gitlab.com/-/secrets',
        '||notcirrus-ci.com/a',
      ],
      customDashboards: [{ host: 'ci.corp.example', name: 'Jenkins' }],
    };
    const result = migrateSettings(v2);
    expect(result).toMatchObject({ ok: true, value: { fromVersion: 2 } });
    if (!result.ok) return;
    expect(result.value.settings.version).toBe(3);
    expect(result.value.settings.dashboardVendorRules).toEqual([
      { dashboard: 'gitlab', vendorId: 'intercom', action: 'allow' },
    ]);
    expect(result.value.settings.sensitivePages).toEqual(['||gitlab.com/-/secrets', '||notcirrus-ci.com/a']);
    expect(result.value.settings.vendorRules).toEqual({ intercom: 'allow' });
    expect(result.value.settings.customDashboards).toEqual(v2.customDashboards);
    expect(result.value.notes).toEqual([
      'the rule for "sentry" on Cirrus CI is removed: Cirrus CI shut down on 1 June 2026',
      'the rule for "intercom" on Cirrus CI is removed: Cirrus CI shut down on 1 June 2026',
      'the sensitive page ||cirrus-ci.com/settings/github is removed: Cirrus CI shut down on 1 June 2026',
      'the sensitive page ||api.cirrus-ci.com/x is removed: Cirrus CI shut down on 1 June 2026',
    ]);
  });

  it('takes a version-1 file through both steps', () => {
    const result = migrateSettings({
      customVendors: [{ id: 'acme', name: 'Acme', domains: ['acme.example'] }],
      dashboardVendorRules: [{ dashboard: 'cirrus-ci', vendorId: 'acme', action: 'allow' }],
    });
    expect(result).toMatchObject({
      ok: true,
      value: { fromVersion: 1, settings: { version: 3, dashboardVendorRules: [] } },
    });
  });

  it('leaves malformed entries for validation to name', () => {
    const result = migrateSettings({
      version: 2,
      dashboardVendorRules: [42, { dashboard: 7 }],
      sensitivePages: [null],
    });
    expect(result).toMatchObject({
      ok: true,
      value: { settings: { dashboardVendorRules: [42, { dashboard: 7 }], sensitivePages: [null] } },
    });
  });
});
