// The schema feature's entry: a shape's type derived from its JSON schema, the small checker the pages and the
// lenient readers run it with, and the wording of its refusals. Other features and the pages import from here only,
// never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export type { DeepReadonly } from './deep-readonly';
export { conforms, schemaProblem } from './schema-check';
export { describeSchemaError, fieldName, schemaErrorLines } from './schema-error-text';
export type { JSONSchema, SchemaType } from './schema-type';
