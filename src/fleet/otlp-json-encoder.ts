/**
 * OTLP/HTTP JSON logs (the `ExportLogsServiceRequest` message in protobuf's JSON mapping, as an OpenTelemetry
 * Collector's `otlphttp` receiver takes it at `/v1/logs`): one resource (`service.name` dashguard, its version, the
 * browser), one scope, one log record per event. Attribute names follow the OpenTelemetry semantic conventions where
 * one exists (`log.record.uid` for the id a collector deduplicates by, `event.name`, `server.address`, `url.full`,
 * `user_agent.original`), and are `dashguard.*` otherwise.
 */
import { describeEvent, type FleetEvent, type FleetReportContext } from './fleet-event';

type AnyValue = { stringValue: string } | { intValue: string } | { boolValue: boolean };
interface KeyValue {
  readonly key: string;
  readonly value: AnyValue;
}

const text = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });
/** int64 travels as a decimal string in OTLP JSON. */
const integer = (key: string, value: number): KeyValue => ({ key, value: { intValue: String(Math.trunc(value)) } });
const nanos = (ms: number): string => `${BigInt(Math.trunc(ms)) * 1_000_000n}`;

/** OpenTelemetry's SeverityNumber: INFO and WARN. */
const SEVERITY = { info: { number: 9, text: 'INFO' }, warn: { number: 13, text: 'WARN' } } as const;

function attributesOf(event: FleetEvent): KeyValue[] {
  const common = [
    text('event.name', `dashguard.${event.kind}`),
    text('log.record.uid', event.id),
    ...(event.dashboard === null ? [] : [text('dashguard.dashboard', event.dashboard)]),
  ];
  const vendor = (ref: { id: string | null; name: string; category: string | null }): KeyValue[] => [
    ...(ref.id === null ? [] : [text('dashguard.vendor.id', ref.id)]),
    text('dashguard.vendor.name', ref.name),
    ...(ref.category === null ? [] : [text('dashguard.vendor.category', ref.category)]),
  ];
  switch (event.kind) {
    case 'requests':
      return [
        ...common,
        ...vendor(event.vendor),
        text('dashguard.verdict', event.verdict),
        text('dashguard.status', event.status),
        integer('dashguard.request.count', event.count),
        text('dashguard.interval.start', new Date(event.windowStart).toISOString()),
        text('dashguard.interval.end', new Date(event.windowEnd).toISOString()),
      ];
    case 'new-third-party':
      return [...common, ...vendor(event.vendor), text('server.address', event.host)];
    case 'sensitive-unprotected':
      return [...common, text('url.full', event.page)];
    case 'tab-pause':
      return [...common, integer('dashguard.pause.duration_s', event.durationSeconds)];
    case 'rule-change':
      return [
        ...common,
        text('dashguard.vendor.id', event.vendorId),
        text('dashguard.rule.direction', event.direction),
      ];
    case 'dropped':
      return [...common, integer('dashguard.dropped.count', event.count)];
  }
}

const severityOf = (event: FleetEvent) =>
  event.kind === 'new-third-party' || event.kind === 'sensitive-unprotected' || event.kind === 'dropped'
    ? SEVERITY.warn
    : SEVERITY.info;

export function encodeOtlpJson(events: readonly FleetEvent[], context: FleetReportContext, now: number): string {
  const resource = [
    text('service.name', 'dashguard'),
    text('service.version', context.extensionVersion),
    text('dashguard.browser', context.browser),
    text('user_agent.original', context.userAgent),
    text('dashguard.policy.hash', context.policyHash),
    ...(context.deviceLabel === undefined ? [] : [text('dashguard.device.label', context.deviceLabel)]),
  ];
  const logRecords = events.map((event) => {
    const severity = severityOf(event);
    return {
      timeUnixNano: nanos(event.time),
      observedTimeUnixNano: nanos(now),
      severityNumber: severity.number,
      severityText: severity.text,
      body: { stringValue: describeEvent(event) },
      attributes: attributesOf(event),
    };
  });
  return JSON.stringify({
    resourceLogs: [
      {
        resource: { attributes: resource },
        scopeLogs: [{ scope: { name: 'dashguard.fleet', version: context.extensionVersion }, logRecords }],
      },
    ],
  });
}
