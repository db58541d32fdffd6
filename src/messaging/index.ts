// The messaging feature's entry: what code outside src/messaging/ may use of it. Other features and the pages
// import from here only, never from a module inside (eslint.config.mjs, test/unit/import-boundaries.test.ts).
export { isEnvelope } from './envelope';
export type { Envelope, SenderKind } from './envelope';
export { NO_PAYLOAD, defineMessage, parsedByHandler, refine } from './message';
export type { Message, ParsedByHandler, PayloadOf, ReplyOf } from './message';
export { createGuardedMessageClient, createMessageClient, isReplyOf } from './message-client';
export type { SendMessage } from './message-client';
export { messagePayloadParser, payloadParser } from './payload-parser';
export type { PayloadParser } from './payload-parser';
export type { Protocol } from './protocol';
