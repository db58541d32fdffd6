import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import { isReplyOf, messagePayloadParser } from '../messaging';
import { popupTabView, type TabView } from './tab-view';
import { buildTabView } from './tab-view-model';

const { catalog } = testCatalog();
/** The router's check of the request and the popup's check of the reply, both made from the declaration. */
const parseTabViewRequest = messagePayloadParser(popupTabView)!;
const isTabView = (value: unknown): boolean => isReplyOf(popupTabView, value);

const view: TabView = {
  dashboard: { id: 'ci', name: 'CI' },
  vendors: [
    {
      id: 'tracker',
      name: 'Tracker',
      state: 'block',
      ruleHere: false,
      change: { kind: 'set-dashboard-vendor', dashboard: 'ci', vendorId: 'tracker', action: 'allow' },
    },
    { id: 'live', name: 'Live', state: 'allow', ruleHere: false, change: null },
  ],
  found: { ok: false, error: 'No vendor "x".' },
  suggestions: ['Tracker (tracker)'],
  strictMode: { enforced: true },
  strictModeOrigin: 'https://app.ci.example/*',
  reportOnly: false,
  pauseRefusal: null,
  categoryLabels: { analytics: 'Analytics' },
};

describe('the popup/tab-view schema', () => {
  it('accepts what the background builds, on a dashboard and elsewhere, asked to find and suggest', () => {
    for (const url of ['https://app.ci.example/pipelines', 'https://unrelated.example/']) {
      const built = buildTabView(
        { catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, url },
        { url, vendorIds: ['tracker', 'live'], find: 'tracker.example', suggestions: true },
      );
      expect(isTabView(JSON.parse(JSON.stringify(built)))).toBe(true);
    }
    expect(isTabView(view)).toBe(true);
    expect(isTabView({ ...view, found: { ok: true, vendorId: 'tracker' } })).toBe(true);
  });

  it('refuses each field of the wrong shape, a missing one, or an unknown one', () => {
    const vendor = view.vendors[0]!;
    for (const bad of [
      { ...view, dashboard: { id: 'ci' } },
      { ...view, vendors: [{ ...vendor, state: 'maybe' }] },
      { ...view, vendors: [{ ...vendor, ruleHere: 'no' }] },
      { ...view, vendors: [{ ...vendor, change: { kind: 'unblock-everything' } }] },
      { ...view, vendors: [{ ...vendor, change: { kind: 'set-vendor', vendorId: 'x' } }] },
      { ...view, found: { ok: true, error: 'x' } },
      { ...view, suggestions: [1] },
      { ...view, strictMode: { enforced: 'yes' } },
      { ...view, strictModeOrigin: 5 },
      { ...view, reportOnly: null },
      { ...view, pauseRefusal: false },
      { ...view, categoryLabels: { analytics: 1 } },
      { ...view, extra: true },
      (({ reportOnly: _reportOnly, ...rest }) => rest)(view),
    ])
      expect(isTabView(bad)).toBe(false);
  });

  it('parses the request by its schema, naming a refused field', () => {
    expect(parseTabViewRequest({ url: 'https://app.ci.example/', vendorIds: ['tracker'], find: 'x' })).toEqual({
      ok: true,
      value: { url: 'https://app.ci.example/', vendorIds: ['tracker'], find: 'x' },
    });
    expect(parseTabViewRequest({ vendorIds: [] })).toEqual({ ok: false, error: 'popup/tab-view: url: missing' });
    expect(parseTabViewRequest({ url: 'x'.repeat(4_097), vendorIds: [] })).toEqual({
      ok: false,
      error: 'popup/tab-view: url: is longer than 4096 characters',
    });
    expect(parseTabViewRequest({ url: 'u', vendorIds: Array<string>(2_001).fill('a') })).toEqual({
      ok: false,
      error: 'popup/tab-view: vendorIds: lists more than 2000',
    });
    expect(parseTabViewRequest({ url: 'u', vendorIds: [3] })).toEqual({
      ok: false,
      error: 'popup/tab-view: vendorIds[0]: must be text in quotes',
    });
    expect(parseTabViewRequest({ url: 'u', vendorIds: [], suggestions: 'yes' })).toEqual({
      ok: false,
      error: 'popup/tab-view: suggestions: must be true or false',
    });
  });
});
