/**
 * The manifest each browser gets, from the one source manifest (pure). Chrome: a service worker and the `key`
 * that fixes the extension id. Firefox: background scripts and the gecko settings.
 */
import type { DashboardEntry } from '../src/catalog';
import { RULESET } from '../src/rules';

export type TargetBrowser = 'chrome' | 'firefox';

/** Match patterns for the dashboards' pages (each host and its subdomains), and for their marketing subdomains. */
export function dashboardMatchPatterns(dashboards: readonly DashboardEntry[]): {
  matches: string[];
  excludeMatches: string[];
} {
  const matches = dashboards.flatMap((d) => d.hosts.flatMap((h) => [`https://${h}/*`, `https://*.${h}/*`]));
  const excludeMatches = dashboards.flatMap((d) =>
    [...d.hosts.map((h) => `www.${h}`), ...(d.excludedHosts ?? [])].map((h) => `https://${h}/*`),
  );
  return { matches, excludeMatches };
}

export type Manifest = Record<string, unknown> & { background?: Record<string, unknown> };

interface RuleResource {
  readonly id: string;
}

/**
 * Firefox only: it has no `topDomains`, so Dashguard follows which tabs show a dashboard (tab-cover.ts): webNavigation
 * tells when a tab's top-level document moves to or from a dashboard, and a blocking webRequest listener, which sees
 * only the dashboards' own hosts, holds a navigation to a dashboard until its tab's rules are in force.
 */
export const FIREFOX_TAB_COVER_PERMISSIONS = ['webNavigation', 'webRequest', 'webRequestBlocking'] as const;

export function manifestFor(
  browser: TargetBrowser,
  source: Manifest,
  version: string,
  dashboards: readonly DashboardEntry[],
): Manifest {
  // The version lives in package.json alone; it goes right after the name, where a reader of the manifest looks.
  const manifest: Manifest = Object.fromEntries(
    Object.entries(structuredClone(source)).flatMap(([key, value]) =>
      key === 'version'
        ? []
        : key === 'name'
          ? [
              [key, value],
              ['version', version],
            ]
          : [[key, value]],
    ),
  );
  // The audit's content script runs on the dashboards only, from document_start, in every frame, including the
  // about:blank, srcdoc, data: and blob: frames a dashboard page creates (sandboxed or not): they have no host of their
  // own, so the browser matches the origin that created them.
  const { matches, excludeMatches } = dashboardMatchPatterns(dashboards);
  const everyFrame = {
    run_at: 'document_start',
    all_frames: true,
    match_about_blank: true,
    match_origin_as_fallback: true,
  };
  // The page-world script sees the WebSockets a page opens, which only a hook in the page's own world can.
  manifest.content_scripts = [
    { matches, exclude_matches: excludeMatches, js: ['content.js'], ...everyFrame },
    { matches, exclude_matches: excludeMatches, js: ['page-world.js'], ...everyFrame, world: 'MAIN' },
  ];
  // Strict mode appends a Content-Security-Policy header to the dashboards' sensitive pages: modifyHeaders needs host
  // permission for the page (not for its initiator: navigations are exempt). The same hosts as the content script,
  // so the install prompt asks for nothing more than it already does.
  manifest.host_permissions = [...matches];
  const background = { ...(manifest.background ?? {}) };
  const script = typeof background.service_worker === 'string' ? background.service_worker : 'background.js';
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
    manifest.background = { service_worker: script };
  } else {
    delete manifest.key;
    delete manifest.minimum_chrome_version;
    manifest.background = { scripts: [script] };
    const dnr = manifest.declarative_net_request as { rule_resources?: RuleResource[] } | undefined;
    // Its rules carry topDomains, which Firefox ignores: they would block everywhere.
    if (dnr?.rule_resources)
      manifest.declarative_net_request = {
        ...dnr,
        rule_resources: dnr.rule_resources.filter((r) => r.id !== RULESET.tabCover),
      };
    manifest.permissions = [
      ...((manifest.permissions as string[] | undefined) ?? []),
      ...FIREFOX_TAB_COVER_PERMISSIONS,
    ];
  }
  return manifest;
}
