import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY, type ManagedPolicy } from '../policy/managed-policy';
import { parseManagedPolicy } from '../policy/parse-managed-policy';
import { createPausedTabsStore, PAUSED_TABS_KEY } from '../rules/paused-tabs-store';
import { createTabPauseGetHandler, createTabPauseSetHandler } from './tab-pause-handlers';
import { tabPauseGet, tabPauseSet } from '../settings/settings-messages';
import { messagePayloadParser } from '../messaging';

/** The router's checks of the payloads, made from the declarations. */
const parseTabPauseGet = messagePayloadParser(tabPauseGet)!;
const parseTabPauseSet = messagePayloadParser(tabPauseSet)!;

function setup(policy: ManagedPolicy = NO_POLICY, reconcileOk = true) {
  const data: Record<string, unknown> = {};
  const store = createPausedTabsStore({
    get: async (key: string) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => void Object.assign(data, items),
  });
  let reconciles = 0;
  const deps = { store, loadPolicy: async () => policy, reconcile: async () => (reconciles += 1) > 0 && reconcileOk };
  return {
    data,
    store,
    get: createTabPauseGetHandler(deps),
    set: createTabPauseSetHandler(deps),
    reconciles: () => reconciles,
  };
}
const sender = { id: 'self', url: 'chrome-extension://self/popup.html' };

describe('tab pause', () => {
  it('pauses and resumes one tab, reconciling each time', async () => {
    const t = setup();
    expect(await t.set.handle({ tabId: 4, paused: true }, sender)).toEqual({ tabId: 4, paused: true, allowed: true });
    expect(await t.set.handle({ tabId: 9, paused: true }, sender)).toMatchObject({ paused: true });
    expect(await t.get.handle({ tabId: 4 }, sender)).toEqual({ tabId: 4, paused: true, allowed: true });
    expect(await t.get.handle({ tabId: 5 }, sender)).toEqual({ tabId: 5, paused: false, allowed: true });
    await t.set.handle({ tabId: 4, paused: false }, sender);
    expect(t.data[PAUSED_TABS_KEY]).toEqual([9]);
    expect(t.reconciles()).toBe(3);
  });

  it('is refused when the organisation switched it off', async () => {
    const t = setup({ ...NO_POLICY, allowTabPause: false });
    await expect(t.set.handle({ tabId: 4, paused: true }, sender)).rejects.toThrow(
      'Your organisation switched off pausing Dashguard on a tab (allowTabPause: false).',
    );
    expect(await t.get.handle({ tabId: 4 }, sender)).toEqual({ tabId: 4, paused: false, allowed: false });
  });

  it('is refused under the lock unless the policy allows it by name, and the refusal names both settings', async () => {
    const locked = parseManagedPolicy({ lockUserRules: true }, testCatalog().catalog).policy;
    const t = setup(locked);
    await expect(t.set.handle({ tabId: 4, paused: true }, sender)).rejects.toThrow(
      'Your organisation locks Dashguard (lockUserRules) and its policy does not allow pausing it on a tab (allowTabPause).',
    );
    expect(t.reconciles()).toBe(0);
    const allowed = setup(
      parseManagedPolicy({ lockUserRules: true, allowTabPause: true }, testCatalog().catalog).policy,
    );
    expect(await allowed.set.handle({ tabId: 4, paused: true }, sender)).toEqual({
      tabId: 4,
      paused: true,
      allowed: true,
    });
  });

  it('leaves the tab as it was when the browser refuses the rules', async () => {
    const t = setup(NO_POLICY, false);
    await expect(t.set.handle({ tabId: 4, paused: true }, sender)).rejects.toThrow(/refused/);
    expect(await t.store.list()).toEqual([]);
  });

  it('loses no toggle when two arrive at once', async () => {
    const t = setup();
    await Promise.all([t.store.set(1, true), t.store.set(2, true), t.store.set(3, true)]);
    expect((await t.store.list()).sort()).toEqual([1, 2, 3]);
  });

  it('accepts only a tab id and a boolean', () => {
    const t = setup();
    expect(t.set.parse({ tabId: -1, paused: true }).ok).toBe(false);
    expect(t.set.parse({ tabId: 2, paused: 'yes' }).ok).toBe(false);
    expect(t.get.parse({ tabId: 2 }).ok).toBe(true);
  });
});

describe('tab pause payloads, checked by their schemas', () => {
  it('accepts a tab id (and paused), and refuses each field by name', () => {
    expect(parseTabPauseGet({ tabId: 4 })).toEqual({ ok: true, value: { tabId: 4 } });
    expect(parseTabPauseSet({ tabId: 4, paused: true })).toEqual({ ok: true, value: { tabId: 4, paused: true } });
    expect(parseTabPauseGet({})).toEqual({ ok: false, error: 'tab-pause/get: tabId: missing' });
    expect(parseTabPauseGet({ tabId: -1 })).toEqual({ ok: false, error: 'tab-pause/get: tabId: must be 0 or more' });
    expect(parseTabPauseGet({ tabId: 1.5 })).toEqual({
      ok: false,
      error: 'tab-pause/get: tabId: must be a whole number',
    });
    expect(parseTabPauseGet(null)).toEqual({ ok: false, error: 'tab-pause/get: the payload: must be an object {...}' });
    expect(parseTabPauseSet({ tabId: 4, paused: 'yes' })).toEqual({
      ok: false,
      error: 'tab-pause/set: paused: must be true or false',
    });
    expect(parseTabPauseSet({ tabId: 4 })).toEqual({ ok: false, error: 'tab-pause/set: paused: missing' });
  });
});
