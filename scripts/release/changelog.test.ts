import { changelogSection } from './changelog';

const CHANGELOG = `# Changelog

Intro.

## 0.2.0 - unreleased

### Added
- Compact rulesets.

## [0.1.0] - 2026-12-01

- First release.
`;

describe('changelogSection', () => {
  it('finds the section of a version, its date once released, and what it says', () => {
    expect(changelogSection(CHANGELOG, '0.2.0')).toEqual({ version: '0.2.0', date: undefined, body: '### Added\n- Compact rulesets.' });
    expect(changelogSection(CHANGELOG, '0.1.0')).toEqual({ version: '0.1.0', date: '2026-12-01', body: '- First release.' });
  });

  it('does not take a version for another that starts the same, nor a mention outside a heading', () => {
    expect(changelogSection(CHANGELOG, '0.1.1')).toBeUndefined();
    expect(changelogSection('# Changelog\n\nSee 0.3.0 below.\n### 0.3.0\n', '0.3.0')).toBeUndefined();
  });
});
