import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY } from '../policy/managed-policy';
import { DEFAULT_SETTINGS } from '../settings/user-settings';
import { createClassifierSource } from './audit-classifier-source';

const { catalog } = testCatalog();

describe('createClassifierSource', () => {
  it('reuses one classifier until invalidated or too old, and retries after a failed load', async () => {
    let now = 0;
    let loads = 0;
    let fail = false;
    const source = createClassifierSource({
      now: () => now,
      maxAgeMs: 1_000,
      loadContext: async () => {
        loads += 1;
        if (fail) throw new Error('managed storage unavailable');
        return { catalog, settings: DEFAULT_SETTINGS, policy: NO_POLICY, pausedTabs: [] };
      },
    });
    const first = await source.get();
    expect(await source.get()).toBe(first);
    source.invalidate();
    await source.get();
    now = 2_000;
    await source.get();
    expect(loads).toBe(3);
    fail = true;
    source.invalidate();
    await expect(source.get()).rejects.toThrow(/unavailable/);
    fail = false;
    await expect(source.get()).resolves.toBeDefined();
  });
});
