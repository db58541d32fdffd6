// The messaging feature's entry: what code outside src/messaging/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { createMessageClient } from './message-client';
export type { SendMessage } from './message-client';
export { parseNoPayload, payloadParser } from './payload-parser';
export type { PayloadOf, Protocol, ReplyOf } from './protocol';
