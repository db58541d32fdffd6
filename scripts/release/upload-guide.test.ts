import { uploadGuide, type BuiltArchive } from './upload-guide';

const ARCHIVES: BuiltArchive[] = [
  { kind: 'chrome', file: 'release/dashguard-chrome-1.2.3.zip', bytes: 2048, sha256: 'aa' },
  { kind: 'firefox', file: 'release/dashguard-firefox-1.2.3.zip', bytes: 3072, sha256: 'bb' },
  { kind: 'source', file: 'release/dashguard-source-1.2.3.zip', bytes: 1024, sha256: 'cc' },
];

describe('uploadGuide', () => {
  it('sends the Chrome archive to the Chrome Web Store, the Firefox archive and the source to AMO, and tags the commit', () => {
    const guide = uploadGuide({ version: '1.2.3', commit: 'abc1234', archives: ARCHIVES, changelogDated: true });
    const chrome = guide.indexOf('Chrome Web Store');
    const amo = guide.indexOf('addons.mozilla.org');
    expect(guide.indexOf('dashguard-chrome-1.2.3.zip  (2.0 KiB, sha256 aa)')).toBeGreaterThan(chrome);
    expect(guide.indexOf('dashguard-chrome-1.2.3.zip')).toBeLessThan(amo);
    expect(guide.indexOf('dashguard-firefox-1.2.3.zip  (3.0 KiB, sha256 bb)')).toBeGreaterThan(amo);
    expect(guide.indexOf('dashguard-source-1.2.3.zip')).toBeGreaterThan(guide.indexOf('submit source code'));
    expect(guide).toContain('git tag -a v1.2.3 -m "Dashguard 1.2.3" abc1234');
    expect(guide).not.toContain('no date yet');
  });

  it('reminds of the changelog date, and refuses to guide without every archive', () => {
    expect(uploadGuide({ version: '1.2.3', commit: 'abc1234', archives: ARCHIVES, changelogDated: false })).toContain('"## 1.2.3" heading has no date yet');
    expect(() => uploadGuide({ version: '1.2.3', commit: 'abc1234', archives: ARCHIVES.slice(0, 2), changelogDated: true })).toThrow(/No source archive/);
  });
});
