/**
 * The protocol's types and the client's checks. The `@ts-expect-error` lines are the type-level test: `npm run
 * typecheck` compiles this file, and fails if any of those lines compiles (a wrong payload, a wrong reply type, a
 * message the client was not made for, a schema-checked reply in the content script's guard-only client).
 */
import type { Envelope } from './envelope';
import { POLICY_GET, policyGet, type PolicyStatus } from '../policy';
import {
  SETTINGS_GET,
  TAB_PAUSE_SET,
  settingsGet,
  tabPauseSet,
  type SettingsView,
  type TabPauseState,
} from '../settings';
import { STRICT_MODE_FRESH_LOAD, strictModeFreshLoad } from '../strict-mode';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import { createGuardedMessageClient, createMessageClient, isReplyOf } from './message-client';
import type { PayloadOf, ReplyOf, SentOf } from './message';
import type { ProtocolEntry } from './protocol';

const answering =
  (reply: unknown) =>
  (sent: Envelope[]) =>
  (message: Envelope): Promise<unknown> => {
    sent.push(message);
    return Promise.resolve(reply);
  };

describe('createMessageClient', () => {
  const view: SettingsView = { settings: DEFAULT_SETTINGS, problems: [] };

  it('sends the envelope and returns the reply its declaration accepts', async () => {
    const sent: Envelope[] = [];
    const client = createMessageClient(answering({ ok: true, value: view })(sent), [settingsGet, tabPauseSet]);
    const reply: SettingsView = await client.send(SETTINGS_GET, null);
    expect(reply).toEqual(view);
    expect(sent).toEqual([{ type: SETTINGS_GET, payload: null }]);
  });

  it("refuses a reply that fails its declaration's schema, a refusal, no answer, and a type it was not made for", async () => {
    const wrong = createMessageClient(answering({ ok: true, value: { ...view, problems: 'none' } })([]), [settingsGet]);
    await expect(wrong.send(SETTINGS_GET, null)).rejects.toThrow("Unexpected answer from Dashguard's background");
    const refused = createMessageClient(answering({ ok: false, error: 'tab-pause/set: paused: x' })([]), [tabPauseSet]);
    await expect(refused.send(TAB_PAUSE_SET, { tabId: 1, paused: true })).rejects.toThrow('tab-pause/set: paused: x');
    const silent = createMessageClient(answering(undefined)([]), [settingsGet]);
    await expect(silent.send(SETTINGS_GET, null)).rejects.toThrow("No answer from Dashguard's background");
    const sent: Envelope[] = [];
    const narrow = createMessageClient(answering({ ok: true, value: view })(sent), [tabPauseSet]);
    // @ts-expect-error: this client was made for tab-pause/set only.
    await expect(narrow.send(SETTINGS_GET, null)).rejects.toThrow('does not send settings/get');
    expect(sent).toEqual([]);
  });

  it('checks a guard-declared reply with its guard (the content script)', async () => {
    const client = createGuardedMessageClient(answering({ ok: true, value: { loaded: 'yes' } })([]), [
      strictModeFreshLoad,
    ]);
    await expect(client.send(STRICT_MODE_FRESH_LOAD, { url: 'https://a.example/' })).rejects.toThrow(
      'Unexpected answer',
    );
    expect(isReplyOf(strictModeFreshLoad, { loaded: false, reason: 'no' })).toBe(true);
    expect(isReplyOf(strictModeFreshLoad, { loaded: false })).toBe(false);
  });
});

describe('the protocol types (compiled by typecheck)', () => {
  it('derives payloads and replies from the declarations, and refuses the wrong ones', async () => {
    const status = { policy: NO_POLICY, warnings: [], source: 'none', managed: false } as const;
    const client = createMessageClient(answering({ ok: true, value: status })([]), [policyGet, tabPauseSet]);
    const reply: PolicyStatus = await client.send(POLICY_GET, null);
    expect(reply.source).toBe('none');
    if (Math.random() > 2) {
      // Never run: each line below must fail to compile.
      // @ts-expect-error: policy/get takes no payload.
      await client.send(POLICY_GET, { lockUserRules: false });
      // @ts-expect-error: tab-pause/set needs `paused`.
      await client.send(TAB_PAUSE_SET, { tabId: 1 });
      // @ts-expect-error: `paused` is a boolean.
      await client.send(TAB_PAUSE_SET, { tabId: 1, paused: 'yes' });
      // @ts-expect-error: tab-pause/set's reply is a TabPauseState, not the settings.
      const wrongReply: SettingsView = await client.send(TAB_PAUSE_SET, { tabId: 1, paused: true });
      // @ts-expect-error: the content script's client takes guard-checked replies only.
      createGuardedMessageClient(answering(null)([]), [settingsGet]);
      const right: TabPauseState = await client.send(TAB_PAUSE_SET, { tabId: 1, paused: true });
      expect([wrongReply, right]).toBeDefined();
    }
  });

  it('types each entry of the protocol by its declaration', () => {
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    const checks: [
      Same<ReplyOf<ProtocolEntry<'tab-pause/get'>>, TabPauseState>,
      Same<SentOf<ProtocolEntry<'tab-pause/set'>>, { readonly tabId: number; readonly paused: boolean }>,
      Same<PayloadOf<ProtocolEntry<'policy/get'>>, null>,
      Same<ReplyOf<ProtocolEntry<'settings/get'>>, SettingsView>,
    ] = [true, true, true, true];
    // @ts-expect-error: the reply of settings/get is not a TabPauseState.
    const wrong: Same<ReplyOf<ProtocolEntry<'settings/get'>>, TabPauseState> = true;
    expect([checks, wrong]).toBeDefined();
  });
});
