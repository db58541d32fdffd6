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

describe('createClassifierSource.atHand', () => {
  const context = (blocked: string[]) => ({
    catalog,
    settings: DEFAULT_SETTINGS,
    policy: { ...NO_POLICY, blockedVendors: blocked },
    pausedTabs: [],
  });

  it('gives the settled classifier when managed storage answers in time', async () => {
    const source = createClassifierSource({
      now: () => 0,
      maxAgeMs: 1_000,
      loadContext: async () => context([]),
      loadContextAtHand: async () => context(['live']),
      wait: () => new Promise(() => undefined),
    });
    expect((await source.atHand()).settled).toBe(true);
  });

  it('while a newer classifier is built, the last settled one still answers as settled', async () => {
    let now = 0;
    let loads = 0;
    const source = createClassifierSource({
      now: () => now,
      maxAgeMs: 1_000,
      loadContext: () => (loads++ === 0 ? Promise.resolve(context([])) : new Promise(() => undefined)),
      loadContextAtHand: async () => context(['live']),
      wait: async () => undefined,
    });
    await source.get();
    now = 5_000;
    expect((await source.atHand()).settled).toBe(true);
    // A change of the inputs: the old one no longer speaks for them.
    source.invalidate();
    expect((await source.atHand()).settled).toBe(false);
  });

  it('does not wait for a managed storage that hangs: the classifier at hand, unsettled, then the settled one', async () => {
    let answer: (() => void) | undefined;
    const source = createClassifierSource({
      now: () => 0,
      maxAgeMs: 1_000,
      loadContext: () => new Promise((resolve) => (answer = () => resolve(context(['live'])))),
      loadContextAtHand: async () => context([]),
      wait: async () => undefined,
    });
    const quick = await source.atHand();
    expect(quick.settled).toBe(false);
    const url = 'https://cdn.live.example/x.js';
    const documentUrl = 'https://app.ci.example/pipelines';
    const verdict = (c: typeof quick.classifier) => {
      const r = c.classify({ url, type: 'script', documentUrl, tabId: 1 });
      return r.audited ? r.status : 'not audited';
    };
    expect(verdict(quick.classifier)).not.toBe('blocked');
    const settledPromise = source.get();
    answer?.();
    const settled = await settledPromise;
    expect(verdict(settled)).toBe('blocked');
    expect((await source.atHand()).settled).toBe(true);
  });
});
