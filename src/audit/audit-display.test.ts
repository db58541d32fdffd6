import { entry, LIVE, TRACKER, unknownVendor } from '../../test/unit/audit-fixtures';
import { countsByCategory, displayAudit, firstScreenOf, MIXED_REASONS } from './audit-display';
import type { AuditEntry, TabAudit } from './audit-types';

const tabAudit = (entries: AuditEntry[]): TabAudit => ({
  v: 1,
  tabId: 3,
  page: {
    url: 'https://app.ci.example/',
    host: 'app.ci.example',
    timeOrigin: 5,
    dashboardId: 'ci',
    dashboardName: 'CI',
  },
  entries,
  unlisted: 2,
  bytes: 0,
  stored: {},
  updatedAt: 42,
});

const ROWS = [
  entry({ url: 'https://ws.live.example/s', status: 'allowed-essential', vendor: LIVE, reason: 'Needed.' }),
  entry({ url: 'https://cdn.x.example/x.js', status: 'allowed-unknown', vendor: unknownVendor('x.example') }),
  entry({ url: 'https://cdn.tracker.example/a.js', count: 9 }),
  entry({ url: 'https://cdn.tracker.example/b.js', status: 'report-only', count: 1, reason: 'Report-only.' }),
];

describe('displayAudit', () => {
  it('lists vendors with a blocked request first, then the rest in groupByVendor order, each with its reason', () => {
    const display = displayAudit(tabAudit(ROWS));
    expect(display.groups.map((g) => [g.key, g.rows, g.count, g.status, g.reason])).toEqual([
      ['tracker', 2, 10, undefined, MIXED_REASONS],
      ['unknown:x.example', 1, 1, 'allowed-unknown', ROWS[1]?.reason],
      ['live', 1, 1, 'allowed-essential', 'Needed.'],
    ]);
    expect(display).toMatchObject({
      tabId: 3,
      groupCount: 3,
      rows: 4,
      unlisted: 2,
      updatedAt: 42,
      complete: true,
      summary: { blocked: 9, allowed: 2, unknown: 1, wouldBeBlocked: 1 },
    });
  });

  it('counts requests per category, most first, unknown and custom vendors apart', () => {
    expect(
      countsByCategory([
        ...ROWS,
        entry({ vendor: { ...TRACKER, id: 'mine', category: null, source: 'custom' }, count: 20 }),
      ]),
    ).toEqual([
      { id: 'custom', blocked: 20, allowed: 0 },
      { id: 'analytics', blocked: 9, allowed: 1 },
      { id: 'realtime', blocked: 0, allowed: 1 },
      { id: 'unknown', blocked: 0, allowed: 1 },
    ]);
  });
});

describe('firstScreenOf', () => {
  const display = displayAudit(tabAudit(ROWS));

  it('holds vendor groups first, then rows in list order, up to the items asked; the summary whole', () => {
    const two = firstScreenOf(display, 2);
    expect(two.groups.map((g) => [g.key, g.entries.length, g.rows])).toEqual([
      ['tracker', 0, 2],
      ['unknown:x.example', 0, 1],
    ]);
    expect(two).toMatchObject({ complete: false, groupCount: 3, rows: 4, summary: display.summary });
    const five = firstScreenOf(display, 5);
    expect(five.groups.map((g) => g.entries.map((e) => e.url))).toEqual([
      ['https://cdn.tracker.example/b.js', 'https://cdn.tracker.example/a.js'],
      [],
      [],
    ]);
    expect(five.complete).toBe(false);
  });

  it('is the whole display when the items asked cover it', () => {
    const all = firstScreenOf(display, 7);
    expect(all.complete).toBe(true);
    expect(all.groups).toEqual(display.groups);
  });

  it('stays small however large the audit', () => {
    const many = Array.from({ length: 5_000 }, (_, i) =>
      entry({ url: `https://cdn${i % 300}.v${i % 300}.example/${i}.js`, vendor: unknownVendor(`v${i % 300}.example`) }),
    );
    const screen = firstScreenOf(displayAudit(tabAudit(many)), 60);
    expect(screen.groups).toHaveLength(60);
    expect(screen.groups.every((g) => g.entries.length === 0)).toBe(true);
    expect(screen.groupCount).toBe(300);
    expect(JSON.stringify(screen).length).toBeLessThan(20_000);
  });
});
