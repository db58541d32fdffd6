/**
 * Pins what the manifests ask the browser for, so that a new permission is a decision, not an accident: each browser's
 * manifest (scripts/browser-manifest.ts, and dist/ and dist-test/ when built) must ask for exactly the permissions,
 * hosts, content scripts and web-accessible resources below, and every permission must have its row in README.md's
 * Permissions table. A failure says which key changed and what to do about it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dashboards } from '../rules/catalog/dashboards';
import type { DashboardEntry } from '../src/catalog/catalog-types';
import { manifestFor, type Manifest, type TargetBrowser } from './browser-manifest';

const root = path.resolve(__dirname, '..');
const source = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as Manifest;
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** The pinned permissions. Changing one of these is a product decision: justify it in README.md's Permissions table. */
const PERMISSIONS = ['activeTab', 'declarativeNetRequest', 'scripting', 'storage'];
/**
 * Firefox's tab cover (it has no `topDomains`): following which tabs show a dashboard, and holding a navigation to a
 * dashboard until its tab's rules are in force. Chromium asks for none of them.
 */
const FIREFOX_ONLY_PERMISSIONS = ['webNavigation', 'webRequest', 'webRequestBlocking'];
const permissionsOf = (browser: TargetBrowser): string[] =>
  browser === 'firefox' ? [...PERMISSIONS, ...FIREFOX_ONLY_PERMISSIONS] : PERMISSIONS;
/** Self-hosted dashboards: one host at a time, asked for when the person adds it. */
const OPTIONAL_HOST_PERMISSIONS = ['*://*/*'];

const HOW_TO_FIX =
  'A new permission, host or page-exposed resource is a decision, not an accident: if it is really needed, justify it ' +
  'with a row in README.md\'s "## Permissions" table (what it is for, and what the browser shows the user), then ' +
  'update the pinned value in scripts/manifest-permissions.test.ts.';

/** Throws a readable error unless `actual` equals `expected` (as JSON, order-insensitive for string lists). */
function pin(where: string, key: string, actual: unknown, expected: unknown): void {
  const norm = (value: unknown): string =>
    JSON.stringify(
      Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...value].sort() : value,
    ) ?? 'undefined';
  if (norm(actual) === norm(expected)) return;
  const added =
    Array.isArray(actual) && Array.isArray(expected)
      ? actual.filter((item) => !expected.some((e) => norm(e) === norm(item)))
      : [];
  const removed =
    Array.isArray(actual) && Array.isArray(expected)
      ? expected.filter((item) => !actual.some((a) => norm(a) === norm(item)))
      : [];
  throw new Error(
    `${where}: "${key}" changed.\n  expected: ${norm(expected)}\n  actual:   ${norm(actual)}\n` +
      (added.length > 0 ? `  new:      ${JSON.stringify(added)}\n` : '') +
      (removed.length > 0 ? `  gone:     ${JSON.stringify(removed)}\n` : '') +
      HOW_TO_FIX,
  );
}

/** Dashboard match patterns, written out from the catalog here rather than taken from browser-manifest.ts. */
function expectedDashboardPatterns(entries: readonly DashboardEntry[]): {
  matches: string[];
  excludeMatches: string[];
} {
  const matches: string[] = [];
  const excludeMatches: string[] = [];
  for (const dashboard of entries) {
    for (const host of dashboard.hosts) {
      matches.push(`https://${host}/*`, `https://*.${host}/*`);
      excludeMatches.push(`https://www.${host}/*`);
    }
    for (const host of dashboard.excludedHosts ?? []) excludeMatches.push(`https://${host}/*`);
  }
  return { matches, excludeMatches };
}

/**
 * `entries`: the dashboards the manifest was made from, or undefined for a built manifest, which may predate a catalog
 * change: then its hosts are only checked for shape and against its own content script.
 */
function checkManifest(
  where: string,
  browser: TargetBrowser,
  manifest: Manifest,
  entries: readonly DashboardEntry[] | undefined,
): void {
  pin(where, 'permissions', manifest.permissions, permissionsOf(browser));
  pin(where, 'optional_permissions', manifest.optional_permissions, undefined);
  pin(where, 'optional_host_permissions', manifest.optional_host_permissions, OPTIONAL_HOST_PERMISSIONS);
  // Nothing in the extension is exposed to web pages, and no page or other extension may message it.
  pin(where, 'web_accessible_resources', manifest.web_accessible_resources, undefined);
  pin(where, 'externally_connectable', manifest.externally_connectable, undefined);
  const scripts = manifest.content_scripts as { matches?: string[]; exclude_matches?: string[] }[] | undefined;
  const { matches, excludeMatches } =
    entries !== undefined
      ? expectedDashboardPatterns(entries)
      : { matches: scripts?.[0]?.matches ?? [], excludeMatches: scripts?.[0]?.exclude_matches ?? [] };
  // Strict mode's modifyHeaders needs the dashboards: the same hosts as the content script, so no wider prompt.
  pin(where, 'host_permissions', manifest.host_permissions, matches);
  // Every frame, including the about:blank, srcdoc, data: and blob: frames the dashboard pages create (no wider hosts).
  const frames = {
    run_at: 'document_start',
    all_frames: true,
    match_about_blank: true,
    match_origin_as_fallback: true,
  };
  pin(where, 'content_scripts', manifest.content_scripts, [
    { matches, exclude_matches: excludeMatches, js: ['content.js'], ...frames },
    { matches, exclude_matches: excludeMatches, js: ['page-world.js'], ...frames, world: 'MAIN' },
  ]);
  if (JSON.stringify(manifest).includes('<all_urls>')) throw new Error(`${where}: asks for <all_urls>. ${HOW_TO_FIX}`);
  for (const pattern of [...matches, ...excludeMatches]) {
    if (!/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/.test(pattern))
      throw new Error(`${where}: ${pattern} is not one dashboard host. ${HOW_TO_FIX}`);
  }
}

/** The first cell of each row of README.md's Permissions table. */
function permissionRows(): string[] {
  const section = /^## Permissions\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (section === undefined) throw new Error('README.md has no "## Permissions" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(Permission|-+)\s*\|/.test(line))
    .map((line) => line.split('|')[1]?.trim() ?? '');
}

describe('the manifest asks for exactly what README.md justifies', () => {
  const built: [string, TargetBrowser, Manifest][] = [];
  for (const dir of ['dist', 'dist-test']) {
    for (const browser of ['chrome', 'firefox'] as const) {
      const file = path.join(root, dir, browser, 'manifest.json');
      if (existsSync(file))
        built.push([`${dir}/${browser}/manifest.json`, browser, JSON.parse(readFileSync(file, 'utf8')) as Manifest]);
    }
  }

  it.each(['chrome', 'firefox'] as const satisfies readonly TargetBrowser[])(
    'manifestFor(%s) asks for the pinned permissions only',
    (browser) => {
      checkManifest(
        `manifestFor('${browser}')`,
        browser,
        manifestFor(browser, source, '0.0.0', dashboards),
        dashboards,
      );
    },
  );

  // What was last built (npm run build / build:test), if anything: a build from an older manifest fails here too.
  (built.length > 0 ? it.each(built) : it.skip.each<(typeof built)[number]>([['(nothing built)', 'chrome', source]]))(
    '%s asks for the pinned permissions only',
    (where, browser, manifest) => {
      checkManifest(where, browser, manifest, undefined);
    },
  );

  it("has a row in README.md's Permissions table for every permission, host key and the content script", () => {
    const rows = permissionRows();
    const keys = [
      ...new Set(
        (['chrome', 'firefox'] as const).flatMap((browser) => {
          const manifest = manifestFor(browser, source, '0.0.0', dashboards);
          return [
            ...(manifest.permissions as string[]),
            ...((manifest.optional_permissions as string[] | undefined) ?? []),
          ];
        }),
      ),
      'host_permissions',
      'optional_host_permissions',
      'content_scripts',
    ];
    const missing = keys.filter((key) => !rows.some((row) => row.includes(`\`${key}\``)));
    if (missing.length > 0)
      throw new Error(
        `README.md's Permissions table has no row for ${missing.map((k) => `\`${k}\``).join(', ')}. ${HOW_TO_FIX}`,
      );
  });

  it('lists no permission in README.md that the manifest does not ask for', () => {
    const asked = new Set([
      ...PERMISSIONS,
      ...FIREFOX_ONLY_PERMISSIONS,
      'host_permissions',
      'optional_host_permissions',
      'content_scripts',
    ]);
    // The first backticked word of each row is the permission it justifies.
    const named = permissionRows().map((row) => /`([^`]+)`/.exec(row)?.[1] ?? row);
    expect(named.filter((name) => !asked.has(name))).toEqual([]);
  });
});
