import { entry, LIVE, unknownVendor } from '../../test/unit/audit-fixtures';
import { badgeText, entryFindings, groupByVendor, summarise, summaryText } from './audit-groups';

describe('summarise', () => {
  it('counts requests, not rows, and calls out what report-only let through', () => {
    const summary = summarise([
      entry({ count: 3 }),
      entry({ status: 'strict-mode', count: 1 }),
      entry({ status: 'allowed-essential', vendor: LIVE, count: 2 }),
      entry({ status: 'report-only', count: 4 }),
      entry({ status: 'allowed-unknown', vendor: unknownVendor('x.example'), count: 5 }),
    ]);
    expect(summary).toEqual({ blocked: 4, allowed: 6, unknown: 5, wouldBeBlocked: 4 });
    expect(summaryText(summary)).toBe('4 blocked, 6 allowed, 5 unknown (4 would be blocked without report-only)');
    expect(summaryText(summarise([]))).toBe('0 blocked, 0 allowed, 0 unknown');
  });

  it('gives badge text that fits the toolbar', () => {
    expect([0, 7, 999, 1000].map(badgeText)).toEqual(['', '7', '999', '999+']);
  });
});

describe('groupByVendor', () => {
  it('groups rows by vendor, what got through first, unknown third parties first of all', () => {
    const groups = groupByVendor([
      entry({ url: 'https://cdn.tracker.example/a.js', count: 9 }),
      entry({ url: 'https://ws.live.example/s', status: 'allowed-essential', vendor: LIVE }),
      entry({ url: 'https://cdn.x.example/x.js', status: 'allowed-unknown', vendor: unknownVendor('x.example') }),
      entry({ url: 'https://cdn.tracker.example/b.js', status: 'report-only', count: 1 }),
    ]);
    expect(groups.map((g) => [g.key, g.count, g.status])).toEqual([
      ['unknown:x.example', 1, 'allowed-unknown'],
      ['tracker', 10, undefined],
      ['live', 1, 'allowed-essential'],
    ]);
    expect(groups[1]?.entries.map((e) => e.url)).toEqual([
      'https://cdn.tracker.example/b.js',
      'https://cdn.tracker.example/a.js',
    ]);
  });

  it('groups 5,000 rows quickly', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) =>
      entry({ url: `https://cdn${i % 300}.v${i % 97}.example/${i}.js`, vendor: unknownVendor(`v${i % 97}.example`) }),
    );
    const start = performance.now();
    expect(groupByVendor(rows)).toHaveLength(97);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('entryFindings', () => {
  it('flags allowed scripts without SRI, blocked requests that loaded, and allowed ones that failed', () => {
    expect(entryFindings(entry({ status: 'allowed-unknown', integrity: 'absent', outcomes: { loaded: 1 } }))).toEqual({
      noSri: true,
      loadedAnyway: false,
      failed: false,
    });
    expect(
      entryFindings(entry({ status: 'allowed-unknown', integrity: 'present', outcomes: { loaded: 1 } })).noSri,
    ).toBe(false);
    expect(entryFindings(entry({ status: 'blocked', integrity: 'absent' })).noSri).toBe(false);
    expect(entryFindings(entry({ status: 'blocked', outcomes: { loaded: 1 } })).loadedAnyway).toBe(true);
    expect(
      entryFindings(
        entry({ status: 'allowed-essential', type: 'xmlhttprequest', integrity: null, outcomes: { failed: 2 } }),
      ),
    ).toEqual({ noSri: false, loadedAnyway: false, failed: true });
  });
});
