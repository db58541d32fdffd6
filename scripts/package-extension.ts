/**
 * Writes the store-ready archives into web-ext-artifacts/: a zip of dist/chrome for the Chrome Web Store and one of
 * dist/firefox for addons.mozilla.org, both made by `web-ext build`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const webExt = path.join(root, 'node_modules', '.bin', 'web-ext');

for (const browser of ['chrome', 'firefox'] as const) {
  execFileSync(
    webExt,
    ['build', '--overwrite-dest', '--source-dir', path.join('dist', browser), '--artifacts-dir', 'web-ext-artifacts', '--filename', `dashguard-${browser}-${version}.zip`],
    { cwd: root, stdio: 'inherit' },
  );
}
