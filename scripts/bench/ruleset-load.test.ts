import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateStaticRules } from '../../src/rules';
import { vendorCatalog } from '../../src/catalog-data';
import { RULESET } from '../../src/rules/rule-registry';
import { verdict } from './bench-table';
import { layoutCopies, rulesetFiles, rulesetRows } from './ruleset-load';

describe('the per-vendor copy of a build', () => {
  let dir: string;
  const saved = process.env.DASHGUARD_CHROME_DIR;
  const compact = generateStaticRules(vendorCatalog.vendors, vendorCatalog.dashboards).rulesets;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dashguard-ruleset-test-'));
    mkdirSync(path.join(dir, 'rules'));
    mkdirSync(path.join(dir, '_metadata'));
    const resources = [RULESET.allowlist, RULESET.blocklist].map((id) => ({
      id,
      enabled: true,
      path: `rules/${id}.json`,
    }));
    writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ declarative_net_request: { rule_resources: resources } }),
    );
    for (const { id, path: file } of resources) writeFileSync(path.join(dir, file), `${JSON.stringify(compact[id])}\n`);
    process.env.DASHGUARD_CHROME_DIR = dir;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DASHGUARD_CHROME_DIR;
    else process.env.DASHGUARD_CHROME_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the build as it is and writes the per-vendor rulesets into the other copy, without the browser cache', () => {
    const copies = layoutCopies('chromium');
    try {
      const perVendor = generateStaticRules(vendorCatalog.vendors, vendorCatalog.dashboards, {
        layout: 'per-vendor',
      }).rulesets;
      expect(readFileSync(path.join(copies.dirs.compact, `rules/${RULESET.blocklist}.json`), 'utf8')).toBe(
        `${JSON.stringify(compact[RULESET.blocklist])}\n`,
      );
      expect(
        JSON.parse(readFileSync(path.join(copies.dirs['per-vendor'], `rules/${RULESET.blocklist}.json`), 'utf8')),
      ).toEqual(perVendor[RULESET.blocklist]);
      for (const copy of Object.values(copies.dirs)) expect(existsSync(path.join(copy, '_metadata'))).toBe(false);
      const files = { compact: rulesetFiles(copies.dirs.compact), perVendor: rulesetFiles(copies.dirs['per-vendor']) };
      expect(files.compact.rules).toBe(compact[RULESET.allowlist].length + compact[RULESET.blocklist].length);
      expect(files.perVendor.rules).toBe(perVendor[RULESET.allowlist].length + perVendor[RULESET.blocklist].length);
      expect(files.compact.bytes).toBeLessThan(files.perVendor.bytes);
    } finally {
      copies.remove();
    }
    expect(existsSync(path.dirname(copies.dirs.compact))).toBe(false);
  });
});

describe('rulesetRows', () => {
  const files = { compact: { bytes: 300, rules: 10 }, 'per-vendor': { bytes: 3_000, rules: 200 } };
  it('gives each figure as compact ÷ per vendor, and a slower compact load misses its target', () => {
    const rows = rulesetRows({
      files: { chromium: files, firefox: files },
      enableMs: {
        chromium: { compact: [2, 3, 4], 'per-vendor': [1, 2, 3] },
        firefox: { compact: [1, 1, 2], 'per-vendor': [4, 4, 5] },
      },
    });
    expect(rows.map((r) => [r.figure.split(',')[0], r.value])).toEqual([
      ['Ruleset bytes', 0.1],
      ['Static rules', 0.05],
      ['Ruleset bytes', 0.1],
      ['Static rules', 0.05],
      ['Ruleset load: every static ruleset switched on', 1.5],
      ['Ruleset load: every static ruleset switched on', 0.25],
    ]);
    expect(rows.map((r) => verdict(r))).toEqual(['meets', 'meets', 'meets', 'meets', 'misses', 'meets']);
  });
});
