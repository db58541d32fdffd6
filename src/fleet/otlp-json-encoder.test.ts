import { attributesOf, decodeOtlpLogs, logRecordsOf } from '../../test/unit/otlp-logs-decoder';
import type { FleetEvent, FleetReportContext } from './fleet-event';
import { encodeOtlpJson } from './otlp-json-encoder';

const CONTEXT: FleetReportContext = {
  extensionVersion: '0.4.0',
  browser: 'firefox',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
  policyHash: 'ab'.repeat(32),
  deviceLabel: undefined,
};
const AMPLITUDE = { id: 'amplitude', name: 'Amplitude', category: 'analytics' as const, source: 'curated' as const };
const EVENTS: FleetEvent[] = [
  {
    kind: 'requests',
    id: 'r1',
    time: 1_796_040_010_000,
    dashboard: 'circleci',
    vendor: AMPLITUDE,
    status: 'blocked',
    verdict: 'blocked',
    count: 12,
    windowStart: 1_796_040_000_000,
    windowEnd: 1_796_040_010_000,
  },
  {
    kind: 'new-third-party',
    id: 'n1',
    time: 1_796_040_001_000,
    dashboard: 'gitlab',
    vendor: { id: null, name: 'example.net', category: null, source: null },
    host: 'cdn.example.net',
  },
  {
    kind: 'sensitive-unprotected',
    id: 's1',
    time: 1_796_040_002_000,
    dashboard: 'github',
    page: 'https://github.com/settings/tokens',
  },
  { kind: 'tab-pause', id: 't1', time: 1_796_040_003_000, dashboard: 'circleci', durationSeconds: 95 },
  { kind: 'rule-change', id: 'c1', time: 1_796_040_004_000, dashboard: null, vendorId: 'hotjar', direction: 'allow' },
  { kind: 'dropped', id: 'd1', time: 1_796_040_005_000, dashboard: null, count: 17 },
];

describe('encodeOtlpJson', () => {
  const request = decodeOtlpLogs(encodeOtlpJson(EVENTS, CONTEXT, 1_796_040_020_000));

  test('decodes with the official OTLP definitions: one resource, one scope, one record per event', () => {
    expect(request.resourceLogs).toHaveLength(1);
    expect(attributesOf(request.resourceLogs[0]?.resource.attributes ?? [])).toEqual({
      'service.name': 'dashguard',
      'service.version': '0.4.0',
      'dashguard.browser': 'firefox',
      'user_agent.original': CONTEXT.userAgent,
      'dashguard.policy.hash': CONTEXT.policyHash,
    });
    expect(logRecordsOf(request)).toHaveLength(EVENTS.length);
  });

  test('times in nanoseconds, ids as log.record.uid, severity WARN for what a team should look at', () => {
    const records = logRecordsOf(request);
    expect(records.map(({ record }) => record.timeUnixNano)).toEqual(EVENTS.map((e) => `${e.time}000000`));
    expect(records.map(({ attributes }) => attributes['log.record.uid'])).toEqual(EVENTS.map((e) => e.id));
    expect(records.map(({ attributes }) => attributes['event.name'])).toEqual(EVENTS.map((e) => `dashguard.${e.kind}`));
    expect(records.map(({ record }) => record.severityText)).toEqual(['INFO', 'WARN', 'WARN', 'INFO', 'INFO', 'WARN']);
  });

  test('each kind carries its attributes', () => {
    const [requests, fresh, sensitive, paused, rule, dropped] = logRecordsOf(request).map(
      ({ attributes }) => attributes,
    );
    expect(requests).toMatchObject({
      'dashguard.dashboard': 'circleci',
      'dashguard.vendor.id': 'amplitude',
      'dashguard.verdict': 'blocked',
      'dashguard.status': 'blocked',
      'dashguard.request.count': '12',
    });
    expect(fresh).toMatchObject({
      'dashguard.dashboard': 'gitlab',
      'dashguard.vendor.name': 'example.net',
      'server.address': 'cdn.example.net',
    });
    expect(fresh).not.toHaveProperty('dashguard.vendor.id');
    expect(sensitive).toMatchObject({ 'url.full': 'https://github.com/settings/tokens' });
    expect(paused).toMatchObject({ 'dashguard.pause.duration_s': '95' });
    expect(rule).toMatchObject({ 'dashguard.vendor.id': 'hotjar', 'dashguard.rule.direction': 'allow' });
    expect(rule).not.toHaveProperty('dashguard.dashboard');
    expect(dropped).toMatchObject({ 'dashguard.dropped.count': '17' });
  });

  test('a device label is the only identity, and only when the policy sets it', () => {
    const labelled = decodeOtlpLogs(
      encodeOtlpJson(EVENTS.slice(0, 1), { ...CONTEXT, deviceLabel: 'build-laptop-7' }, 0),
    );
    expect(attributesOf(labelled.resourceLogs[0]?.resource.attributes ?? [])['dashguard.device.label']).toBe(
      'build-laptop-7',
    );
  });
});
