import { AUDIT_LIMITS } from './audit-limits';
import { auditableUrl, parseAuditReport, parseObservation } from './audit-report-parser';

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

  it.each([
    ['report', 'audit/report: the payload: must be an object {...}'],
    [report([], { instanceId: '<script>' }), 'audit/report: instanceId: is not in the expected form'],
    [report([], { instanceId: 'a'.repeat(65) }), 'audit/report: instanceId: is longer than 64 characters'],
    [report([], { timeOrigin: 'yesterday' }), 'audit/report: timeOrigin: must be a number'],
    [report([], { timeOrigin: 0 }), 'audit/report: timeOrigin: must be more than 0'],
    [report([], { observations: {} }), 'audit/report: observations: must be a list [...]'],
    [
      report(Array.from({ length: AUDIT_LIMITS.observationsPerReport + 1 }, (_, i) => observation(i + 1))),
      `audit/report: observations: lists more than ${AUDIT_LIMITS.observationsPerReport}`,
    ],
    [report([], { restored: 'yes' }), 'audit/report: restored: must be true or false'],
    [{ timeOrigin: 1, observations: [] }, 'audit/report: instanceId: missing'],
  ])('refuses a bad envelope, naming the field (%#)', (payload, error) => {
    expect(parseAuditReport(payload)).toEqual({ ok: false, error });
  });

  it('ignores members it does not know, in the envelope and in an observation, and keeps reportedByPage only when true', () => {
    const parsed = parseAuditReport(
      report(
        [
          observation(1, { pageUrl: 'https://other.example/' }),
          observation(2, { reportedByPage: false }),
          observation(3, { reportedByPage: true }),
        ],
        { tabId: 99, restored: true, strictMode: 'enforced' },
      ),
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        instanceId: '0f8e2f5c-1c1b-4bb1-9d8e-2f6a1c3b4d5e',
        timeOrigin: 1_700_000_000_000.5,
        observations: [observation(1), observation(2), observation(3, { reportedByPage: true })],
        maxSeq: 3,
        dropped: 0,
        restored: true,
        strictMode: 'enforced',
      },
    });
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

describe('parseObservation', () => {
  it.each([
    [{ url: 'javascript:alert(1)' }, 'observations[0].url: must be an http, https, ws or wss address'],
    [{ url: '' }, 'observations[0].url: must not be empty'],
    [{ url: 7 }, 'observations[0].url: must be text in quotes'],
    [
      { url: `https://x.example/${'a'.repeat(AUDIT_LIMITS.urlLength)}` },
      `observations[0].url: is longer than ${AUDIT_LIMITS.urlLength} characters`,
    ],
    [
      { type: 'main_frame' },
      'observations[0].type: must be one of "script", "xmlhttprequest", "ping", "image", "sub_frame", "websocket", "media", "font", "stylesheet", "other"',
    ],
    [
      { observed: 'exploded' },
      'observations[0].observed: must be one of "loaded", "failed", "requested", "refused-by-csp", "reported-by-csp", "pending"',
    ],
    [{ integrity: 'yes' }, 'observations[0].integrity: must be one of true, false, null'],
    [{ seq: -1 }, 'observations[0].seq: must be 1 or more'],
    [{ seq: 1.5 }, 'observations[0].seq: must be a whole number'],
    [{ seq: 2 ** 53 }, `observations[0].seq: must be ${Number.MAX_SAFE_INTEGER} or less`],
    [{ time: 0 }, 'observations[0].time: must be more than 0'],
    [{ urlTruncated: 1 }, 'observations[0].urlTruncated: must be true or false'],
    [{ reportedByPage: 'yes' }, 'observations[0].reportedByPage: must be true or false'],
    [{ seq: undefined }, 'observations[0].seq: missing'],
  ])('refuses %p, naming the field', (overrides, error) => {
    expect(parseObservation(observation(1, overrides), '/observations/0')).toEqual({ ok: false, error });
  });

  it('refuses what is not an object', () => {
    expect(parseObservation('x')).toEqual({ ok: false, error: 'the observation: must be an object {...}' });
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
