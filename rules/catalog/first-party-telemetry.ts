/**
 * First-party telemetry: exact hosts inside a dashboard's own domains that carry analytics. Their rules run above the
 * dashboard's own-domain allow, for those hosts only (src/rules/own-domain-hosts.ts), so they can be blocked while the
 * rest of the own domain keeps working. A third-party SDK proxied through the dashboard's domain is blocked by default;
 * the service's own telemetry is allowed by default, the person's and the policy's to block. Kept in its own file so
 * the content script (which reports these hosts to the audit although they are first party) is given only these hosts
 * (src/content/content-scope.ts).
 */
import type { VendorEntry } from '../../src/catalog/catalog-types';

export const firstPartyTelemetryVendors: readonly VendorEntry[] = [
  {
    id: 'bitrise-segment-proxy',
    name: 'Segment via Bitrise (pa-events)',
    category: 'first-party-telemetry',
    // bitrise-workflow-editor loads Segment's analytics.js with cdnURL pa-events-cdn.bitrise.io and sends its events
    // to pa-events-api.bitrise.io/v1.
    domains: ['pa-events-cdn.bitrise.io', 'pa-events-api.bitrise.io'],
    defaultAction: 'block',
    reason:
      "Segment's analytics SDK, proxied through Bitrise's own domain: your activity goes to Segment and the tools it forwards to.",
  },
  {
    id: 'vercel-rudderstack-proxy',
    name: 'RudderStack via Vercel (cdp)',
    category: 'first-party-telemetry',
    // vercel.com loads RudderStack's SDK config from cdp.vercel.com/rs/config and streams events to cdp.vercel.com/rs/stream.
    domains: ['cdp.vercel.com'],
    defaultAction: 'block',
    reason:
      "RudderStack's customer-data SDK, proxied through vercel.com: your activity is forwarded to analytics and marketing tools.",
  },
  {
    id: 'github-collector',
    name: 'GitHub analytics (collector)',
    category: 'first-party-telemetry',
    // github.com pages send their own analytics ("octolytics") to collector.github.com/github/collect.
    domains: ['collector.github.com'],
    defaultAction: 'allow',
    reason: "GitHub's own usage analytics: it stays with GitHub. Block it if you prefer.",
  },
  {
    id: 'atlassian-analytics',
    name: 'Atlassian analytics',
    category: 'first-party-telemetry',
    // Bitbucket sends its product analytics to as.atlassian.com.
    domains: ['as.atlassian.com'],
    defaultAction: 'allow',
    reason: "Atlassian's own usage analytics from Bitbucket: it stays with Atlassian. Block it if you prefer.",
  },
  {
    id: 'gitlab-snowplow',
    name: 'GitLab product analytics (Snowplow)',
    category: 'first-party-telemetry',
    // GitLab's own Snowplow collectors (doc/api/settings.md: snowplow_collector_hostname snowplowprd.trx.gitlab.net; older
    // pages: snowplow.trx.gitlab.net). gitlab.net is GitLab's infrastructure domain.
    domains: ['snowplowprd.trx.gitlab.net', 'snowplow.trx.gitlab.net'],
    defaultAction: 'allow',
    reason: "GitLab's own product analytics, collected by GitLab: it stays with GitLab. Block it if you prefer.",
  },
];
