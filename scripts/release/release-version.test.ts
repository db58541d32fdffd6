/**
 * One version, in package.json: both manifests get it at build time, package-lock.json follows it (`npm version`
 * keeps the two together), and CHANGELOG.md has its section, so a version cannot be bumped without saying what changed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { changelogSection } from './changelog';
import { packageVersion } from './release-archives';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

describe('the version', () => {
  const version = packageVersion(root);

  it('is not written in the source manifest (the build takes package.json\'s)', () => {
    expect(Object.keys(JSON.parse(read('manifest.json')) as object)).not.toContain('version');
  });

  it('is the same in package-lock.json', () => {
    const lock = JSON.parse(read('package-lock.json')) as { version?: string; packages?: Record<string, { version?: string }> };
    expect({ lock: lock.version, root: lock.packages?.['']?.version }).toEqual({ lock: version, root: version });
  });

  it('has its section in CHANGELOG.md, saying something', () => {
    const section = changelogSection(read('CHANGELOG.md'), version);
    if (!section) throw new Error(`CHANGELOG.md has no "## ${version}" section: add one saying what changed in ${version}.`);
    expect(section.body.length).toBeGreaterThan(0);
  });
});
