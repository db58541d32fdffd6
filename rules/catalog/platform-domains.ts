/**
 * Registrable domains that also serve sign-in, APIs, CDNs or products of a large company. third-party-web files some of
 * them whole under an advertising or analytics entity ("Bing Ads" lists all of microsoft.com, "Auto Link Maker" all of
 * apple.com, "Okta" all of okta.com); blocking such a domain on a dashboard breaks sign-in and APIs the dashboard needs
 * (Azure DevOps calls graph.microsoft.com). So the build never blocks one of them whole: it keeps only the tracking
 * hosts an entity names under it, and a curated vendor naming narrower hosts of the company (bat.bing.com) wins.
 * `productHosts` are hosts under the domain that serve the product itself, never tracking, even when an entity lists
 * them. A unit test lists every registrable domain the merged catalog blocks whole and fails on any of these.
 */
import type { PlatformDomain } from '../../src/catalog/catalog-types';

export const platformDomains: readonly PlatformDomain[] = [
  {
    domain: 'microsoft.com',
    company: 'Microsoft',
    serves: 'Microsoft Graph, go links, sign-in pages and downloads (Azure DevOps needs graph.microsoft.com)',
  },
  { domain: 'bing.com', company: 'Microsoft', serves: 'Bing search and APIs' },
  { domain: 'msn.com', company: 'Microsoft', serves: 'MSN content and Microsoft account pages' },
  { domain: 'msecnd.net', company: 'Microsoft', serves: 'Azure CDN endpoints of many Microsoft services' },
  { domain: 's-msft.com', company: 'Microsoft', serves: "Microsoft web properties' static assets" },
  {
    domain: 'apple.com',
    company: 'Apple',
    serves: 'Sign in with Apple (appleid.apple.com), developer and product pages',
  },
  { domain: 'yahoo.com', company: 'Yahoo', serves: 'Yahoo sign-in, mail and APIs' },
  { domain: 'yahooapis.com', company: 'Yahoo', serves: 'Yahoo APIs' },
  { domain: 'yimg.com', company: 'Yahoo', serves: 'Yahoo image and script CDN' },
  {
    domain: 'google.com',
    company: 'Google',
    serves: 'Google sign-in (accounts.google.com), reCAPTCHA (www.google.com/recaptcha), APIs',
  },
  {
    domain: 'googleapis.com',
    company: 'Google',
    serves: 'Google APIs, Cloud Storage artifacts (storage.googleapis.com), fonts',
  },
  { domain: 'gstatic.com', company: 'Google', serves: 'reCAPTCHA and sign-in assets, fonts' },
  {
    domain: 'linkedin.com',
    company: 'LinkedIn',
    serves: 'LinkedIn sign-in and profiles',
    productHosts: ['www.linkedin.com'],
  },
  {
    domain: 'licdn.com',
    company: 'LinkedIn',
    serves: "LinkedIn's static asset CDN (static.licdn.com, media.licdn.com)",
  },
  { domain: 'amazonaws.com', company: 'Amazon', serves: 'AWS APIs and S3 buckets that hold CI artifacts and uploads' },
  { domain: 'amazon.com', company: 'Amazon', serves: 'Login with Amazon and AWS console sign-in' },
  { domain: 'cloudfront.net', company: 'Amazon', serves: 'the CDN of thousands of unrelated companies' },
  { domain: 'okta.com', company: 'Okta', serves: "companies' single sign-on (<company>.okta.com)" },
  { domain: 'oktacdn.com', company: 'Okta', serves: "Okta's sign-in widget assets" },
  { domain: 'auth0.com', company: 'Okta (Auth0)', serves: "companies' sign-in tenants (<tenant>.auth0.com)" },
  { domain: 'facebook.com', company: 'Meta', serves: 'Facebook sign-in' },
  { domain: 'twitter.com', company: 'X', serves: 'X sign-in and embeds' },
  { domain: 'github.com', company: 'GitHub', serves: 'GitHub sign-in, APIs and the GitHub dashboard itself' },
  { domain: 'githubusercontent.com', company: 'GitHub', serves: 'avatars, raw files and Actions logs' },
  { domain: 'atlassian.com', company: 'Atlassian', serves: 'Atlassian sign-in (id.atlassian.com) and APIs' },
  {
    domain: 'cloudflare.com',
    company: 'Cloudflare',
    serves: 'Turnstile captcha (challenges.cloudflare.com) and cdnjs',
  },
  { domain: 'windows.net', company: 'Microsoft', serves: 'Azure Blob Storage that holds CI logs and artifacts' },
  { domain: 'gravatar.com', company: 'Automattic', serves: 'the default avatars of many dashboards' },
];
