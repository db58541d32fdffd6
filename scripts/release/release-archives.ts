/** Where `npm run package` puts the release archives, and their names: one place for the scripts and the tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const RELEASE_DIR = 'release';

/** chrome: the Chrome Web Store upload; firefox: the addons.mozilla.org upload; source: what AMO's reviewers rebuild. */
export type ArchiveKind = 'chrome' | 'firefox' | 'source';
export const ARCHIVE_KINDS: readonly ArchiveKind[] = ['chrome', 'firefox', 'source'];

export function archiveName(kind: ArchiveKind, version: string): string {
  return `dashguard-${kind}-${version}.zip`;
}

export function archivePath(root: string, kind: ArchiveKind, version: string): string {
  return path.join(root, RELEASE_DIR, archiveName(kind, version));
}

/** The one version of Dashguard: package.json's (both manifests get it at build time). */
export function packageVersion(root: string): string {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`package.json's version must be three numbers (major.minor.patch), as both stores accept: got ${JSON.stringify(version)}`);
  }
  return version;
}
