/**
 * `policy/get`: the policy in force, what it locks and what was ignored, for the extension's own pages (the options
 * page's "managed by your organisation" notice, disabled controls and warnings). Read-only; no other context may ask.
 */
import type { PolicyStore } from '../policy';
import { AUTHORIZATION_HIDDEN, policyGet } from '../policy';
import { handlerFor } from './message-router';

export function createPolicyGetHandler(store: Pick<PolicyStore, 'status'>) {
  return handlerFor(policyGet, {
    from: ['extension-page'],
    // The Authorization value is a credential: pages only learn whether one is set.
    handle: async () => {
      const status = await store.status();
      const fleet = status.policy.fleetReporting;
      if (fleet?.authorization === undefined) return status;
      return {
        ...status,
        policy: { ...status.policy, fleetReporting: { ...fleet, authorization: AUTHORIZATION_HIDDEN } },
      };
    },
  });
}
