/**
 * The categories a vendor can belong to. `defaultAction` applies to vendors that come from third-party-web;
 * curated vendors set their own default. A category with `essentialBecause` is one dashboards need: allowed by default,
 * and the build's breakage guard checks that blocking every other category still leaves the hosts that dashboard
 * profiles need alone.
 */
import type { CategoryEntry } from '../../src/catalog/catalog-types';

export const categories: readonly CategoryEntry[] = [
  {
    id: 'analytics',
    label: 'Analytics',
    defaultAction: 'block',
    description: 'Product and web analytics: records what you click and view.',
  },
  {
    id: 'advertising',
    label: 'Advertising',
    defaultAction: 'block',
    description: 'Ad networks and conversion pixels.',
  },
  {
    id: 'marketing',
    label: 'Marketing',
    defaultAction: 'block',
    description: 'Marketing automation, lead enrichment and email tracking.',
  },
  {
    id: 'session-replay',
    label: 'Session replay',
    defaultAction: 'block',
    description: 'Records the page as you use it, secrets on screen included.',
  },
  {
    id: 'product-tour',
    label: 'Product tours',
    defaultAction: 'block',
    description: 'In-app onboarding and surveys, injected into the page.',
  },
  {
    id: 'support-widget',
    label: 'Support widgets',
    defaultAction: 'block',
    description: 'Chat and help-desk widgets that run inside the page.',
  },
  { id: 'social', label: 'Social', defaultAction: 'block', description: 'Social network widgets and pixels.' },
  {
    id: 'tag-manager',
    label: 'Tag managers',
    defaultAction: 'block',
    description: 'Load other third-party scripts chosen remotely.',
  },
  {
    id: 'consent',
    label: 'Consent banners',
    defaultAction: 'block',
    description: 'Cookie-consent platforms; a dashboard works without them.',
  },
  {
    id: 'ab-testing',
    label: 'A/B testing',
    defaultAction: 'block',
    description: 'Experiment platforms that rewrite the page.',
  },
  {
    id: 'monitoring',
    label: 'Monitoring',
    defaultAction: 'block',
    description: 'Error and performance monitoring; receives page URLs and errors.',
  },
  {
    id: 'first-party-telemetry',
    label: 'First-party telemetry',
    defaultAction: 'allow',
    description:
      "Analytics a dashboard sends to hosts of its own domains. A third-party SDK proxied there is blocked by default, the service's own telemetry allowed; either is blocked without touching the rest of its own domains.",
  },
  {
    id: 'realtime',
    label: 'Realtime',
    defaultAction: 'allow',
    description: 'Live updates such as the streamed build log.',
    essentialBecause: 'The build log and job status stream through it.',
  },
  {
    id: 'feature-flags',
    label: 'Feature flags',
    defaultAction: 'allow',
    description: 'Decide which features the dashboard shows.',
    essentialBecause: 'Without the flags, parts of the dashboard are hidden or broken.',
  },
  {
    id: 'payments',
    label: 'Billing',
    defaultAction: 'allow',
    description: 'Payment and subscription providers of the billing pages.',
    essentialBecause: 'Billing and plan pages take and update payments through them.',
  },
  {
    id: 'sign-in',
    label: 'Sign-in and SSO',
    defaultAction: 'allow',
    description: 'Identity providers a company signs in with (Okta, Auth0, Microsoft Entra, Google).',
    essentialBecause: 'Signing in, and single sign-on for a company, go through them.',
  },
  {
    id: 'captcha',
    label: 'Captcha',
    defaultAction: 'allow',
    description: 'Challenges that sign-up, sign-in and billing pages show (reCAPTCHA, hCaptcha, Arkose, Turnstile).',
    essentialBecause: 'Sign-up, sign-in and payment forms cannot be submitted without the challenge.',
  },
  {
    id: 'avatars',
    label: 'Avatars',
    defaultAction: 'allow',
    description: 'Profile pictures (Gravatar).',
    essentialBecause: 'It is the default avatar source of GitLab, Travis CI, CircleCI, Buildkite and Semaphore.',
  },
  {
    id: 'status',
    label: 'Status widgets',
    defaultAction: 'allow',
    description: "The service's own status banner (Statuspage).",
    essentialBecause: 'Tells you when the CI service itself is down.',
  },
];
