/**
 * The fleet reporting configuration in force (what parseFleetReporting makes of the policy's `fleetReporting` key), as
 * the policy in force and the policy status carry it. Apart from its parser so the pages, which check the status
 * against it, do not bundle the parser.
 */
export const FLEET_FORMATS = ['otlp-json', 'splunk-hec'] as const;

/** The configuration in force, as the policy status carries it to the pages too (policy-status.ts). */
export const fleetReportingConfigSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['endpoint', 'format', 'intervalSeconds'],
  properties: {
    endpoint: {
      description:
        'An https URL the reports are POSTed to, as given (the OTLP `/v1/logs` or HEC `/services/collector/event` path included).',
      type: 'string',
    },
    format: { enum: FLEET_FORMATS },
    authorization: {
      description: "The Authorization header's value, sent as given; absent when the collector needs none.",
      type: 'string',
    },
    intervalSeconds: { type: 'integer' },
    deviceLabel: { description: 'Names the device in reports; without it, reports carry no identity.', type: 'string' },
  },
} as const;
