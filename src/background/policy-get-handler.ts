/**
 * `policy/get`: the policy in force, what it locks and what was ignored, for the extension's own pages (the options
 * page's "managed by your organisation" notice, disabled controls and warnings). Read-only; no other context may ask.
 */
import type { PolicyStatus } from '../policy/policy-status';
import { defineHandler } from './message-router';
import type { PolicyStore } from '../policy/policy-store';

export function createPolicyGetHandler(store: Pick<PolicyStore, 'status'>) {
  return defineHandler<null, PolicyStatus>({
    from: ['extension-page'],
    parse: (payload) => (payload === null || payload === undefined ? { ok: true, value: null } : { ok: false, error: 'policy/get takes no payload' }),
    handle: () => store.status(),
  });
}
