/**
 * What an addons.mozilla.org reviewer does with the source archive: unpack it, follow BUILDING.md (`npm ci && npm run
 * build`) and compare with the Firefox archive, file by file. Here in a temporary folder, from the archives
 * `npm run package` wrote into release/. Then `npm run package` in the rebuilt tree must give both store archives
 * byte for byte: the release is reproducible from its source alone (nothing untracked, no time stamp, no absolute
 * path of the machine that built it).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { filesUnder, outputDifferences } from '../../scripts/build-outputs';
import { archivePaths, unzipEntries } from '../../scripts/release/deterministic-zip';
import { archivePath, packageVersion, type ArchiveKind } from '../../scripts/release/release-archives';
import { trackedSourceFiles } from '../../scripts/release/source-files';

const ROOT = path.resolve(__dirname, '../..');
const version = packageVersion(ROOT);

function readArchive(kind: ArchiveKind): Buffer {
  const file = archivePath(ROOT, kind, version);
  if (!existsSync(file)) throw new Error(`No ${path.relative(ROOT, file)}: run \`npm run package\` first.`);
  return readFileSync(file);
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The environment of a person's shell: none of the build switches this run may have been started with. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('DASHGUARD_')));
}

function run(cwd: string, args: readonly string[]): void {
  try {
    execFileSync('npm', args, { cwd, env: cleanEnv(), stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`\`npm ${args.join(' ')}\` failed in ${cwd}:\n${failed.stdout?.toString() ?? ''}${failed.stderr?.toString() ?? ''}`, { cause: error });
  }
}

describe('the AMO source archive', () => {
  const source = readArchive('source');
  const sourceFiles = unzipEntries(source);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dashguard-rebuild-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('holds the tracked files and nothing git ignores (no node_modules, no build output)', () => {
    const names = archivePaths(source);
    expect(names).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'BUILDING.md', 'webpack.config.js', 'manifest.json']));
    expect(names.filter((name) => /^(node_modules|dist|dist-test|release|rules\/generated|src\/generated)\//.test(name))).toEqual([]);
    const tracked = trackedSourceFiles(ROOT);
    if (tracked) expect(names).toEqual(tracked.map((file) => file.path).sort());
  });

  test('rebuilds with `npm ci && npm run build` into a Firefox build equal to the Firefox archive, file for file', () => {
    for (const [name, data] of sourceFiles) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
    run(dir, ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
    run(dir, ['run', 'build']);

    const firefox = unzipEntries(readArchive('firefox'));
    const rebuilt = path.join(dir, 'dist', 'firefox');
    expect(outputDifferences([...firefox.keys()].sort(), filesUnder(rebuilt))).toEqual([]);
    const differing = [...firefox].filter(([name, data]) => !readFileSync(path.join(rebuilt, name)).equals(Buffer.from(data))).map(([name]) => name);
    expect(differing).toEqual([]);
  });

  test('`npm run package` in the rebuilt tree gives both store archives byte for byte', () => {
    run(dir, ['run', 'package']);
    for (const kind of ['chrome', 'firefox'] as const) {
      expect({ kind, sha256: sha256(readFileSync(archivePath(dir, kind, version))) }).toEqual({ kind, sha256: sha256(readArchive(kind)) });
    }
  });
});
