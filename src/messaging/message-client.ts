/**
 * A page's or content script's side of the protocol: `request(type, payload)` sends the message and returns the
 * reply typed by protocol.ts, after checking it with the check the client was made with for that type. A sender
 * names the types it uses and their checks; a check of the wrong shape, or a type it has no check for, does not
 * compile. No answer, a refusal, or a reply that fails its check throws a sentence a page can show.
 */
import type { Envelope } from '../shared';
import type { MessageType, ReplyOf, SentOf } from './protocol';

export type SendMessage = (message: Envelope) => Promise<unknown>;

export type ReplyChecks<K extends MessageType> = { readonly [T in K]: (value: unknown) => value is ReplyOf<T> };

export interface MessageClient<K extends MessageType> {
  request<T extends K>(type: T, payload: SentOf<T>): Promise<ReplyOf<T>>;
}

export function createMessageClient<K extends MessageType>(
  send: SendMessage,
  checks: ReplyChecks<K>,
): MessageClient<K> {
  return {
    async request(type, payload) {
      const reply: unknown = await send({ type, payload });
      if (typeof reply !== 'object' || reply === null || !('ok' in reply))
        throw new Error(`No answer from Dashguard's background to ${type}.`);
      if (reply.ok !== true)
        throw new Error(
          'error' in reply && typeof reply.error === 'string' ? reply.error : `Dashguard's background refused ${type}.`,
        );
      const value = 'value' in reply ? reply.value : undefined;
      const check: (value: unknown) => value is ReplyOf<typeof type> = checks[type];
      if (!check(value)) throw new Error(`Unexpected answer from Dashguard's background to ${type}.`);
      return value;
    },
  };
}
