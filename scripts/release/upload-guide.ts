/** What `npm run release:check` prints at the end: which archive goes to which store, and what to do then (pure). */
import type { ArchiveKind } from './release-archives';

export interface BuiltArchive {
  readonly kind: ArchiveKind;
  /** Relative to the repository. */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface UploadGuideInput {
  readonly version: string;
  readonly commit: string;
  readonly archives: readonly BuiltArchive[];
  /** False while CHANGELOG.md's section for the version has no date. */
  readonly changelogDated: boolean;
}

function line(archive: BuiltArchive | undefined, kind: ArchiveKind): string {
  if (!archive) throw new Error(`No ${kind} archive: run \`npm run package\` in a git checkout.`);
  return `    ${archive.file}  (${(archive.bytes / 1024).toFixed(1)} KiB, sha256 ${archive.sha256})`;
}

export function uploadGuide(input: UploadGuideInput): string {
  const find = (kind: ArchiveKind): BuiltArchive | undefined => input.archives.find((a) => a.kind === kind);
  const { version } = input;
  return [
    `Dashguard ${version} is ready to upload (commit ${input.commit}).`,
    '',
    '1. Chrome Web Store: developer dashboard, Dashguard, Package, "Upload new package":',
    line(find('chrome'), 'chrome'),
    '   Store listing and Privacy practices tabs: the texts in docs/STORE.md ("Both stores", "Chrome Web Store").',
    '',
    '2. addons.mozilla.org: Developer Hub, Dashguard, "Upload New Version":',
    line(find('firefox'), 'firefox'),
    '   "Do you need to submit source code?" Yes:',
    line(find('source'), 'source'),
    '   Notes to reviewer and listing texts: docs/STORE.md ("addons.mozilla.org", "Both stores").',
    '',
    `3. Tag the release: git tag -a v${version} -m "Dashguard ${version}" ${input.commit} && git push origin v${version}`,
    ...(input.changelogDated ? [] : ['', `Before tagging: CHANGELOG.md's "## ${version}" heading has no date yet ("## ${version} - YYYY-MM-DD").`]),
  ].join('\n');
}
