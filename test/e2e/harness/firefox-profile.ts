/**
 * A Firefox profile with Dashguard already installed, for a true cold start: Firefox ESR loads an unsigned XPI
 * from the profile's extensions/ folder at start-up when `xpinstall.signatures.required` is false, before it opens
 * its first page. (WebDriver BiDi's installExtension can only install after start-up.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIREFOX_ADDON_ID, REPO_ROOT } from './extension-build';

/** Creates the profile folder; the caller removes it. */
export function createProfileWithAddon(extensionDir: string): string {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'dashguard-e2e-firefox-'));
  try {
    const extensionsDir = path.join(profileDir, 'extensions');
    mkdirSync(extensionsDir);
    // web-ext (a dev dependency) zips the build. It replaces the "@" of the requested
    // file name, and Firefox only loads a profile XPI named exactly after the add-on id: rename it afterwards.
    const built = path.join(profileDir, 'dashguard.xpi');
    execFileSync(
      path.join(REPO_ROOT, 'node_modules', '.bin', 'web-ext'),
      [
        'build',
        '--source-dir',
        extensionDir,
        '--artifacts-dir',
        profileDir,
        '--filename',
        'dashguard.xpi',
        '--overwrite-dest',
        '--no-config-discovery',
      ],
      { stdio: 'pipe' },
    );
    renameSync(built, path.join(extensionsDir, `${FIREFOX_ADDON_ID}.xpi`));
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    throw new Error(
      `Could not package ${extensionDir} as an XPI for the Firefox cold-start profile: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return profileDir;
}
