/**
 * Curated vendors: third parties we have looked at by hand. They take precedence over the entries generated from
 * the third-party-web package, and each one carries its own default.
 *
 * To add a vendor: give it a kebab-case `id` that never changes once released, a `category` from CATEGORY_IDS, the
 * host names or registrable domains its browser snippet/SDK really talks to (script CDN, API/ingest, websocket),
 * lower case, no scheme, no wildcard, no path; each also covers its subdomains, as DNR `requestDomains` does. Never
 * list a domain shared by unrelated parties (cloudfront.net, amazonaws.com, googleapis.com, gstatic.com, google.com,
 * azureedge.net...): only a vendor-specific host under it. A domain belongs to one vendor only. If third-party-web
 * classifies one of the domains differently (it blocks what we allow or the reverse, or the domain is another
 * company's entity there), explain it in `thirdPartyWebNote`; the cross-check test requires it.
 *
 * Defaults, in short:
 * - realtime, feature-flag and payment vendors are allowed: the dashboard breaks or hides features without them.
 * - monitoring vendors (Sentry, Datadog RUM, New Relic, Bugsnag, Rollbar) are BLOCKED. They receive page URLs
 *   (which carry org, repo and branch names), error messages and stack traces that can quote page state, breadcrumbs
 *   of clicks and network calls, and in some products session replays. None of that is needed for the dashboard to
 *   work: losing them only costs the CI vendor telemetry. The user can allow any of them in the options page.
 * - Statsig is ALLOWED although it also offers web analytics and session replay: its feature-gate `initialize`
 *   call and its event logging share the same hosts (and it rotates them on purpose to dodge blockers), so blocking
 *   by domain would also switch off the gates that decide which parts of the dashboard are shown. The user can block
 *   it; vendors whose main product is analytics but that also serve flags (Amplitude Experiment, PostHog, Optimizely)
 *   stay blocked.
 */
import type { VendorEntry } from '../../src/catalog/catalog-types';
import { firstPartyTelemetryVendors } from './first-party-telemetry';

export const curatedVendors: readonly VendorEntry[] = [
  // ---- Realtime: allowed -------------------------------------------------------------------------------------
  {
    id: 'pusher',
    name: 'Pusher',
    category: 'realtime',
    // ws-mt1.pusher.com, sockjs-*.pusher.com, js.pusher.com, stats.pusher.com; legacy ws.pusherapp.com.
    domains: ['pusher.com', 'pusherapp.com'],
    defaultAction: 'allow',
    reason: 'Streams the live build log and job status to the dashboard.',
  },
  {
    id: 'ably',
    name: 'Ably',
    category: 'realtime',
    // realtime.ably.io / main.realtime.ably.net, fallbacks *.ably-realtime.com, SDK on cdn.ably.com.
    domains: ['ably.io', 'ably.net', 'ably-realtime.com', 'ably.com'],
    defaultAction: 'allow',
    reason: 'Pushes live updates (build status, logs, notifications) to the dashboard.',
  },
  {
    id: 'pubnub',
    name: 'PubNub',
    category: 'realtime',
    // ps.pndsn.com is the default SDK origin.
    domains: ['pubnub.com', 'pndsn.com'],
    defaultAction: 'allow',
    reason: 'Delivers live updates to the dashboard.',
  },

  // ---- Feature flags: allowed --------------------------------------------------------------------------------
  {
    id: 'launchdarkly',
    name: 'LaunchDarkly',
    category: 'feature-flags',
    // app., clientsdk., events., clientstream.launchdarkly.com; the federal instance uses launchdarkly.us.
    domains: ['launchdarkly.com', 'launchdarkly.us'],
    defaultAction: 'allow',
    reason: 'Decides which features the dashboard shows; blocking it can hide or break parts of the UI.',
  },
  {
    id: 'statsig',
    name: 'Statsig',
    category: 'feature-flags',
    // From Statsig's published domain list; cloudflare-dns.com (also listed there) is shared DNS-over-HTTPS, not Statsig's.
    domains: [
      'statsig.com',
      'statsigapi.net',
      'statsigcdn.com',
      'featuregates.org',
      'featureassets.org',
      'assetsconfigcdn.org',
      'prodregistryv2.org',
      'beyondwickedmapping.org',
    ],
    defaultAction: 'allow',
    reason:
      'Feature gates decide what the dashboard shows; the same hosts also carry its event logging, so block it if you prefer privacy to features.',
  },
  {
    id: 'split',
    name: 'Split (Harness FME)',
    category: 'feature-flags',
    // sdk., events., auth., streaming., telemetry.split.io.
    domains: ['split.io'],
    defaultAction: 'allow',
    reason: 'Decides which features the dashboard shows.',
  },
  {
    id: 'configcat',
    name: 'ConfigCat',
    category: 'feature-flags',
    // cdn-global.configcat.com, cdn-eu.configcat.com.
    domains: ['configcat.com'],
    defaultAction: 'allow',
    reason: 'Decides which features the dashboard shows.',
  },
  {
    id: 'flagsmith',
    name: 'Flagsmith',
    category: 'feature-flags',
    // edge.api.flagsmith.com.
    domains: ['flagsmith.com'],
    defaultAction: 'allow',
    reason: 'Decides which features the dashboard shows.',
  },
  {
    id: 'devcycle',
    name: 'DevCycle',
    category: 'feature-flags',
    // sdk-api., config-cdn., events.devcycle.com.
    domains: ['devcycle.com'],
    defaultAction: 'allow',
    reason: 'Decides which features the dashboard shows.',
  },

  // ---- Payments: allowed -------------------------------------------------------------------------------------
  {
    id: 'stripe',
    name: 'Stripe',
    category: 'payments',
    // js.stripe.com, api.stripe.com, m.stripe.network (fraud signals the checkout needs), b.stripecdn.com.
    domains: ['stripe.com', 'stripe.network', 'stripecdn.com'],
    defaultAction: 'allow',
    reason: 'Billing and plan pages need it to take or update card payments.',
  },
  {
    id: 'braintree',
    name: 'Braintree',
    category: 'payments',
    // js./api./assets.braintreegateway.com, payments.braintree-api.com (GraphQL).
    domains: ['braintreegateway.com', 'braintree-api.com'],
    defaultAction: 'allow',
    reason: 'Billing pages need it to take card or PayPal payments.',
  },
  {
    id: 'recurly',
    name: 'Recurly',
    category: 'payments',
    // js.recurly.com, api.recurly.com.
    domains: ['recurly.com'],
    defaultAction: 'allow',
    reason: 'Billing pages need it to manage subscriptions and cards.',
  },
  {
    id: 'chargebee',
    name: 'Chargebee',
    category: 'payments',
    // js.chargebee.com and the <site>.chargebee.com checkout.
    domains: ['chargebee.com'],
    defaultAction: 'allow',
    reason: 'Billing pages need it to manage subscriptions and cards.',
  },
  {
    id: 'paddle',
    name: 'Paddle',
    category: 'payments',
    // cdn.paddle.com (Paddle.js), checkout-service.paddle.com.
    domains: ['paddle.com'],
    defaultAction: 'allow',
    reason: 'Billing pages need it to run the checkout.',
  },

  // ---- Analytics: blocked ------------------------------------------------------------------------------------
  {
    id: 'amplitude',
    name: 'Amplitude',
    category: 'analytics',
    // cdn.amplitude.com, api2.amplitude.com, api.eu.amplitude.com, session replay and Experiment (flag.lab.amplitude.com);
    // d24n15hnbwhuhn.cloudfront.net is Amplitude's old SDK CDN.
    domains: ['amplitude.com', 'd24n15hnbwhuhn.cloudfront.net'],
    defaultAction: 'block',
    reason: 'Product analytics: records the pages you open and what you click, with your account id.',
    thirdPartyWebNote:
      'd24n15hnbwhuhn.cloudfront.net is listed under Amplitude in third-party-web; its generic "Amazon CloudFront" entity (utility, cloudfront.net) does not own this Amplitude-specific host.',
  },
  {
    id: 'segment',
    name: 'Segment',
    category: 'analytics',
    // cdn.segment.com (analytics.js), api.segment.io, EU ingest events.eu1.segmentapis.com.
    domains: ['segment.com', 'segment.io', 'segmentapis.com'],
    defaultAction: 'block',
    reason: 'Collects your activity and forwards it to other analytics and marketing tools.',
  },
  {
    id: 'google-analytics',
    name: 'Google Analytics',
    category: 'analytics',
    // www./region1.google-analytics.com; GA4 also beacons to analytics.google.com. gtag.js itself is on googletagmanager.com.
    domains: ['google-analytics.com', 'analytics.google.com'],
    defaultAction: 'block',
    reason: 'Sends the pages you visit to Google.',
  },
  {
    id: 'heap',
    name: 'Heap',
    category: 'analytics',
    // Classic cdn.heapanalytics.com; heap.js v5 cdn.us.heap-api.com and c.us.heap-api.com (ingest).
    domains: ['heapanalytics.com', 'heap-api.com'],
    defaultAction: 'block',
    reason: 'Autocaptures every click, form change and page view.',
  },
  {
    id: 'mixpanel',
    name: 'Mixpanel',
    category: 'analytics',
    // cdn.mxpnl.com, api-js.mixpanel.com, api-eu.mixpanel.com.
    domains: ['mixpanel.com', 'mxpnl.com'],
    defaultAction: 'block',
    reason: 'Product analytics: records what you do in the dashboard.',
  },
  {
    id: 'pendo',
    name: 'Pendo',
    category: 'analytics',
    // cdn.pendo.io, app.pendo.io, data.pendo.io, EU *.eu.pendo.io.
    domains: ['pendo.io'],
    defaultAction: 'block',
    reason: 'Product analytics and in-app guides: records clicks and page views and injects overlays.',
  },
  {
    id: 'posthog',
    name: 'PostHog',
    category: 'analytics',
    // us.i.posthog.com, us-assets.i.posthog.com, eu.i.posthog.com. Also serves PostHog flags and replay.
    domains: ['posthog.com'],
    defaultAction: 'block',
    reason: 'Product analytics that can also record sessions.',
  },
  {
    id: 'rudderstack',
    name: 'RudderStack',
    category: 'analytics',
    // cdn.rudderlabs.com (SDK), <workspace>.dataplane.rudderstack.com (ingest).
    domains: ['rudderlabs.com', 'rudderstack.com'],
    defaultAction: 'block',
    reason: 'Collects your activity and forwards it to other analytics and marketing tools.',
  },

  // ---- Session replay: blocked -------------------------------------------------------------------------------
  {
    id: 'hotjar',
    name: 'Hotjar',
    category: 'session-replay',
    // static./script./vars./in./ws.hotjar.com, content./metrics.hotjar.io.
    domains: ['hotjar.com', 'hotjar.io'],
    defaultAction: 'block',
    reason: 'Records your screen and mouse, secrets shown on the page included.',
  },
  {
    id: 'fullstory',
    name: 'FullStory',
    category: 'session-replay',
    // edge.fullstory.com (script), rs.fullstory.com (recording upload).
    domains: ['fullstory.com'],
    defaultAction: 'block',
    reason: 'Records your session, secrets shown on the page included.',
  },
  {
    id: 'logrocket',
    name: 'LogRocket',
    category: 'session-replay',
    // LogRocket's CDN and ingest domains, as listed in its CSP and proxy documentation.
    domains: [
      'logrocket.com',
      'logrocket.io',
      'lr-ingest.io',
      'lr-ingest.com',
      'lr-in.com',
      'lr-in-prod.com',
      'ingest-lr.com',
      'lgrckt-in.com',
      'lrkt-in.com',
      'logr-i.com',
    ],
    defaultAction: 'block',
    reason: 'Records your session, console and network calls, secrets included.',
  },
  {
    id: 'microsoft-clarity',
    name: 'Microsoft Clarity',
    category: 'session-replay',
    // www.clarity.ms/tag, *.clarity.ms/collect.
    domains: ['clarity.ms'],
    defaultAction: 'block',
    reason: 'Records your session and heatmaps for Microsoft.',
    thirdPartyWebNote:
      'third-party-web files Clarity under "utility" (allowed); it is a session-replay and heatmap recorder, so we block it.',
  },
  {
    id: 'smartlook',
    name: 'Smartlook',
    category: 'session-replay',
    // web-sdk.smartlook.com, rec.smartlook.com, manager.smartlook.cloud.
    domains: ['smartlook.com', 'smartlook.cloud'],
    defaultAction: 'block',
    reason: 'Records your session, secrets shown on the page included.',
  },
  {
    id: 'mouseflow',
    name: 'Mouseflow',
    category: 'session-replay',
    // cdn.mouseflow.com, o2.mouseflow.com.
    domains: ['mouseflow.com'],
    defaultAction: 'block',
    reason: 'Records your session and heatmaps.',
  },

  // ---- Product tours and surveys: blocked --------------------------------------------------------------------
  {
    id: 'appcues',
    name: 'Appcues',
    category: 'product-tour',
    // fast.appcues.com, api.appcues.net (HTTPS and websocket).
    domains: ['appcues.com', 'appcues.net'],
    defaultAction: 'block',
    reason: 'Injects onboarding tours into the page and reports what you do.',
  },
  {
    id: 'chameleon',
    name: 'Chameleon',
    category: 'product-tour',
    // fast.chameleon.io; older snippets use fast.trychameleon.com.
    domains: ['chameleon.io', 'trychameleon.com'],
    defaultAction: 'block',
    reason: 'Injects product tours into the page and reports what you do.',
  },
  {
    id: 'userpilot',
    name: 'Userpilot',
    category: 'product-tour',
    // js.userpilot.io, deploy.userpilot.io, analytex*.userpilot.io (websocket).
    domains: ['userpilot.io'],
    defaultAction: 'block',
    reason: 'Injects onboarding flows into the page and reports what you do.',
  },
  {
    id: 'userflow',
    name: 'Userflow',
    category: 'product-tour',
    // js.userflow.com and its websocket.
    domains: ['userflow.com'],
    defaultAction: 'block',
    reason: 'Injects onboarding flows into the page and reports what you do.',
  },
  {
    id: 'gainsight-px',
    name: 'Gainsight PX',
    category: 'product-tour',
    // web-sdk.aptrinsic.com, esp.aptrinsic.com (Aptrinsic is Gainsight PX's former name).
    domains: ['aptrinsic.com'],
    defaultAction: 'block',
    reason: 'Product analytics and in-app guides injected into the page.',
  },
  {
    id: 'sprig',
    name: 'Sprig',
    category: 'product-tour',
    // cdn.sprig.com, api.sprig.com; legacy UserLeap hosts.
    domains: ['sprig.com', 'userleap.com'],
    defaultAction: 'block',
    reason: 'In-app surveys that can also replay sessions.',
  },
  {
    id: 'walkme',
    name: 'WalkMe',
    category: 'product-tour',
    // cdn.walkme.com, playerserver/ec/papi.walkme.com.
    domains: ['walkme.com'],
    defaultAction: 'block',
    reason: 'Injects walkthroughs into the page and reports what you do.',
  },
  {
    id: 'qualtrics',
    name: 'Qualtrics Site Intercept',
    category: 'product-tour',
    // <zone>.siteintercept.qualtrics.com.
    domains: ['qualtrics.com'],
    defaultAction: 'block',
    reason: 'Pops up surveys and records page views.',
  },

  // ---- Support and chat widgets: blocked ---------------------------------------------------------------------
  {
    id: 'intercom',
    name: 'Intercom',
    category: 'support-widget',
    // From Intercom's CSP list: widget/api-iam/nexus-websocket *.intercom.io, js./uploads.intercomcdn.com (+ .eu),
    // static.intercomassets.com, uploads.intercomusercontent.com, *.intercom-messenger.com.
    domains: [
      'intercom.io',
      'intercomcdn.com',
      'intercomcdn.eu',
      'intercomassets.com',
      'intercomusercontent.com',
      'intercom-messenger.com',
    ],
    defaultAction: 'block',
    reason: "Chat widget that runs in the page and reports your activity; the vendor's support site still works.",
  },
  {
    id: 'zendesk',
    name: 'Zendesk',
    category: 'support-widget',
    // From Zendesk's Web Widget CSP lists: static.zdassets.com, <sub>.zendesk.com, *.zopim.com, v2assets.zopim.io,
    // messaging via *.smooch.io, attachments on *.zdusercontent.com.
    domains: ['zdassets.com', 'zendesk.com', 'zopim.com', 'zopim.io', 'smooch.io', 'zdusercontent.com'],
    defaultAction: 'block',
    reason: "Help widget that runs in the page; the vendor's support site still works.",
  },
  {
    id: 'drift',
    name: 'Drift',
    category: 'support-widget',
    // js.driftt.com (loader), widget.drift.com and *.api.drift.com, bootstrap.driftapi.com.
    domains: ['drift.com', 'driftt.com', 'driftapi.com'],
    defaultAction: 'block',
    reason: 'Sales chat widget that identifies visitors for marketing.',
  },
  {
    id: 'crisp',
    name: 'Crisp',
    category: 'support-widget',
    // client.crisp.chat, client.relay.crisp.chat (websocket), image./storage.crisp.chat.
    domains: ['crisp.chat'],
    defaultAction: 'block',
    reason: 'Chat widget that runs in the page and tracks your visit.',
  },
  {
    id: 'qualified',
    name: 'Qualified',
    category: 'support-widget',
    // js.qualified.com, app.qualified.com.
    domains: ['qualified.com'],
    defaultAction: 'block',
    reason: 'Sales chat widget that identifies visitors for marketing.',
  },

  // ---- Marketing automation and enrichment: blocked ----------------------------------------------------------
  {
    id: 'hubspot',
    name: 'HubSpot',
    category: 'marketing',
    // Tracking code js.hs-scripts.com loads js.hs-analytics.net, js.hs-banner.com, js.hscollectedforms.net,
    // js.usemessages.com (chat), js.hsadspixel.net, js.hsleadflows.net; forms on *.hsforms.com/net; API *.hubapi.com.
    domains: [
      'hubspot.com',
      'hubspot.net',
      'hs-scripts.com',
      'hs-analytics.net',
      'hs-banner.com',
      'hscollectedforms.net',
      'hsforms.com',
      'hsforms.net',
      'hsadspixel.net',
      'hsleadflows.net',
      'hsstatic.net',
      'hubapi.com',
      'usemessages.com',
    ],
    defaultAction: 'block',
    reason: 'Marketing automation: tracks your visits and ties them to your email.',
  },
  {
    id: 'marketo',
    name: 'Marketo',
    category: 'marketing',
    // munchkin.marketo.net, <munchkin-id>.mktoresp.com, forms on *.marketo.com.
    domains: ['marketo.net', 'marketo.com', 'mktoresp.com'],
    defaultAction: 'block',
    reason: 'Marketing automation: tracks your visits and ties them to your email.',
  },
  {
    id: 'pardot',
    name: 'Salesforce Pardot',
    category: 'marketing',
    // pi.pardot.com, cdn.pardot.com.
    domains: ['pardot.com'],
    defaultAction: 'block',
    reason: 'Marketing automation: tracks your visits and ties them to your email.',
  },
  {
    id: 'clearbit',
    name: 'Clearbit',
    category: 'marketing',
    // tag.clearbitscripts.com, x.clearbitjs.com, reveal.clearbit.com.
    domains: ['clearbit.com', 'clearbitjs.com', 'clearbitscripts.com'],
    defaultAction: 'block',
    reason: 'Identifies your company from your IP address for sales.',
  },
  {
    id: '6sense',
    name: '6sense',
    category: 'marketing',
    // j.6sc.co (tag), b.6sc.co, c.6sc.co, epsilon.6sense.com (company lookup).
    domains: ['6sc.co', '6sense.com'],
    defaultAction: 'block',
    reason: 'Identifies your company from your IP address for sales and ad targeting.',
  },
  {
    id: 'demandbase',
    name: 'Demandbase',
    category: 'marketing',
    // tag.demandbase.com, api.company-target.com (IP-to-company API).
    domains: ['demandbase.com', 'company-target.com'],
    defaultAction: 'block',
    reason: 'Identifies your company from your IP address for sales and ad targeting.',
    thirdPartyWebNote:
      "third-party-web lists company-target.com under IPONWEB (ad); it is Demandbase's IP-to-company API (api.company-target.com, called by tag.demandbase.com). Both block.",
  },
  {
    id: 'zoominfo',
    name: 'ZoomInfo',
    category: 'marketing',
    // js.zi-scripts.com (WebSights / FormComplete), ws.zoominfo.com.
    domains: ['zi-scripts.com', 'zoominfo.com'],
    defaultAction: 'block',
    reason: 'Identifies your company and you for sales prospecting.',
  },

  // ---- Advertising: blocked ----------------------------------------------------------------------------------
  {
    id: 'google-ads',
    name: 'Google Ads / DoubleClick',
    category: 'advertising',
    // Conversion and remarketing: googleads.g.doubleclick.net, stats.g.doubleclick.net, www.googleadservices.com,
    // pagead2.googlesyndication.com, googletagservices.com, adservice.google.com. Never google.com itself.
    domains: [
      'doubleclick.net',
      'googleadservices.com',
      'googlesyndication.com',
      'googletagservices.com',
      'adservice.google.com',
    ],
    defaultAction: 'block',
    reason: 'Ad conversion and remarketing pixels.',
  },
  {
    id: 'facebook-pixel',
    name: 'Meta (Facebook) Pixel',
    category: 'advertising',
    // connect.facebook.net/…/fbevents.js, beacons to www.facebook.com/tr. Not facebook.com as a whole: it also serves
    // Facebook sign-in (a platform domain, rules/catalog/platform-domains.ts).
    domains: ['facebook.net', 'www.facebook.com'],
    defaultAction: 'block',
    reason: 'Ad pixel: tells Meta which pages you visit.',
  },
  {
    id: 'linkedin-insight',
    name: 'LinkedIn Insight Tag',
    category: 'advertising',
    // snap.licdn.com/li.lms-analytics/insight.min.js, px.ads.linkedin.com. Not licdn.com or linkedin.com as a whole.
    domains: ['snap.licdn.com', 'ads.linkedin.com'],
    defaultAction: 'block',
    reason: 'Ad pixel: tells LinkedIn which pages you visit.',
  },
  {
    id: 'twitter-ads',
    name: 'X (Twitter) Ads Pixel',
    category: 'advertising',
    // static.ads-twitter.com/uwt.js, beacons to analytics.twitter.com and t.co/i/adsct.
    domains: ['ads-twitter.com', 'analytics.twitter.com', 't.co'],
    defaultAction: 'block',
    reason: 'Ad pixel: tells X which pages you visit.',
  },
  {
    id: 'bing-uet',
    name: 'Microsoft Advertising (Bing UET)',
    category: 'advertising',
    // bat.bing.com/bat.js and beacons; newer snippets use bat.bing.net. Not bing.com as a whole.
    domains: ['bat.bing.com', 'bat.bing.net'],
    defaultAction: 'block',
    reason: 'Ad pixel: tells Microsoft which pages you visit.',
  },
  {
    id: 'reddit-pixel',
    name: 'Reddit Pixel',
    category: 'advertising',
    // www.redditstatic.com/ads/pixel.js, alb.reddit.com, pixel-config.reddit.com.
    domains: ['redditstatic.com', 'reddit.com'],
    defaultAction: 'block',
    reason: 'Ad pixel: tells Reddit which pages you visit.',
  },
  {
    id: 'quora-pixel',
    name: 'Quora Pixel',
    category: 'advertising',
    // a.quora.com/qevents.js, q.quora.com beacons.
    domains: ['quora.com'],
    defaultAction: 'block',
    reason: 'Ad pixel: tells Quora which pages you visit.',
  },

  // ---- Tag managers: blocked ---------------------------------------------------------------------------------
  {
    id: 'google-tag-manager',
    name: 'Google Tag Manager',
    category: 'tag-manager',
    // www.googletagmanager.com/gtm.js and /gtag/js (the GA4 and Google Ads loader).
    domains: ['googletagmanager.com'],
    defaultAction: 'block',
    reason: 'Loads other tracking scripts chosen remotely by the marketing team.',
  },
  {
    id: 'tealium',
    name: 'Tealium',
    category: 'tag-manager',
    // tags.tiqcdn.com (iQ), collect.tealiumiq.com (EventStream).
    domains: ['tiqcdn.com', 'tealiumiq.com'],
    defaultAction: 'block',
    reason: 'Loads other tracking scripts chosen remotely by the marketing team.',
  },

  // ---- Consent banners: blocked ------------------------------------------------------------------------------
  {
    id: 'osano',
    name: 'Osano',
    category: 'consent',
    // cmp.osano.com, *.api.osano.com.
    domains: ['osano.com'],
    defaultAction: 'block',
    reason: 'Cookie-consent banner; the dashboard works without it.',
  },
  {
    id: 'onetrust',
    name: 'OneTrust',
    category: 'consent',
    // cdn.cookielaw.org, geolocation.onetrust.com, privacyportal-cdn.onetrust.com.
    domains: ['cookielaw.org', 'onetrust.com'],
    defaultAction: 'block',
    reason: 'Cookie-consent banner; the dashboard works without it.',
  },
  {
    id: 'cookiebot',
    name: 'Cookiebot',
    category: 'consent',
    // consent.cookiebot.com, consentcdn.cookiebot.com, EU consent.cookiebot.eu.
    domains: ['cookiebot.com', 'cookiebot.eu'],
    defaultAction: 'block',
    reason: 'Cookie-consent banner; the dashboard works without it.',
    thirdPartyWebNote:
      'third-party-web files cookiebot.com under "utility" (allowed); it is a consent platform, which we block like the others.',
  },
  {
    id: 'usercentrics',
    name: 'Usercentrics',
    category: 'consent',
    // app.usercentrics.eu, web.cmp.usercentrics.eu, consent-api.service.consent.usercentrics.eu.
    domains: ['usercentrics.eu'],
    defaultAction: 'block',
    reason: 'Cookie-consent banner; the dashboard works without it.',
  },

  // ---- A/B testing: blocked ----------------------------------------------------------------------------------
  {
    id: 'optimizely',
    name: 'Optimizely',
    category: 'ab-testing',
    // cdn.optimizely.com (snippet and datafiles), logx.optimizely.com (events).
    domains: ['optimizely.com'],
    defaultAction: 'block',
    reason: 'Experiment platform that rewrites the page and reports what you do.',
  },
  {
    id: 'vwo',
    name: 'VWO',
    category: 'ab-testing',
    // dev.visualwebsiteoptimizer.com, app.vwo.com.
    domains: ['visualwebsiteoptimizer.com', 'vwo.com'],
    defaultAction: 'block',
    reason: 'Experiment platform that rewrites the page and can record sessions.',
  },

  // ---- Monitoring: blocked (see the note at the top) ---------------------------------------------------------
  {
    id: 'sentry',
    name: 'Sentry',
    category: 'monitoring',
    // o<org>.ingest.sentry.io / ingest.us.sentry.io, browser.sentry-cdn.com / js.sentry-cdn.com. Self-hosted Sentry
    // instances live on the customer's own domain and are not covered.
    // getsentry.com is Sentry's older ingest domain, still in some apps' DSNs (Travis CI: app.getsentry.com).
    domains: ['sentry.io', 'sentry-cdn.com', 'getsentry.com'],
    defaultAction: 'block',
    reason:
      'Error monitoring: receives page URLs, errors and sometimes session replays; the dashboard works without it.',
    thirdPartyWebNote:
      'third-party-web files Sentry under "utility" (allowed); we block monitoring by default because it receives page URLs, errors and replays and the dashboard does not need it.',
  },
  {
    id: 'datadog-rum',
    name: 'Datadog RUM',
    category: 'monitoring',
    // Intake host is browser-intake-<site with dots as dashes>: US1, EU1, US3, US5, AP1, AP2, US1-FED; SDK CDN
    // www.datadoghq-browser-agent.com. datadoghq.com itself (the Datadog app) is deliberately not listed.
    domains: [
      'browser-intake-datadoghq.com',
      'browser-intake-datadoghq.eu',
      'browser-intake-us3-datadoghq.com',
      'browser-intake-us5-datadoghq.com',
      'browser-intake-ap1-datadoghq.com',
      'browser-intake-ap2-datadoghq.com',
      'browser-intake-ddog-gov.com',
      'datadoghq-browser-agent.com',
    ],
    defaultAction: 'block',
    reason:
      'Real-user monitoring: receives page URLs, clicks and sometimes session replays; the dashboard works without it.',
  },
  {
    id: 'new-relic',
    name: 'New Relic Browser',
    category: 'monitoring',
    // js-agent.newrelic.com (agent), bam.nr-data.net / bam.eu01.nr-data.net (ingest).
    domains: ['newrelic.com', 'nr-data.net'],
    defaultAction: 'block',
    reason: 'Browser monitoring: receives page URLs, timings and errors; the dashboard works without it.',
    thirdPartyWebNote:
      'third-party-web files New Relic under "utility" (allowed); we block monitoring by default because it receives page URLs and errors and the dashboard does not need it.',
  },
  {
    id: 'bugsnag',
    name: 'Bugsnag',
    category: 'monitoring',
    // notify.bugsnag.com, sessions.bugsnag.com; d2wy8f7a9ursnm.cloudfront.net is Bugsnag's script CDN.
    domains: ['bugsnag.com', 'd2wy8f7a9ursnm.cloudfront.net'],
    defaultAction: 'block',
    reason: 'Error monitoring: receives page URLs and errors; the dashboard works without it.',
    thirdPartyWebNote:
      'third-party-web files Bugsnag (and its CloudFront script host) under "utility" (allowed); we block monitoring by default because it receives page URLs and errors and the dashboard does not need it. The generic "Amazon CloudFront" entity does not own that Bugsnag-specific host.',
  },
  {
    id: 'rollbar',
    name: 'Rollbar',
    category: 'monitoring',
    // api.rollbar.com, cdn.rollbar.com; d37gvrvc0wt4s1.cloudfront.net is Rollbar's older script CDN.
    domains: ['rollbar.com', 'd37gvrvc0wt4s1.cloudfront.net'],
    defaultAction: 'block',
    reason: 'Error monitoring: receives page URLs and errors; the dashboard works without it.',
    thirdPartyWebNote:
      'third-party-web files Rollbar (and its CloudFront script host) under "utility" (allowed); we block monitoring by default because it receives page URLs and errors and the dashboard does not need it. The generic "Amazon CloudFront" entity does not own that Rollbar-specific host.',
  },

  // ---- Essential: allowed (a person or a policy can still block them) ------------------------------------------
  {
    id: 'okta',
    name: 'Okta',
    category: 'sign-in',
    // <company>.okta.com hosts a company's sign-in; ok*static.oktacdn.com serves the sign-in widget.
    domains: ['okta.com', 'oktacdn.com'],
    defaultAction: 'allow',
    reason: 'Many companies sign in to their CI through Okta; blocking it breaks single sign-on.',
    thirdPartyWebNote:
      'third-party-web files okta.com under "analytics"; it is an identity provider that single sign-on needs.',
  },
  {
    id: 'auth0',
    name: 'Auth0',
    category: 'sign-in',
    // <tenant>.auth0.com and cdn.auth0.com (the Lock widget and auth0.js).
    domains: ['auth0.com'],
    defaultAction: 'allow',
    reason: 'Sign-in provider of many apps; blocking it breaks signing in.',
  },
  {
    id: 'microsoft-entra',
    name: 'Microsoft Entra ID (sign-in)',
    category: 'sign-in',
    // From Microsoft's Azure DevOps allow-list: login.microsoftonline.com and the sign-in CDNs aadcdn.msauth.net,
    // aadcdn.msftauth.net, amcdn.msftauth.net; login.live.com for Microsoft accounts.
    domains: ['login.microsoftonline.com', 'login.live.com', 'msauth.net', 'msftauth.net'],
    defaultAction: 'allow',
    reason: 'Microsoft sign-in: Azure DevOps and every company on Microsoft Entra sign in through it.',
  },
  {
    id: 'google-sign-in',
    name: 'Google sign-in',
    category: 'sign-in',
    // accounts.google.com serves the Google Identity Services script (/gsi/client) and the sign-in pages.
    domains: ['accounts.google.com'],
    defaultAction: 'allow',
    reason: 'Sign in with Google; blocking it breaks signing in for Google Workspace companies.',
  },
  {
    id: 'recaptcha',
    name: 'Google reCAPTCHA',
    category: 'captcha',
    // www.recaptcha.net is reCAPTCHA's own domain. The www.google.com/recaptcha and www.gstatic.com/recaptcha paths share
    // hosts with the rest of Google, which no rule blocks on dashboards (the breakage guard checks it).
    domains: ['recaptcha.net'],
    defaultAction: 'allow',
    reason: 'Sign-up, sign-in and billing forms (GitLab, Travis CI) cannot be submitted without the challenge.',
  },
  {
    id: 'hcaptcha',
    name: 'hCaptcha',
    category: 'captcha',
    // js.hcaptcha.com, api.hcaptcha.com, newassets.hcaptcha.com.
    domains: ['hcaptcha.com'],
    defaultAction: 'allow',
    reason: 'A captcha some sign-up and sign-in forms require.',
  },
  {
    id: 'arkose-labs',
    name: 'Arkose Labs',
    category: 'captcha',
    // Per-customer API hosts: github-api.arkoselabs.com, gitlab-api.arkoselabs.com, client-api.arkoselabs.com.
    domains: ['arkoselabs.com'],
    defaultAction: 'allow',
    reason: 'The captcha GitHub and GitLab show at sign-up and sign-in.',
  },
  {
    id: 'cloudflare-turnstile',
    name: 'Cloudflare Turnstile',
    category: 'captcha',
    // Only the challenge host: cloudflare.com as a whole is Cloudflare's site and dashboard.
    domains: ['challenges.cloudflare.com'],
    defaultAction: 'allow',
    reason: 'A captcha some sign-up and sign-in forms require.',
  },
  {
    id: 'gravatar',
    name: 'Gravatar',
    category: 'avatars',
    // www.gravatar.com and secure.gravatar.com serve the avatar images.
    domains: ['gravatar.com'],
    defaultAction: 'allow',
    reason:
      "The default avatar source of GitLab, Travis CI, CircleCI, Buildkite and Semaphore; without it people's pictures are gone.",
    thirdPartyWebNote: 'third-party-web files Gravatar under "social"; dashboards use it for avatars only.',
  },
  {
    id: 'zuora',
    name: 'Zuora',
    category: 'payments',
    // GitLab frames Zuora's hosted payment page (https://*.zuora.com/apps/PublicHostedPageLite.do).
    domains: ['zuora.com'],
    defaultAction: 'allow',
    reason: "GitLab's billing pages take card payments in a Zuora frame.",
  },
  {
    id: 'statuspage',
    name: 'Statuspage',
    category: 'status',
    // <page>.statuspage.io/api/v2/status.json and the embed widget.
    domains: ['statuspage.io'],
    defaultAction: 'allow',
    reason: "Shows the CI service's own outage banner (Travis CI reads its status from Statuspage).",
  },

  // ---- First-party telemetry (rules/catalog/first-party-telemetry.ts) ---------------------------------------
  ...firstPartyTelemetryVendors,

  // ---- Trackers real dashboards load -----------------------------------------------------------------------------
  {
    id: 'appdynamics',
    name: 'AppDynamics Browser RUM',
    category: 'monitoring',
    // The agent from cdn.appdynamics.com (adrum), beacons to <region>-col.eum-appdynamics.com. Harness loads it.
    domains: ['cdn.appdynamics.com', 'eum-appdynamics.com'],
    defaultAction: 'block',
    reason: 'Real-user monitoring: receives page URLs, timings and errors; the dashboard works without it.',
    thirdPartyWebNote:
      'third-party-web files AppDynamics under "utility" (allowed); its browser agent is monitoring, which we block by default.',
  },
  {
    id: 'sumo-logic-rum',
    name: 'Sumo Logic RUM',
    category: 'monitoring',
    // rum.sumologic.com/sumologic-rum.js sends to rum-collectors.<deployment>.sumologic.com. Only these hosts:
    // sumologic.com also serves Sumo Logic's own app and API. Semaphore's CSP allows it.
    domains: [
      'rum.sumologic.com',
      'rum-collectors.us1.sumologic.com',
      'rum-collectors.us2.sumologic.com',
      'rum-collectors.au.sumologic.com',
    ],
    defaultAction: 'block',
    reason: 'Real-user monitoring: receives page URLs, timings and errors; the dashboard works without it.',
    thirdPartyWebNote:
      'third-party-web files Sumo Logic under "utility" (allowed); its RUM collector is monitoring, which we block by default.',
  },
  {
    id: 'refiner',
    name: 'Refiner',
    category: 'product-tour',
    // js.refiner.io/v001/client.js, api.refiner.io, storage.refiner.io. Harness loads it.
    domains: ['refiner.io'],
    defaultAction: 'block',
    reason: 'In-app surveys injected into the page; they report what you do.',
  },
  {
    id: 'saber-feedback',
    name: 'Saber Feedback',
    category: 'product-tour',
    // widget.saberfeedback.com/v2/widget.js. Harness loads it.
    domains: ['saberfeedback.com'],
    defaultAction: 'block',
    reason: 'Feedback widget that captures the page (screenshots included) and sends it out.',
  },
  {
    id: 'pylon',
    name: 'Pylon',
    category: 'support-widget',
    // widget.usepylon.com and *.usepylon.com; its chat avatars come from its own S3 bucket. Semaphore loads it.
    domains: ['usepylon.com', 'pylon-avatars.s3.us-west-1.amazonaws.com'],
    defaultAction: 'block',
    reason: 'Support chat widget that runs in the page and reports your visit.',
    thirdPartyWebNote:
      'third-party-web files every amazonaws.com host under "Amazon Web Services"; this bucket is Pylon\'s own.',
  },
  {
    id: 'userlike',
    name: 'Userlike',
    category: 'support-widget',
    // The widget script comes from Userlike's own S3 bucket; the chat API from userlike.com. Travis CI enables it.
    domains: ['userlike.com', 'userlike-cdn-widgets.s3-eu-west-1.amazonaws.com'],
    defaultAction: 'block',
    reason: 'Chat widget that runs in the page and tracks your visit.',
    thirdPartyWebNote:
      'third-party-web files every amazonaws.com host under "Amazon Web Services"; this bucket is Userlike\'s own.',
  },
  {
    id: 'elevio',
    name: 'Elevio',
    category: 'support-widget',
    // static.elev.io/js/v3.js, api.elev.io. CircleCI's frontend loaded it.
    domains: ['elev.io'],
    defaultAction: 'block',
    reason: 'Help widget injected into the page; it reports the pages you open.',
  },
  {
    id: 'help-scout',
    name: 'Help Scout Beacon',
    category: 'support-widget',
    // beacon-v2.helpscout.net, beaconapi. and chatapi.helpscout.net, and Help Scout's own CloudFront hosts for the
    // Beacon's data (d3hb14vkzrxvla) and assets (djtflbt20bdde). Semaphore loads it.
    domains: ['helpscout.net', 'd3hb14vkzrxvla.cloudfront.net', 'djtflbt20bdde.cloudfront.net'],
    defaultAction: 'block',
    reason: 'Help and chat widget that runs in the page and reports the pages you open.',
  },
  {
    id: 'ethyca',
    name: 'Ethyca (Fides consent)',
    category: 'consent',
    // cdn.ethyca.com and <company>.fides-cdn.ethyca.com serve the consent banner (vercel.com loads it). Not ethyca.com
    // as a whole, which is the company's site.
    domains: ['cdn.ethyca.com', 'fides-cdn.ethyca.com'],
    defaultAction: 'block',
    reason: 'Cookie-consent banner; the dashboard works without it.',
  },
];
