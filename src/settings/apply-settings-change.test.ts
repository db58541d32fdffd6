import { testCatalog } from '../../test/unit/test-catalog';
import { applySettingsChange, type ChangeOutcome } from './apply-settings-change';
import { NO_POLICY, type ManagedPolicy } from '../policy/managed-policy';
import type { SettingsChange } from './settings-change';
import { settingsFileText } from './settings-export';
import { DEFAULT_SETTINGS, type UserSettings } from './user-settings';

const { catalog } = testCatalog();
const apply = (
  change: SettingsChange,
  current: UserSettings = DEFAULT_SETTINGS,
  policy: ManagedPolicy = NO_POLICY,
): ChangeOutcome => applySettingsChange(current, change, { catalog, policy });
const settingsOf = (outcome: ChangeOutcome): UserSettings => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.value.settings;
};
const errorsOf = (outcome: ChangeOutcome): { field: string; message: string }[] =>
  outcome.ok ? [] : [...outcome.error];

describe('applySettingsChange: decisions', () => {
  it('sets and clears a vendor, a category and a vendor on one dashboard', () => {
    let s = settingsOf(apply({ kind: 'set-vendor', vendorId: 'tracker', action: 'allow' }));
    expect(s.vendorRules).toEqual({ tracker: 'allow' });
    s = settingsOf(apply({ kind: 'set-vendor', vendorId: 'tracker', action: null }, s));
    expect(s.vendorRules).toEqual({});
    s = settingsOf(apply({ kind: 'set-category', category: 'analytics', action: 'allow' }, s));
    expect(s.categoryRules).toEqual({ analytics: 'allow' });
    // A dashboard named by host is stored by id; setting it again replaces, never duplicates.
    s = settingsOf(
      apply({ kind: 'set-dashboard-vendor', dashboard: 'app.ci.example', vendorId: 'tracker', action: 'allow' }, s),
    );
    s = settingsOf(apply({ kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'tracker', action: 'block' }, s));
    expect(s.dashboardVendorRules).toEqual([{ dashboard: 'ci', vendorId: 'tracker', action: 'block' }]);
    s = settingsOf(apply({ kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'tracker', action: null }, s));
    expect(s.dashboardVendorRules).toEqual([]);
  });

  it('refuses unknown vendors and dashboards, naming the field', () => {
    expect(errorsOf(apply({ kind: 'set-vendor', vendorId: 'nobody', action: 'allow' }))).toEqual([
      { field: 'vendorId', message: 'Dashguard does not know a vendor "nobody".' },
    ]);
    expect(
      errorsOf(apply({ kind: 'set-dashboard-vendor', dashboard: 'gitlab', vendorId: 'tracker', action: 'allow' }))[0]
        ?.field,
    ).toBe('dashboard');
  });

  it('refuses what the policy lock forbids, and allows tightening under it', () => {
    const locked = { ...NO_POLICY, lockUserRules: true };
    expect(
      errorsOf(apply({ kind: 'set-vendor', vendorId: 'tracker', action: 'allow' }, DEFAULT_SETTINGS, locked))[0],
    ).toMatchObject({ field: 'policy', message: expect.stringMatching(/organisation/) });
    expect(errorsOf(apply({ kind: 'set-report-only', value: true }, DEFAULT_SETTINGS, locked))[0]?.field).toBe(
      'policy',
    );
    expect(
      settingsOf(apply({ kind: 'set-vendor', vendorId: 'live', action: 'block' }, DEFAULT_SETTINGS, locked))
        .vendorRules,
    ).toEqual({ live: 'block' });
  });
});

describe('applySettingsChange: custom vendors and dashboards', () => {
  it('adds a custom vendor with a custom- id and normalised domains, and removes it with its rules', () => {
    let s = settingsOf(
      apply({
        kind: 'add-custom-vendor',
        name: ' Acme  Beacon ',
        domains: 'CDN.Acme.example., beacon.acme.example\nacme-cdn.example',
      }),
    );
    expect(s.customVendors).toEqual([
      {
        id: 'custom-acme-beacon',
        name: 'Acme Beacon',
        domains: ['cdn.acme.example', 'beacon.acme.example', 'acme-cdn.example'],
      },
    ]);
    s = settingsOf(
      apply({ kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'custom-acme-beacon', action: 'allow' }, s),
    );
    s = settingsOf(apply({ kind: 'set-vendor', vendorId: 'custom-acme-beacon', action: 'block' }, s));
    s = settingsOf(apply({ kind: 'remove-custom-vendor', id: 'custom-acme-beacon' }, s));
    expect(s).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [{ name: '', domains: 'a.example' }, 'name', /Enter a name/],
    [{ name: 'X', domains: '' }, 'domains', /at least one domain/],
    [{ name: 'X', domains: 'https://a.example/x' }, 'domains', /without https/],
    [{ name: 'X', domains: 'co.uk' }, 'domains', /public suffix/],
    [{ name: 'X', domains: '*.co.uk' }, 'domains', /Wildcards/],
    [{ name: 'X', domains: `${'a'.repeat(250)}.example` }, 'domains', /at most 253/],
    [{ name: 'X', domains: 'cdn.tracker.example' }, 'domains', /already part of Tracker/],
    [{ name: 'X', domains: 'static.ci-assets.example' }, 'domains', /CI's own domain/],
  ])('refuses a custom vendor %j in field %s', (fields, field, message) => {
    const [error] = errorsOf(apply({ kind: 'add-custom-vendor', ...fields }));
    expect(error?.field).toBe(field);
    expect(error?.message).toMatch(message);
  });

  it('adds a self-hosted dashboard once, and removing it takes its rules and pages along', () => {
    let s = settingsOf(apply({ kind: 'add-custom-dashboard', host: 'Jenkins.Corp.Example', name: 'Jenkins' }));
    expect(s.customDashboards).toEqual([{ host: 'jenkins.corp.example', name: 'Jenkins' }]);
    expect(errorsOf(apply({ kind: 'add-custom-dashboard', host: 'Jenkins.corp.example', name: '' }, s))).toEqual([
      { field: 'host', message: 'jenkins.corp.example is already in your list.' },
    ]);
    s = settingsOf(
      apply(
        { kind: 'set-dashboard-vendor', dashboard: 'jenkins.corp.example', vendorId: 'tracker', action: 'allow' },
        s,
      ),
    );
    s = settingsOf(apply({ kind: 'add-sensitive-page', pattern: 'https://jenkins.corp.example/credentials' }, s));
    expect(s.sensitivePages).toEqual(['||jenkins.corp.example/credentials']);
    s = settingsOf(apply({ kind: 'remove-custom-dashboard', host: 'jenkins.corp.example' }, s));
    expect(s).toEqual(DEFAULT_SETTINGS);
  });

  it('names the host after itself when no name is given', () => {
    expect(
      settingsOf(apply({ kind: 'add-custom-dashboard', host: 'ci.corp.example', name: '  ' })).customDashboards,
    ).toEqual([{ host: 'ci.corp.example', name: 'ci.corp.example' }]);
  });

  it.each([
    ['https://ci.corp.example/job/x', /without https/],
    ['ci.corp.example:8080', /port/],
    ['com', /public suffix/],
    ['*.corp.example', /Wildcards/],
    ['', /Enter a domain/],
    ['eu.app.ci.example', /part of CI/],
  ])('refuses the dashboard host %j', (host, message) => {
    const [error] = errorsOf(apply({ kind: 'add-custom-dashboard', host, name: '' }));
    expect(error?.field).toBe('host');
    expect(error?.message).toMatch(message);
  });
});

describe('applySettingsChange: sensitive pages, report-only, reset, import', () => {
  it('adds a sensitive page on a dashboard only, once, and not one the catalog has', () => {
    const s = settingsOf(apply({ kind: 'add-sensitive-page', pattern: 'forge.example/settings/keys' }));
    expect(s.sensitivePages).toEqual(['||forge.example/settings/keys']);
    expect(
      errorsOf(apply({ kind: 'add-sensitive-page', pattern: '||forge.example/settings/keys' }, s))[0]?.message,
    ).toMatch(/already in your list/);
    expect(
      errorsOf(apply({ kind: 'add-sensitive-page', pattern: 'app.ci.example/settings/tokens' }))[0]?.message,
    ).toMatch(/already a sensitive page of CI/);
    expect(errorsOf(apply({ kind: 'add-sensitive-page', pattern: 'unrelated.example/tokens' }))[0]).toMatchObject({
      field: 'pattern',
      message: expect.stringMatching(/not a dashboard/),
    });
    expect(
      settingsOf(apply({ kind: 'remove-sensitive-page', pattern: 'https://forge.example/settings/keys' }, s))
        .sensitivePages,
    ).toEqual([]);
  });

  it('sets how long the audit log keeps its records', () => {
    expect(settingsOf(apply({ kind: 'set-audit-retention', days: 7 })).auditRetentionDays).toBe(7);
  });

  it('resets the choices only, or everything', () => {
    const s: UserSettings = {
      ...DEFAULT_SETTINGS,
      vendorRules: { tracker: 'allow' },
      reportOnly: true,
      customDashboards: [{ host: 'jenkins.corp.example', name: 'J' }],
    };
    expect(settingsOf(apply({ kind: 'reset', scope: 'choices' }, s))).toEqual({
      ...DEFAULT_SETTINGS,
      customDashboards: s.customDashboards,
    });
    expect(settingsOf(apply({ kind: 'reset', scope: 'all' }, s))).toEqual(DEFAULT_SETTINGS);
  });

  it('imports a file whole, or not at all', () => {
    const good: UserSettings = { ...DEFAULT_SETTINGS, vendorRules: { tracker: 'allow' } };
    expect(settingsOf(apply({ kind: 'import', text: settingsFileText(good) }))).toEqual(good);
    const bad = apply({
      kind: 'import',
      text: JSON.stringify({
        version: 2,
        vendorRules: { tracker: 'allow' },
        customDashboards: [{ host: 'com', name: 'x' }],
      }),
    });
    expect(errorsOf(bad)).toEqual([
      { field: 'file', message: 'customDashboards[0].host: "com" is a public suffix: name a domain under it.' },
    ]);
    const old = apply({ kind: 'import', text: JSON.stringify({ version: 1, vendorRules: { tracker: 'allow' } }) });
    expect(old).toMatchObject({ ok: true, value: { notes: ['migrated from settings version 1'] } });
  });

  it('keeps a rule for a vendor a catalog update removed, without blocking later changes', () => {
    const stored: UserSettings = {
      ...DEFAULT_SETTINGS,
      vendorRules: { 'gone-vendor': 'allow' },
      dashboardVendorRules: [{ dashboard: 'gone-dashboard', vendorId: 'tracker', action: 'allow' }],
    };
    const s = settingsOf(apply({ kind: 'set-report-only', value: true }, stored));
    expect(s).toEqual({ ...stored, reportOnly: true });
  });
});
