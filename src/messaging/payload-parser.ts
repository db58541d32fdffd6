/**
 * A message's payload check, made from the schema that declares the payload: the router runs it before a handler
 * sees anything, and a refusal names the message and the field (`tab-pause/set: paused: must be true or false`).
 */
import { describeSchemaError, schemaProblem, type JSONSchema, type Result, type SchemaType } from '../shared';

export type PayloadParser<T> = (payload: unknown) => Result<T>;

export function payloadParser<const S extends JSONSchema>(type: string, schema: S): PayloadParser<SchemaType<S>> {
  return (payload) => {
    const problem = schemaProblem(payload, schema);
    if (problem === undefined) return { ok: true, value: payload as SchemaType<S> };
    return { ok: false, error: `${type}: ${describeSchemaError(problem, 'the payload') ?? 'is not valid'}` };
  };
}

/** The check of messages that carry no payload (`null`, or none at all). */
export function parseNoPayload(payload: unknown): Result<null> {
  return payload === null || payload === undefined
    ? { ok: true, value: null }
    : { ok: false, error: 'this message takes no payload' };
}
