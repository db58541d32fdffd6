import { parseStoredSettings } from './settings-shape';
import { DEFAULT_SETTINGS } from './user-settings';

const vendor = { id: 'custom-beacon', name: 'Beacon', domains: ['beacon.example'] };

describe('parseStoredSettings (the lenient reader of stored settings)', () => {
  it('reads nothing stored as the defaults, without a problem', () => {
    expect(parseStoredSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('reads what is not an object as the defaults, and says so', () => {
    expect(parseStoredSettings([1])).toEqual({ settings: DEFAULT_SETTINGS, problems: ['settings are not an object'] });
  });

  it('keeps valid settings as they are', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      vendorRules: { 'custom-beacon': 'allow', intercom: 'block' },
      categoryRules: { analytics: 'allow' },
      dashboardVendorRules: [{ dashboard: 'gitlab', vendorId: 'intercom', action: 'allow' }],
      customVendors: [vendor],
      customDashboards: [{ host: 'ci.example.com', name: 'CI' }],
      sensitivePages: ['||ci.example.com/credentials'],
      reportOnly: true,
      auditRetentionDays: 90,
      keepFullAuditUrls: true,
    };
    expect(parseStoredSettings(settings)).toEqual({ settings, problems: [] });
  });

  it('drops one bad list item or map entry, names it, and keeps the rest', () => {
    const parsed = parseStoredSettings({
      vendorRules: { intercom: 'block', tracker: 'maybe' },
      categoryRules: { analytics: 'allow', nonsense: 'block' },
      customVendors: [{ id: 7, name: 'Seven', domains: [] }, vendor],
      customDashboards: [{ host: 'ci.example.com' }, { host: 'ci2.example.com', name: 'CI 2' }],
      sensitivePages: ['||ci.example.com/credentials', 12],
      dashboardVendorRules: [{ dashboard: 'gitlab', vendorId: 'intercom', action: 'sometimes' }],
    });
    expect(parsed.settings).toEqual({
      ...DEFAULT_SETTINGS,
      vendorRules: { intercom: 'block' },
      categoryRules: { analytics: 'allow' },
      customVendors: [vendor],
      customDashboards: [{ host: 'ci2.example.com', name: 'CI 2' }],
      sensitivePages: ['||ci.example.com/credentials'],
    });
    expect(parsed.problems).toEqual([
      'vendorRules.tracker: must be one of "allow", "block"',
      expect.stringMatching(/^categoryRules: "nonsense" is not one of "analytics"/),
      'dashboardVendorRules[0].action: must be one of "allow", "block"',
      'customVendors[0].id: must be text in quotes',
      'customDashboards[0].name: missing',
      'sensitivePages[1]: must be text in quotes',
    ]);
  });

  it('replaces a field of the wrong kind or out of range by its default, naming it', () => {
    const parsed = parseStoredSettings({
      vendorRules: ['intercom'],
      customVendors: 'none',
      reportOnly: 'yes',
      auditRetentionDays: 0,
      keepFullAuditUrls: 1,
    });
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed.problems).toEqual([
      'vendorRules: must be an object {...}',
      'customVendors: must be a list [...]',
      'reportOnly: must be true or false',
      'auditRetentionDays: must be 1 or more',
      'keepFullAuditUrls: must be true or false',
    ]);
  });

  it('replaces a list over its limit by its default, naming it', () => {
    const pages = Array.from({ length: 201 }, (_, i) => `||ci.example.com/p${i}`);
    const parsed = parseStoredSettings({ sensitivePages: pages });
    expect(parsed.settings.sensitivePages).toEqual([]);
    expect(parsed.problems).toEqual(['sensitivePages: lists more than 200']);
  });
});
