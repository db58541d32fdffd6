import { parseFleetReporting } from './fleet-reporting-config';

const VALID = {
  endpoint: 'https://collector.example.com/v1/logs',
  format: 'otlp-json',
  authorization: 'Bearer abc',
  intervalSeconds: 300,
  deviceLabel: 'laptop-42',
};

describe('parseFleetReporting', () => {
  test('absent: off, and nothing to name', () => {
    expect(parseFleetReporting(undefined)).toEqual({ config: undefined, warnings: [] });
  });

  test('a valid key is taken as given', () => {
    expect(parseFleetReporting(VALID)).toEqual({ config: { ...VALID, format: 'otlp-json' }, warnings: [] });
    expect(
      parseFleetReporting({
        endpoint: 'https://splunk.example.com:8088/services/collector/event',
        format: 'splunk-hec',
      }).config,
    ).toEqual({
      endpoint: 'https://splunk.example.com:8088/services/collector/event',
      format: 'splunk-hec',
      authorization: undefined,
      intervalSeconds: 300,
      deviceLabel: undefined,
    });
  });

  test.each([
    [
      { ...VALID, endpoint: 'http://collector.example.com/v1/logs' },
      /^fleetReporting\.endpoint: "http:\/\/collector\.example\.com\/v1\/logs" is not https/,
    ],
    [
      { ...VALID, endpoint: 'collector.example.com' },
      /^fleetReporting\.endpoint: "collector\.example\.com" is not a URL/,
    ],
    [{ ...VALID, endpoint: 42 }, /^fleetReporting\.endpoint: must be the https URL/],
    [
      { ...VALID, endpoint: 'https://user:pw@collector.example.com/' },
      /^fleetReporting\.endpoint: must not carry a user name or password/,
    ],
    [
      { ...VALID, format: 'otlp-protobuf' },
      /^fleetReporting\.format: unknown format "otlp-protobuf": must be "otlp-json" or "splunk-hec"/,
    ],
    [{ ...VALID, format: undefined }, /^fleetReporting\.format: missing/],
    [
      { ...VALID, intervalSeconds: 9 },
      /^fleetReporting\.intervalSeconds: 9 must be a whole number of seconds from 10 to 86,400/,
    ],
    [{ ...VALID, intervalSeconds: 86_401 }, /^fleetReporting\.intervalSeconds: 86401 /],
    [{ ...VALID, intervalSeconds: 60.5 }, /^fleetReporting\.intervalSeconds: 60\.5 /],
    [{ ...VALID, intervalSeconds: '300' }, /^fleetReporting\.intervalSeconds: "300" /],
    [
      { ...VALID, authorization: 'Bearer a\r\nX-Evil: 1' },
      /^fleetReporting\.authorization: must be the Authorization header's value/,
    ],
    [{ ...VALID, deviceLabel: '' }, /^fleetReporting\.deviceLabel: must be a non-empty string/],
    ['https://collector.example.com', /^fleetReporting: must be an object/],
  ])('malformed (%j): reporting is off, the problem named', (raw, message) => {
    const parsed = parseFleetReporting(raw);
    expect(parsed.config).toBeUndefined();
    expect(parsed.warnings).toEqual([expect.stringMatching(message)]);
    expect(parsed.warnings[0]).toMatch(/; reporting is off\.$/);
  });

  test('every problem is named, and a credential is never quoted', () => {
    const parsed = parseFleetReporting({
      endpoint: 'ftp://x',
      format: 'csv',
      authorization: 'Secret\nvalue',
      intervalSeconds: 1,
    });
    expect(parsed.config).toBeUndefined();
    expect(parsed.warnings.map((w) => w.split(':')[0])).toEqual([
      'fleetReporting.endpoint',
      'fleetReporting.format',
      'fleetReporting.authorization',
      'fleetReporting.intervalSeconds',
    ]);
    expect(parsed.warnings.join(' ')).not.toContain('Secret');
  });

  test('the boundaries of the interval are accepted', () => {
    expect(parseFleetReporting({ ...VALID, intervalSeconds: 10 }).config?.intervalSeconds).toBe(10);
    expect(parseFleetReporting({ ...VALID, intervalSeconds: 86_400 }).config?.intervalSeconds).toBe(86_400);
  });
});
