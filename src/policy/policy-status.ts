/**
 * What the background tells the extension's pages about the organisation's policy (`policy/get`): the policy in
 * force, what was ignored and why, and where it came from. The options page shows the "managed by your
 * organisation" notice and disables locked controls from this.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { managedPolicyInForceSchema } from './managed-policy';
import type { DeepReadonly } from '../schema';
import { NO_PAYLOAD, defineMessage } from '../messaging';

/** Message type of the request; payload `null`, from extension pages only. */
export const POLICY_GET = 'policy/get';

export const policyStatusSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['policy', 'warnings', 'source', 'managed'],
  properties: {
    policy: managedPolicyInForceSchema,
    warnings: { description: 'One line per ignored policy item, naming it.', type: 'array', items: { type: 'string' } },
    source: {
      description:
        "`managed`: read from the browser's managed storage now. `last-known`: the copy kept from an earlier answer, used while managed storage has not answered in this browser session (see policy-store.ts). `none`: no policy.",
      enum: ['managed', 'last-known', 'none'],
    },
    managed: {
      description: 'True when the organisation sets anything at all (even if all of it was ignored).',
      type: 'boolean',
    },
  },
} as const;

export type PolicyStatus = DeepReadonly<FromSchema<typeof policyStatusSchema>>;
export type PolicySource = PolicyStatus['source'];

/** What `policy/get` says in place of the fleet reporting Authorization value. */
export const AUTHORIZATION_HIDDEN = '(set, not shown)';

/** `policy/get`: no payload; the reply is checked where it is received, so a page never renders a wrong shape. */
export const policyGet = defineMessage(POLICY_GET, NO_PAYLOAD, policyStatusSchema);
