import { createProtectionRefresh } from './protection-refresh';

function setup(options: { firefox?: boolean; syncFails?: boolean; refreshFails?: boolean } = {}) {
  const log: string[] = [];
  const errors: string[] = [];
  const refresh = createProtectionRefresh({
    reconcile: async () => (log.push('reconcile'), true),
    ...(options.firefox
      ? {
          refreshDashboardTabs: async () => {
            log.push('refresh tabs');
            if (options.refreshFails) throw new Error('tabs.query failed');
          },
        }
      : {}),
    dashboardAccess: {
      sync: async (sync) => {
        log.push(`sync access${sync?.giveBackStale === false ? ' (keep)' : ''}`);
        if (options.syncFails) throw new Error('permissions failed');
      },
    },
    policyChanged: async () => void log.push('policy spoke'),
    onError: (message) => void errors.push(message),
  });
  return { refresh, log, errors };
}

const flush = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('the protection refresh', () => {
  it('on start-up reconciles and brings self-hosted access in line, giving back stale grants', async () => {
    const t = setup();
    t.refresh.started();
    await flush();
    expect(t.log).toEqual(['reconcile', 'sync access']);
  });

  it('reconciles only when something changed', async () => {
    const t = setup();
    expect(await t.refresh.whenChanged(Promise.resolve(false))).toBe(true);
    expect(t.log).toEqual([]);
    expect(await t.refresh.whenChanged(Promise.resolve(true))).toBe(true);
    expect(t.log).toEqual(['reconcile']);
  });

  it("after a settings change looks at Firefox's dashboard tabs again before reconciling, even if that fails", async () => {
    const t = setup({ firefox: true, refreshFails: true });
    t.refresh.settingsChanged();
    await flush();
    expect(t.log).toEqual(['refresh tabs', 'sync access', 'reconcile']);
    const chromium = setup();
    chromium.refresh.settingsChanged();
    await flush();
    expect(chromium.log).toEqual(['sync access', 'reconcile']);
  });

  it('after a policy change, first tells the policy store, then access, tabs and rules', async () => {
    const t = setup({ firefox: true });
    t.refresh.policyChanged();
    await flush();
    expect(t.log).toEqual(['policy spoke', 'sync access', 'refresh tabs', 'reconcile']);
  });

  it('keeps access just granted (the dashboard may not be saved yet) and logs a failed sync', async () => {
    const t = setup({ syncFails: true });
    t.refresh.permissionsAdded();
    t.refresh.permissionsRemoved();
    await flush();
    expect(t.log).toEqual(['sync access (keep)', 'sync access']);
    expect(t.errors).toEqual([
      'Dashguard: self-hosted dashboard access not updated.',
      'Dashguard: self-hosted dashboard access not updated.',
    ]);
  });
});
