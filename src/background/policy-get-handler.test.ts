import { NO_POLICY } from '../policy/managed-policy';
import { AUTHORIZATION_HIDDEN, policyGet, POLICY_GET, type PolicyStatus } from '../policy/policy-status';
import { isReplyOf } from '../messaging';

const isPolicyStatus = (value: unknown): boolean => isReplyOf(policyGet, value);
import { createMessageRouter } from './message-router';
import { createPolicyGetHandler } from './policy-get-handler';

const status: PolicyStatus = {
  policy: { ...NO_POLICY, lockUserRules: true },
  warnings: ['x: unknown key; ignored.'],
  source: 'managed',
  managed: true,
};
const route = createMessageRouter(
  { [POLICY_GET]: createPolicyGetHandler({ status: async () => status }) },
  { extensionId: 'self', extensionOrigin: 'chrome-extension://self/' },
);

describe('policy/get', () => {
  it("answers the extension's pages with the policy status", async () => {
    expect(
      await route({ type: POLICY_GET, payload: null }, { id: 'self', url: 'chrome-extension://self/options.html' }),
    ).toEqual({ ok: true, value: status });
  });

  it('answers no content script and no other extension', async () => {
    const fromContent = await route(
      { type: POLICY_GET, payload: null },
      { id: 'self', url: 'https://app.circleci.com/', tab: { id: 1 } },
    );
    const fromOther = await route(
      { type: POLICY_GET, payload: null },
      { id: 'other', url: 'chrome-extension://other/x.html' },
    );
    expect(fromContent.ok).toBe(false);
    expect(fromOther.ok).toBe(false);
  });

  it('refuses a payload', async () => {
    expect(
      await route(
        { type: POLICY_GET, payload: { lockUserRules: false } },
        { id: 'self', url: 'chrome-extension://self/options.html' },
      ),
    ).toEqual({
      ok: false,
      error: 'policy/get takes no payload',
    });
  });

  it('never gives a page the fleet reporting Authorization value, only that one is set', async () => {
    const fleetReporting = {
      endpoint: 'https://collector.example.com/v1/logs',
      format: 'otlp-json' as const,
      authorization: 'Bearer s3cret',
      intervalSeconds: 60,
      deviceLabel: undefined,
    };
    const withFleet: PolicyStatus = { ...status, policy: { ...status.policy, fleetReporting } };
    const router = createMessageRouter(
      { [POLICY_GET]: createPolicyGetHandler({ status: async () => withFleet }) },
      { extensionId: 'self', extensionOrigin: 'chrome-extension://self/' },
    );
    const reply = await router(
      { type: POLICY_GET, payload: null },
      { id: 'self', url: 'chrome-extension://self/options.html' },
    );
    expect(JSON.stringify(reply)).not.toContain('s3cret');
    expect(reply).toEqual({
      ok: true,
      value: {
        ...withFleet,
        policy: { ...withFleet.policy, fleetReporting: { ...fleetReporting, authorization: AUTHORIZATION_HIDDEN } },
      },
    });
    expect(reply.ok && isPolicyStatus(reply.value)).toBe(true);
  });
});
