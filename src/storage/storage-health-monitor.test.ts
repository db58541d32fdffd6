import { createStorageHealthMonitor } from './storage-health-monitor';

function fakeArea() {
  const data: Record<string, unknown> = {};
  let fail: string | undefined;
  return {
    data,
    failWith(message: string | undefined) {
      fail = message;
    },
    async get(key: string) {
      return { [key]: data[key] };
    },
    async set(items: Record<string, unknown>) {
      if (fail !== undefined) throw new Error(fail);
      Object.assign(data, items);
    },
    async remove(key: string) {
      if (fail !== undefined) throw new Error(fail);
      delete data[key];
    },
  };
}

describe('createStorageHealthMonitor', () => {
  it('passes reads and successful writes through and reports nothing', async () => {
    const area = fakeArea();
    const monitor = createStorageHealthMonitor({ now: () => 1 });
    const watched = monitor.watch(area, 'local');
    await watched.set({ a: 1 });
    expect(await watched.get('a')).toEqual({ a: 1 });
    expect(await monitor.status()).toEqual({ failures: [] });
  });

  it('remembers a failing write, still gives the caller the error, and forgets it after a write that succeeds', async () => {
    const area = fakeArea();
    let now = 10;
    const monitor = createStorageHealthMonitor({ now: () => now });
    const watched = monitor.watch(area, 'local');
    area.failWith('QUOTA_BYTES quota exceeded');
    await expect(watched.set({ a: 1 })).rejects.toThrow('QUOTA_BYTES');
    now = 20;
    await expect(watched.remove('a')).rejects.toThrow('QUOTA_BYTES');
    // The first failure's time is kept while writes keep failing.
    expect(await monitor.status()).toEqual({
      failures: [{ area: 'local', message: 'QUOTA_BYTES quota exceeded', since: 10 }],
    });
    area.failWith(undefined);
    await watched.set({ a: 2 });
    expect(await monitor.status()).toEqual({ failures: [] });
    expect(area.data).toEqual({ a: 2 });
  });

  it('keeps areas apart, and lets beforeWrite fail a write without touching storage', async () => {
    const local = fakeArea();
    const session = fakeArea();
    let failing = false;
    const monitor = createStorageHealthMonitor({
      now: () => 5,
      beforeWrite: (name) => {
        if (failing && name === 'session') throw new Error('simulated');
      },
    });
    const watchedLocal = monitor.watch(local, 'local');
    const watchedSession = monitor.watch(session, 'session');
    failing = true;
    await watchedLocal.set({ x: 1 });
    await expect(watchedSession.set({ y: 1 })).rejects.toThrow('simulated');
    expect(session.data).toEqual({});
    expect((await monitor.status()).failures.map((f) => f.area)).toEqual(['session']);
  });

  it('remembers failures across background instances, until a write succeeds', async () => {
    const memory: Record<string, unknown> = {};
    const memoryArea = {
      get: async (key: string) => ({ [key]: memory[key] }),
      set: async (items: Record<string, unknown>) => void Object.assign(memory, items),
    };
    const area = fakeArea();
    area.failWith('disk full');
    const first = createStorageHealthMonitor({ now: () => 7, memory: memoryArea });
    await expect(first.watch(area, 'local').set({ a: 1 })).rejects.toThrow('disk full');
    await new Promise((resolve) => setTimeout(resolve, 0));
    // A background started again reports what the stopped one saw...
    const second = createStorageHealthMonitor({ now: () => 9, memory: memoryArea });
    expect(await second.status()).toEqual({ failures: [{ area: 'local', message: 'disk full', since: 7 }] });
    // ...until a write of its own succeeds.
    area.failWith(undefined);
    await second.watch(area, 'local').set({ a: 2 });
    expect(await second.status()).toEqual({ failures: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await createStorageHealthMonitor({ now: () => 11, memory: memoryArea }).status()).toEqual({ failures: [] });
  });
});
