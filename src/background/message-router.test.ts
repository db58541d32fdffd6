import { createMessageRouter, defineHandler } from './message-router';

const context = { extensionId: 'self', extensionOrigin: 'chrome-extension://self/' };
const calls: unknown[] = [];
const route = createMessageRouter(
  {
    'audit/report': defineHandler({
      from: ['content-script'],
      parse: (p) => (typeof p === 'number' ? { ok: true, value: p } : { ok: false, error: 'payload must be a number' }),
      handle: async (p: number) => {
        calls.push(p);
        return p * 2;
      },
    }),
    'settings/set': defineHandler({
      from: ['extension-page'],
      parse: (p) => ({ ok: true, value: p }),
      handle: async () => 'saved',
    }),
  },
  context,
);
const page = { id: 'self', url: 'chrome-extension://self/options.html' };
const content = { id: 'self', url: 'https://app.circleci.com/', tab: { id: 3 } };

describe('createMessageRouter', () => {
  beforeEach(() => calls.splice(0));

  it('hands a valid message from an allowed sender to its handler', async () => {
    expect(await route({ type: 'audit/report', payload: 2 }, content)).toEqual({ ok: true, value: 4 });
    expect(await route({ type: 'settings/set', payload: {} }, page)).toEqual({ ok: true, value: 'saved' });
  });

  it.each([
    ['another extension', { type: 'audit/report', payload: 1 }, { ...content, id: 'other' }, /not accepted/],
    [
      'a sender with no id',
      { type: 'audit/report', payload: 1 },
      { url: 'https://evil.example/', tab: { id: 1 } },
      /not accepted/,
    ],
    ['a content script sending a settings change', { type: 'settings/set', payload: {} }, content, /not accepted/],
    ['an unknown type', { type: 'debug/unblock-all', payload: {} }, page, /unknown message type/],
    ['a prototype key as type', { type: '__proto__', payload: {} }, page, /unknown message type/],
    ['a malformed envelope', 'hello', page, /malformed/],
    ['a bad payload', { type: 'audit/report', payload: 'x' }, content, /must be a number/],
  ])('refuses %s without calling the handler', async (_name, message, sender, error) => {
    const reply = await route(message, sender);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(error);
    expect(calls).toEqual([]);
  });
});
