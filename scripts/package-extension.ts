/**
 * Writes the store-ready archives into web-ext-artifacts/: a zip of dist/chrome for the Chrome Web Store and one of
 * dist/firefox for addons.mozilla.org, both made by `web-ext build`. The Chrome archive leaves out the manifest `key`
 * (it pins the unpacked and policy-test id; the store assigns its own and refuses uploads that carry one).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { storeManifest } from './store-manifest';

const root = path.resolve(__dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const webExt = path.join(root, 'node_modules', '.bin', 'web-ext');

for (const browser of ['chrome', 'firefox'] as const) {
  const staging = mkdtempSync(path.join(tmpdir(), `dashguard-${browser}-`));
  try {
    cpSync(path.join(root, 'dist', browser), staging, { recursive: true });
    const manifestPath = path.join(staging, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestPath, `${JSON.stringify(storeManifest(manifest), null, 2)}\n`);
    execFileSync(
      webExt,
      ['build', '--overwrite-dest', '--source-dir', staging, '--artifacts-dir', path.join(root, 'web-ext-artifacts'), '--filename', `dashguard-${browser}-${version}.zip`],
      { cwd: root, stdio: 'inherit' },
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
