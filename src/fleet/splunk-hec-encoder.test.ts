import type { FleetEvent, FleetReportContext } from './fleet-event';
import { encodeSplunkHec } from './splunk-hec-encoder';

const CONTEXT: FleetReportContext = {
  extensionVersion: '0.4.0',
  browser: 'chrome',
  userAgent: 'UA',
  policyHash: 'cd'.repeat(32),
  deviceLabel: undefined,
};
const EVENTS: FleetEvent[] = [
  { kind: 'tab-pause', id: 't1', time: 1_796_040_003_250, dashboard: 'circleci', durationSeconds: 95 },
  { kind: 'dropped', id: 'd1', time: 1_796_040_005_000, dashboard: null, count: 3 },
];

const parse = (body: string): Record<string, unknown>[] =>
  body.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('encodeSplunkHec', () => {
  test('one HEC event per event: sourcetype dashguard, time in seconds, the event with its id, shared fields', () => {
    const events = parse(encodeSplunkHec(EVENTS, CONTEXT));
    expect(events).toEqual([
      {
        time: 1_796_040_003.25,
        source: 'dashguard',
        sourcetype: 'dashguard',
        event: { ...EVENTS[0], message: 'Dashguard paused on a tab on circleci for 95 s', userAgent: 'UA' },
        fields: {
          'dashguard.version': '0.4.0',
          'dashguard.browser': 'chrome',
          'dashguard.policy_hash': CONTEXT.policyHash,
        },
      },
      expect.objectContaining({ event: expect.objectContaining({ kind: 'dropped', id: 'd1', count: 3 }) }),
    ]);
  });

  test('host only from the device label', () => {
    expect(parse(encodeSplunkHec(EVENTS, CONTEXT)).some((e) => 'host' in e)).toBe(false);
    const labelled = parse(encodeSplunkHec(EVENTS, { ...CONTEXT, deviceLabel: 'laptop-7' }));
    expect(labelled.map((e) => e.host)).toEqual(['laptop-7', 'laptop-7']);
    expect(labelled[0]?.fields).toMatchObject({ 'dashguard.device_label': 'laptop-7' });
  });
});
