import { tabOn as on } from '../../test/unit/tab-context';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import { buildTabView, dashboardOfTab, quickVendor, strictModeOfTab } from './tab-view-model';

const tracker = { id: 'tracker', name: 'Tracker', domains: ['tracker.example'] };
const live = { id: 'live', name: 'Live', domains: ['live.example'] };

describe('quick actions model', () => {
  it('knows the dashboard of the tab, and nothing on other pages', () => {
    expect(dashboardOfTab(on('https://app.ci.example/pipelines'))?.id).toBe('ci');
    expect(dashboardOfTab(on('https://www.app.ci.example/'))).toBeUndefined();
    expect(dashboardOfTab(on('chrome://extensions/'))).toBeUndefined();
    expect(dashboardOfTab(on('not a url'))).toBeUndefined();
  });

  it('allows a blocked vendor here with a per-dashboard rule, and blocking it again removes that rule', () => {
    const context = on('https://app.ci.example/pipelines');
    const dashboard = dashboardOfTab(context)!;
    expect(quickVendor(tracker, dashboard, context)).toMatchObject({
      state: 'block',
      change: { kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'tracker', action: 'allow' },
    });
    const allowed = on(context.url, {
      settings: {
        ...DEFAULT_SETTINGS,
        dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'tracker', action: 'allow' }],
      },
    });
    expect(quickVendor(tracker, dashboard, allowed)).toMatchObject({
      state: 'allow',
      ruleHere: true,
      change: { action: null },
    });
    // An essential vendor is blocked here with an explicit rule.
    expect(quickVendor(live, dashboard, context)).toMatchObject({ state: 'allow', change: { action: 'block' } });
  });

  it('offers nothing the organisation decides', () => {
    const context = on('https://app.ci.example/pipelines', { policy: { ...NO_POLICY, blockedVendors: ['tracker'] } });
    expect(quickVendor(tracker, dashboardOfTab(context)!, context)).toMatchObject({
      state: 'block',
      change: undefined,
    });
    const locked = on('https://app.ci.example/pipelines', { policy: { ...NO_POLICY, lockUserRules: true } });
    expect(quickVendor(tracker, dashboardOfTab(locked)!, locked).change).toBeUndefined();
  });

  it('tells a strict-mode page', () => {
    expect(strictModeOfTab(on('https://app.ci.example/settings/tokens'))).toMatchObject({ enforced: true });
    expect(strictModeOfTab(on('https://app.ci.example/pipelines'))).toBeUndefined();
  });

  it('answers the popup: the dashboard, each vendor asked for with its state and change, and nothing for other pages', () => {
    const view = buildTabView(on('https://app.ci.example/pipelines'), {
      url: 'https://app.ci.example/pipelines',
      vendorIds: ['tracker', 'no-such-vendor'],
      suggestions: true,
    });
    expect(view.dashboard).toEqual({ id: 'ci', name: expect.any(String) });
    expect(view.vendors).toEqual([
      {
        id: 'tracker',
        name: 'Tracker',
        state: 'block',
        ruleHere: false,
        change: { kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'tracker', action: 'allow' },
      },
    ]);
    expect(view.suggestions).toContain('Tracker (tracker)');
    expect(view.strictMode).toBeNull();
    expect(view.categoryLabels).toMatchObject({ analytics: expect.any(String) });
    const elsewhere = buildTabView(on('https://unrelated.example/'), {
      url: 'https://unrelated.example/',
      vendorIds: ['tracker'],
    });
    expect(elsewhere).toMatchObject({ dashboard: null, vendors: [], strictMode: null });
    expect(elsewhere.suggestions).toBeUndefined();
  });

  it('finds a vendor the person names, lists the vendors with a rule here, and says the strict-mode state of the page', () => {
    const withRule = on('https://app.ci.example/settings/tokens', {
      settings: { ...DEFAULT_SETTINGS, dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'live', action: 'block' }] },
    });
    const view = buildTabView(withRule, { url: withRule.url, vendorIds: [], find: 'tracker.example' });
    expect(view.found).toEqual({ ok: true, vendorId: 'tracker' });
    expect(view.vendors.map((v) => [v.id, v.state, v.ruleHere])).toEqual([
      ['live', 'block', true],
      ['tracker', 'block', false],
    ]);
    expect(view.strictMode).toEqual({ enforced: true });
    expect(view.strictModeOrigin).toBe('https://app.ci.example/*');
    expect(buildTabView(withRule, { url: withRule.url, vendorIds: [], find: 'nobody at all' }).found).toMatchObject({
      ok: false,
      error: expect.stringContaining('No vendor called'),
    });
  });

  it('says when the organisation refuses a pause, and when report-only is on', () => {
    const locked = on('https://app.ci.example/', {
      policy: { ...NO_POLICY, lockUserRules: true, allowTabPause: false },
      settings: { ...DEFAULT_SETTINGS, reportOnly: true },
    });
    const view = buildTabView(locked, { url: locked.url, vendorIds: [] });
    expect(view.pauseRefusal).toEqual(expect.any(String));
    expect(view.reportOnly).toBe(true);
    expect(
      buildTabView(on('https://app.ci.example/'), { url: 'https://app.ci.example/', vendorIds: [] }).pauseRefusal,
    ).toBeNull();
  });
});
