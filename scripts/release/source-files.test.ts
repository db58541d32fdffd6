import { parseStagedFiles } from './source-files';

describe('parseStagedFiles', () => {
  it('reads paths (spaces and all) and the executable bit', () => {
    const output = ['100644 0123abcd 0\tREADME.md', '100755 4567ef01 0\t.ci/run', '100644 89ab 0\tdocs/a file.md', ''].join('\0');
    expect(parseStagedFiles(output)).toEqual([
      { path: 'README.md', executable: false },
      { path: '.ci/run', executable: true },
      { path: 'docs/a file.md', executable: false },
    ]);
    expect(parseStagedFiles('')).toEqual([]);
  });

  it('refuses what a zip cannot hold or a tree in the middle of a merge', () => {
    expect(() => parseStagedFiles('120000 0123 0\tlink\0')).toThrow(/link is not a regular file in git \(mode 120000\)/);
    expect(() => parseStagedFiles('160000 0123 0\tvendor/lib\0')).toThrow(/not a regular file/);
    expect(() => parseStagedFiles('100644 0123 2\tsrc/a.ts\0')).toThrow(/unresolved merge conflict/);
    expect(() => parseStagedFiles('garbage\0')).toThrow(/Unexpected/);
  });
});
