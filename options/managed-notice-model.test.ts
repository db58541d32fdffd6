import { testCatalog } from '../test/unit/test-catalog';
import { NO_POLICY } from '../src/policy/managed-policy';
import type { PolicyStatus } from '../src/policy/policy-status';
import { managedNoticeModel } from './managed-notice-model';

const { catalog } = testCatalog();
const status = (changes: Partial<PolicyStatus>): PolicyStatus => ({
  policy: NO_POLICY,
  warnings: [],
  source: 'managed',
  managed: true,
  ...changes,
});

describe('managedNoticeModel', () => {
  it('shows nothing without a policy', () => {
    expect(managedNoticeModel(status({ managed: false, source: 'none' }), catalog)).toBeUndefined();
  });

  it('says what the organisation enforces, by name', () => {
    const model = managedNoticeModel(
      status({
        policy: {
          ...NO_POLICY,
          blockedVendors: ['tracker', 'acme'],
          blockedCategories: ['session-replay'],
          allowedVendors: [
            { vendorId: 'live', dashboards: [] },
            { vendorId: 'replay', dashboards: ['forge', 'ci.corp.example'] },
          ],
          extraDashboards: [{ host: 'ci.corp.example', name: 'Corp CI' }],
          extraVendors: [{ id: 'acme', name: 'Acme', domains: ['acme.example'] }],
          lockUserRules: true,
          allowTabPause: false,
          auditRetentionDays: 1,
        },
      }),
      catalog,
    );
    expect(model?.enforced).toEqual([
      'Always blocked: Tracker, Acme.',
      'Always blocked categories: Session replay.',
      'Always allowed: Live, Replay (on Forge, Corp CI).',
      'Also protected: Corp CI (ci.corp.example).',
      'Also blocked: Acme (acme.example).',
      'You can block more vendors, but not allow any or turn on report-only mode.',
      'Pausing Dashguard on a tab is switched off. Your organisation locks Dashguard (lockUserRules) and its policy does not allow pausing it on a tab (allowTabPause).',
      'The audit log keeps 1 day.',
    ]);
  });

  it('lists every ignored item, and says when the policy is the last one received', () => {
    const model = managedNoticeModel(
      status({
        warnings: ['reportOnly: must be boolean; treated as false (report-only stays off).'],
        source: 'last-known',
      }),
      catalog,
    );
    expect(model).toEqual({
      title: 'Managed by your organisation',
      sourceNote: 'Showing the last policy received; the browser has not confirmed it since it started.',
      enforced: [],
      ignored: ['reportOnly: must be boolean; treated as false (report-only stays off).'],
    });
  });
});
