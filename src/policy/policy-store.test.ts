import { testCatalog } from '../../test/unit/test-catalog';
import { NO_POLICY } from './managed-policy';
import type { ManagedRead } from './managed-storage-read';
import { createPolicyStore, LAST_KNOWN_POLICY_KEY, POLICY_SESSION_KEY, type PolicyStoreDeps } from './policy-store';
import type { StorageArea } from '../storage/storage-area';

const { catalog } = testCatalog();
const GRACE = 60_000;

class MemoryArea implements StorageArea {
  data: Record<string, unknown> = {};
  async get(key: string) {
    return key in this.data ? { [key]: structuredClone(this.data[key]) } : {};
  }
  async set(items: Record<string, unknown>) {
    Object.assign(this.data, structuredClone(items));
  }
  async remove(key: string) {
    delete this.data[key];
  }
}

function setup(overrides: Partial<PolicyStoreDeps> = {}) {
  const local = new MemoryArea();
  const session = new MemoryArea();
  let managed: ManagedRead = { kind: 'values', values: {} };
  let clock = 1_000;
  const timers: { run: () => void; at: number }[] = [];
  const rechecks = jest.fn();
  const store = createPolicyStore({
    read: async () => managed,
    local,
    session,
    catalog,
    firstAnswerIsFinal: false,
    graceMs: GRACE,
    now: () => clock,
    schedule: (run, delay) => timers.push({ run, at: clock + delay }),
    onRecheck: rechecks,
    ...overrides,
  });
  return {
    store,
    local,
    session,
    rechecks,
    timers,
    setManaged: (read: ManagedRead) => {
      managed = read;
    },
    advance: (ms: number) => {
      clock += ms;
      const due = timers.filter((t) => t.at <= clock);
      timers.splice(0, timers.length, ...timers.filter((t) => t.at > clock));
      for (const timer of due) timer.run();
    },
  };
}

describe('createPolicyStore', () => {
  it('applies the managed policy and remembers it', async () => {
    const t = setup();
    t.setManaged({ kind: 'values', values: { blockedVendors: ['tracker', 'nope'] } });
    const status = await t.store.status();
    expect(status).toEqual({
      policy: { ...NO_POLICY, blockedVendors: ['tracker'] },
      warnings: ['blockedVendors[1]: unknown vendor "nope"; ignored.'],
      source: 'managed',
      managed: true,
    });
    expect(t.local.data[LAST_KNOWN_POLICY_KEY]).toEqual({ blockedVendors: ['tracker', 'nope'] });
  });

  it('at start-up, keeps the last-known policy while Chrome answers {} and lifts it only after the grace period', async () => {
    const t = setup();
    t.local.data[LAST_KNOWN_POLICY_KEY] = { blockedVendors: ['tracker'] };
    // A new browser session: managed storage has not loaded the policy yet.
    const early = await t.store.status();
    expect(early.source).toBe('last-known');
    expect(early.policy.blockedVendors).toEqual(['tracker']);
    expect(t.rechecks).not.toHaveBeenCalled();
    // Still within the grace period: same answer, one timer only.
    t.advance(GRACE / 2);
    expect((await t.store.load()).blockedVendors).toEqual(['tracker']);
    expect(t.timers).toHaveLength(1);
    // The grace period ends with no policy having arrived: the administrator removed it.
    t.advance(GRACE);
    expect(t.rechecks).toHaveBeenCalledTimes(1);
    const late = await t.store.status();
    expect(late).toMatchObject({ source: 'none', managed: false, policy: NO_POLICY });
    expect(t.local.data[LAST_KNOWN_POLICY_KEY]).toBeUndefined();
  });

  it('switches to a policy that arrives late, and trusts an empty answer once managed storage has changed', async () => {
    const t = setup();
    t.local.data[LAST_KNOWN_POLICY_KEY] = { blockedVendors: ['tracker'] };
    expect((await t.store.status()).source).toBe('last-known');
    t.setManaged({ kind: 'values', values: { blockedVendors: ['replay'] } });
    await t.store.managedChanged();
    expect((await t.store.load()).blockedVendors).toEqual(['replay']);
    // The administrator removes the policy while the browser runs.
    t.setManaged({ kind: 'values', values: {} });
    await t.store.managedChanged();
    expect(await t.store.status()).toMatchObject({ source: 'none', policy: NO_POLICY });
  });

  it('with no policy and nothing remembered, answers "none" and schedules nothing', async () => {
    const t = setup();
    expect(await t.store.status()).toEqual({ policy: NO_POLICY, warnings: [], source: 'none', managed: false });
    expect(t.timers).toHaveLength(0);
    await t.store.resume();
    expect(t.rechecks).not.toHaveBeenCalled();
  });

  it('never drops the last-known policy on an error', async () => {
    const t = setup();
    t.local.data[LAST_KNOWN_POLICY_KEY] = { lockUserRules: true };
    t.advance(GRACE * 2);
    t.setManaged({ kind: 'unavailable', reason: 'no answer within 2000 ms' });
    expect(await t.store.status()).toMatchObject({ source: 'last-known', policy: { lockUserRules: true } });
    expect(t.local.data[LAST_KNOWN_POLICY_KEY]).toEqual({ lockUserRules: true });
  });

  it('in Firefox, takes "no policy" at its word at once', async () => {
    const t = setup({ firstAnswerIsFinal: true });
    t.local.data[LAST_KNOWN_POLICY_KEY] = { blockedVendors: ['tracker'] };
    t.setManaged({ kind: 'no-policy' });
    expect(await t.store.status()).toMatchObject({ source: 'none', policy: NO_POLICY });
    expect(t.timers).toHaveLength(0);
  });

  it('keeps the grace period across service-worker restarts, and rechecks on wake-up while it stands in', async () => {
    const t = setup();
    t.local.data[LAST_KNOWN_POLICY_KEY] = { blockedVendors: ['tracker'] };
    await t.store.status();
    const started = t.session.data[POLICY_SESSION_KEY];
    // A new worker (same browser session) with the same storage.
    const restarted = createPolicyStore({
      read: async () => ({ kind: 'values', values: {} }),
      local: t.local,
      session: t.session,
      catalog,
      firstAnswerIsFinal: false,
      graceMs: GRACE,
      now: () => 1_000 + GRACE + 1,
      schedule: () => undefined,
      onRecheck: t.rechecks,
    });
    await restarted.resume();
    expect(t.rechecks).toHaveBeenCalledTimes(1);
    expect(await restarted.status()).toMatchObject({ source: 'none' });
    expect(t.session.data[POLICY_SESSION_KEY]).toEqual(started);
    // Nothing stands in any more: waking up again does nothing.
    await restarted.resume();
    expect(t.rechecks).toHaveBeenCalledTimes(1);
  });

  it('has a policy at hand without asking managed storage: the last decided, else the last-known copy', async () => {
    const hanging = setup({ read: () => new Promise<ManagedRead>(() => undefined) });
    expect(await hanging.store.atHand()).toEqual(NO_POLICY);
    hanging.local.data[LAST_KNOWN_POLICY_KEY] = { blockedVendors: ['tracker'] };
    expect((await hanging.store.atHand()).blockedVendors).toEqual(['tracker']);

    const answering = setup();
    answering.setManaged({ kind: 'values', values: { blockedVendors: ['live'] } });
    await answering.store.load();
    answering.local.data[LAST_KNOWN_POLICY_KEY] = { blockedVendors: ['tracker'] };
    expect((await answering.store.atHand()).blockedVendors).toEqual(['live']);
  });

  it('reports a policy whose every item was ignored as managed, with the warnings', async () => {
    const t = setup();
    t.setManaged({ kind: 'values', values: { reportOnly: 'yes' } });
    expect(await t.store.status()).toEqual({
      policy: NO_POLICY,
      warnings: ['reportOnly: must be boolean; treated as false (report-only stays off).'],
      source: 'managed',
      managed: true,
    });
  });
});
