import { pauseChanges, pauseEvent, ruleChanges, vendorRulesOf } from './person-changes';

describe('ruleChanges', () => {
  test('vendor rules set, changed or removed, everywhere or on one dashboard', () => {
    const before = vendorRulesOf({
      vendorRules: { hotjar: 'allow', intercom: 'block' },
      dashboardVendorRules: [{ dashboard: 'gitlab', vendorId: 'sentry', action: 'allow' }],
    });
    const after = vendorRulesOf({
      vendorRules: { hotjar: 'block', mixpanel: 'allow' },
      dashboardVendorRules: [{ dashboard: 'circleci', vendorId: 'sentry', action: 'allow' }],
    });
    expect(ruleChanges(before, after)).toEqual([
      { dashboard: null, vendorId: 'hotjar', direction: 'block' },
      { dashboard: null, vendorId: 'intercom', direction: 'default' },
      { dashboard: null, vendorId: 'mixpanel', direction: 'allow' },
      { dashboard: 'gitlab', vendorId: 'sentry', direction: 'default' },
      { dashboard: 'circleci', vendorId: 'sentry', direction: 'allow' },
    ]);
    expect(ruleChanges(after, after)).toEqual([]);
  });

  test('unreadable stored values count as no rules', () => {
    expect(vendorRulesOf(undefined)).toEqual({ vendorRules: {}, dashboardVendorRules: [] });
    expect(vendorRulesOf({ vendorRules: { a: 'maybe' }, dashboardVendorRules: [{ dashboard: 1 }] })).toEqual({
      vendorRules: {},
      dashboardVendorRules: [],
    });
  });
});

describe('pauses', () => {
  test('started and ended tabs, and the duration', () => {
    expect(pauseChanges([1, 2], [2, 3])).toEqual({ started: [3], ended: [1] });
    expect(pauseChanges(undefined, [4])).toEqual({ started: [4], ended: [] });
    expect(pauseEvent('x', { since: 1_000, dashboard: 'circleci' }, 96_400)).toEqual({
      kind: 'tab-pause',
      id: 'x',
      time: 96_400,
      dashboard: 'circleci',
      durationSeconds: 95,
    });
  });
});
