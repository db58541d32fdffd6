import { AUDIT_LOG_CHUNK_PREFIX, AUDIT_LOG_META_KEY } from '../audit';
import { SETTINGS_KEY } from '../settings';
import { PAUSED_TABS_KEY } from '../rules';
import { routeStorageChanges } from './storage-change-router';

function setup() {
  const calls: unknown[][] = [];
  const listener = routeStorageChanges({
    auditInputsChanged: () => void calls.push(['audit inputs']),
    settingsChanged: (before, after) => void calls.push(['settings', before, after]),
    pausedTabsChanged: (before, after) => void calls.push(['paused', before, after]),
    policyChanged: () => void calls.push(['policy']),
  });
  return { calls, listener };
}

describe('the storage change router', () => {
  it('tells the settings change, after rebuilding the audit classifier', () => {
    const t = setup();
    t.listener({ [SETTINGS_KEY]: { oldValue: 1, newValue: 2 } }, 'local');
    expect(t.calls).toEqual([['audit inputs'], ['settings', 1, 2]]);
  });

  it("does not rebuild the classifier for the audit log's own writes, nor for other session keys", () => {
    const t = setup();
    t.listener({ [AUDIT_LOG_META_KEY]: {}, [`${AUDIT_LOG_CHUNK_PREFIX}3`]: {} }, 'local');
    t.listener({ 'tab-audit:4': {} }, 'session');
    expect(t.calls).toEqual([]);
    // Any other local key may be an input (the last known policy, for one).
    t.listener({ [AUDIT_LOG_META_KEY]: {}, lastKnownPolicy: {} }, 'local');
    expect(t.calls).toEqual([['audit inputs']]);
  });

  it('tells a pause change (storage.session) and a policy change (storage.managed)', () => {
    const t = setup();
    t.listener({ [PAUSED_TABS_KEY]: { oldValue: [], newValue: [4] } }, 'session');
    t.listener({ anything: { newValue: 1 } }, 'managed');
    expect(t.calls).toEqual([['audit inputs'], ['paused', [], [4]], ['audit inputs'], ['policy']]);
  });

  it('a settings key in another area is not the settings', () => {
    const t = setup();
    t.listener({ [SETTINGS_KEY]: { newValue: 2 } }, 'sync');
    t.listener({ [SETTINGS_KEY]: { newValue: 2 } }, 'session');
    expect(t.calls).toEqual([]);
  });
});
