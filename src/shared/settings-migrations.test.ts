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
      dashboardVendorRules: [{ dashboard: 'gitlab', vendorId: 'acme', action: 'allow' }, { dashboard: 'gitlab', vendorId: 'intercom', action: 'allow' }],
      reportOnly: false,
    };
    const result = migrateSettings(v1);
    expect(result).toMatchObject({ ok: true, fromVersion: 1 });
    if (!result.ok) return;
    expect(result.value.version).toBe(SETTINGS_VERSION);
    expect(result.value.customVendors).toEqual([
      { id: 'custom-acme-2', name: 'Acme', domains: ['acme.example'] },
      { id: 'custom-acme', name: 'Already fine', domains: ['fine.example'] },
      { id: 'custom-beacon-co', name: 'Beacon', domains: ['beacon.example'] },
    ]);
    expect(result.value.vendorRules).toEqual({ 'custom-acme-2': 'allow', intercom: 'allow' });
    expect(result.value.dashboardVendorRules).toEqual([
      { dashboard: 'gitlab', vendorId: 'custom-acme-2', action: 'allow' },
      { dashboard: 'gitlab', vendorId: 'intercom', action: 'allow' },
    ]);
    expect(result.notes).toEqual(['custom vendor "acme" is now "custom-acme-2"', 'custom vendor "Beacon Co" is now "custom-beacon-co"']);
    // Nothing else is touched.
    expect(result.value.reportOnly).toBe(false);
  });

  it('reads settings with no version as version 1, and leaves current ones alone', () => {
    expect(migrateSettings({ customVendors: [{ id: 'x', name: 'X', domains: ['x.example'] }] })).toMatchObject({ ok: true, fromVersion: 1 });
    const current = { version: SETTINGS_VERSION, vendorRules: { amplitude: 'allow' } };
    expect(migrateSettings(current)).toEqual({ ok: true, value: current, fromVersion: SETTINGS_VERSION, notes: [] });
  });

  it('refuses a newer version and a nonsense one, saying why', () => {
    expect(migrateSettings({ version: SETTINGS_VERSION + 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/newer Dashguard/) });
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
