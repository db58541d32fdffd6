/**
 * `npm run package`: builds Dashguard into a fresh folder that no browser has ever loaded (a browser writes its own
 * files into a folder it loads: Chromium's `_metadata/`), checks that the build holds exactly the files the build
 * makes (scripts/build-outputs.ts), and writes into release/:
 * - dashguard-chrome-VERSION.zip for the Chrome Web Store (manifest without `key`: the store assigns the id),
 * - dashguard-firefox-VERSION.zip for addons.mozilla.org,
 * - dashguard-source-VERSION.zip, the source AMO's reviewers rebuild the Firefox archive from (BUILDING.md).
 * Every archive is deterministic (scripts/release/deterministic-zip.ts): the same tree gives the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildOutputs, filesUnder, outputDifferences } from '../build-outputs';
import { deterministicZip } from './deterministic-zip';
import { archivePath, packageVersion, RELEASE_DIR, type ArchiveKind } from './release-archives';
import { trackedSourceFiles, uncommittedChanges } from './source-files';

const root = path.resolve(__dirname, '..', '..');

function write(kind: ArchiveKind, version: string, archive: Uint8Array): void {
  const file = archivePath(root, kind, version);
  writeFileSync(file, archive);
  const sha256 = createHash('sha256').update(archive).digest('hex');
  console.log(`  ${path.relative(root, file)}  ${(archive.length / 1024).toFixed(1)} KiB  sha256 ${sha256}`);
}

function main(): number {
  const version = packageVersion(root);
  const buildDir = mkdtempSync(path.join(tmpdir(), 'dashguard-package-'));
  try {
    console.log(`Dashguard ${version}: building into ${buildDir} (a folder no browser has loaded)...`);
    execFileSync('npm', ['run', '--silent', 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DASHGUARD_OUT_DIR: buildDir, DASHGUARD_STORE_BUILD: '1', DASHGUARD_TEST_BUILD: '' },
    });
    const archives: [ArchiveKind, Uint8Array][] = [];
    for (const browser of ['chrome', 'firefox'] as const) {
      const expected = buildOutputs(root, browser);
      const dir = path.join(buildDir, browser);
      const files = filesUnder(dir);
      const differences = outputDifferences(expected, files);
      if (differences.length > 0) {
        console.error(`The ${browser} build does not hold exactly the files the build makes (scripts/build-outputs.ts):\n  ${differences.join('\n  ')}`);
        return 1;
      }
      archives.push([browser, deterministicZip(files.map((file) => ({ path: file, data: readFileSync(path.join(dir, file)) })))]);
    }

    const sources = trackedSourceFiles(root);
    if (sources) archives.push(['source', deterministicZip(sources.map((file) => ({ ...file, data: readFileSync(path.join(root, file.path)) })))]);

    mkdirSync(path.join(root, RELEASE_DIR), { recursive: true });
    console.log(`Dashguard ${version}: archives written`);
    for (const [kind, archive] of archives) write(kind, version, archive);
    if (!sources) {
      rmSync(archivePath(root, 'source', version), { force: true });
      console.log('  (no source archive: this tree is not a git checkout, so which files are the source is unknown)');
    } else {
      const changes = uncommittedChanges(root);
      if (changes.length > 0) console.log(`  Note: the source archive holds ${changes.length} uncommitted change(s); a release is made from a commit.`);
    }
    return 0;
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}

process.exit(main());
