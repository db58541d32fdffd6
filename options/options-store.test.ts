import { DEFAULT_SETTINGS } from '../src/settings/user-settings';
import { NO_POLICY_STATUS, type SettingsClient } from '../src/settings/settings-client';
import { createOptionsStore } from './options-store';

function fakeClient(): SettingsClient & { stored: typeof DEFAULT_SETTINGS } {
  const client = {
    stored: DEFAULT_SETTINGS,
    get: async () => ({ settings: client.stored, problems: [] }),
    policy: async () => NO_POLICY_STATUS,
    change: async (change: Parameters<SettingsClient['change']>[0]) => {
      if (change.kind !== 'set-report-only')
        return { applied: false as const, errors: [{ field: 'x', message: 'no' }] };
      client.stored = { ...client.stored, reportOnly: change.value };
      return { applied: true as const, settings: client.stored, notes: [] };
    },
    tabPause: async () => ({ tabId: 1, paused: false, allowed: true }),
    setTabPause: async () => ({ tabId: 1, paused: false, allowed: true }),
  };
  return client;
}

describe('createOptionsStore', () => {
  it('shows what the background saved, and nothing when it refused', async () => {
    const client = fakeClient();
    const store = await createOptionsStore(client);
    const seen: boolean[] = [];
    store.subscribe((state) => seen.push(state.settings.reportOnly));
    await store.apply({ kind: 'set-report-only', value: true });
    await store.apply({ kind: 'reset', scope: 'all' });
    expect(seen).toEqual([true]);
    expect(store.state().settings.reportOnly).toBe(true);
  });

  it('reads again when another page changed the settings', async () => {
    const client = fakeClient();
    const store = await createOptionsStore(client);
    client.stored = { ...DEFAULT_SETTINGS, vendorRules: { amplitude: 'allow' } };
    await store.refresh();
    expect(store.state().settings.vendorRules).toEqual({ amplitude: 'allow' });
  });
});
