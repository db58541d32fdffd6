import { blockedTracker, observation, update } from '../../test/unit/audit-observations';
import type { Classification } from './audit-classify';
import { AUDIT_LIMITS } from './audit-limits';
import { correctTabAudit, mergeTabAudit } from './tab-audit-merge';

describe('mergeTabAudit', () => {
  it('aggregates requests to the same path, type and status into one row with a count', () => {
    const audit = mergeTabAudit(
      undefined,
      update([
        observation(1),
        observation(2, { observed: 'loaded', integrity: true }),
        observation(3, { url: 'https://cdn.tracker.example/other.js' }),
      ]),
    );
    expect(audit.page).toMatchObject({
      url: 'https://app.ci.example/pipelines',
      host: 'app.ci.example',
      dashboardId: 'ci',
      timeOrigin: 1_000,
    });
    expect(audit.entries).toHaveLength(2);
    expect(audit.entries[0]).toMatchObject({
      url: 'https://cdn.tracker.example/t.js?n=1',
      path: '/t.js',
      count: 2,
      outcomes: { failed: 1, loaded: 1 },
      integrity: 'mixed',
      firstSeen: 1_001,
      lastSeen: 1_002,
      status: 'blocked',
    });
    expect(audit.stored).toEqual({ 'top-1': 3 });
  });

  it('never counts a resent observation twice', () => {
    const once = mergeTabAudit(undefined, update([observation(1), observation(2)]));
    const twice = mergeTabAudit(once, update([observation(1), observation(2), observation(3)]));
    expect(twice.entries[0]?.count).toBe(3);
  });

  it('leaves first-party observations out but still marks them stored', () => {
    const audit = mergeTabAudit(
      undefined,
      update([observation(1, { classification: { audited: false, why: 'first-party' } })]),
    );
    expect(audit.entries).toEqual([]);
    expect(audit.stored).toEqual({ 'top-1': 1 });
  });

  it('starts over on a new page, keeping what its own frames already sent', () => {
    const first = mergeTabAudit(undefined, update([observation(1)]));
    // A frame of the next page (time origin 2,000) reports before the page itself.
    const frame = mergeTabAudit(
      first,
      update([observation(1, { time: 2_100, url: 'https://cdn.tracker.example/frame.js' })], {
        isTopFrame: false,
        timeOrigin: 2_050,
        instanceId: 'frame-2',
      }),
    );
    expect(frame.entries).toHaveLength(2);
    const next = mergeTabAudit(
      frame,
      update([observation(1, { time: 2_200 })], {
        timeOrigin: 2_000,
        instanceId: 'top-2',
        documentUrl: 'https://app.ci.example/next',
      }),
    );
    expect(next.page?.url).toBe('https://app.ci.example/next');
    expect(next.entries.map((e) => [e.path, e.inFrame])).toEqual([
      ['/frame.js', true],
      ['/t.js', false],
    ]);
  });

  it('does not show what a page the tab has left reports late', () => {
    const current = mergeTabAudit(undefined, update([], { timeOrigin: 2_000, instanceId: 'top-2' }));
    const late = mergeTabAudit(current, update([observation(5)], { timeOrigin: 1_000, instanceId: 'top-1' }));
    expect(late.entries).toEqual([]);
    expect(late.page?.timeOrigin).toBe(2_000);
    const lateFrame = mergeTabAudit(
      current,
      update([observation(5)], { isTopFrame: false, timeOrigin: 1_500, instanceId: 'frame-1' }),
    );
    expect(lateFrame.entries).toEqual([]);
  });

  it('shows a page restored from the back-forward cache again', () => {
    const current = mergeTabAudit(undefined, update([observation(1)], { timeOrigin: 2_000, instanceId: 'top-2' }));
    const restored = mergeTabAudit(
      current,
      update([observation(1, { url: 'https://cdn.tracker.example/back.js' })], {
        timeOrigin: 1_000,
        instanceId: 'top-1b',
        restored: true,
      }),
    );
    expect(restored.page?.timeOrigin).toBe(1_000);
    expect(restored.entries.map((e) => e.path)).toEqual(['/back.js']);
  });

  it('counts beyond the row limit without listing, so a runaway page cannot grow the audit without bound', () => {
    let audit = mergeTabAudit(undefined, update([]));
    const perReport = AUDIT_LIMITS.observationsPerReport;
    for (let report = 0; report * perReport < AUDIT_LIMITS.tabEntries + 50; report += 1) {
      const batch = Array.from({ length: perReport }, (_, i) =>
        observation(report * perReport + i + 1, { url: `https://cdn.tracker.example/${report}-${i}.js` }),
      );
      audit = mergeTabAudit(audit, update(batch));
    }
    expect(audit.entries).toHaveLength(AUDIT_LIMITS.tabEntries);
    expect(audit.unlisted).toBeGreaterThanOrEqual(50);
    expect(audit.bytes).toBeLessThanOrEqual(AUDIT_LIMITS.tabBytes);
  });

  it('keeps the rows within the byte budget even with long URLs', () => {
    const long = 'x'.repeat(AUDIT_LIMITS.urlLength - 40);
    let audit = mergeTabAudit(undefined, update([]));
    for (let report = 0; report < 20; report += 1) {
      const batch = Array.from({ length: 100 }, (_, i) =>
        observation(report * 100 + i + 1, {
          url: `https://cdn.tracker.example/${report}-${i}/${long}`,
          urlTruncated: true,
        }),
      );
      audit = mergeTabAudit(audit, update(batch));
    }
    expect(audit.bytes).toBeLessThanOrEqual(AUDIT_LIMITS.tabBytes);
    expect(JSON.stringify(audit.entries).length).toBeLessThanOrEqual(AUDIT_LIMITS.tabBytes + 10_000);
    expect(audit.unlisted).toBeGreaterThan(0);
    expect(blockedTracker.audited).toBe(true);
  });

  describe('what the page itself reported', () => {
    type Audited = Extract<Classification, { audited: true }>;
    const tracker = blockedTracker as Audited;
    const unknown: Audited = {
      ...tracker,
      host: 'ws.unknown.example',
      status: 'allowed-unknown',
      vendor: { id: null, name: 'unknown.example', category: null, source: null },
    };
    const byPage = (seq: number, host = `f${seq}.unknown.example`) =>
      observation(seq, {
        url: `wss://${host}/x`,
        type: 'websocket',
        observed: 'requested',
        integrity: null,
        reportedByPage: true,
        classification: { ...unknown, host },
      });

    it('is a row of its own, marked, never merged with what the content script saw', () => {
      const audit = mergeTabAudit(
        undefined,
        update([
          byPage(1, 'ws.unknown.example'),
          observation(2, {
            url: 'wss://ws.unknown.example/x',
            type: 'websocket',
            observed: 'refused-by-csp',
            integrity: null,
            classification: unknown,
          }),
        ]),
      );
      expect(audit.entries.map((e) => [e.key, e.reportedByPage ?? false])).toEqual([
        ['websocket|allowed-unknown|ws.unknown.example|/x|page', true],
        ['websocket|allowed-unknown|ws.unknown.example|/x', false],
      ]);
    });

    it('takes at most its own share of rows; the rest is counted unlisted', () => {
      let audit = mergeTabAudit(undefined, update([]));
      for (let start = 0; start < AUDIT_LIMITS.tabPageEntries + 300; start += 200) {
        audit = mergeTabAudit(audit, update(Array.from({ length: 200 }, (_, i) => byPage(start + i + 1))));
      }
      expect(audit.entries.filter((e) => e.reportedByPage)).toHaveLength(AUDIT_LIMITS.tabPageEntries);
      expect(audit.unlisted).toBeGreaterThanOrEqual(300);
    });

    it('gives its rows up to real observations in a full audit; an allowed row goes for a blocked one, never the reverse', () => {
      let audit = mergeTabAudit(undefined, update(Array.from({ length: 100 }, (_, i) => byPage(i + 1))));
      let seq = 100;
      const fill = (count: number, classification: Audited) => {
        for (let left = count; left > 0; left -= 200) {
          const batch = Array.from({ length: Math.min(200, left) }, () => {
            seq += 1;
            return observation(seq, { url: `https://${classification.host}/${seq}.js`, classification });
          });
          audit = mergeTabAudit(audit, update(batch));
        }
      };
      fill(AUDIT_LIMITS.tabEntries - 100, { ...unknown, host: 'cdn.unknown.example' });
      expect(audit.entries).toHaveLength(AUDIT_LIMITS.tabEntries);
      // Real, allowed: takes the page's rows, then is unlisted.
      fill(150, { ...unknown, host: 'late.unknown.example' });
      expect(audit.entries.filter((e) => e.reportedByPage)).toEqual([]);
      expect(audit.entries.filter((e) => e.host === 'late.unknown.example')).toHaveLength(100);
      // Real, blocked: an allowed row gives way.
      fill(10, tracker);
      expect(audit.entries.filter((e) => e.status === 'blocked')).toHaveLength(10);
      expect(audit.entries).toHaveLength(AUDIT_LIMITS.tabEntries);
      // A page report into the full audit: unlisted, nothing gives way.
      const before = audit.entries;
      audit = mergeTabAudit(audit, update([byPage(++seq)]));
      expect(audit.entries).toEqual(before);
    });

    it('within one report into a full audit: rows given up leave in order, the rest keep their counts, a row given up comes back as new', () => {
      const allowed = { ...unknown, host: 'cdn.unknown.example' };
      const atPath = (seq: number, path: string, classification: Audited) =>
        observation(seq, { url: `https://${classification.host}/${path}.js`, classification });
      let audit = mergeTabAudit(undefined, update([]));
      for (let start = 0; start < AUDIT_LIMITS.tabEntries; start += 200) {
        audit = mergeTabAudit(
          audit,
          update(Array.from({ length: 200 }, (_, i) => atPath(start + i + 1, `row-${start + i}`, allowed))),
        );
      }
      const paths = audit.entries.map((e) => e.path);
      const next = AUDIT_LIMITS.tabEntries + 1;
      audit = mergeTabAudit(
        audit,
        update([
          atPath(next + 0, 'blocked-a', tracker),
          atPath(next + 1, 'row-10', allowed),
          atPath(next + 2, 'blocked-b', tracker),
          atPath(next + 3, 'blocked-c', tracker),
          atPath(next + 4, 'row-3', allowed),
          atPath(next + 5, 'row-0', allowed),
          atPath(next + 6, 'blocked-a', tracker),
        ]),
      );
      expect(audit.entries.map((e) => e.path)).toEqual([
        ...paths.slice(3),
        '/blocked-a.js',
        '/blocked-b.js',
        '/blocked-c.js',
      ]);
      expect(audit.entries.find((e) => e.path === '/row-10.js')?.count).toBe(2);
      expect(audit.entries.find((e) => e.path === '/row-3.js')?.count).toBe(2);
      expect(audit.entries.find((e) => e.path === '/blocked-a.js')?.count).toBe(2);
      // Three rows of one request given up, and row-0 again: allowed, into a full audit of rows it cannot take.
      expect(audit.unlisted).toBe(4);
      expect(audit.bytes).toBe(audit.entries.reduce((sum, e) => sum + JSON.stringify(e).length, 0));
    });
  });
});

describe('correctTabAudit', () => {
  it('moves an observation whose verdict changed to its new row, marked with the first verdict', () => {
    type Audited = Extract<Classification, { audited: true }>;
    const tracker = blockedTracker as Audited;
    const allowed: Audited = { ...tracker, status: 'allowed-essential', reason: 'Needed by dashboards.' };
    const early = [
      observation(1, { classification: allowed }),
      observation(2, { classification: allowed }),
      observation(3, { url: 'https://cdn.tracker.example/other.js', classification: allowed }),
    ];
    const audit = mergeTabAudit(undefined, update(early));
    expect(audit.entries.map((e) => [e.path, e.status, e.count])).toEqual([
      ['/t.js', 'allowed-essential', 2],
      ['/other.js', 'allowed-essential', 1],
    ]);
    const corrected = correctTabAudit(
      audit,
      early.slice(0, 2).map((before) => ({ before, after: { ...before, classification: tracker } })),
      9_000,
    );
    expect(corrected.entries.map((e) => [e.path, e.status, e.count, e.changedFrom])).toEqual([
      ['/other.js', 'allowed-essential', 1, undefined],
      ['/t.js', 'blocked', 2, 'allowed-essential'],
    ]);
    expect(corrected.entries.find((e) => e.status === 'blocked')?.outcomes).toEqual({ failed: 2 });
    expect(corrected.bytes).toBe(corrected.entries.reduce((n, e) => n + JSON.stringify(e).length, 0));
  });

  it('leaves rows it cannot find alone (the tab moved on)', () => {
    const audit = mergeTabAudit(undefined, update([]));
    const before = observation(1);
    expect(correctTabAudit(audit, [{ before, after: before }], 9_000).entries).toEqual([]);
  });
});
