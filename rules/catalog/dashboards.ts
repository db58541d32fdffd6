/**
 * The CI dashboards Dashguard protects. Rules only apply to pages on these hosts.
 *
 * To add a dashboard: give it a kebab-case `id`, list the hosts of the logged-in app in `hosts` (each covers its
 * subdomains; `www.` is always excluded as marketing), put any other marketing, docs, blog or status subdomain of those
 * hosts in `excludedHosts`, and list in `ownDomains` the service's own asset CDN, API, artifact and avatar hosts so they
 * count as first party there (never a domain shared with unrelated parties; a specific vendor bucket such as
 * `<name>.s3.amazonaws.com` is fine). `sensitivePages` are declarativeNetRequest `urlFilter`s (`||` anchors a domain and
 * its subdomains, `*` matches anything) for pages that create tokens or show secrets; strict mode uses them. URL
 * fragments (`#...`) never reach the filter, so match the path of the page that holds the tab.
 *
 * Marketing that shares a host with the app (github.com/features, buildkite.com/, vercel.com/) cannot be told apart
 * by host; over-blocking trackers there is harmless, so those hosts stay covered.
 *
 * `userContentDomains` names the own domains that serve what users upload or build (artifacts, raw files,
 * attachments): strict mode never takes code from them. `strictMode` says which code the sensitive pages need beyond
 * scripts from the dashboard's own hosts (inline, eval, blob:), each with its reason and source; `{}` for none.
 */
import type { DashboardEntry, StrictModeAllowances } from '../../src/catalog/catalog-types';

/**
 * Strict mode on a dashboard whose pages' code no public source shows (closed-source app, no published policy): inline
 * code and eval are left to the site's own policy rather than guessed, so a token page does not break. Scripts and
 * connections are still held to the dashboard's own hosts.
 */
const NO_PUBLISHED_POLICY: StrictModeAllowances = {
  inlineScripts:
    "No published Content-Security-Policy or open-source frontend shows whether its pages run inline code; the site's own policy decides.",
  evalScripts:
    "No published Content-Security-Policy or open-source frontend shows whether its pages evaluate code; the site's own policy decides.",
};

export const dashboards: readonly DashboardEntry[] = [
  {
    id: 'circleci',
    name: 'CircleCI',
    // circleci.com itself is the marketing site; the app is only app.circleci.com.
    hosts: ['app.circleci.com'],
    // The app calls the API on circleci.com/api/v2 (and bff.circleci.com), artifacts are served from
    // *.circle-artifacts.com and step logs from CircleCI's own S3 bucket.
    ownDomains: ['circleci.com', 'circle-artifacts.com', 'circle-production-action-output.s3.amazonaws.com'],
    sensitivePages: [
      '||app.circleci.com/settings/user/tokens',
      '||app.circleci.com/settings/project/*/api',
      '||app.circleci.com/settings/project/*/environment-variables',
      '||app.circleci.com/settings/project/*/ssh',
      '||app.circleci.com/settings/organization/*/contexts',
      // Self-hosted runner inventory, where resource classes and their runner tokens are created
      // (app.circleci.com/runners/<vcs>/<org>/inventory).
      '||app.circleci.com/runners/',
    ],
    // Build artifacts and step output are whatever a build wrote.
    userContentDomains: ['circle-artifacts.com', 'circle-production-action-output.s3.amazonaws.com'],
    strictMode: NO_PUBLISHED_POLICY,
  },
  {
    id: 'github',
    name: 'GitHub',
    hosts: ['github.com'],
    excludedHosts: [
      'docs.github.com',
      'resources.github.com',
      'skills.github.com',
      'partner.github.com',
      'pages.github.com',
      'desktop.github.com',
      'cli.github.com',
      'education.github.com',
      'services.github.com',
      'securitylab.github.com',
      'support.github.com',
      'stars.github.com',
      'socialimpact.github.com',
      'archiveprogram.github.com',
      'accessibility.github.com',
      'innovationgraph.github.com',
    ],
    // api.github.com and uploads.github.com are already subdomains of github.com. github.io is user content, not
    // GitHub's own, so it is deliberately absent. The S3 hosts are GitHub's own buckets for uploads and attachments.
    ownDomains: [
      'githubassets.com',
      'githubusercontent.com',
      'githubcopilot.com',
      'github-cloud.s3.amazonaws.com',
      'github-production-user-asset-6210df.s3.amazonaws.com',
      'github-production-repository-file-5c1aeb.s3.amazonaws.com',
    ],
    sensitivePages: [
      '||github.com/settings/tokens',
      '||github.com/settings/personal-access-tokens',
      '||github.com/settings/apps',
      '||github.com/settings/developers',
      // OAuth apps: /settings/applications/new and each app's page with its client secrets (/settings/applications/<id>).
      '||github.com/settings/applications/',
      // SSH and GPG keys, and password, passkeys and two-factor settings.
      '||github.com/settings/keys',
      '||github.com/settings/security',
      '||github.com/settings/auth/recovery-codes',
      '||github.com/settings/two_factor_authentication',
      '||github.com/settings/codespaces',
      // Repository and organization pages: /OWNER/REPO/settings/... and /organizations/ORG/settings/...
      '||github.com/*/settings/secrets',
      '||github.com/*/settings/environments',
      '||github.com/*/settings/hooks',
      '||github.com/*/settings/apps',
      '||github.com/*/settings/actions/runners',
      // Deploy keys, and Actions, Codespaces and Dependabot variables.
      '||github.com/*/settings/keys',
      '||github.com/*/settings/variables',
    ],
    // Raw files, attachments, release assets and uploads: anyone's content.
    userContentDomains: [
      'githubusercontent.com',
      'github-cloud.s3.amazonaws.com',
      'github-production-user-asset-6210df.s3.amazonaws.com',
      'github-production-repository-file-5c1aeb.s3.amazonaws.com',
    ],
    // GitHub's own policy (script-src github.githubassets.com plus one inline script by its sha256 hash, no
    // 'unsafe-eval', workers from github.com paths; as served in 2024-2025 and quoted in public issue threads such as
    // curl/curl#13094).
    strictMode: {
      inlineScripts: "GitHub's own policy allows one inline script by its hash, which an added policy cannot name.",
    },
  },
  {
    id: 'gitlab',
    name: 'GitLab',
    hosts: ['gitlab.com'],
    excludedHosts: [
      'about.gitlab.com',
      'docs.gitlab.com',
      'handbook.gitlab.com',
      'university.gitlab.com',
      'learn.gitlab.com',
      'page.gitlab.com',
      'design.gitlab.com',
      'forum.gitlab.com',
      'status.gitlab.com',
      'support.gitlab.com',
      'partners.gitlab.com',
      'ir.gitlab.com',
      'packages.gitlab.com',
    ],
    // Static assets come from assets.gitlab-static.net. gitlab.io is user Pages content, so it is absent.
    ownDomains: ['gitlab-static.net'],
    sensitivePages: [
      '||gitlab.com/-/user_settings/personal_access_tokens',
      '||gitlab.com/-/profile/personal_access_tokens',
      '||gitlab.com/-/user_settings/applications',
      '||gitlab.com/-/profile/two_factor_auth',
      '||gitlab.com/*/-/settings/access_tokens',
      '||gitlab.com/*/-/settings/ci_cd',
      '||gitlab.com/*/-/settings/repository',
      '||gitlab.com/*/-/runners',
      // SSH and GPG keys (config/routes/user_settings.rb); project and group webhooks (their secret tokens);
      // integrations (their credentials); group OAuth applications (their secrets); cluster agents (their tokens).
      // Secure files are managed on */-/settings/ci_cd, covered above.
      '||gitlab.com/-/user_settings/ssh_keys',
      '||gitlab.com/-/user_settings/gpg_keys',
      '||gitlab.com/*/-/hooks',
      '||gitlab.com/*/-/settings/integrations',
      '||gitlab.com/groups/*/-/settings/applications',
      '||gitlab.com/*/-/cluster_agents/',
    ],
    // gitlab-org/gitlab lib/gitlab/content_security_policy/directives.rb: script-src 'strict-dynamic' 'self'
    // 'unsafe-eval' with a per-page nonce, worker-src with blob:.
    strictMode: {
      inlineScripts: 'GitLab runs inline scripts under a per-page nonce, which an added policy cannot know.',
      evalScripts: "GitLab's own policy allows eval ('unsafe-eval' in its script-src).",
      blobScripts: "GitLab's own policy runs workers from blob: URLs.",
    },
  },
  {
    id: 'buildkite',
    name: 'Buildkite',
    // buildkite.com is both the app and the marketing home page; api., graphql. and agent. are the app's own.
    hosts: ['buildkite.com'],
    // Emoji, avatars and pipeline icons are served from buildkiteassets.com.
    ownDomains: ['buildkiteassets.com'],
    sensitivePages: [
      '||buildkite.com/user/api-access-tokens',
      '||buildkite.com/organizations/*/agents',
      '||buildkite.com/organizations/*/clusters/*/tokens',
      '||buildkite.com/organizations/*/clusters/*/secrets',
    ],
    strictMode: NO_PUBLISHED_POLICY,
  },
  {
    id: 'travis-ci',
    name: 'Travis CI',
    // travis-ci.com is marketing; the app is app.travis-ci.com and it talks to api.travis-ci.com.
    hosts: ['app.travis-ci.com'],
    // Live logs arrive through Pusher, which is a curated vendor allowed by default, not one of Travis's domains.
    ownDomains: ['travis-ci.com'],
    sensitivePages: ['||app.travis-ci.com/account/preferences', '||app.travis-ci.com/*/settings'],
    strictMode: NO_PUBLISHED_POLICY,
  },
  {
    id: 'bitbucket',
    name: 'Bitbucket Cloud',
    hosts: ['bitbucket.org'],
    excludedHosts: ['status.bitbucket.org', 'blog.bitbucket.org', 'developer.bitbucket.org'],
    // Front-end bundles and avatars come from Atlassian's *.atl-paas.net hosts; sign-in, feature gates and analytics go
    // to *.atlassian.com, which is the same company. bitbucket.io is user static sites, so it is absent.
    ownDomains: ['atl-paas.net', 'atlassian.com'],
    sensitivePages: [
      '||bitbucket.org/account/settings/app-passwords',
      '||bitbucket.org/*/admin/access-tokens',
      '||bitbucket.org/*/admin/pipelines/repository-variables',
      '||bitbucket.org/*/admin/pipelines/deployment-settings',
      '||bitbucket.org/*/admin/pipelines/ssh-keys',
      '||bitbucket.org/*/workspace/settings/access-tokens',
      '||bitbucket.org/*/workspace/settings/api',
      '||bitbucket.org/*/workspace/settings/addon/admin/pipelines/account-variables',
      // Personal SSH keys and repository access keys.
      '||bitbucket.org/account/settings/ssh-keys',
      '||bitbucket.org/*/admin/access-keys',
    ],
    strictMode: NO_PUBLISHED_POLICY,
  },
  {
    id: 'azure-devops',
    name: 'Azure DevOps',
    // Legacy <org>.visualstudio.com URLs are not hosts: visualstudio.com also serves the Marketplace and marketing.
    hosts: ['dev.azure.com'],
    // From Microsoft's allowlist: *.visualstudio.com (vssps, vsrm, vsblob, pkgs), the CDN *.vsassets.io (cdn.,
    // vstmrblob.), and static2.sharepointonline.com for the Fluent UI fonts. login.microsoftonline.com is left out: it
    // is Microsoft's identity platform shared by every Entra app and sign-in is a top-level navigation anyway.
    ownDomains: ['visualstudio.com', 'vsassets.io', 'static2.sharepointonline.com'],
    sensitivePages: [
      '||dev.azure.com/*/_usersSettings/tokens',
      '||dev.azure.com/*/_library',
      '||dev.azure.com/*/_settings/adminservices',
      // SSH public keys.
      '||dev.azure.com/*/_usersSettings/keys',
    ],
    strictMode: NO_PUBLISHED_POLICY,
  },
  {
    id: 'netlify',
    name: 'Netlify',
    // netlify.com is marketing; the app is app.netlify.com and it calls api.netlify.com.
    hosts: ['app.netlify.com'],
    // netlify.app is user deploys, so it is absent.
    ownDomains: ['netlify.com'],
    sensitivePages: [
      '||app.netlify.com/user/applications',
      '||app.netlify.com/sites/*/configuration/env',
      '||app.netlify.com/projects/*/configuration/env',
    ],
    strictMode: NO_PUBLISHED_POLICY,
  },
  {
    id: 'vercel',
    name: 'Vercel',
    // vercel.com is both the dashboard and the marketing site; only the forum is a separate subdomain.
    hosts: ['vercel.com'],
    excludedHosts: ['community.vercel.com'],
    // Vercel's own analytics and toolbar hosts (first party on its own dashboard). vercel.app is user deploys.
    ownDomains: ['vercel-insights.com', 'vercel-scripts.com', 'vercel.live'],
    sensitivePages: [
      '||vercel.com/account/tokens',
      '||vercel.com/account/settings/tokens',
      '||vercel.com/*/settings/environment-variables',
    ],
    strictMode: NO_PUBLISHED_POLICY,
  },
  {
    id: 'bitrise',
    name: 'Bitrise',
    // bitrise.io is marketing; the app is app.bitrise.io and it calls api.bitrise.io.
    hosts: ['app.bitrise.io'],
    ownDomains: ['bitrise.io'],
    sensitivePages: [
      // Personal access tokens: the new account page, and the old profile page whose Security tab is a #fragment.
      '||app.bitrise.io/me/account/security',
      '||app.bitrise.io/me/profile',
      // Secrets and Env Vars are tabs (#fragments) of the workflow editor.
      '||app.bitrise.io/app/*/workflow_editor',
    ],
    strictMode: NO_PUBLISHED_POLICY,
  },
  {
    id: 'semaphore',
    name: 'Semaphore',
    // Each organisation is <org>.semaphoreci.com, and me./id.semaphoreci.com are the account pages, so the whole domain
    // is covered; the bare semaphoreci.com marketing root comes with it (there is no subdomains-only form).
    hosts: ['semaphoreci.com'],
    excludedHosts: ['docs.semaphoreci.com', 'status.semaphoreci.com'],
    ownDomains: [],
    sensitivePages: [
      '||me.semaphoreci.com/account',
      '||semaphoreci.com/secrets',
      '||semaphoreci.com/projects/*/settings/secrets',
      // Routes of front/lib/front_web/router.ex: self-hosted agent types (their registration tokens), service accounts
      // (their API tokens) and the Okta integration (its SCIM token).
      '||semaphoreci.com/self_hosted_agents',
      '||semaphoreci.com/service_accounts',
      '||semaphoreci.com/settings/okta',
    ],
    // semaphoreio/semaphore front/lib/front_web/plugs/content_security_policy.ex: nonces for script-src with
    // 'strict-dynamic', no 'unsafe-eval'.
    strictMode: {
      inlineScripts: 'Semaphore runs inline scripts under a per-page nonce, which an added policy cannot know.',
    },
  },
  {
    id: 'appveyor',
    name: 'AppVeyor',
    // appveyor.com is marketing; the app is ci.appveyor.com.
    hosts: ['ci.appveyor.com'],
    ownDomains: ['appveyor.com'],
    sensitivePages: [
      '||ci.appveyor.com/api-keys',
      '||ci.appveyor.com/tools/encrypt',
      '||ci.appveyor.com/project/*/settings/environment',
    ],
    strictMode: NO_PUBLISHED_POLICY,
  },
  {
    id: 'harness',
    name: 'Harness',
    // harness.io is marketing; the app is app.harness.io.
    hosts: ['app.harness.io'],
    ownDomains: ['harness.io'],
    // Account, org and project secrets all live under .../ng/.../secrets.
    sensitivePages: ['||app.harness.io/ng/*/secrets'],
    strictMode: NO_PUBLISHED_POLICY,
  },
  {
    id: 'codefresh',
    name: 'Codefresh',
    // codefresh.io is marketing; the app is g.codefresh.io.
    hosts: ['g.codefresh.io'],
    ownDomains: ['codefresh.io'],
    sensitivePages: ['||g.codefresh.io/user/settings', '||g.codefresh.io/account-admin/account-conf/shared-config'],
    strictMode: NO_PUBLISHED_POLICY,
  },
];
