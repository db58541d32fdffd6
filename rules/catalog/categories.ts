/**
 * The categories a vendor can belong to. `defaultAction` applies to vendors that come from third-party-web;
 * curated vendors set their own default.
 */
import type { CategoryEntry } from '../../src/shared/catalog-types';

export const categories: readonly CategoryEntry[] = [
  { id: 'analytics', label: 'Analytics', defaultAction: 'block', description: 'Product and web analytics: records what you click and view.' },
  { id: 'advertising', label: 'Advertising', defaultAction: 'block', description: 'Ad networks and conversion pixels.' },
  { id: 'marketing', label: 'Marketing', defaultAction: 'block', description: 'Marketing automation, lead enrichment and email tracking.' },
  { id: 'session-replay', label: 'Session replay', defaultAction: 'block', description: 'Records the page as you use it, secrets on screen included.' },
  { id: 'product-tour', label: 'Product tours', defaultAction: 'block', description: 'In-app onboarding and surveys, injected into the page.' },
  { id: 'support-widget', label: 'Support widgets', defaultAction: 'block', description: 'Chat and help-desk widgets that run inside the page.' },
  { id: 'social', label: 'Social', defaultAction: 'block', description: 'Social network widgets and pixels.' },
  { id: 'tag-manager', label: 'Tag managers', defaultAction: 'block', description: 'Load other third-party scripts chosen remotely.' },
  { id: 'consent', label: 'Consent banners', defaultAction: 'block', description: 'Cookie-consent platforms; a dashboard works without them.' },
  { id: 'ab-testing', label: 'A/B testing', defaultAction: 'block', description: 'Experiment platforms that rewrite the page.' },
  { id: 'monitoring', label: 'Monitoring', defaultAction: 'block', description: 'Error and performance monitoring; receives page URLs and errors.' },
  { id: 'realtime', label: 'Realtime', defaultAction: 'allow', description: 'Live updates such as the streamed build log.' },
  { id: 'feature-flags', label: 'Feature flags', defaultAction: 'allow', description: 'Decide which features the dashboard shows.' },
  { id: 'payments', label: 'Payments', defaultAction: 'allow', description: 'Billing pages need the payment provider.' },
];
