import { settingsChange, settingsGet, tabPauseGet } from './settings-messages';
import { userSettingsSchema } from './settings-schema';
import { isReplyOf } from '../messaging';
import { conforms } from '../schema';
import { DEFAULT_SETTINGS } from './user-settings';

/** The pages' checks of the replies: their declarations'; the settings against the one settings schema. */
const isUserSettings = (value: unknown): boolean => conforms(value, userSettingsSchema);
const isSettingsView = (value: unknown): boolean => isReplyOf(settingsGet, value);
const isChangeReply = (value: unknown): boolean => isReplyOf(settingsChange, value);
const isTabPauseState = (value: unknown): boolean => isReplyOf(tabPauseGet, value);

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

describe('the settings messages, checked by their schemas', () => {
  it('tab pause: the reply, each field refused by name', () => {
    expect(isTabPauseState({ tabId: 4, paused: false, allowed: true })).toBe(true);
    for (const bad of [
      { tabId: '4', paused: false, allowed: true },
      { tabId: 4, paused: 0, allowed: true },
      { tabId: 4, paused: false },
      { tabId: 4, paused: false, allowed: true, extra: 1 },
    ])
      expect(isTabPauseState(bad)).toBe(false);
  });

  it('the settings view and the change reply: the settings by the settings schema, the lists item by item', () => {
    expect(isSettingsView({ settings: DEFAULT_SETTINGS, problems: ['vendorRules.x: dropped'] })).toBe(true);
    expect(isSettingsView({ settings: DEFAULT_SETTINGS, problems: [7] })).toBe(false);
    expect(isSettingsView({ settings: { ...DEFAULT_SETTINGS, reportOnly: 'no' }, problems: [] })).toBe(false);
    expect(isSettingsView({ settings: DEFAULT_SETTINGS })).toBe(false);
    expect(isChangeReply({ applied: true, settings: DEFAULT_SETTINGS, notes: [] })).toBe(true);
    expect(isChangeReply({ applied: false, errors: [{ field: 'host', message: 'Not a host.' }] })).toBe(true);
    for (const bad of [
      { applied: true, settings: DEFAULT_SETTINGS },
      { applied: true, settings: { ...DEFAULT_SETTINGS, version: 2 }, notes: [] },
      { applied: false, errors: [{ field: 'host' }] },
      { applied: false, errors: [{ field: 'host', message: 5 }] },
      { applied: false, settings: DEFAULT_SETTINGS, notes: [] },
      { applied: 'yes', errors: [] },
    ])
      expect(isChangeReply(bad)).toBe(false);
  });
});
