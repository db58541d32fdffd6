import { auditReport } from '../audit';
import { POLICY_GET, policyGet } from '../policy';
import {
  NO_POLICY_STATUS,
  SETTINGS_CHANGE,
  TAB_PAUSE_GET,
  TAB_PAUSE_SET,
  settingsChange,
  tabPauseSet,
} from '../settings';
import { createSettingsChangeHandler } from './settings-change-handler';
import { createMessageRouter, defineHandler, handlerFor, senderKind, type Handlers } from './message-router';

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
    [
      'a page whose tab is closing, to a handler that does not take it',
      { type: 'audit/report', payload: 1 },
      { id: 'self', url: 'https://app.circleci.com/' },
      /not accepted/,
    ],
    [
      'a sender of this extension with neither a tab nor a web address',
      { type: 'audit/report', payload: 1 },
      { id: 'self', url: 'about:blank' },
      /not accepted/,
    ],
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

describe('senderKind', () => {
  it.each([
    ['an extension page', page, 'extension-page'],
    ['a content script', content, 'content-script'],
    // Firefox gives no tab for what a page sends as its tab closes.
    [
      'a content script whose tab is closing',
      { id: 'self', url: 'https://app.circleci.com/' },
      'content-script-closing-tab',
    ],
    ['another extension', { id: 'other', url: 'https://app.circleci.com/' }, undefined],
    ['this extension with no address', { id: 'self' }, undefined],
    ['this extension from a data: address', { id: 'self', url: 'data:text/html,x' }, undefined],
  ])('%s', (_name, sender, kind) => {
    expect(senderKind(sender, context)).toBe(kind);
  });
});

describe('handlerFor (a handler built from its message declaration)', () => {
  const tabPause = handlerFor(tabPauseSet, {
    from: ['extension-page'],
    handle: async ({ tabId, paused }) => ({ tabId, paused, allowed: true }),
  });
  const routeDeclared = createMessageRouter(
    {
      [TAB_PAUSE_SET]: tabPause,
      [POLICY_GET]: handlerFor(policyGet, { from: ['extension-page'], handle: async () => NO_POLICY_STATUS }),
    },
    context,
  );

  it("parses the payload with the declaration's schema before the handler runs", async () => {
    expect(await routeDeclared({ type: TAB_PAUSE_SET, payload: { tabId: 2, paused: true } }, page)).toEqual({
      ok: true,
      value: { tabId: 2, paused: true, allowed: true },
    });
    expect(await routeDeclared({ type: TAB_PAUSE_SET, payload: { tabId: 2, paused: 'yes' } }, page)).toEqual({
      ok: false,
      error: 'tab-pause/set: paused: must be true or false',
    });
    expect(await routeDeclared({ type: POLICY_GET, payload: {} }, page)).toEqual({
      ok: false,
      error: 'policy/get takes no payload',
    });
    expect(await routeDeclared({ type: POLICY_GET, payload: undefined }, page)).toEqual({
      ok: true,
      value: NO_POLICY_STATUS,
    });
  });

  it("words a refusal of a payload of several kinds by its kind, from the declaration's schema", async () => {
    const route = createMessageRouter(
      { [SETTINGS_CHANGE]: createSettingsChangeHandler({ change: () => Promise.reject(new Error('not applied')) }) },
      context,
    );
    expect(await route({ type: SETTINGS_CHANGE, payload: { kind: 'set-audit-retention', days: 0 } }, page)).toEqual({
      ok: false,
      error: 'set-audit-retention: days: must be 1 or more',
    });
    expect(await route({ type: SETTINGS_CHANGE, payload: { kind: 'unblock-everything' } }, page)).toEqual({
      ok: false,
      error: 'unknown settings change "unblock-everything"',
    });
    expect(await route({ type: SETTINGS_CHANGE, payload: 'reset' }, page)).toEqual({
      ok: false,
      error: 'a settings change needs a "kind"',
    });
  });

  it('refuses (at compile time) a reply or payload of the wrong shape and a handler under another type', () => {
    handlerFor(tabPauseSet, {
      from: ['extension-page'],
      // @ts-expect-error: tab-pause/set answers a TabPauseState.
      handle: async () => ({ tabId: 1, paused: true }),
    });
    handlerFor(tabPauseSet, {
      from: ['extension-page'],
      // @ts-expect-error: its payload has no `url`.
      handle: async ({ url }) => ({ tabId: Number(url), paused: true, allowed: true }),
    });
    const noParse = { from: ['content-script'], handle: async () => ({ storedThrough: 0 }) } as const;
    // @ts-expect-error: a message its handler parses needs the handler's `parse`.
    expect(() => handlerFor(auditReport, noParse)).toThrow('audit/report: its handler must parse the payload');
    handlerFor(settingsChange, {
      from: ['extension-page'],
      // @ts-expect-error: a schema-declared payload is checked by its schema only, never by a parser of the handler's.
      parse: () => ({ ok: true, value: { kind: 'reset', scope: 'all' } }),
      handle: async () => ({ applied: false as const, errors: [] }),
    });
    const misfiled: Pick<Handlers, typeof TAB_PAUSE_GET> = {
      // @ts-expect-error: a tab-pause/set handler under tab-pause/get.
      [TAB_PAUSE_GET]: tabPause,
    };
    expect(misfiled).toBeDefined();
  });
});
