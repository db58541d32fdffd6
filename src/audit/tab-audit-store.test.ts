import { FakeStorageArea } from '../../test/unit/fake-storage-area';
import { TRACKER } from '../../test/unit/audit-fixtures';
import { observation, update } from '../../test/unit/audit-observations';
import { displayAudit } from './audit-display';
import { isTabAudit, tabAuditKey, type TabAudit } from './audit-types';
import { firstScreenKey, isFirstScreenOf, STORED_FIRST_SCREEN_GROUPS } from './stored-first-screen';
import { createTabAuditStore } from './tab-audit-store';

/** The audit a record stored (these tabs are open). */
function recorded(audit: TabAudit | undefined): TabAudit {
  if (audit === undefined) throw new Error('the tab audit was not stored');
  return audit;
}

describe('createTabAuditStore', () => {
  it('stores each tab under its own key and batches concurrent updates into one write', async () => {
    const area = new FakeStorageArea();
    const store = createTabAuditStore(area);
    const results = await Promise.all([
      store.record(update([observation(1)])),
      store.record(update([observation(2)])),
      store.record(update([observation(1)], { tabId: 9, instanceId: 'other' })),
    ]);
    expect(results.map((r) => recorded(r).entries[0]?.count)).toEqual([1, 2, 1]);
    expect(area.writes).toBe(1);
    expect([...area.data.keys()].sort()).toEqual([
      firstScreenKey(4),
      firstScreenKey(9),
      tabAuditKey(4),
      tabAuditKey(9),
    ]);
  });

  it('picks up where a stopped worker left off, from storage alone', async () => {
    const area = new FakeStorageArea();
    await createTabAuditStore(area).record(update([observation(1), observation(2)]));
    // A new worker: a new store over the same storage, with a resent report and a new one.
    const restarted = createTabAuditStore(area);
    const audit = recorded(await restarted.record(update([observation(2), observation(3)])));
    expect(audit.entries[0]?.count).toBe(3);
  });

  it('rejects when storage refuses the write, and stores the update when it is sent again', async () => {
    const area = new FakeStorageArea();
    const store = createTabAuditStore(area);
    area.failNext = new Error('QUOTA_BYTES quota exceeded');
    await expect(store.record(update([observation(1)]))).rejects.toThrow(/quota/);
    expect(await store.get(4)).toBeUndefined();
    expect(recorded(await store.record(update([observation(1)]))).entries[0]?.count).toBe(1);
  });

  it('removes a closed tab, also when a write for it was queued first', async () => {
    const area = new FakeStorageArea();
    const store = createTabAuditStore(area);
    const pending = store.record(update([observation(1)]));
    await store.remove(4);
    await pending;
    expect(await store.get(4)).toBeUndefined();
    expect(area.data.size).toBe(0);
  });

  it('forgets tabs that closed while the worker was stopped', async () => {
    const area = new FakeStorageArea();
    const store = createTabAuditStore(area);
    await Promise.all([store.record(update([observation(1)])), store.record(update([observation(1)], { tabId: 5 }))]);
    area.data.set('managedPolicySession', { kept: true });
    // A first screen left without its audit (whatever the cause) goes too.
    area.data.set(firstScreenKey(12), { tabId: 12 });
    await createTabAuditStore(area).keepOnly([5]);
    expect([...area.data.keys()].sort()).toEqual([firstScreenKey(5), tabAuditKey(5), 'managedPolicySession']);
  });
});

describe('createTabAuditStore: the first screen stored beside each audit', () => {
  /** An update with `vendors` vendors (one request each, on its own host). */
  const manyVendors = (vendors: number, tabId = 4) =>
    update(
      Array.from({ length: vendors }, (_, i) =>
        observation(i + 1, {
          url: `https://cdn.vendor${i}.example/s${i}.js`,
          classification: {
            audited: true,
            status: 'blocked',
            reason: 'Blocked by default.',
            dashboard: { id: 'ci', name: 'CI', hosts: ['app.ci.example'], ownDomains: [] },
            host: `cdn.vendor${i}.example`,
            vendor: { ...TRACKER, id: `vendor-${i}`, name: `Vendor ${i}` },
          },
        }),
      ),
      { tabId },
    );

  it('is written in the same storage call as the audit, validated and read back as the display of the audit', async () => {
    const area = new FakeStorageArea();
    const store = createTabAuditStore(area);
    const audit = recorded(await store.record(update([observation(1), observation(2)])));
    expect(area.writes).toBe(1);
    const stored = area.data.get(firstScreenKey(4));
    expect(isFirstScreenOf(stored, 4)).toBe(true);
    const display = displayAudit(audit);
    // Heads only: the same groups, summary and categories as the audit's display, no request rows.
    expect(stored).toEqual({
      ...display,
      groups: display.groups.map((g) => ({ ...g, entries: [] })),
      complete: false,
    });
    // A new worker (nothing held) reads it back from storage.
    const restarted = createTabAuditStore(area);
    expect(restarted.held(4)).toBeUndefined();
    expect(await restarted.storedFirstScreen(4)).toEqual(stored);
    expect(restarted.held(4)).toBeUndefined();
    expect(await store.storedFirstScreen(5)).toBeUndefined();
  });

  it('follows each write of the audit', async () => {
    const area = new FakeStorageArea();
    const store = createTabAuditStore(area);
    await store.record(update([observation(1)]));
    const audit = recorded(await store.record(update([observation(1), observation(3)], { instanceId: 'second' })));
    expect((await store.storedFirstScreen(4))?.updatedAt).toBe(audit.updatedAt);
    expect((await store.storedFirstScreen(4))?.summary).toEqual(displayAudit(audit).summary);
  });

  it('stays small however large the audit: at most 60 vendor heads and no request rows', async () => {
    const area = new FakeStorageArea();
    const store = createTabAuditStore(area);
    const audit = recorded(await store.record(manyVendors(200)));
    const stored = await store.storedFirstScreen(4);
    expect(stored?.groups).toHaveLength(STORED_FIRST_SCREEN_GROUPS);
    expect(stored?.groups.flatMap((g) => g.entries)).toEqual([]);
    expect(stored?.groupCount).toBe(displayAudit(audit).groupCount);
    expect(stored?.rows).toBe(audit.entries.length);
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(audit).length / 3);
  });

  it('is removed with the audit: tab closed or left the dashboards, tabs closed while the worker was stopped', async () => {
    const area = new FakeStorageArea();
    const store = createTabAuditStore(area);
    await Promise.all([store.record(update([observation(1)])), store.record(update([observation(1)], { tabId: 5 }))]);
    await store.remove(4);
    expect(area.data.has(firstScreenKey(4))).toBe(false);
    expect(await store.storedFirstScreen(4)).toBeUndefined();
    await createTabAuditStore(area).keepOnly([]);
    expect([...area.data.keys()]).toEqual([]);
  });

  it('a malformed or crossed stored copy is treated as none', async () => {
    const area = new FakeStorageArea();
    const store = createTabAuditStore(area);
    await store.record(update([observation(1)]));
    const stored = area.data.get(firstScreenKey(4)) as Record<string, unknown>;
    area.data.set(firstScreenKey(4), { ...stored, rows: -1 });
    expect(await store.storedFirstScreen(4)).toBeUndefined();
    area.data.set(firstScreenKey(4), { ...stored, extra: '<img src=x onerror=alert(1)>' });
    expect(await store.storedFirstScreen(4)).toBeUndefined();
    area.data.set(firstScreenKey(4), { ...stored, tabId: 5 });
    expect(await store.storedFirstScreen(4)).toBeUndefined();
    // The audit itself is untouched by a bad copy.
    expect(isTabAudit(area.data.get(tabAuditKey(4)))).toBe(true);
  });
});

describe('createTabAuditStore reads', () => {
  /** Storage whose first read answers only when released: a read that overlaps what the store does meanwhile. */
  function slowFirstRead(area: FakeStorageArea): { area: FakeStorageArea; release: () => void } {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    const slow = Object.create(area) as FakeStorageArea;
    slow.get = async (keys) => {
      const value = await area.get(keys);
      reads += 1;
      if (reads === 1) await gate;
      return value;
    };
    return { area: slow, release };
  }

  it('keeps what it read, so the next question is answered from memory', async () => {
    const area = new FakeStorageArea();
    await createTabAuditStore(area).record(update([observation(1)]));
    const restarted = createTabAuditStore(area);
    const first = await restarted.get(4);
    expect(first?.entries).toHaveLength(1);
    // The area copies values out: the same object twice means the second came from memory.
    expect(await restarted.get(4)).toBe(first);
  });

  it('does not keep a read that a removal overlapped (the closed tab stays gone)', async () => {
    const stored = new FakeStorageArea();
    await createTabAuditStore(stored).record(update([observation(1)]));
    const { area, release } = slowFirstRead(stored);
    const store = createTabAuditStore(area);
    const read = store.get(4);
    await store.remove(4);
    release();
    expect((await read)?.entries).toHaveLength(1);
    expect(await store.get(4)).toBeUndefined();
  });

  it('does not keep a read that a write overlapped (the newer audit stays)', async () => {
    const stored = new FakeStorageArea();
    await createTabAuditStore(stored).record(update([observation(1)]));
    const { area, release } = slowFirstRead(stored);
    const store = createTabAuditStore(area);
    const read = store.get(4);
    await store.record(update([observation(2)]));
    release();
    expect((await read)?.entries[0]?.count).toBe(1);
    expect((await store.get(4))?.entries[0]?.count).toBe(2);
  });

  it("keeps a read that only another tab's write overlapped", async () => {
    const stored = new FakeStorageArea();
    await createTabAuditStore(stored).record(update([observation(1)]));
    const { area, release } = slowFirstRead(stored);
    const store = createTabAuditStore(area);
    const read = store.get(4);
    await store.record(update([observation(1)], { tabId: 8 }));
    release();
    const first = await read;
    expect(await store.get(4)).toBe(first);
  });

  it("does not bring back a closed tab's audit when a report arrives after the tab closed, and other tabs go on", async () => {
    const area = new FakeStorageArea();
    const store = createTabAuditStore(area);
    await store.record(update([observation(1)]));
    await store.closed(4);
    expect(area.data.has(tabAuditKey(4))).toBe(false);
    // The page's last report, sent as its tab closed.
    expect(await store.record(update([observation(2)]))).toBeUndefined();
    expect(await store.get(4)).toBeUndefined();
    expect([...area.data.keys()]).toEqual([]);
    expect(recorded(await store.record(update([observation(1)], { tabId: 9 }))).tabId).toBe(9);
    // A tab that only left the dashboards (remove) is still open: its next page is recorded.
    await store.remove(9);
    expect(recorded(await store.record(update([observation(2)], { tabId: 9, instanceId: 'next' }))).tabId).toBe(9);
  });
});
