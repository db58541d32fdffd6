import { AUDIT_LIMITS } from './audit-limits';
import { auditableUrl, parseAuditReport } from './audit-report-parser';

const observation = (seq: number, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  seq,
  url: `https://cdn.tracker.example/${seq}.js`,
  urlTruncated: false,
  type: 'script',
  observed: 'failed',
  integrity: false,
  time: 1_700_000_000_000,
  ...overrides,
});
const report = (observations: unknown[], overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  instanceId: '0f8e2f5c-1c1b-4bb1-9d8e-2f6a1c3b4d5e',
  timeOrigin: 1_700_000_000_000.5,
  observations,
  ...overrides,
});

describe('parseAuditReport', () => {
  it('accepts a well-formed report', () => {
    const parsed = parseAuditReport(
      report([observation(1), observation(2, { type: 'ping', observed: 'loaded', integrity: null })]),
    );
    expect(parsed).toMatchObject({ ok: true, value: { maxSeq: 2, dropped: 0, restored: false } });
    if (parsed.ok) expect(parsed.value.observations).toHaveLength(2);
  });

  it.each([
    ['not an object', 'report'],
    ['a bad instance id', report([], { instanceId: '<script>' })],
    ['a bad time origin', report([], { timeOrigin: 'yesterday' })],
    ['observations that are not a list', report([], { observations: {} })],
    [
      'too many observations',
      report(Array.from({ length: AUDIT_LIMITS.observationsPerReport + 1 }, (_, i) => observation(i + 1))),
    ],
  ])('refuses %s', (_name, payload) => {
    expect(parseAuditReport(payload).ok).toBe(false);
  });

  it('drops malformed observations and still acknowledges their sequence numbers', () => {
    const parsed = parseAuditReport(
      report([
        observation(1, { url: 'javascript:alert(1)' }),
        observation(2, { url: 'data:text/javascript,alert(1)' }),
        observation(3, { url: `https://x.example/${'a'.repeat(AUDIT_LIMITS.urlLength)}` }),
        observation(4, { type: 'main_frame' }),
        observation(5, { observed: 'exploded' }),
        observation(6, { integrity: 'yes' }),
        observation(7, { seq: -1 }),
        observation(8, { url: 'wss://ws.live.example/socket', type: 'websocket', integrity: null }),
      ]),
    );
    expect(parsed).toMatchObject({ ok: true, value: { maxSeq: 8, dropped: 7 } });
    if (parsed.ok) expect(parsed.value.observations.map((o) => o.url)).toEqual(['wss://ws.live.example/socket']);
  });
});

describe('auditableUrl', () => {
  it('takes http(s) and ws(s) URLs only', () => {
    expect(auditableUrl('https://a.example/"><img src=x>')).toBe('https://a.example/"><img src=x>');
    expect(auditableUrl('JavaScript:alert(1)')).toBeUndefined();
    expect(auditableUrl('blob:https://a.example/1')).toBeUndefined();
    expect(auditableUrl('not a url')).toBeUndefined();
    expect(auditableUrl(42)).toBeUndefined();
  });
});
