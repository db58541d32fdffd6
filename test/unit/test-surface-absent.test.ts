/**
 * Test-only surfaces (src/background/test-surface.ts, and anything else behind `__TEST_BUILD__`) exist only in the
 * test build. This compiles the extension's scripts both ways with the project's own webpack configuration, into a
 * temporary folder, and checks that their markers are in the test build and absent from what ships.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack, { type Configuration } from 'webpack';
import { TEST_SURFACE_MARKERS as MARKERS } from './test-surface-markers';

const ROOT = path.resolve(__dirname, '../..');
const ENTRIES = ['background', 'content'];

function loadConfigs(testBuild: boolean): Configuration[] {
  const previous = process.env.DASHGUARD_TEST_BUILD;
  if (testBuild) process.env.DASHGUARD_TEST_BUILD = '1';
  else delete process.env.DASHGUARD_TEST_BUILD;
  try {
    let configs: Configuration[] = [];
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS, read as webpack reads it
      configs = require(path.join(ROOT, 'webpack.config.js')) as Configuration[];
    });
    return configs;
  } finally {
    if (previous === undefined) delete process.env.DASHGUARD_TEST_BUILD;
    else process.env.DASHGUARD_TEST_BUILD = previous;
  }
}

async function bundle(testBuild: boolean, outDir: string): Promise<Record<string, string>> {
  const configs = loadConfigs(testBuild).map((config) => {
    const entry = Object.fromEntries(
      Object.entries(config.entry as Record<string, string>).filter(([name]) => ENTRIES.includes(name)),
    );
    return {
      ...config,
      context: ROOT,
      entry,
      output: { ...config.output, path: path.join(outDir, String(config.name)) },
    };
  });
  await new Promise<void>((resolve, reject) => {
    webpack(configs, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
  const files: Record<string, string> = {};
  for (const config of configs)
    for (const name of ENTRIES)
      files[`${config.name}/${name}.js`] = readFileSync(path.join(outDir, String(config.name), `${name}.js`), 'utf8');
  return files;
}

describe('test-only surfaces', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'dashguard-bundle-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('are in the test build and absent from the shipped build, for both browsers', async () => {
    const [shipped, tested] = await Promise.all([
      bundle(false, path.join(outDir, 'dist')),
      bundle(true, path.join(outDir, 'dist-test')),
    ]);
    const found = (files: Record<string, string>): string[] =>
      Object.entries(files).flatMap(([file, text]) =>
        MARKERS.filter((marker) => text.includes(marker)).map((marker) => `${file}: ${marker}`),
      );
    expect(found(shipped)).toEqual([]);
    // The markers are real: the test build has them (else this test would prove nothing).
    for (const marker of MARKERS)
      expect(found(tested).some((line) => line.startsWith('chrome/background.js') && line.endsWith(marker))).toBe(true);
    for (const marker of MARKERS)
      expect(found(tested).some((line) => line.startsWith('firefox/background.js') && line.endsWith(marker))).toBe(
        true,
      );
  }, 120_000);
});
