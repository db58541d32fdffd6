import { messagePayloadParser } from '../messaging';
import { settingsChange } from './settings-messages';

/** The payload check the router runs for `settings/change`, made from its declaration. */
const parseSettingsChange = messagePayloadParser(settingsChange)!;

describe('parseSettingsChange', () => {
  it.each([
    [{ kind: 'set-vendor', vendorId: 'intercom', action: 'allow' }],
    [{ kind: 'set-vendor', vendorId: 'intercom', action: null }],
    [{ kind: 'set-category', category: 'analytics', action: 'block' }],
    [{ kind: 'set-dashboard-vendor', dashboard: 'gitlab', vendorId: 'intercom', action: 'allow' }],
    [{ kind: 'add-custom-vendor', name: 'Acme', domains: 'acme.example' }],
    [{ kind: 'remove-custom-vendor', id: 'custom-acme' }],
    [{ kind: 'add-custom-dashboard', host: 'ci.example.com', name: '' }],
    [{ kind: 'remove-custom-dashboard', host: 'ci.example.com' }],
    [{ kind: 'add-sensitive-page', pattern: 'ci.example.com/credentials' }],
    [{ kind: 'remove-sensitive-page', pattern: '||ci.example.com/credentials' }],
    [{ kind: 'set-report-only', value: true }],
    [{ kind: 'set-audit-retention', days: 7 }],
    [{ kind: 'reset', scope: 'choices' }],
    [{ kind: 'import', text: '{}' }],
  ])('accepts %j', (payload) => {
    expect(parseSettingsChange(payload)).toEqual({ ok: true, value: payload });
  });

  it.each([
    [null],
    ['set-vendor'],
    [{ kind: 'set-vendor', vendorId: 'x', action: 'maybe' }],
    [{ kind: 'set-vendor', vendorId: 5, action: 'allow' }],
    [{ kind: 'set-category', category: 'spyware', action: 'allow' }],
    [{ kind: 'add-custom-vendor', name: 'A', domains: ['a.example'] }],
    [{ kind: 'set-report-only', value: 'yes' }],
    [{ kind: 'set-audit-retention', days: 0 }],
    [{ kind: 'set-audit-retention', days: 2.5 }],
    [{ kind: 'reset', scope: 'some' }],
    [{ kind: 'import', text: 'x'.repeat(2_000_001) }],
    [{ kind: 'unblock-everything' }],
    [{ kind: 'add-custom-dashboard', host: 'x'.repeat(20_000), name: '' }],
  ])('refuses %j', (payload) => {
    expect(parseSettingsChange(payload).ok).toBe(false);
  });
});

describe('parseSettingsChange: a refusal names the kind and the field', () => {
  it.each([
    [null, 'a settings change needs a "kind"'],
    [{ kind: 'unblock-everything' }, 'unknown settings change "unblock-everything"'],
    [
      { kind: 'set-vendor', vendorId: 'x', action: 'maybe' },
      'set-vendor: action: must be one of "allow", "block", null',
    ],
    [{ kind: 'set-vendor', vendorId: 5, action: 'allow' }, 'set-vendor: vendorId: must be text in quotes'],
    [{ kind: 'set-vendor', action: 'allow' }, 'set-vendor: vendorId: missing'],
    [
      { kind: 'set-vendor', vendorId: 'x'.repeat(201), action: 'allow' },
      'set-vendor: vendorId: is longer than 200 characters',
    ],
    [{ kind: 'set-vendor', vendorId: 'x', action: 'allow', extra: 1 }, 'set-vendor: extra: unknown field (remove it)'],
    [{ kind: 'set-category', category: 'spyware', action: 'allow' }, 'set-category: category: must be one of'],
    [
      { kind: 'set-dashboard-vendor', dashboard: 'x'.repeat(301), vendorId: 'a', action: null },
      'set-dashboard-vendor: dashboard: is longer than 300 characters',
    ],
    [
      { kind: 'add-custom-vendor', name: 'A', domains: ['a.example'] },
      'add-custom-vendor: domains: must be text in quotes',
    ],
    [{ kind: 'remove-custom-vendor' }, 'remove-custom-vendor: id: missing'],
    [
      { kind: 'add-custom-dashboard', host: 'x'.repeat(10_001), name: '' },
      'add-custom-dashboard: host: is longer than 10000 characters',
    ],
    [{ kind: 'remove-custom-dashboard', host: 7 }, 'remove-custom-dashboard: host: must be text in quotes'],
    [{ kind: 'add-sensitive-page', pattern: null }, 'add-sensitive-page: pattern: must be text in quotes'],
    [{ kind: 'remove-sensitive-page' }, 'remove-sensitive-page: pattern: missing'],
    [{ kind: 'set-report-only', value: 'yes' }, 'set-report-only: value: must be true or false'],
    [{ kind: 'set-keep-full-audit-urls', value: 1 }, 'set-keep-full-audit-urls: value: must be true or false'],
    [{ kind: 'set-audit-retention', days: 0 }, 'set-audit-retention: days: must be 1 or more'],
    [{ kind: 'set-audit-retention', days: 3651 }, 'set-audit-retention: days: must be 3650 or less'],
    [{ kind: 'set-audit-retention', days: 2.5 }, 'set-audit-retention: days: must be a whole number'],
    [{ kind: 'reset', scope: 'some' }, 'reset: scope: must be one of "choices", "all"'],
    [{ kind: 'import', text: 'x'.repeat(2_000_001) }, 'import: text: is longer than 2000000 characters'],
  ])('refuses %j: %s', (payload, message) => {
    const parsed = parseSettingsChange(payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.startsWith(message)).toBe(true);
  });

  it('accepts the last two kinds, and a member left undefined (as Firefox may send it) as absent', () => {
    expect(parseSettingsChange({ kind: 'set-keep-full-audit-urls', value: false }).ok).toBe(true);
    expect(parseSettingsChange({ kind: 'reset', scope: 'all' }).ok).toBe(true);
    expect(parseSettingsChange({ kind: 'set-report-only', value: true, note: undefined }).ok).toBe(true);
  });
});
