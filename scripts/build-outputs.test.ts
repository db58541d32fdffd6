import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import bundleEntries from './bundle-entries.json';
import { buildOutputs, filesUnder, outputDifferences, STATIC_FILES } from './build-outputs';

const root = path.resolve(__dirname, '..');

describe('buildOutputs', () => {
  const outputs = buildOutputs(root, 'chrome');

  it('lists one bundle per webpack entry, each static file, every icon and the manifest, sorted', () => {
    for (const name of Object.keys(bundleEntries)) expect(outputs).toContain(`${name}.js`);
    expect(outputs).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'popup.html',
        'options.html',
        'rules/dashboard-blocklist.json',
        'icons/icon-128.png',
      ]),
    );
    expect(outputs).toEqual([...outputs].sort());
    expect(new Set(outputs).size).toBe(outputs.length);
  });

  it('names no browser-reserved folder, source map or test-build surface', () => {
    expect(
      outputs.filter(
        (file) => file.split('/').some((part) => part.startsWith('_')) || file.endsWith('.map') || /test/i.test(file),
      ),
    ).toEqual([]);
  });

  it('is what webpack builds: the configuration takes its entries from the same file', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS, read as webpack reads it
      const configs = require(path.join(root, 'webpack.config.js')) as { entry: Record<string, string> }[];
      for (const config of configs) expect(config.entry).toEqual(bundleEntries);
    });
    for (const [from] of STATIC_FILES) expect(from.startsWith('/')).toBe(false);
  });

  it('gives Chromium the tab-cover ruleset and Firefox everything else', () => {
    expect(outputs).toContain('rules/tab-cover.json');
    const firefox = buildOutputs(root, 'firefox');
    expect(firefox).not.toContain('rules/tab-cover.json');
    expect(outputs.filter((file) => !firefox.includes(file))).toEqual(['rules/tab-cover.json']);
  });
});

describe('filesUnder and outputDifferences', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dashguard-outputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('find a folder a browser wrote into the build, and a file the build should have made', () => {
    mkdirSync(path.join(dir, '_metadata', 'generated_indexed_rulesets'), { recursive: true });
    writeFileSync(path.join(dir, '_metadata', 'generated_indexed_rulesets', '_ruleset1'), 'x');
    writeFileSync(path.join(dir, 'manifest.json'), '{}');
    writeFileSync(path.join(dir, 'background.js.map'), '{}');
    const files = filesUnder(dir);
    expect(files).toEqual(['_metadata/generated_indexed_rulesets/_ruleset1', 'background.js.map', 'manifest.json']);
    expect(outputDifferences(['background.js', 'manifest.json'], files)).toEqual([
      'missing: background.js',
      'not made by the build: _metadata/generated_indexed_rulesets/_ruleset1',
      'not made by the build: background.js.map',
    ]);
    expect(outputDifferences(['manifest.json'], ['manifest.json'])).toEqual([]);
  });
});
