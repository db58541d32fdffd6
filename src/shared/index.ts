// The shared feature's entry: what code outside src/shared/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export type { DeepReadonly } from './deep-readonly';
export { normaliseDomain, registrableDomain } from './domain-name';
export { hostMatchesAny, hostMatchesDomain, hostOf, isWellFormedHost, strictParents } from './host-match';
export { isRecord } from './is-record';
export { isEnvelope } from './messages';
export type { Envelope, SenderKind } from './messages';
export type { Result } from './result';
export { conforms, schemaProblem } from './schema-check';
export { describeSchemaError, fieldName, schemaErrorLines } from './schema-error-text';
export type { JSONSchema, SchemaType } from './schema-type';
export { createSerialBatcher } from './serial-batcher';
export { createSerialQueue } from './serial-queue';
export { matchesUrlFilter, urlFilterHost } from './url-filter';
