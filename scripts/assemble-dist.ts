/**
 * Build step 3 (after webpack): writes each browser's manifest and copies the static files (rulesets, pages,
 * styles, icons) into dist/<browser>/ (dist-test/ for the test build, DASHGUARD_OUT_DIR when set). A store build
 * (DASHGUARD_STORE_BUILD=1, made by `npm run package`) leaves the manifest `key` out of the Chrome manifest.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RuntimeCatalog } from '../src/catalog';
import { manifestFor, type Manifest, type TargetBrowser } from './browser-manifest';
import { STATIC_FILES, staticFilesFor } from './build-outputs';
import { storeManifest } from './release/store-manifest';
import { fileSizeIn, pageBudgetProblems } from './page-budgets';

const root = path.resolve(__dirname, '..');
const source = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as Manifest;
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const catalog = JSON.parse(
  readFileSync(path.join(root, 'rules', 'generated', 'catalog.json'), 'utf8'),
) as RuntimeCatalog;
const outRoot = path.resolve(
  root,
  process.env.DASHGUARD_OUT_DIR || (process.env.DASHGUARD_TEST_BUILD === '1' ? 'dist-test' : 'dist'),
);
const storeBuild = process.env.DASHGUARD_STORE_BUILD === '1';

const missing = STATIC_FILES.filter(([from]) => !existsSync(path.join(root, from))).map(([from]) => from);
if (missing.length > 0) {
  console.error(
    `Dashguard build: missing ${missing.join(', ')} (run \`npm run build\`, which makes rules/generated/ first).`,
  );
  process.exit(1);
}

for (const browser of ['chrome', 'firefox'] as const satisfies readonly TargetBrowser[]) {
  const out = path.join(outRoot, browser);
  mkdirSync(out, { recursive: true });
  for (const [from, to] of staticFilesFor(browser))
    cpSync(path.join(root, from), path.join(out, to), { recursive: true });
  const manifest = manifestFor(browser, source, version, catalog.dashboards);
  writeFileSync(
    path.join(out, 'manifest.json'),
    `${JSON.stringify(storeBuild ? storeManifest(manifest) : manifest, null, 2)}\n`,
  );
  const overBudget = pageBudgetProblems(fileSizeIn(out));
  if (overBudget.length > 0) {
    console.error(`Dashguard build: ${browser}: ${overBudget.join('; ')} (scripts/page-budgets.ts).`);
    process.exit(1);
  }
}
const shown = outRoot.startsWith(`${root}${path.sep}`) ? path.relative(root, outRoot) : outRoot;
console.log(`Dashguard build: ${shown}/chrome and /firefox written${storeBuild ? ' (store manifests, no key)' : ''}.`);
