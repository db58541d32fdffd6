/**
 * Decodes an OTLP/HTTP JSON logs body with the official OTLP protobuf definitions (as generated and shipped by
 * @opentelemetry/otlp-transformer), for the unit and end-to-end tests. The body goes through the protobuf message
 * and back (fromObject, binary encode and decode, toObject) and must come out equal: a field the definitions do not
 * know, a misspelt name or a wrong type (an int64 that is no decimal string) fails, as in a real collector.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generated = require('@opentelemetry/otlp-transformer/build/src/generated/root') as {
  opentelemetry: OtlpNamespace;
};

interface ProtobufMessage<T> {
  fromObject(object: unknown): T;
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
  toObject(
    message: T,
    options: { longs: StringConstructor; enums?: NumberConstructor; defaults?: boolean; arrays?: boolean },
  ): unknown;
  verify(message: unknown): string | null;
}
interface OtlpNamespace {
  proto: { collector: { logs: { v1: { ExportLogsServiceRequest: ProtobufMessage<unknown> } } } };
}

export interface OtlpAttribute {
  readonly key: string;
  readonly value: { readonly stringValue?: string; readonly intValue?: string; readonly boolValue?: boolean };
}
export interface OtlpLogRecord {
  readonly timeUnixNano: string;
  readonly observedTimeUnixNano?: string;
  readonly severityNumber?: number;
  readonly severityText?: string;
  readonly body?: { readonly stringValue?: string };
  readonly attributes: readonly OtlpAttribute[];
}
export interface OtlpLogsRequest {
  readonly resourceLogs: readonly {
    readonly resource: { readonly attributes: readonly OtlpAttribute[] };
    readonly scopeLogs: readonly {
      readonly scope?: { readonly name?: string; readonly version?: string };
      readonly logRecords: readonly OtlpLogRecord[];
    }[];
  }[];
}

/** JSON with object keys sorted: field order carries no meaning in protobuf's JSON mapping. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const Message = generated.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

/** The decoded request; throws, saying what differs, unless the body is a faithful ExportLogsServiceRequest. */
export function decodeOtlpLogs(body: string): OtlpLogsRequest {
  const json: unknown = JSON.parse(body);
  const message = Message.fromObject(json);
  const roundTrip = Message.toObject(Message.decode(Message.encode(message).finish()), { longs: String });
  const expected = canonical(json);
  const actual = canonical(roundTrip);
  if (expected !== actual)
    throw new Error(
      `Not an OTLP ExportLogsServiceRequest as the definitions read it.\nSent:    ${expected.slice(0, 2000)}\nDecoded: ${actual.slice(0, 2000)}`,
    );
  return roundTrip as OtlpLogsRequest;
}

/** A record's attributes as a plain object (string or int values). */
export function attributesOf(attributes: readonly OtlpAttribute[]): Record<string, string | boolean> {
  return Object.fromEntries(
    attributes.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue ?? '']),
  );
}

/** Every log record of a request, each with its attributes flattened. */
export function logRecordsOf(
  request: OtlpLogsRequest,
): { record: OtlpLogRecord; attributes: Record<string, string | boolean> }[] {
  return request.resourceLogs.flatMap((resource) =>
    resource.scopeLogs.flatMap((scope) =>
      scope.logRecords.map((record) => ({ record, attributes: attributesOf(record.attributes) })),
    ),
  );
}
