/**
 * `npm run release:check`: everything a maintainer runs before uploading a release, in order, stopping at the first
 * failure: the version and its CHANGELOG.md section, a committed tree, the linter (when the project has one), every
 * test (`npm test`, browsers included), fresh archives (`npm run package`) and the reproducibility check (the AMO
 * source archive rebuilt with `npm ci`, `npm run test:release`). Then prints what to upload where.
 * `--allow-dirty` runs it on uncommitted changes (a rehearsal: such archives are no release).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { changelogSection } from './changelog';
import { ARCHIVE_KINDS, archivePath, packageVersion } from './release-archives';
import { uncommittedChanges } from './source-files';
import { uploadGuide, type BuiltArchive } from './upload-guide';

const root = path.resolve(__dirname, '..', '..');

class CheckFailed extends Error {}

function step(title: string): void {
  console.log(`\n== release:check: ${title}`);
}

function npm(args: readonly string[]): void {
  const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new CheckFailed(`\`npm ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}).`);
}

function main(): void {
  const allowDirty = process.argv.includes('--allow-dirty');

  step('version and changelog');
  const version = packageVersion(root);
  const section = changelogSection(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version);
  if (!section || section.body === '') throw new CheckFailed(`CHANGELOG.md has no "## ${version}" section saying what changed: write it first.`);
  console.log(`Dashguard ${version}; CHANGELOG.md: "## ${version}"${section.date ? ` of ${section.date}` : ' (no date yet)'}.`);

  step('committed source');
  if (!existsSync(path.join(root, '.git'))) throw new CheckFailed('Not a git checkout: a release is made from a commit.');
  const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const changes = uncommittedChanges(root);
  if (changes.length > 0 && !allowDirty) {
    throw new CheckFailed(`${changes.length} uncommitted change(s) to tracked files: commit them (the source archive must be a commit), or rehearse with --allow-dirty.\n  ${changes.join('\n  ')}`);
  }
  console.log(changes.length > 0 ? `Commit ${commit} plus ${changes.length} uncommitted change(s) (--allow-dirty: a rehearsal, not a release).` : `Commit ${commit}, nothing uncommitted.`);

  step('lint');
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (scripts.lint) npm(['run', 'lint']);
  else console.log('Skipped: the project has no `npm run lint` yet (web-ext lint runs within the tests).');

  step('tests (npm test: build, type check, lint, unit, web-ext lint, package, source rebuild, end-to-end in Chromium and Firefox)');
  npm(['test']);

  step('package (fresh archives from a fresh build)');
  npm(['run', 'package']);

  step('reproducibility (the AMO source archive rebuilt with npm ci gives the archives byte for byte)');
  npm(['run', 'test:release']);

  const archives: BuiltArchive[] = ARCHIVE_KINDS.map((kind) => {
    const file = archivePath(root, kind, version);
    const data = readFileSync(file);
    return { kind, file: path.relative(root, file), bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  });
  console.log(`\n${uploadGuide({ version, commit, archives, changelogDated: section.date !== undefined })}`);
}

try {
  main();
} catch (error) {
  console.error(`\nrelease:check failed: ${(error as Error).message}`);
  process.exit(1);
}
