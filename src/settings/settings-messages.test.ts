import { isUserSettings } from './settings-messages';
import { DEFAULT_SETTINGS } from './user-settings';

describe('isUserSettings (the reply check)', () => {
  it('accepts settings the background sends', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      customVendors: [{ id: 'custom-beacon', name: 'Beacon', domains: ['beacon.example'] }],
      vendorRules: { 'custom-beacon': 'allow' },
    };
    expect(isUserSettings(DEFAULT_SETTINGS)).toBe(true);
    expect(isUserSettings(settings)).toBe(true);
  });

  it('refuses a missing field, a malformed entry or an out-of-range value, as the stored-settings reader would', () => {
    const { reportOnly: _reportOnly, ...missing } = DEFAULT_SETTINGS;
    expect(isUserSettings(missing)).toBe(false);
    expect(isUserSettings({ ...DEFAULT_SETTINGS, customVendors: [{ id: 7, name: 'Seven', domains: [] }] })).toBe(false);
    expect(isUserSettings({ ...DEFAULT_SETTINGS, vendorRules: { tracker: 'maybe' } })).toBe(false);
    expect(isUserSettings({ ...DEFAULT_SETTINGS, auditRetentionDays: 0 })).toBe(false);
    expect(isUserSettings({ ...DEFAULT_SETTINGS, version: '3' })).toBe(false);
    expect(isUserSettings(null)).toBe(false);
  });
});
