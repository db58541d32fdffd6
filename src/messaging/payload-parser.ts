/**
 * A message's payload check, made from the schema that declares the payload: the router runs it before a handler
 * sees anything, and a refusal names the message and the field (`tab-pause/set: paused: must be true or false`).
 */
import type { JSONSchema, SchemaType } from '../schema';
import { describeSchemaError, schemaProblem } from '../schema';
import type { Result } from '../shared';
import { isRecord } from '../shared';
import { NO_PAYLOAD, type Message, type PayloadKinds, type PayloadOf } from './message';

export type PayloadParser<T> = (payload: unknown) => Result<T>;

export function payloadParser<const S extends JSONSchema>(type: string, schema: S): PayloadParser<SchemaType<S>> {
  return parserOf({ type, payload: schema, reply: true }) as PayloadParser<SchemaType<S>>;
}

/** The check of a message that carries no payload (`null`, or none at all); a refusal names the message. */
export function noPayloadParser(type: string): PayloadParser<null> {
  return (payload) =>
    payload === null || payload === undefined
      ? { ok: true, value: null }
      : { ok: false, error: `${type} takes no payload` };
}

/** The payload parser a message's declaration gives, or undefined where its handler parses the payload itself. */
export function messagePayloadParser<M extends Message>(message: M): PayloadParser<PayloadOf<M>> | undefined {
  // What passes the declaration's schema is what PayloadOf<M> is derived from.
  return parserOf(message) as PayloadParser<PayloadOf<M>> | undefined;
}

function parserOf(message: Message): PayloadParser<unknown> | undefined {
  const check: unknown = message.payload;
  if (typeof check === 'object' && check !== null && 'parsedBy' in check) return undefined;
  const schema = check as JSONSchema;
  if (schema === NO_PAYLOAD) return noPayloadParser(message.type);
  if (message.kinds !== undefined) return kindsPayloadParser(schema, message.kinds);
  return (payload) => {
    const problem = schemaProblem(payload, schema);
    if (problem === undefined) return { ok: true, value: payload };
    return { ok: false, error: `${message.type}: ${describeSchemaError(problem, 'the payload') ?? 'is not valid'}` };
  };
}

/** The check of a payload of several kinds (PayloadKinds): a refusal names the payload's kind and the field. */
function kindsPayloadParser(schema: JSONSchema, { tag, noun }: PayloadKinds): PayloadParser<unknown> {
  const branches: unknown = isRecord(schema) ? schema.oneOf : undefined;
  const kinds = Array.isArray(branches)
    ? branches.map((branch: unknown) =>
        isRecord(branch) && isRecord(branch.properties) && isRecord(branch.properties[tag])
          ? branch.properties[tag].const
          : undefined,
      )
    : [];
  if (kinds.length === 0 || kinds.some((kind) => typeof kind !== 'string'))
    throw new Error(`a ${noun}'s schema must be a oneOf whose every branch fixes "${tag}" with a const`);
  return (payload) => {
    const kind = isRecord(payload) ? payload[tag] : undefined;
    if (typeof kind !== 'string') return { ok: false, error: `a ${noun} needs a "${tag}"` };
    if (!kinds.includes(kind)) return { ok: false, error: `unknown ${noun} "${kind}"` };
    const problem = schemaProblem(payload, schema);
    if (problem === undefined) return { ok: true, value: payload };
    return { ok: false, error: `${kind}: ${describeSchemaError(problem, 'the payload') ?? 'is not valid'}` };
  };
}
