/** Where the built extension is, and the ids it must have. */
import { existsSync } from 'node:fs';
import path from 'node:path';

export type BrowserKind = 'chromium' | 'firefox';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Fixed by the manifest `key` of the Chrome build. */
export const CHROMIUM_EXTENSION_ID = 'ihilleabmhcolkppkpfhdhidoenohcoi';
/** `browser_specific_settings.gecko.id` of the Firefox build. */
export const FIREFOX_ADDON_ID = 'dashguard@dashguard.dev';

/** `release`: dist/ (`npm run build`). `test`: dist-test/ (`npm run build:test`), with the test-only surfaces. */
export type BuildKind = 'release' | 'test';

/**
 * The unpacked extension for a browser: dist/chrome or dist/firefox as written by `npm run build` (or dist-test/
 * for the test build). DASHGUARD_CHROME_DIR / DASHGUARD_FIREFOX_DIR point the tests at another release build (a
 * release candidate, say).
 */
export function extensionDir(kind: BrowserKind, build: BuildKind = 'release'): string {
  const override = build === 'release' ? (kind === 'chromium' ? process.env.DASHGUARD_CHROME_DIR : process.env.DASHGUARD_FIREFOX_DIR) : undefined;
  const root = build === 'release' ? 'dist' : 'dist-test';
  const dir = path.resolve(override ?? path.join(REPO_ROOT, root, kind === 'chromium' ? 'chrome' : 'firefox'));
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir} (manifest.json missing). Run \`npm run ${build === 'release' ? 'build' : 'build:test'}\` first.`);
  }
  return dir;
}
