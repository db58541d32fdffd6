import { testCatalog } from '../test/unit/test-catalog';
import { NO_POLICY } from '../src/policy/managed-policy';
import { DEFAULT_SETTINGS } from '../src/settings/user-settings';
import { dashboardOfTab, quickVendor, strictModeNotice, strictModeOfTab, type TabContext } from './quick-actions-model';

const { catalog } = testCatalog();
const tracker = { id: 'tracker', name: 'Tracker', domains: ['tracker.example'] };
const live = { id: 'live', name: 'Live', domains: ['live.example'] };
const on = (url: string, overrides: Partial<TabContext> = {}): TabContext => ({ catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, url, ...overrides });

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
    expect(quickVendor(tracker, dashboard, context)).toMatchObject({ state: 'block', change: { kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'tracker', action: 'allow' } });
    const allowed = on(context.url, { settings: { ...DEFAULT_SETTINGS, dashboardVendorRules: [{ dashboard: 'ci', vendorId: 'tracker', action: 'allow' }] } });
    expect(quickVendor(tracker, dashboard, allowed)).toMatchObject({ state: 'allow', ruleHere: true, change: { action: null } });
    // An essential vendor is blocked here with an explicit rule.
    expect(quickVendor(live, dashboard, context)).toMatchObject({ state: 'allow', change: { action: 'block' } });
  });

  it('offers nothing the organisation decides', () => {
    const context = on('https://app.ci.example/pipelines', { policy: { ...NO_POLICY, blockedVendors: ['tracker'] } });
    expect(quickVendor(tracker, dashboardOfTab(context)!, context)).toMatchObject({ state: 'block', change: undefined });
    const locked = on('https://app.ci.example/pipelines', { policy: { ...NO_POLICY, lockUserRules: true } });
    expect(quickVendor(tracker, dashboardOfTab(locked)!, locked).change).toBeUndefined();
  });

  it('tells a strict-mode page', () => {
    expect(strictModeOfTab(on('https://app.ci.example/settings/tokens'))).toMatchObject({ enforced: true });
    expect(strictModeOfTab(on('https://app.ci.example/pipelines'))).toBeUndefined();
  });

  it('says strict mode is in force only for a document loaded under the policy', () => {
    const token = strictModeOfTab(on('https://app.ci.example/settings/tokens'));
    const reportOnly = strictModeOfTab(on('https://app.ci.example/settings/tokens', { settings: { ...DEFAULT_SETTINGS, reportOnly: true } }));
    expect(strictModeNotice(token, 'enforced', true)).toEqual({ kind: 'in-force', enforced: true });
    // A token page reached inside the app, or a page that did not answer: open it again.
    expect(strictModeNotice(token, 'none', true)).toEqual({ kind: 'open-again' });
    expect(strictModeNotice(token, undefined, true)).toEqual({ kind: 'open-again' });
    // Without host access, opening again would not help.
    expect(strictModeNotice(token, 'none', false)).toEqual({ kind: 'no-access' });
    // A document loaded as a token page keeps its policy after routing to an ordinary page.
    expect(strictModeNotice(undefined, 'enforced', true)).toEqual({ kind: 'in-force', enforced: true });
    expect(strictModeNotice(undefined, 'none', true)).toBeUndefined();
    expect(strictModeNotice(reportOnly, 'report-only', true)).toEqual({ kind: 'in-force', enforced: false });
    // Report-only switched off since the page was loaded: loading it again enforces.
    expect(strictModeNotice(token, 'report-only', true)).toEqual({ kind: 'open-again' });
    // Plain http: the browser does not say, so neither does the popup.
    expect(strictModeNotice(token, 'unknown', true)).toEqual({ kind: 'unconfirmed' });
    expect(strictModeNotice(undefined, 'unknown', true)).toBeUndefined();
  });
});
