import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import { STRICT_MODE_FRESH_LOAD, STRICT_MODE_PAGES, strictModeFreshLoad } from '../strict-mode/sensitive-route';
import { messagePayloadParser } from '../messaging';
import { createMessageRouter } from './message-router';
import { FRESH_LOAD_WINDOW_MS, MAX_FRESH_LOADS, createSensitiveRouteHandlers } from './sensitive-route-handlers';

/** The router's check of the fresh-load payload, made from its declaration. */
const parseFreshLoad = messagePayloadParser(strictModeFreshLoad)!;

const { catalog } = testCatalog();
const EXTENSION = { extensionId: 'dashguard', extensionOrigin: 'chrome-extension://dashguard/' };
const TOKENS = 'https://app.ci.example/settings/tokens';
const top = (url: string, tabId = 4) => ({ id: 'dashguard', url, tab: { id: tabId }, frameId: 0 });

function setup(options: { reportOnly?: boolean; granted?: string[] } = {}) {
  const calls: string[] = [];
  let time = 1_000;
  const granted = options.granted ?? ['https://app.ci.example/*'];
  const handlers = createSensitiveRouteHandlers({
    loadContext: async () => ({
      catalog,
      settings: { ...DEFAULT_SETTINGS, reportOnly: options.reportOnly ?? false },
      policy: NO_POLICY,
      pausedTabs: [],
    }),
    hasOrigin: async (origin) => granted.includes(origin),
    tabs: {
      reload: async (tabId) => void calls.push(`reload ${tabId}`),
      update: async (tabId, { url }) => calls.push(`update ${tabId} ${url}`),
    },
    now: () => time,
  });
  const route = createMessageRouter(
    { [STRICT_MODE_PAGES]: handlers.pages, [STRICT_MODE_FRESH_LOAD]: handlers.freshLoad },
    EXTENSION,
  );
  const freshLoad = (url: string, sender = top('https://app.ci.example/pipelines')) =>
    route({ type: STRICT_MODE_FRESH_LOAD, payload: { url } }, sender);
  return { route, calls, freshLoad, advance: (ms: number) => (time += ms) };
}

describe('strict-mode/pages', () => {
  it('gives the content script the pages in force on its host, and none without host access', async () => {
    const t = setup();
    expect(await t.route({ type: STRICT_MODE_PAGES, payload: null }, top('https://app.ci.example/pipelines'))).toEqual({
      ok: true,
      value: {
        pages: [
          { urlFilter: '||app.ci.example/settings/tokens', enforced: true },
          { urlFilter: '||app.ci.example/*/secrets', enforced: true },
        ],
      },
    });
    const noAccess = setup({ granted: [] });
    expect(
      await noAccess.route({ type: STRICT_MODE_PAGES, payload: null }, top('https://app.ci.example/pipelines')),
    ).toEqual({ ok: true, value: { pages: [] } });
  });

  it('is for content scripts only', async () => {
    const t = setup();
    expect(
      await t.route(
        { type: STRICT_MODE_PAGES, payload: null },
        { id: 'dashguard', url: 'chrome-extension://dashguard/popup.html' },
      ),
    ).toMatchObject({ ok: false });
  });
});

describe('strict-mode/fresh-load', () => {
  it("loads a sensitive address of the same site in the sender's tab, or reloads it when the tab shows it already", async () => {
    const t = setup();
    expect(await t.freshLoad(`${TOKENS}?new=1`)).toEqual({ ok: true, value: { loaded: true } });
    expect(await t.freshLoad(TOKENS, top(TOKENS))).toEqual({ ok: true, value: { loaded: true } });
    expect(t.calls).toEqual([`update 4 ${TOKENS}?new=1`, 'reload 4']);
  });

  it('refuses anything else, and never navigates for it', async () => {
    const t = setup();
    const refused = async (url: string, sender = top('https://app.ci.example/pipelines')) =>
      ((await t.freshLoad(url, sender)) as { value?: { loaded: boolean } }).value?.loaded;
    expect(await refused('https://app.ci.example/pipelines/2')).toBe(false);
    expect(await refused('https://evil.example/settings/tokens')).toBe(false);
    expect(await refused('javascript:alert(1)')).toBe(false);
    expect(await refused(TOKENS, { ...top('https://app.ci.example/pipelines'), frameId: 3 })).toBe(false);
    expect(
      await refused('https://app.ci.example/settings/tokens#only-a-fragment', top('https://forge.example/x')),
    ).toBe(false);
    expect(t.calls).toEqual([]);
    expect(await setup({ reportOnly: true }).freshLoad(TOKENS)).toEqual({
      ok: true,
      value: { loaded: false, reason: 'not a sensitive page in strict mode' },
    });
    expect(await setup({ granted: [] }).freshLoad(TOKENS)).toMatchObject({
      ok: true,
      value: { loaded: false, reason: expect.stringMatching(/no host access/) },
    });
  });

  it(`allows ${MAX_FRESH_LOADS} fresh loads of a tab in a row, then refuses until the window has passed`, async () => {
    const t = setup();
    for (let i = 0; i < MAX_FRESH_LOADS; i += 1)
      expect(await t.freshLoad(TOKENS)).toEqual({ ok: true, value: { loaded: true } });
    expect(await t.freshLoad(TOKENS)).toMatchObject({
      ok: true,
      value: { loaded: false, reason: expect.stringMatching(/too many/) },
    });
    // Another tab is not affected.
    expect(await t.freshLoad(TOKENS, top('https://app.ci.example/pipelines', 9))).toEqual({
      ok: true,
      value: { loaded: true },
    });
    t.advance(FRESH_LOAD_WINDOW_MS);
    expect(await t.freshLoad(TOKENS)).toEqual({ ok: true, value: { loaded: true } });
    expect(t.calls).toHaveLength(MAX_FRESH_LOADS + 2);
  });
});

describe('strict-mode/fresh-load payload, checked by its schema', () => {
  it('takes a url, and names what is wrong otherwise', () => {
    expect(parseFreshLoad({ url: TOKENS })).toEqual({ ok: true, value: { url: TOKENS } });
    expect(parseFreshLoad({})).toEqual({ ok: false, error: 'strict-mode/fresh-load: url: missing' });
    expect(parseFreshLoad({ url: 5 })).toEqual({
      ok: false,
      error: 'strict-mode/fresh-load: url: must be text in quotes',
    });
    expect(parseFreshLoad({ url: 'x'.repeat(4_097) })).toEqual({
      ok: false,
      error: 'strict-mode/fresh-load: url: is longer than 4096 characters',
    });
    expect(parseFreshLoad({ url: TOKENS, tab: 1 })).toEqual({
      ok: false,
      error: 'strict-mode/fresh-load: tab: unknown field (remove it)',
    });
  });
});
