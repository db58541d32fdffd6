/**
 * Build step 3 (after webpack): writes each browser's manifest and copies the static files (rulesets, pages,
 * styles, icons) into dist/<browser>/.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RuntimeCatalog } from '../src/shared/runtime-catalog';
import { manifestFor, type Manifest, type TargetBrowser } from './browser-manifest';

const root = path.resolve(__dirname, '..');
const source = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as Manifest;
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const catalog = JSON.parse(readFileSync(path.join(root, 'rules', 'generated', 'catalog.json'), 'utf8')) as RuntimeCatalog;

const STATIC_FILES: readonly [from: string, to: string][] = [
  ['rules/generated/dashboard-allowlist.json', 'rules/dashboard-allowlist.json'],
  ['rules/generated/dashboard-blocklist.json', 'rules/dashboard-blocklist.json'],
  ['rules/generated/strict-mode.json', 'rules/strict-mode.json'],
  ['icons', 'icons'],
  ['popup/popup.html', 'popup.html'],
  ['popup/popup.css', 'popup.css'],
  ['popup/quick-actions.css', 'quick-actions.css'],
  ['options/options.html', 'options.html'],
  ['options/options.css', 'options.css'],
  ['src/shared/theme.css', 'theme.css'],
  ['schemas/managed-schema.json', 'managed-schema.json'],
];

for (const browser of ['chrome', 'firefox'] as const satisfies readonly TargetBrowser[]) {
  const out = path.join(root, process.env.DASHGUARD_TEST_BUILD === '1' ? 'dist-test' : 'dist', browser);
  mkdirSync(out, { recursive: true });
  for (const [from, to] of STATIC_FILES) {
    const src = path.join(root, from);
    if (!existsSync(src)) continue;
    cpSync(src, path.join(out, to), { recursive: true });
  }
  writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifestFor(browser, source, version, catalog.dashboards), null, 2)}\n`);
}
console.log(`Dashguard build: ${process.env.DASHGUARD_TEST_BUILD === '1' ? 'dist-test' : 'dist'}/chrome and /firefox written.`);
