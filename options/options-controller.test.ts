import { NO_POLICY_STATUS, type SettingsClient } from '../src/settings/settings-client';
import type { ChangeReply } from '../src/settings/settings-messages';
import { DEFAULT_SETTINGS } from '../src/settings/user-settings';
import { createPageStore } from '../src/ui/page-store';
import { createOptionsController, type OptionsDeps } from './options-controller';
import { INITIAL_OPTIONS_STATE, NO_CATALOG } from './options-state';

function setUp(change: (c: Parameters<SettingsClient['change']>[0]) => Promise<ChangeReply>) {
  const calls: string[] = [];
  const client: SettingsClient = {
    get: async () => ({ settings: DEFAULT_SETTINGS, problems: ['vendorRules.x: unknown vendor'] }),
    policy: async () => NO_POLICY_STATUS,
    change: async (c) => {
      calls.push(`change ${c.kind}`);
      return change(c);
    },
    tabPause: async () => ({ tabId: 1, paused: false, allowed: true }),
    setTabPause: async () => ({ tabId: 1, paused: false, allowed: true }),
  };
  const deps: OptionsDeps = {
    client,
    readCatalog: async () => NO_CATALOG,
    permissions: {
      request: async (origins) => {
        calls.push(`request ${origins.join()}`);
        return true;
      },
      contains: async () => true,
      remove: async (origins) => {
        calls.push(`remove ${origins.join()}`);
        return true;
      },
    },
    dashboardOrigins: [],
    download: () => undefined,
    now: () => new Date(0),
  };
  const store = createPageStore(INITIAL_OPTIONS_STATE);
  return { store, calls, controller: createOptionsController(store, deps) };
}

describe('createOptionsController', () => {
  it('reads the settings and what was wrong in them, then marks the page ready', async () => {
    const { store, controller } = setUp(async () => ({ applied: false, errors: [] }));
    await controller.start();
    expect(store.get()).toMatchObject({ phase: 'ready', problems: ['vendorRules.x: unknown vendor'] });
  });

  it('shows what the background saved, or says what it refused, keeping the settings shown', async () => {
    const { store, controller } = setUp(async (c) =>
      c.kind === 'set-report-only'
        ? { applied: true, settings: { ...DEFAULT_SETTINGS, reportOnly: true }, notes: [] }
        : {
            applied: false,
            errors: [
              { field: 'x', message: 'No.' },
              { field: 'y', message: 'Never.' },
            ],
          },
    );
    await controller.start();
    await controller.apply({ kind: 'set-report-only', value: true }, (s) => `report-only ${String(s.reportOnly)}`);
    expect(store.get()).toMatchObject({ announcement: 'report-only true', problems: [] });
    const reply = await controller.apply({ kind: 'reset', scope: 'all' }, 'reset');
    expect(reply.applied).toBe(false);
    expect(store.get().announcement).toBe('No. Never.');
    expect(store.get().settings.reportOnly).toBe(true);
  });

  it('says "Not saved" when the background cannot be reached', async () => {
    const { store, controller } = setUp(async () => {
      throw new Error('Could not establish connection.');
    });
    const reply = await controller.apply({ kind: 'set-report-only', value: true }, 'on');
    expect(reply).toEqual({
      applied: false,
      errors: [{ field: 'message', message: 'Could not establish connection.' }],
    });
    expect(store.get().announcement).toBe('Not saved: Could not establish connection.');
  });

  it('asks for a dashboard host before the change is sent, and gives the access back when it is refused', async () => {
    const { calls, controller } = setUp(async () => ({
      applied: false,
      errors: [{ field: 'host', message: 'co.uk is a public suffix.' }],
    }));
    const pending = controller.addCustomDashboard('co.uk', 'Other');
    // Synchronously, in the click: the prompt first.
    expect(calls[0]).toBe('request *://co.uk/*');
    await pending;
    expect(calls).toEqual(['request *://co.uk/*', 'change add-custom-dashboard', 'remove *://co.uk/*']);
  });
});
