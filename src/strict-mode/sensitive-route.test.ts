import { isFreshLoadReply, isStrictModePagesReply } from './sensitive-route';

describe('the content script checks the strict-mode replies', () => {
  it('accepts a fresh load done, or refused with its reason', () => {
    expect(isFreshLoadReply({ loaded: true })).toBe(true);
    expect(isFreshLoadReply({ loaded: false, reason: 'not a sensitive page' })).toBe(true);
    expect(isFreshLoadReply({ loaded: false })).toBe(false);
    expect(isFreshLoadReply({ loaded: 'yes' })).toBe(false);
    expect(isFreshLoadReply(undefined)).toBe(false);
  });

  it('accepts a list of page filters', () => {
    expect(isStrictModePagesReply({ pages: [{ urlFilter: '||ci.example.com/credentials', enforced: true }] })).toBe(
      true,
    );
    expect(isStrictModePagesReply({ pages: [{ urlFilter: '||ci.example.com/credentials' }] })).toBe(false);
    expect(isStrictModePagesReply({})).toBe(false);
  });
});
