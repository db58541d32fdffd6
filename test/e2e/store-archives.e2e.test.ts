/**
 * The store archives `npm run package` wrote into release/: each holds exactly the files a build makes (no
 * `_metadata/` a browser left, no source map, no test-build code), and each starts in its browser with its rules in
 * force: the Chrome archive unpacked into Chromium (no manifest `key`, as the store wants, so its id comes from the
 * folder), the Firefox archive installed as it is into Firefox. Run `npm run package` first (`npm test` does).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildOutputs } from '../../scripts/build-outputs';
import { archivePaths, unzipEntries } from '../../scripts/release/deterministic-zip';
import { archivePath, packageVersion } from '../../scripts/release/release-archives';
import { TEST_SURFACE_MARKERS } from '../unit/test-surface-markers';
import { launchChromium, launchFirefox, type ExtensionBrowser } from './harness/browsers';
import { chromiumExtensionId, FIREFOX_ADDON_ID, REPO_ROOT } from './harness/extension-build';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';

const version = packageVersion(REPO_ROOT);

function readArchive(kind: 'chrome' | 'firefox'): Uint8Array {
  const file = archivePath(REPO_ROOT, kind, version);
  if (!existsSync(file)) throw new Error(`No ${path.relative(REPO_ROOT, file)}: run \`npm run package\` first.`);
  return readFileSync(file);
}

function manifestOf(files: Map<string, Uint8Array>): Record<string, unknown> {
  const manifest = files.get('manifest.json');
  if (!manifest) throw new Error('The archive has no manifest.json');
  return JSON.parse(Buffer.from(manifest).toString('utf8')) as Record<string, unknown>;
}

/** Unpacks an archive into a new folder, as a person loading it unpacked would. */
function unpack(files: Map<string, Uint8Array>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dashguard-archive-'));
  for (const [name, data] of files) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), data);
  }
  return dir;
}

describe.each(['chrome', 'firefox'] as const)('the %s store archive', (kind) => {
  const archive = readArchive(kind);
  const files = unzipEntries(archive);

  test('holds exactly the files the build makes, in a stable order, and nothing a browser or a tool left', () => {
    const stored = archivePaths(archive);
    expect(stored).toEqual(buildOutputs(REPO_ROOT, kind));
    expect(
      stored.filter(
        (name) => name.split('/').some((part) => part.startsWith('_')) || name.endsWith('.map') || name.endsWith('/'),
      ),
    ).toEqual([]);
  });

  test('carries no test-only code', () => {
    const found = [...files].flatMap(([name, data]) =>
      name.endsWith('.js')
        ? TEST_SURFACE_MARKERS.filter((marker) => Buffer.from(data).includes(marker)).map(
            (marker) => `${name}: ${marker}`,
          )
        : [],
    );
    expect(found).toEqual([]);
    // The check can see a marker: the test build has them (when it was built).
    const testBuild = path.join(REPO_ROOT, 'dist-test', kind, 'background.js');
    if (existsSync(testBuild))
      expect(TEST_SURFACE_MARKERS.some((marker) => readFileSync(testBuild, 'utf8').includes(marker))).toBe(true);
  });

  test("has package.json's version and the store's manifest: no key", () => {
    const manifest = manifestOf(files);
    expect(manifest.version).toBe(version);
    expect(manifest.key).toBeUndefined();
    if (kind === 'chrome') expect(manifest.background).toEqual({ service_worker: 'background.js' });
    else expect(manifest.browser_specific_settings).toMatchObject({ gecko: { id: FIREFOX_ADDON_ID } });
  });
});

describe('the store archives start in their browsers', () => {
  let fixture: FixtureServer;
  let session: ExtensionBrowser | undefined;
  const cleanup: string[] = [];

  beforeAll(async () => {
    fixture = await startFixtureServer();
  });

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  afterAll(async () => {
    await fixture?.close();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  test('Chromium runs the unpacked Chrome archive, under the id of its folder, and its rules block on the dashboard', async () => {
    const dir = unpack(unzipEntries(readArchive('chrome')));
    cleanup.push(dir);
    // launchChromium throws "Dashguard did not load" unless the service worker runs and the canary is blocked on the
    // dashboard while the same request from an unrelated site arrives.
    session = await launchChromium(dir, { fixture });
    expect(session.extensionId).toBe(chromiumExtensionId(dir));
    const worker = await session.serviceWorkerTarget!.worker();
    expect(await worker!.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
  });

  test('Firefox installs the Firefox archive itself, and its rules block on the dashboard', async () => {
    // launchFirefox installs what it is given (here the .zip, as AMO receives it) and runs the same canary.
    session = await launchFirefox(archivePath(REPO_ROOT, 'firefox', version), { fixture });
    expect(session.extensionId).toBe(FIREFOX_ADDON_ID);
  });
});
