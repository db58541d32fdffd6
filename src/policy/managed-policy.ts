/**
 * The organisation's policy (storage.managed), after validation: what the rule state reads, and what `policy/get`
 * sends the pages (policy-status.ts checks it there against this schema). Absent policy is `NO_POLICY`.
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { DeepReadonly } from '../schema';
import { CATEGORY_IDS } from '../catalog';
import { fleetReportingConfigSchema } from './fleet-reporting-schema';

const strings = { type: 'array', items: { type: 'string' } } as const;
const named = { type: 'string' } as const;

export const managedPolicyInForceSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'blockedVendors',
    'allowedVendors',
    'blockedCategories',
    'extraDashboards',
    'extraVendors',
    'sensitivePages',
    'reportOnly',
    'lockUserRules',
    'allowTabPause',
  ],
  properties: {
    blockedVendors: strings,
    allowedVendors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['vendorId', 'dashboards'],
        properties: {
          vendorId: named,
          dashboards: { ...strings, description: 'Dashboard ids or custom hosts; empty means every dashboard.' },
        },
      },
    },
    blockedCategories: { type: 'array', items: { enum: CATEGORY_IDS } },
    extraDashboards: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['host', 'name'],
        properties: { host: named, name: named },
      },
    },
    extraVendors: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'domains'],
        properties: { id: named, name: named, domains: strings },
      },
    },
    sensitivePages: strings,
    reportOnly: { type: 'boolean' },
    lockUserRules: { description: 'Users may tighten but not loosen anything.', type: 'boolean' },
    allowTabPause: {
      description: 'Off under `lockUserRules` unless the policy sets it true by name.',
      type: 'boolean',
    },
    auditRetentionDays: { description: 'Absent: the user decides.', type: 'integer' },
    keepFullAuditUrls: {
      description: 'Whether the audit keeps addresses whole (true) or redacted (false); absent leaves it to the user.',
      type: 'boolean',
    },
    fleetReporting: {
      ...fleetReportingConfigSchema,
      description: 'Where audit summaries go (fleet reporting); absent: nothing is ever sent.',
    },
  },
} as const;

export type ManagedPolicy = DeepReadonly<FromSchema<typeof managedPolicyInForceSchema>>;
export type PolicyAllowedVendor = ManagedPolicy['allowedVendors'][number];

export const NO_POLICY: ManagedPolicy = {
  blockedVendors: [],
  allowedVendors: [],
  blockedCategories: [],
  extraDashboards: [],
  extraVendors: [],
  sensitivePages: [],
  reportOnly: false,
  lockUserRules: false,
  allowTabPause: true,
  auditRetentionDays: undefined,
  keepFullAuditUrls: undefined,
  fleetReporting: undefined,
};
