import { mainOutcome, outcomesText, shortPath, typeLabel } from './entry-format';

describe('entry formatting', () => {
  it('says what the page saw, most frequent first', () => {
    expect(outcomesText({ outcomes: { failed: 1, loaded: 3 } })).toBe('3 loaded, 1 failed to load');
    expect(mainOutcome({ outcomes: { failed: 1, loaded: 3 } })).toBe('loaded');
    expect(mainOutcome({ outcomes: {} })).toBe('pending');
  });

  it('labels types and shortens long paths around an ellipsis', () => {
    expect(typeLabel('xmlhttprequest')).toBe('fetch');
    const short = shortPath(`/${'a'.repeat(200)}/end.js`, 40);
    expect(short).toHaveLength(40);
    expect(short.endsWith('end.js')).toBe(true);
    expect(shortPath('/x.js')).toBe('/x.js');
  });
});
