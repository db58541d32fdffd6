/**
 * A page's or content script's side of the protocol: `client.send(type, payload)` sends the message and returns the
 * reply, typed and checked by that message's declaration (message.ts). A client is made with the declarations of the
 * messages it sends, each one of the protocol's (protocol.ts), so a payload or a reply of the wrong shape, or a type
 * the client was not made for, does not compile. No answer, a refusal, or a reply that fails its check throws a
 * sentence a page can show: nothing unchecked reaches the caller.
 */
import type { Envelope } from './envelope';
import { conforms } from '../schema';
import type { Guard, Message, ReplyOf, SentOf } from './message';
import type { ProtocolMessage } from './protocol';

export type SendMessage = (message: Envelope) => Promise<unknown>;

type Named<M extends Message, T> = Extract<M, { readonly type: T }>;

export interface MessageClient<M extends Message> {
  send<T extends M['type']>(type: T, payload: SentOf<Named<M, T>>): Promise<ReplyOf<Named<M, T>>>;
}

interface UntypedClient {
  send(type: string, payload: unknown): Promise<unknown>;
}

function clientOf(
  send: SendMessage,
  messages: readonly Message[],
  check: (reply: unknown, value: unknown) => boolean,
): UntypedClient {
  const replies = new Map<string, unknown>(messages.map((message) => [message.type, message.reply]));
  return {
    async send(type, payload) {
      if (!replies.has(type)) throw new Error(`This page does not send ${type}.`);
      const reply: unknown = await send({ type, payload });
      if (typeof reply !== 'object' || reply === null || !('ok' in reply))
        throw new Error(`No answer from Dashguard's background to ${type}.`);
      if (reply.ok !== true)
        throw new Error(
          'error' in reply && typeof reply.error === 'string' ? reply.error : `Dashguard's background refused ${type}.`,
        );
      const value = 'value' in reply ? reply.value : undefined;
      if (!check(replies.get(type), value))
        throw new Error(`Unexpected answer from Dashguard's background to ${type}.`);
      return value;
    },
  };
}

const checks = (reply: unknown, value: unknown): boolean =>
  typeof reply === 'function' ? (reply as Guard<unknown>)(value) : conforms(value, reply);

/** True when `value` is a reply to `message` by its declaration: the check a client runs. */
export function isReplyOf<M extends Message>(message: M, value: unknown): value is ReplyOf<M> {
  return checks(message.reply, value);
}

/** A client for the given messages of the protocol; each reply is checked against its declared schema (or guard). */
export function createMessageClient<const M extends ProtocolMessage>(
  send: SendMessage,
  messages: readonly M[],
): MessageClient<M> {
  return clientOf(send, messages, checks) as MessageClient<M>;
}

/**
 * A client for messages whose replies are declared with guards only: the content script's, whose bundle does not
 * carry the schema checker (it would grow by about a sixth). A message declared with a schema reply does not compile
 * here.
 */
export function createGuardedMessageClient<const M extends ProtocolMessage>(
  send: SendMessage,
  messages: readonly (M & { readonly reply: Guard<unknown> })[],
): MessageClient<M> {
  return clientOf(send, messages, (reply, value) => (reply as Guard<unknown>)(value)) as MessageClient<M>;
}
