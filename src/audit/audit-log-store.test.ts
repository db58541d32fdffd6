import { logRecord } from '../../test/unit/audit-fixtures';
import { FakeStorageArea } from '../../test/unit/fake-storage-area';
import { AUDIT_LIMITS } from './audit-limits';
import { AUDIT_LOG_META_KEY, parseLogMeta } from './audit-log-layout';
import type { AuditLogRecord } from './audit-types';
import { createAuditLogStore, type LoggedObservation } from './audit-log-store';

const DAY = 86_400_000;
const NOW = 100 * DAY;

function logged(seq: number, overrides: Partial<AuditLogRecord> = {}): LoggedObservation {
  return {
    ...logRecord({
      url: `https://cdn.tracker.example/t.js?n=${seq}`,
      firstSeen: NOW - 1_000 + seq,
      lastSeen: NOW - 1_000 + seq,
      ...overrides,
    }),
    seq,
  };
}

function store(area: FakeStorageArea, now = (): number => NOW, days = 30) {
  return createAuditLogStore({ area, now, retentionDays: async () => days });
}

describe('createAuditLogStore', () => {
  it('aggregates a report and never logs a resent observation twice', async () => {
    const area = new FakeStorageArea();
    const log = store(area);
    await log.append({ instanceId: 'a', maxSeq: 2, observations: [logged(1), logged(2, { outcomes: { loaded: 1 } })] });
    await log.append({ instanceId: 'a', maxSeq: 3, observations: [logged(2), logged(3)] });
    const records = await log.read();
    expect(records.map((r) => [r.path, r.count])).toEqual([
      ['/t.js', 2],
      ['/t.js', 1],
    ]);
    expect(records[0]?.outcomes).toEqual({ failed: 1, loaded: 1 });
    // A stopped worker: a new store over the same storage still knows what was logged.
    await store(area).append({ instanceId: 'a', maxSeq: 3, observations: [logged(3)] });
    expect((await store(area).read()).reduce((n, r) => n + r.count, 0)).toBe(3);
  });

  it('keeps at most the record limit, dropping the oldest first (a slack more), and counts what it dropped', async () => {
    const area = new FakeStorageArea();
    const log = store(area);
    const total = AUDIT_LIMITS.logRecords + 600;
    for (let start = 0; start < total; start += 500) {
      // Distinct pages, so each observation is its own record.
      const batch = Array.from({ length: Math.min(500, total - start) }, (_, i) =>
        logged(start + i + 1, { pageUrl: `https://app.ci.example/p/${start + i}` }),
      );
      await log.append({ instanceId: 'a', maxSeq: start + batch.length, observations: batch });
    }
    const records = await log.read();
    expect(records.length).toBeLessThanOrEqual(AUDIT_LIMITS.logRecords);
    expect(records.length).toBeGreaterThanOrEqual(AUDIT_LIMITS.logRecords - AUDIT_LIMITS.logEvictionSlack);
    const first = total - records.length;
    expect(records[0]?.pageUrl).toBe(`https://app.ci.example/p/${first}`);
    expect(records[records.length - 1]?.pageUrl).toBe(`https://app.ci.example/p/${total - 1}`);
    // Only the index and the chunks it names are stored: no chunk is left behind.
    const meta = parseLogMeta(area.data.get(AUDIT_LOG_META_KEY));
    expect(area.data.size).toBe(meta.chunks.length + 1);
    expect(await log.dropped()).toEqual({ 'https://app.ci.example': first });
  });

  it("a flood from one page cannot push out another page's records; the page's own reports go first", async () => {
    const area = new FakeStorageArea();
    const log = store(area);
    const token = Array.from({ length: 40 }, (_, i) =>
      logged(i + 1, {
        source: 'https://app.ci.example tab 1',
        pageUrl: 'https://app.ci.example/settings/tokens',
        path: `/t${i}.js`,
        status: 'blocked',
      }),
    );
    await log.append({ instanceId: 'token', maxSeq: 40, observations: token });
    const flood = 10_600;
    for (let start = 0; start < flood; start += 200) {
      const batch = Array.from({ length: 200 }, (_, i) =>
        logged(start + i + 1, {
          source: 'https://app.ci.example tab 2',
          pageUrl: 'https://app.ci.example/flood',
          path: `/f${start + i}`,
          status: (start + i) % 2 === 0 ? 'blocked' : 'allowed-unknown',
          ...((start + i) % 10 === 0 ? { reportedByPage: true as const } : {}),
        }),
      );
      await log.append({ instanceId: 'flood', maxSeq: start + 200, observations: batch });
    }
    const records = await log.read();
    expect(records.filter((r) => r.source === 'https://app.ci.example tab 1')).toHaveLength(40);
    const dropped = await log.dropped();
    expect(Object.keys(dropped)).toEqual(['https://app.ci.example tab 2']);
    const kept = records.filter((r) => r.source === 'https://app.ci.example tab 2');
    expect(kept.length + (dropped['https://app.ci.example tab 2'] ?? 0)).toBe(flood);
    // The flood's page reports went first, then some of what it let through; none of its blocked records.
    expect(kept.filter((r) => r.reportedByPage === true)).toEqual([]);
    expect(kept.filter((r) => r.status === 'blocked')).toHaveLength(flood / 2 - flood / 10);
    expect(kept.filter((r) => r.status === 'allowed-unknown').length).toBeLessThan(flood / 2);
    // Clearing the log clears the count.
    await log.clear();
    expect(await log.dropped()).toEqual({});
  });

  it('stays within its byte budget when every URL is as long as allowed', async () => {
    const area = new FakeStorageArea();
    const log = store(area);
    const long = 'x'.repeat(AUDIT_LIMITS.urlLength - 60);
    for (let start = 0; start < 4_000; start += 200) {
      const batch = Array.from({ length: 200 }, (_, i) =>
        logged(start + i + 1, {
          url: `https://cdn.tracker.example/${start + i}/${long}`,
          path: `/${start + i}/${long}`,
          urlTruncated: true,
        }),
      );
      await log.append({ instanceId: 'a', maxSeq: start + 200, observations: batch });
    }
    expect(area.size()).toBeLessThan(AUDIT_LIMITS.logBytes + 1_000_000);
    expect((await log.read()).length).toBeGreaterThan(1_000);
  });

  it('forgets what is past retention, and never shows it even before its chunk goes', async () => {
    const area = new FakeStorageArea();
    let now = NOW;
    const log = store(area, () => now, 7);
    await log.append({
      instanceId: 'a',
      maxSeq: 1,
      observations: [logged(1, { firstSeen: NOW - 8 * DAY, lastSeen: NOW - 8 * DAY })],
    });
    await log.append({ instanceId: 'a', maxSeq: 2, observations: [logged(2)] });
    expect((await log.read()).map((r) => r.url)).toEqual(['https://cdn.tracker.example/t.js?n=2']);
    now = NOW + 8 * DAY;
    await log.append({
      instanceId: 'b',
      maxSeq: 1,
      observations: [logged(1, { firstSeen: now, lastSeen: now, pageUrl: 'https://app.ci.example/later' })],
    });
    expect((await log.read()).map((r) => r.pageUrl)).toEqual(['https://app.ci.example/later']);
  });

  it('deletes the whole log, chunks left by a stopped worker included', async () => {
    const area = new FakeStorageArea();
    const log = store(area);
    await log.append({ instanceId: 'a', maxSeq: 1, observations: [logged(1)] });
    area.data.set('auditLog:chunk:99', [logRecord()]);
    area.data.set('settings', { version: 2 });
    await log.clear();
    expect([...area.data.keys()]).toEqual(['settings']);
    expect(await log.read()).toEqual([]);
    await log.append({ instanceId: 'a', maxSeq: 2, observations: [logged(2)] });
    expect(await log.read()).toHaveLength(1);
  });

  it('rejects when storage refuses the write, so nothing is acknowledged unstored', async () => {
    const area = new FakeStorageArea();
    const log = store(area);
    area.failNext = new Error('QUOTA_BYTES quota exceeded');
    await expect(log.append({ instanceId: 'a', maxSeq: 1, observations: [logged(1)] })).rejects.toThrow(/quota/);
    await log.append({ instanceId: 'a', maxSeq: 1, observations: [logged(1)] });
    expect(await store(area).read()).toHaveLength(1);
  });
});
