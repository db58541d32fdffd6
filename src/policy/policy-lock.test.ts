import { NO_POLICY, type ManagedPolicy } from './managed-policy';
import { isLoosening, lockedLoosenings, lockedRefusal, managedVendorState } from './policy-lock';
import { DEFAULT_SETTINGS, type UserSettings } from '../settings/user-settings';

const locked: ManagedPolicy = { ...NO_POLICY, lockUserRules: true };
const with_ = (changes: Partial<UserSettings>): UserSettings => ({ ...DEFAULT_SETTINGS, ...changes });

describe('lockedLoosenings', () => {
  it('allows everything when the policy does not lock', () => {
    expect(
      lockedLoosenings(DEFAULT_SETTINGS, with_({ vendorRules: { tracker: 'allow' }, reportOnly: true }), NO_POLICY),
    ).toEqual([]);
  });

  it('names every loosening a change adds under the lock', () => {
    const after = with_({
      vendorRules: { tracker: 'allow', replay: 'block' },
      categoryRules: { analytics: 'allow' },
      dashboardVendorRules: [{ dashboard: 'forge', vendorId: 'replay', action: 'allow' }],
      reportOnly: true,
    });
    expect(lockedLoosenings(DEFAULT_SETTINGS, after, locked)).toEqual([
      'allowing vendor "tracker"',
      'allowing category "analytics"',
      'allowing vendor "replay" on forge',
      'turning on report-only mode',
    ]);
    expect(isLoosening(DEFAULT_SETTINGS, after, locked)).toBe(true);
    expect(lockedRefusal(lockedLoosenings(DEFAULT_SETTINGS, with_({ reportOnly: true }), locked))).toBe(
      'Your organisation manages Dashguard and does not allow loosening its rules: turning on report-only mode.',
    );
  });

  it('lets a person tighten, undo an allowance, and keep editing around an old ignored allowance', () => {
    const before = with_({ vendorRules: { tracker: 'allow' } });
    expect(lockedLoosenings(before, with_({ vendorRules: { tracker: 'block', replay: 'block' } }), locked)).toEqual([]);
    expect(lockedLoosenings(before, with_({ vendorRules: {} }), locked)).toEqual([]);
    expect(
      lockedLoosenings(
        before,
        with_({ vendorRules: { tracker: 'allow' }, customDashboards: [{ host: 'ci.corp.example', name: 'CI' }] }),
        locked,
      ),
    ).toEqual([]);
    expect(lockedLoosenings(with_({ reportOnly: true }), with_({ reportOnly: false }), locked)).toEqual([]);
  });

  it('treats an allowance on another dashboard as new', () => {
    const before = with_({ dashboardVendorRules: [{ dashboard: 'forge', vendorId: 'replay', action: 'allow' }] });
    const after = with_({
      dashboardVendorRules: [...before.dashboardVendorRules, { dashboard: 'ci', vendorId: 'replay', action: 'allow' }],
    });
    expect(lockedLoosenings(before, after, locked)).toEqual(['allowing vendor "replay" on ci']);
  });
});

describe('managedVendorState', () => {
  const policy: ManagedPolicy = {
    ...NO_POLICY,
    blockedVendors: ['tracker'],
    allowedVendors: [
      { vendorId: 'tracker', dashboards: [] },
      { vendorId: 'live', dashboards: [] },
      { vendorId: 'replay', dashboards: ['forge'] },
    ],
    blockedCategories: ['session-replay', 'realtime'],
  };

  it('follows the rule state precedence: policy block > policy allow > policy category block', () => {
    expect(managedVendorState(policy, 'tracker', 'analytics')).toMatchObject({
      forced: 'block',
      userMayAllow: false,
      userMayBlock: false,
    });
    expect(managedVendorState(policy, 'live', 'realtime')).toMatchObject({
      forced: 'allow',
      userMayAllow: false,
      userMayBlock: false,
    });
    expect(managedVendorState(policy, 'replay', 'session-replay')).toMatchObject({
      forced: 'block',
      reason: 'Your organisation blocks this category.',
    });
  });

  it('leaves other vendors to the person, who may only block under the lock', () => {
    expect(managedVendorState(NO_POLICY, 'x', 'analytics')).toEqual({
      forced: undefined,
      userMayAllow: true,
      userMayBlock: true,
      reason: undefined,
    });
    expect(managedVendorState(locked, 'x', undefined)).toMatchObject({
      forced: undefined,
      userMayAllow: false,
      userMayBlock: true,
    });
  });
});
