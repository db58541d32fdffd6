import { parseSettingsChange } from './settings-change';

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
