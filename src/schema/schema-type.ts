/**
 * The TypeScript type a JSON schema declares (json-schema-to-ts, types only), read-only all the way down: the one
 * way a shape's type is derived from its schema.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { DeepReadonly } from './deep-readonly';

export type { JSONSchema };
export type SchemaType<S extends JSONSchema> = DeepReadonly<FromSchema<S>>;
