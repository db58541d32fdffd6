/**
 * The organisation's `fleetReporting` policy key: where Dashguard sends its audit summaries, in which format, with
 * which Authorization header, how often. Only a policy can set it; a person cannot.
 *
 * All or nothing, unlike the rest of the policy: a half-understood destination could send reports somewhere the
 * organisation never meant (a plain-http URL, a mistyped format), so any malformed field turns reporting off, and
 * each problem is named for the options page's "ignored" list.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { FLEET_FORMATS, type fleetReportingConfigSchema } from './fleet-reporting-schema';
import type { DeepReadonly } from '../schema';
import { isRecord } from '../shared';
import { formatPath, type ValuePath } from './schema-unknown-keys';

export { FLEET_FORMATS };
export type FleetFormat = (typeof FLEET_FORMATS)[number];

export const MIN_INTERVAL_SECONDS = 10;
export const MAX_INTERVAL_SECONDS = 86_400;
export const DEFAULT_INTERVAL_SECONDS = 300;
const MAX_ENDPOINT_LENGTH = 2_048;
const MAX_AUTHORIZATION_LENGTH = 8_192;
const MAX_DEVICE_LABEL_LENGTH = 200;

export type FleetReportingConfig = DeepReadonly<FromSchema<typeof fleetReportingConfigSchema>>;

export interface ParsedFleetReporting {
  readonly config: FleetReportingConfig | undefined;
  readonly warnings: readonly string[];
}

const KEY = 'fleetReporting';
const quoted = (value: unknown): string => {
  const text =
    typeof value === 'string'
      ? JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value)
      : (JSON.stringify(value) ?? String(value));
  return text.length > 90 ? `${text.slice(0, 90)}...` : text;
};
/** Header values a browser's fetch accepts: visible ASCII, spaces and tabs, no line breaks. */
const HEADER_VALUE = /^[\t\x20-\x7e]+$/;

/** Why `value` is not a usable endpoint, or undefined when it is. */
function endpointProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'must be the https URL of your collector';
  if (value.length > MAX_ENDPOINT_LENGTH) return `is longer than ${MAX_ENDPOINT_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${quoted(value)} is not a URL`;
  }
  if (url.protocol !== 'https:') return `${quoted(value)} is not https (reports are only sent encrypted)`;
  if (url.username !== '' || url.password !== '')
    return 'must not carry a user name or password (put the credential in "authorization")';
  if (url.hash !== '') return 'must not have a #fragment';
  return undefined;
}

/**
 * Parses `raw.fleetReporting` (raw is the whole managed policy). Absent: off, no warning. Anything malformed: off,
 * one warning per problem, each naming its field.
 */
export function parseFleetReporting(raw: unknown): ParsedFleetReporting {
  if (raw === undefined) return { config: undefined, warnings: [] };
  const problems: string[] = [];
  const problem = (path: ValuePath, why: string): void => {
    problems.push(`${formatPath([KEY, ...path])}: ${why}; reporting is off.`);
  };
  if (!isRecord(raw)) {
    problem([], 'must be an object with "endpoint" and "format"');
    return { config: undefined, warnings: problems };
  }
  const endpointWhy = endpointProblem(raw.endpoint);
  if (endpointWhy !== undefined) problem(['endpoint'], endpointWhy);

  const format = FLEET_FORMATS.find((known) => known === raw.format);
  if (format === undefined)
    problem(
      ['format'],
      `${raw.format === undefined ? 'missing' : `unknown format ${quoted(raw.format)}`}: must be "otlp-json" or "splunk-hec"`,
    );

  let authorization: string | undefined;
  if (raw.authorization !== undefined) {
    if (
      typeof raw.authorization !== 'string' ||
      raw.authorization.trim() === '' ||
      raw.authorization.length > MAX_AUTHORIZATION_LENGTH ||
      !HEADER_VALUE.test(raw.authorization)
    ) {
      // Never quoted: it is a credential.
      problem(['authorization'], "must be the Authorization header's value, on one line of printable ASCII");
    } else {
      authorization = raw.authorization;
    }
  }

  let intervalSeconds = DEFAULT_INTERVAL_SECONDS;
  if (raw.intervalSeconds !== undefined) {
    const value = raw.intervalSeconds;
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < MIN_INTERVAL_SECONDS ||
      value > MAX_INTERVAL_SECONDS
    ) {
      problem(
        ['intervalSeconds'],
        `${quoted(value)} must be a whole number of seconds from ${MIN_INTERVAL_SECONDS} to ${MAX_INTERVAL_SECONDS.toLocaleString('en')}`,
      );
    } else {
      intervalSeconds = value;
    }
  }

  let deviceLabel: string | undefined;
  if (raw.deviceLabel !== undefined) {
    if (
      typeof raw.deviceLabel !== 'string' ||
      raw.deviceLabel.trim() === '' ||
      raw.deviceLabel.length > MAX_DEVICE_LABEL_LENGTH
    ) {
      problem(['deviceLabel'], `must be a non-empty string of at most ${MAX_DEVICE_LABEL_LENGTH} characters`);
    } else {
      deviceLabel = raw.deviceLabel.trim();
    }
  }

  if (problems.length > 0 || format === undefined || typeof raw.endpoint !== 'string')
    return { config: undefined, warnings: problems };
  return { config: { endpoint: raw.endpoint, format, authorization, intervalSeconds, deviceLabel }, warnings: [] };
}

/** The collector's host, as the options page and the popup name it. */
export function collectorHost(config: FleetReportingConfig): string {
  return new URL(config.endpoint).host;
}
