/**
 * What a build of Dashguard holds, file by file: the bundles (scripts/bundle-entries.json), the static files copied
 * by assemble-dist.ts and the manifest. `npm run package` zips a build only when it holds exactly these, and the
 * archive test compares each store archive with this list, so nothing a browser or a tool left in a folder (Chromium's
 * `_metadata/`, a source map, a test-build file) can reach a store.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import bundleEntries from './bundle-entries.json';
import pageChunk from './page-chunk.json';

/**
 * Static files copied into each browser's folder: [from (repo-relative), to (build-relative), only for this browser];
 * folders whole.
 */
export const STATIC_FILES: readonly (readonly [from: string, to: string, only?: 'chrome' | 'firefox'])[] = [
  ['rules/generated/dashboard-allowlist.json', 'rules/dashboard-allowlist.json'],
  ['rules/generated/dashboard-blocklist.json', 'rules/dashboard-blocklist.json'],
  ['rules/generated/strict-mode.json', 'rules/strict-mode.json'],
  // Its rules carry topDomains, which Firefox ignores (it would block everywhere): Chromium only.
  ['rules/generated/tab-cover.json', 'rules/tab-cover.json', 'chrome'],
  ['icons', 'icons'],
  ['popup/popup.html', 'popup.html'],
  ['popup/popup.css', 'popup.css'],
  ['options/options.html', 'options.html'],
  ['options/options.css', 'options.css'],
  ['src/ui/theme.css', 'theme.css'],
  ['schemas/managed-schema.json', 'managed-schema.json'],
];

/** Every file under `dir`, as sorted `/`-separated paths relative to it. */
export function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  walk('');
  return found.sort();
}

/** The static files one browser's build gets. */
export function staticFilesFor(browser: 'chrome' | 'firefox'): (readonly [from: string, to: string])[] {
  return STATIC_FILES.filter(([, , only]) => only === undefined || only === browser).map(
    ([from, to]) => [from, to] as const,
  );
}

/** The files a build of one browser must hold, sorted; `root` is the repository (for the folders copied whole). */
export function buildOutputs(root: string, browser: 'chrome' | 'firefox'): string[] {
  // The entries, and the chunk the extension pages share (webpack.config.js).
  const bundles = [...Object.keys(bundleEntries), pageChunk.name].map((name) => `${name}.js`);
  const statics = staticFilesFor(browser).flatMap(([from, to]) =>
    statSync(path.join(root, from)).isDirectory()
      ? filesUnder(path.join(root, from)).map((file) => `${to}/${file}`)
      : [to],
  );
  return [...bundles, ...statics, 'manifest.json'].sort();
}

/** What differs between the files a build must hold and those it holds: one line per file, empty when equal. */
export function outputDifferences(expected: readonly string[], actual: readonly string[]): string[] {
  const want = new Set(expected);
  const have = new Set(actual);
  return [
    ...expected.filter((file) => !have.has(file)).map((file) => `missing: ${file}`),
    ...actual.filter((file) => !want.has(file)).map((file) => `not made by the build: ${file}`),
  ];
}
