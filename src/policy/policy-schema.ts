/**
 * The organisation's policy as `storage.managed` holds it, declared once as JSON Schema in Chrome's `managed_schema`
 * dialect: `npm run schemas:write` writes it as schemas/managed-schema.json, which the package ships and the manifest
 * names (so chrome://policy and the Google Admin console show these keys), and the build compiles it to the ajv
 * validator parse-managed-policy.ts runs (in Chrome and Firefox). What the dialect cannot say (known ids, domain
 * syntax, unknown keys, the fleet endpoint's form) the parser checks against the run-time catalog.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { MAX_AUDIT_RETENTION_DAYS, MIN_AUDIT_RETENTION_DAYS } from '../audit';
import { MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, DEFAULT_INTERVAL_SECONDS } from './fleet-reporting-config';

export const managedPolicySchema = {
  title: 'Dashguard managed policy',
  description:
    "What an organisation enforces on every Dashguard install. Chrome reads it as the extension's storage.managed_schema (so chrome://policy and the Google Admin console show these keys); Dashguard validates the same policy with it in Chrome and Firefox. Array items carry no pattern or enum on purpose: Chrome drops a whole key whose value does not match, and Dashguard prefers to drop only the bad item, with a warning naming it.",
  type: 'object',
  properties: {
    blockedVendors: {
      title: 'Vendors always blocked',
      description:
        'Vendor ids (as in Dashguard\'s vendor list, e.g. "intercom", "google-analytics", or an id from extraVendors) blocked on every dashboard, whatever users or allowedVendors say.',
      type: 'array',
      items: {
        type: 'string',
      },
    },
    allowedVendors: {
      title: 'Vendors always allowed',
      description:
        'Vendors allowed on dashboards, above every user decision: {"vendor": "intercom", "dashboards": ["gitlab"]}. "dashboards" is required: dashboard ids (e.g. "gitlab") or hosts of extraDashboards, or ["*"] for every dashboard, so a typo never widens an allowance. An allowed vendor is allowed even in a category of blockedCategories; blockedVendors wins over this list.',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          vendor: {
            title: 'Vendor id',
            type: 'string',
          },
          dashboards: {
            title: 'Only on these dashboards',
            description: 'Dashboard ids or extra dashboard hosts, or ["*"] for every dashboard.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
        required: ['vendor', 'dashboards'],
      },
    },
    blockedCategories: {
      title: 'Categories always blocked',
      description:
        'Category ids whose vendors are blocked on every dashboard: analytics, advertising, marketing, session-replay, product-tour, support-widget, social, tag-manager, consent, ab-testing, monitoring, first-party-telemetry, and the essential ones (allowed by default because dashboards need them): realtime, feature-flags, payments, sign-in, captcha, avatars, status.',
      type: 'array',
      items: {
        type: 'string',
      },
    },
    extraDashboards: {
      title: 'Extra dashboards',
      description:
        'Self-hosted CI dashboards (Jenkins, GitLab, TeamCity...) protected like the built-in ones. The host also covers its subdomains.',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          host: {
            title: 'Host name',
            description: 'e.g. ci.example.com, without https:// or a path.',
            type: 'string',
          },
          name: {
            title: 'Name shown to users',
            type: 'string',
          },
        },
      },
    },
    extraVendors: {
      title: 'Extra vendors',
      description: 'Vendors Dashguard does not know, blocked on every dashboard unless allowedVendors names them.',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: {
            title: 'Vendor id',
            description: 'Lower-case letters, digits and dashes, not already a Dashguard vendor id.',
            type: 'string',
          },
          name: {
            title: 'Name shown to users',
            type: 'string',
          },
          domains: {
            title: 'Domains',
            description: 'Host names or registrable domains; each also covers its subdomains.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
    },
    sensitivePages: {
      title: 'Extra sensitive pages',
      description:
        'Pages that create tokens or show secrets, as declarativeNetRequest URL filters anchored on a host: "||ci.example.com/credentials" ("*" matches anything).',
      type: 'array',
      items: {
        type: 'string',
      },
    },
    reportOnly: {
      title: 'Report-only mode',
      description:
        'true: block nothing on dashboards and only report what would be blocked (blockedVendors and blockedCategories still block).',
      type: 'boolean',
    },
    lockUserRules: {
      title: 'Lock user rules',
      description:
        'true: users cannot loosen anything (allow a vendor or category, turn on report-only); they may still block more.',
      type: 'boolean',
    },
    allowTabPause: {
      title: 'Users may pause a tab',
      description:
        'false: the popup\'s "pause on this tab" is switched off. Default true, except under lockUserRules, where it is false unless set to true here.',
      type: 'boolean',
    },
    auditRetentionDays: {
      title: 'Audit log retention (days)',
      description: `How many days the local audit log keeps what tried to load. ${MIN_AUDIT_RETENTION_DAYS} to ${MAX_AUDIT_RETENTION_DAYS}.`,
      type: 'integer',
      minimum: MIN_AUDIT_RETENTION_DAYS,
      maximum: MAX_AUDIT_RETENTION_DAYS,
    },
    keepFullAuditUrls: {
      title: 'Keep full addresses in the audit',
      description:
        "true: the audit keeps each request's and page's address whole, query values included (they can hold tokens, session ids and e-mail addresses). false: addresses are redacted (query values and token-like path segments replaced by their length), and users cannot change it. Unset: the user's setting decides (redacted by default).",
      type: 'boolean',
    },
    fleetReporting: {
      title: 'Fleet reporting',
      description:
        'Sends audit summaries (requests by vendor and verdict per dashboard, third parties new on a dashboard, tab pauses, rules people changed, sensitive pages shown without strict mode) to your OpenTelemetry collector or Splunk HTTP Event Collector. Off when absent; any malformed field turns it off and is named in the options page.',
      type: 'object',
      properties: {
        endpoint: {
          title: 'Collector URL',
          description:
            'https URL the reports are POSTed to: an OTLP/HTTP logs endpoint (https://collector.example.com/v1/logs) or Splunk HEC (https://splunk.example.com:8088/services/collector/event).',
          type: 'string',
        },
        format: {
          title: 'Format',
          description: '"otlp-json" (OTLP/HTTP JSON logs) or "splunk-hec" (HTTP Event Collector events).',
          type: 'string',
        },
        authorization: {
          title: 'Authorization header',
          description: 'Sent as the Authorization header, as given: "Bearer ...", "Splunk <token>".',
          type: 'string',
        },
        intervalSeconds: {
          title: 'Interval (seconds)',
          description: `How often a batch is sent, ${MIN_INTERVAL_SECONDS} to ${MAX_INTERVAL_SECONDS}. Default ${DEFAULT_INTERVAL_SECONDS}.`,
          type: 'integer',
        },
        deviceLabel: {
          title: 'Device label',
          description: 'Names this device in the reports. Without it, reports carry no identity.',
          type: 'string',
        },
      },
    },
  },
} as const;

/** What an administrator may write (before the parser drops what it cannot use). */
export type ManagedPolicySource = FromSchema<typeof managedPolicySchema>;
