/**
 * What each supported dashboard's real logged-in app loads, from public evidence: the service's published
 * Content-Security-Policy, its firewall or proxy allow-list documentation, or its open-source frontend. `needs` are the
 * hosts the app cannot work without (sign-in, captcha, avatars, billing, status, logs and artifacts, realtime, assets);
 * `trackers` are third parties the same evidence shows it loading that Dashguard blocks by default.
 *
 * The build's breakage guard (scripts/catalog/breakage-guard.ts) fails when any blocking rule, static or dynamic, with
 * default settings or with every non-essential category set to "block all", would block a needed host on its dashboard.
 * The e2e test loads one fixture page per dashboard that requests every host listed here the way the real app does.
 *
 * To add an entry: an exact host (a `*` label in the evidence becomes one real example, e.g. `productionresultssa0`),
 * how the app requests it, and where the evidence is (repository and path, issue, or documentation URL) with its date.
 * Mark evidence older than the current app `old: true`. Never list a host no source names.
 */
import type { DashboardProfile, EvidenceSource } from '../../src/catalog/catalog-types';

const GITHUB_CSP: EvidenceSource = {
  where: 'curl/curl#13094 (github.com response headers: content-security-policy)',
  seen: '2024-03',
};
const GITHUB_FRAMES: EvidenceSource = {
  where: 'curl/curl#13094 (github.com content-security-policy, frame-src: Arkose captcha)',
  seen: '2024-03',
};

const GITLAB_DIRECTIVES: EvidenceSource = {
  where: 'gitlabhq/gitlabhq:lib/gitlab/content_security_policy/directives.rb',
  seen: '2026',
};
const GITLAB_CSP_LOADER: EvidenceSource = {
  where: 'gitlabhq/gitlabhq:lib/gitlab/content_security_policy/config_loader.rb (allow_zuora)',
  seen: '2026',
};
const GITLAB_GRAVATAR: EvidenceSource = {
  where: 'gitlabhq/gitlabhq:config/initializers/1_settings.rb (gravatar ssl_url default)',
  seen: '2026',
};
const RECAPTCHA_FAQ: EvidenceSource = {
  where:
    "developers.google.com/recaptcha/docs/faq (Content-Security-Policy: scripts from www.gstatic.com/recaptcha/, which GitLab's strict-dynamic policy lets reCAPTCHA load)",
  seen: '2025',
};
const GITLAB_ARKOSE: EvidenceSource = {
  where: 'gitlabhq/gitlabhq: sessions controller spec, arkose_labs_domain "gitlab-api.arkoselabs.com"',
  seen: '2026',
};

const TRAVIS_CSP: EvidenceSource = {
  where: 'travis-ci/travis-web:waiter/lib/travis/web/app.rb (Content-Security-Policy)',
  seen: '2026-02',
};
const TRAVIS_ENV: EvidenceSource = { where: 'travis-ci/travis-web:config/environment.js', seen: '2026-02' };
const TRAVIS_USER: EvidenceSource = { where: 'travis-ci/travis-web:app/models/user.js (gravatarUrl)', seen: '2026-02' };
const TRAVIS_INDEX: EvidenceSource = { where: 'travis-ci/travis-web:app/index.html', seen: '2026-02' };

const SEMAPHORE_CSP: EvidenceSource = {
  where: 'semaphoreio/semaphore:front/lib/front_web/plugs/content_security_policy.ex',
  seen: '2026-08',
};

const AZURE_ALLOW_LIST: EvidenceSource = {
  where: 'MicrosoftDocs/azure-devops-docs:docs/organizations/security/allow-list-ip-url.md',
  seen: '2024-01',
};

const BITRISE_SEGMENT: EvidenceSource = {
  where: 'bitrise-io/bitrise-workflow-editor:source/javascripts/core/analytics/SegmentBaseTracking.ts',
  seen: '2026',
};

const VERCEL_RUDDERSTACK: EvidenceSource = {
  where: 'easylist/easylist#22913 (cdp.vercel.com on vercel.com)',
  seen: '2026-01',
};
const VERCEL_CSP: EvidenceSource = {
  where: 'vercel.com login page Content-Security-Policy (captures: *.vercel.sh, Stripe, Pusher, Ethyca)',
  seen: '2026',
};
const VERCEL_LIVE: EvidenceSource = {
  where: "Vercel Toolbar CSP requirements (vercel.live, wss://ws-us3.pusher.com), quoted in deployed apps' CSPs",
  seen: '2025',
};

const NETLIFY_CSP: EvidenceSource = {
  where: 'dolbyio-samples/rts-app-react-publisher-viewer#19 (app.netlify.com report-only CSP)',
  seen: '2022',
  old: true,
};

const HARNESS_CSP: EvidenceSource = {
  where: 'harness-core-ui mirror: nginx entrypoint Content-Security-Policy-Report-Only (HARNESS_ENABLE_CSP_HEADERS)',
  seen: '2023',
  old: true,
};

const BUILDKITE_APP: EvidenceSource = {
  where: 'buildkite/frontend:app/app.js (Pusher store, Bugsnag)',
  seen: '2019-03',
  old: true,
};
const BUILDKITE_FOOTER: EvidenceSource = {
  where: 'buildkite/frontend:app/components/layout/Footer/index.js (buildkitestatus.com)',
  seen: '2019-03',
  old: true,
};

const CIRCLECI_FRONTEND: EvidenceSource = {
  where: 'circleci/frontend:src-cljs (gh-utils avatars, Pusher, Stripe checkout, Elevio, Rollbar)',
  seen: '2017-07',
  old: true,
};

const BITBUCKET_TOKENS: EvidenceSource = {
  where:
    'Atlassian developer docs: Bitbucket API tokens are managed on id.atlassian.com (app passwords retired June 2026)',
  seen: '2026',
};

export const dashboardProfiles: readonly DashboardProfile[] = [
  {
    dashboardId: 'github',
    needs: [
      {
        host: 'productionresultssa0.blob.core.windows.net',
        purpose: 'logs-artifacts',
        loadedAs: 'fetch',
        source: GITHUB_CSP,
      },
      {
        host: 'pipelines.actions.githubusercontent.com',
        purpose: 'logs-artifacts',
        loadedAs: 'fetch',
        source: GITHUB_CSP,
      },
      {
        host: 'github-production-upload-manifest-file-7fdce7.s3.amazonaws.com',
        purpose: 'logs-artifacts',
        loadedAs: 'fetch',
        source: GITHUB_CSP,
      },
      {
        host: 'github-production-user-asset-6210df.s3.amazonaws.com',
        purpose: 'assets',
        loadedAs: 'fetch',
        source: GITHUB_CSP,
      },
      { host: 'avatars.githubusercontent.com', purpose: 'avatars', loadedAs: 'image', source: GITHUB_CSP },
      { host: 'github.githubassets.com', purpose: 'assets', loadedAs: 'script', source: GITHUB_CSP },
      { host: 'api.github.com', purpose: 'app', loadedAs: 'fetch', source: GITHUB_CSP },
      { host: 'www.githubstatus.com', purpose: 'status', loadedAs: 'fetch', source: GITHUB_CSP },
      { host: 'github-api.arkoselabs.com', purpose: 'captcha', loadedAs: 'frame', source: GITHUB_FRAMES },
      { host: 'octocaptcha.com', purpose: 'captcha', loadedAs: 'frame', source: GITHUB_FRAMES },
    ],
    trackers: [],
  },
  {
    dashboardId: 'gitlab',
    needs: [
      { host: 'www.google.com', purpose: 'captcha', loadedAs: 'frame', source: GITLAB_DIRECTIVES },
      { host: 'www.recaptcha.net', purpose: 'captcha', loadedAs: 'script', source: GITLAB_DIRECTIVES },
      { host: 'www.gstatic.com', purpose: 'captcha', loadedAs: 'script', source: RECAPTCHA_FAQ },
      { host: 'apis.google.com', purpose: 'sign-in', loadedAs: 'script', source: GITLAB_DIRECTIVES },
      { host: 'gitlab-api.arkoselabs.com', purpose: 'captcha', loadedAs: 'script', source: GITLAB_ARKOSE },
      { host: 'www.zuora.com', purpose: 'billing', loadedAs: 'frame', source: GITLAB_CSP_LOADER },
      { host: 'secure.gravatar.com', purpose: 'avatars', loadedAs: 'image', source: GITLAB_GRAVATAR },
    ],
    trackers: [],
  },
  {
    dashboardId: 'travis-ci',
    needs: [
      { host: 'ws.pusherapp.com', purpose: 'realtime', loadedAs: 'fetch', source: TRAVIS_ENV },
      { host: 'js.stripe.com', purpose: 'billing', loadedAs: 'script', source: TRAVIS_CSP },
      { host: 'm.stripe.network', purpose: 'billing', loadedAs: 'frame', source: TRAVIS_CSP },
      { host: 'www.google.com', purpose: 'captcha', loadedAs: 'script', source: TRAVIS_CSP },
      { host: 'www.gravatar.com', purpose: 'avatars', loadedAs: 'image', source: TRAVIS_USER },
      { host: 'pnpcptp8xh9k.statuspage.io', purpose: 'status', loadedAs: 'fetch', source: TRAVIS_ENV },
      { host: 'fonts.googleapis.com', purpose: 'assets', loadedAs: 'stylesheet', source: TRAVIS_INDEX },
    ],
    trackers: [
      { host: 'www.googletagmanager.com', loadedAs: 'script', source: TRAVIS_CSP },
      { host: 'www.google-analytics.com', loadedAs: 'script', source: TRAVIS_CSP },
      { host: 'connect.facebook.net', loadedAs: 'script', source: TRAVIS_CSP },
      { host: 'bat.bing.com', loadedAs: 'script', source: TRAVIS_CSP },
      { host: 'pi.pardot.com', loadedAs: 'script', source: TRAVIS_CSP },
      { host: 'app.getsentry.com', loadedAs: 'fetch', source: TRAVIS_ENV },
    ],
  },
  {
    dashboardId: 'semaphore',
    needs: [
      { host: 'ws-mt1.pusher.com', purpose: 'realtime', loadedAs: 'fetch', source: SEMAPHORE_CSP },
      { host: 'storage.googleapis.com', purpose: 'logs-artifacts', loadedAs: 'fetch', source: SEMAPHORE_CSP },
      { host: 'www.gravatar.com', purpose: 'avatars', loadedAs: 'image', source: SEMAPHORE_CSP },
      { host: 'avatars.githubusercontent.com', purpose: 'avatars', loadedAs: 'image', source: SEMAPHORE_CSP },
      { host: 'ui-avatars.com', purpose: 'avatars', loadedAs: 'image', source: SEMAPHORE_CSP },
      { host: 'bitbucket-assetroot.s3.amazonaws.com', purpose: 'avatars', loadedAs: 'image', source: SEMAPHORE_CSP },
      { host: 'fonts.googleapis.com', purpose: 'assets', loadedAs: 'stylesheet', source: SEMAPHORE_CSP },
      { host: 'fonts.gstatic.com', purpose: 'assets', loadedAs: 'fetch', source: SEMAPHORE_CSP },
      { host: 'cdn.jsdelivr.net', purpose: 'assets', loadedAs: 'stylesheet', source: SEMAPHORE_CSP },
      { host: 'cdnjs.cloudflare.com', purpose: 'assets', loadedAs: 'stylesheet', source: SEMAPHORE_CSP },
    ],
    trackers: [
      { host: 'us.i.posthog.com', loadedAs: 'fetch', source: SEMAPHORE_CSP },
      { host: 'static.zdassets.com', loadedAs: 'script', source: SEMAPHORE_CSP },
      { host: 'api.smooch.io', loadedAs: 'fetch', source: SEMAPHORE_CSP },
      { host: 'beacon-v2.helpscout.net', loadedAs: 'script', source: SEMAPHORE_CSP },
      { host: 'd3hb14vkzrxvla.cloudfront.net', loadedAs: 'fetch', source: SEMAPHORE_CSP },
      { host: 'widget.usepylon.com', loadedAs: 'script', source: SEMAPHORE_CSP },
      { host: 'rum-collectors.us2.sumologic.com', loadedAs: 'fetch', source: SEMAPHORE_CSP },
      { host: 'www.googletagmanager.com', loadedAs: 'script', source: SEMAPHORE_CSP },
      { host: 'www.google-analytics.com', loadedAs: 'fetch', source: SEMAPHORE_CSP },
    ],
  },
  {
    dashboardId: 'azure-devops',
    needs: [
      { host: 'graph.microsoft.com', purpose: 'app', loadedAs: 'fetch', source: AZURE_ALLOW_LIST },
      { host: 'go.microsoft.com', purpose: 'app', loadedAs: 'fetch', source: AZURE_ALLOW_LIST },
      { host: 'login.microsoftonline.com', purpose: 'sign-in', loadedAs: 'frame', source: AZURE_ALLOW_LIST },
      { host: 'aadcdn.msauth.net', purpose: 'sign-in', loadedAs: 'script', source: AZURE_ALLOW_LIST },
      { host: 'aadcdn.msftauth.net', purpose: 'sign-in', loadedAs: 'script', source: AZURE_ALLOW_LIST },
      { host: 'amcdn.msftauth.net', purpose: 'sign-in', loadedAs: 'script', source: AZURE_ALLOW_LIST },
      { host: 'cdn.vsassets.io', purpose: 'assets', loadedAs: 'script', source: AZURE_ALLOW_LIST },
      { host: 'app.vssps.visualstudio.com', purpose: 'sign-in', loadedAs: 'fetch', source: AZURE_ALLOW_LIST },
      { host: 'static2.sharepointonline.com', purpose: 'assets', loadedAs: 'stylesheet', source: AZURE_ALLOW_LIST },
      { host: 'management.azure.com', purpose: 'app', loadedAs: 'fetch', source: AZURE_ALLOW_LIST },
    ],
    trackers: [],
  },
  {
    dashboardId: 'bitrise',
    needs: [{ host: 'api.bitrise.io', purpose: 'app', loadedAs: 'fetch', source: BITRISE_SEGMENT }],
    trackers: [
      { host: 'pa-events-cdn.bitrise.io', loadedAs: 'script', source: BITRISE_SEGMENT },
      { host: 'pa-events-api.bitrise.io', loadedAs: 'fetch', source: BITRISE_SEGMENT },
    ],
  },
  {
    dashboardId: 'vercel',
    needs: [
      { host: 'avatar.vercel.sh', purpose: 'avatars', loadedAs: 'image', source: VERCEL_CSP },
      { host: 'js.stripe.com', purpose: 'billing', loadedAs: 'script', source: VERCEL_CSP },
      { host: 'ws-us3.pusher.com', purpose: 'realtime', loadedAs: 'fetch', source: VERCEL_LIVE },
    ],
    trackers: [
      { host: 'cdp.vercel.com', loadedAs: 'fetch', source: VERCEL_RUDDERSTACK },
      { host: 'cdn.ethyca.com', loadedAs: 'script', source: VERCEL_CSP },
    ],
  },
  {
    dashboardId: 'netlify',
    needs: [
      { host: 'clientsdk.launchdarkly.com', purpose: 'feature-flags', loadedAs: 'fetch', source: NETLIFY_CSP },
      { host: 'api.netlify.com', purpose: 'app', loadedAs: 'fetch', source: NETLIFY_CSP },
    ],
    trackers: [
      { host: 'cdn.segment.com', loadedAs: 'script', source: NETLIFY_CSP },
      { host: 'sessions.bugsnag.com', loadedAs: 'fetch', source: NETLIFY_CSP },
    ],
  },
  {
    dashboardId: 'harness',
    needs: [
      { host: 'static.harness.io', purpose: 'assets', loadedAs: 'script', source: HARNESS_CSP },
      { host: 'fonts.googleapis.com', purpose: 'assets', loadedAs: 'stylesheet', source: HARNESS_CSP },
      { host: 'fonts.gstatic.com', purpose: 'assets', loadedAs: 'fetch', source: HARNESS_CSP },
    ],
    trackers: [
      { host: 'cdn.segment.com', loadedAs: 'script', source: HARNESS_CSP },
      { host: 'js.refiner.io', loadedAs: 'script', source: HARNESS_CSP },
      { host: 'widget.intercom.io', loadedAs: 'script', source: HARNESS_CSP },
      { host: 'd2wy8f7a9ursnm.cloudfront.net', loadedAs: 'script', source: HARNESS_CSP },
      { host: 'cdn.appdynamics.com', loadedAs: 'script', source: HARNESS_CSP },
    ],
  },
  {
    dashboardId: 'buildkite',
    needs: [
      { host: 'ws.pusherapp.com', purpose: 'realtime', loadedAs: 'fetch', source: BUILDKITE_APP },
      { host: 'www.gravatar.com', purpose: 'avatars', loadedAs: 'image', source: BUILDKITE_APP },
      { host: 'buildkitestatus.com', purpose: 'status', loadedAs: 'fetch', source: BUILDKITE_FOOTER },
    ],
    trackers: [{ host: 'notify.bugsnag.com', loadedAs: 'fetch', source: BUILDKITE_APP }],
  },
  {
    dashboardId: 'circleci',
    needs: [
      { host: 'avatars.githubusercontent.com', purpose: 'avatars', loadedAs: 'image', source: CIRCLECI_FRONTEND },
      { host: 'secure.gravatar.com', purpose: 'avatars', loadedAs: 'image', source: CIRCLECI_FRONTEND },
      { host: 'checkout.stripe.com', purpose: 'billing', loadedAs: 'script', source: CIRCLECI_FRONTEND },
      { host: 'ws-mt1.pusher.com', purpose: 'realtime', loadedAs: 'fetch', source: CIRCLECI_FRONTEND },
      {
        host: 'circle-production-action-output.s3.amazonaws.com',
        purpose: 'logs-artifacts',
        loadedAs: 'fetch',
        source: CIRCLECI_FRONTEND,
      },
    ],
    trackers: [
      { host: 'static.elev.io', loadedAs: 'script', source: CIRCLECI_FRONTEND },
      { host: 'api.rollbar.com', loadedAs: 'fetch', source: CIRCLECI_FRONTEND },
    ],
  },
  {
    dashboardId: 'bitbucket',
    needs: [{ host: 'id.atlassian.com', purpose: 'sign-in', loadedAs: 'fetch', source: BITBUCKET_TOKENS }],
    trackers: [],
  },
];
