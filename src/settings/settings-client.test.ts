import { DEFAULT_SETTINGS } from './user-settings';
import { createSettingsClient, NO_POLICY_STATUS } from './settings-client';

describe('createSettingsClient', () => {
  it('sends typed messages and checks the replies', async () => {
    const sent: unknown[] = [];
    const client = createSettingsClient(async (message) => {
      sent.push(message);
      if (message.type === 'settings/get') return { ok: true, value: { settings: DEFAULT_SETTINGS, problems: [] } };
      if (message.type === 'settings/change')
        return { ok: true, value: { applied: false, errors: [{ field: 'host', message: 'bad' }] } };
      if (message.type === 'tab-pause/set') return { ok: true, value: { tabId: 3, paused: true, allowed: true } };
      return { ok: false, error: `unknown message type "${message.type}"` };
    });
    expect((await client.get()).settings).toEqual(DEFAULT_SETTINGS);
    expect(await client.change({ kind: 'add-custom-dashboard', host: 'x', name: '' })).toEqual({
      applied: false,
      errors: [{ field: 'host', message: 'bad' }],
    });
    expect(await client.setTabPause(3, true)).toEqual({ tabId: 3, paused: true, allowed: true });
    // No policy handler: the page still works, with no policy shown.
    expect(await client.policy()).toEqual(NO_POLICY_STATUS);
    await expect(client.tabPause(3)).rejects.toThrow(/unknown message type/);
    expect(sent[0]).toEqual({ type: 'settings/get', payload: null });
  });

  it('refuses a reply of the wrong shape', async () => {
    const client = createSettingsClient(async () => ({ ok: true, value: { settings: { version: 2 } } }));
    await expect(client.get()).rejects.toThrow(/Unexpected answer/);
    const silent = createSettingsClient(async () => undefined);
    await expect(silent.get()).rejects.toThrow(/No answer/);
  });
});
