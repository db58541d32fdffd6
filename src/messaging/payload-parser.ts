/**
 * A message's payload check, made from the schema that declares the payload: the router runs it before a handler
 * sees anything, and a refusal names the message and the field (`tab-pause/set: paused: must be true or false`).
 */
import type { JSONSchema, SchemaType } from '../schema';
import { describeSchemaError, schemaProblem } from '../schema';
import type { Result } from '../shared';
import { NO_PAYLOAD, type Message } from './message';

export type PayloadParser<T> = (payload: unknown) => Result<T>;

export function payloadParser<const S extends JSONSchema>(type: string, schema: S): PayloadParser<SchemaType<S>> {
  return messagePayloadParser({ type, payload: schema, reply: true }) as PayloadParser<SchemaType<S>>;
}

/** The check of a message that carries no payload (`null`, or none at all); a refusal names the message. */
export function noPayloadParser(type: string): PayloadParser<null> {
  return (payload) =>
    payload === null || payload === undefined
      ? { ok: true, value: null }
      : { ok: false, error: `${type} takes no payload` };
}

/** The payload parser a message's declaration gives, or undefined where its handler parses the payload itself. */
export function messagePayloadParser(message: Message): PayloadParser<unknown> | undefined {
  const check: unknown = message.payload;
  if (typeof check === 'object' && check !== null && 'parsedBy' in check) return undefined;
  const schema = check as JSONSchema;
  if (schema === NO_PAYLOAD) return noPayloadParser(message.type);
  return (payload) => {
    const problem = schemaProblem(payload, schema);
    if (problem === undefined) return { ok: true, value: payload };
    return { ok: false, error: `${message.type}: ${describeSchemaError(problem, 'the payload') ?? 'is not valid'}` };
  };
}
