import { newThirdPartiesTake } from '../audit/audit-page-messages';
import { messagePayloadParser } from '../messaging';

/** The router's check of the payload, made from the declaration. */
const parseNewThirdPartiesTake = messagePayloadParser(newThirdPartiesTake)!;

describe('new-third-parties/take payload', () => {
  it('takes a dashboard id and a tab id', () => {
    expect(parseNewThirdPartiesTake({ dashboard: 'circleci', tabId: 4 })).toEqual({
      ok: true,
      value: { dashboard: 'circleci', tabId: 4 },
    });
    // A page that is not in a tab asks with the browser's "no tab" id.
    expect(parseNewThirdPartiesTake({ dashboard: 'circleci', tabId: -1 }).ok).toBe(true);
  });

  it.each([
    [null, 'new-third-parties/take: the payload: must be an object {...}'],
    [{ tabId: 4 }, 'new-third-parties/take: dashboard: missing'],
    [{ dashboard: '', tabId: 4 }, 'new-third-parties/take: dashboard: must not be empty'],
    [{ dashboard: 'x'.repeat(301), tabId: 4 }, 'new-third-parties/take: dashboard: is longer than 300 characters'],
    [{ dashboard: 'circleci', tabId: 1.5 }, 'new-third-parties/take: tabId: must be a whole number'],
    [{ dashboard: 'circleci', tabId: 4, all: true }, 'new-third-parties/take: all: unknown field (remove it)'],
  ])('refuses %p, naming the field', (payload, error) => {
    expect(parseNewThirdPartiesTake(payload)).toEqual({ ok: false, error });
  });
});
