/** Where the built extension is, and the ids it must have. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

export type BrowserKind = 'chromium' | 'firefox';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Fixed by the manifest `key` of the Chrome build. */
export const CHROMIUM_EXTENSION_ID = 'ihilleabmhcolkppkpfhdhidoenohcoi';
/** Chromium's id alphabet: the first 32 hex digits of a SHA-256, 0-f written as a-p. */
function idFromHash(bytes: Buffer | string): string {
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

/**
 * The id Chromium gives an unpacked extension: from the manifest `key` (the public key, DER) when there is one, else
 * from the folder's absolute path (a store archive has no key).
 */
export function chromiumExtensionId(dir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { key?: unknown };
  return typeof manifest.key === 'string'
    ? idFromHash(Buffer.from(manifest.key, 'base64'))
    : idFromHash(realpathSync(dir));
}

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
  const override =
    build === 'release'
      ? kind === 'chromium'
        ? process.env.DASHGUARD_CHROME_DIR
        : process.env.DASHGUARD_FIREFOX_DIR
      : undefined;
  const root = build === 'release' ? 'dist' : 'dist-test';
  const dir = path.resolve(override ?? path.join(REPO_ROOT, root, kind === 'chromium' ? 'chrome' : 'firefox'));
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${dir} (manifest.json missing). Run \`npm run ${build === 'release' ? 'build' : 'build:test'}\` first.`,
    );
  }
  return dir;
}
