import { policyGet, type PolicyStatus } from './policy-status';
import { isReplyOf } from '../messaging';
import { NO_POLICY } from './managed-policy';

const isPolicyStatus = (value: unknown): boolean => isReplyOf(policyGet, value);

const status: PolicyStatus = {
  policy: {
    ...NO_POLICY,
    blockedCategories: ['analytics'],
    allowedVendors: [{ vendorId: 'intercom', dashboards: [] }],
    extraVendors: [{ id: 'acme', name: 'Acme', domains: ['acme.example'] }],
    auditRetentionDays: 90,
    fleetReporting: {
      endpoint: 'https://collector.example.com/v1/logs',
      format: 'otlp-json',
      authorization: undefined,
      intervalSeconds: 300,
      deviceLabel: undefined,
    },
  },
  warnings: ['blockedVendors[0]: unknown vendor "x"; ignored.'],
  source: 'managed',
  managed: true,
};

describe('isPolicyStatus (the check of a policy/get reply)', () => {
  it('accepts what the background sends, absent (or undefined) optional values included', () => {
    expect(isPolicyStatus({ policy: NO_POLICY, warnings: [], source: 'none', managed: false })).toBe(true);
    expect(isPolicyStatus(status)).toBe(true);
    expect(isPolicyStatus(JSON.parse(JSON.stringify(status)))).toBe(true);
  });

  it('refuses a wrong shape anywhere in it', () => {
    expect(isPolicyStatus({ ...status, source: 'elsewhere' })).toBe(false);
    expect(isPolicyStatus({ ...status, policy: { ...status.policy, blockedCategories: ['nonsense'] } })).toBe(false);
    const { lockUserRules: _lock, ...missing } = status.policy;
    expect(isPolicyStatus({ ...status, policy: missing })).toBe(false);
    expect(isPolicyStatus({ ...status, policy: { ...status.policy, fleetReporting: { format: 'otlp-json' } } })).toBe(
      false,
    );
    expect(isPolicyStatus({ ...status, warnings: [1] })).toBe(false);
    expect(isPolicyStatus(null)).toBe(false);
  });
});
