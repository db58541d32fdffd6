/**
 * One message of the protocol, declared once: its type, how its payload is checked and how its reply is checked. The
 * TypeScript types of what is sent, what the handler receives and what comes back are derived from the same
 * declaration, so the background's handler (src/background/message-router.ts `handlerFor`), its payload parser
 * (payload-parser.ts) and a page's reply check (message-client.ts) cannot disagree about a shape.
 *
 * A check is a JSON schema (`as const`), or, where a shape has no schema yet or a bundle cannot carry the schema
 * checker (the content script), a type guard. A payload a handler parses further than a schema can (one bad item
 * dropped, not the whole payload refused) is declared `parsedByHandler<Sent, Parsed>()`.
 */
import type { JSONSchema, SchemaType } from '../schema';

/** A hand-written check of a shape. */
export type Guard<T> = (value: unknown) => value is T;

declare const refined: unique symbol;
/**
 * A schema whose checked value the code types more precisely than a JSON schema can say (an object's keys, a schema
 * built by a function). Type only: the value is the schema itself.
 */
export type Refined<S extends JSONSchema, T> = S & { readonly [refined]: T };

/** `refine<SettingsView>()(settingsViewSchema)`: the schema, its checked value typed as `T`. */
export function refine<T>() {
  return <const S extends JSONSchema>(schema: S & (T extends SchemaType<S> ? unknown : never)): Refined<S, T> =>
    schema as unknown as Refined<S, T>;
}

declare const parsed: unique symbol;
/** A payload the handler parses itself (its `parse`), sent as `Sent`, received as `Parsed`. */
export interface ParsedByHandler<Sent, Parsed> {
  readonly parsedBy: 'handler';
  readonly [parsed]?: readonly [Sent, Parsed];
}

export function parsedByHandler<Sent, Parsed>(): ParsedByHandler<Sent, Parsed> {
  return { parsedBy: 'handler' };
}

/** The payload of a message that carries none: `null` (or nothing at all, as an older page may send). */
export const NO_PAYLOAD = { type: 'null' } as const;

export type PayloadCheck = JSONSchema | ParsedByHandler<unknown, unknown>;
export type ReplyCheck = JSONSchema | Guard<unknown>;

/**
 * A payload of several kinds: a `oneOf` whose every branch fixes the member `tag` with a `const`. A refusal then names
 * the kind rather than the message (`set-audit-retention: days: must be 1 or more`), and a payload without a known
 * kind is `a <noun> needs a "<tag>"` or `unknown <noun> "<kind>"`.
 */
export interface PayloadKinds {
  readonly tag: string;
  readonly noun: string;
}

/** A declared message. Its checks are constrained where it is declared (`defineMessage`), not here: cheaper to compare. */
export interface Message<T extends string = string, P = unknown, R = unknown> {
  readonly type: T;
  readonly payload: P;
  readonly reply: R;
  readonly kinds?: PayloadKinds;
}

export function defineMessage<const T extends string, const P extends PayloadCheck, const R extends ReplyCheck>(
  type: T,
  payload: P,
  reply: R,
  kinds?: P extends JSONSchema ? PayloadKinds : never,
): Message<T, P, R> {
  return kinds === undefined ? { type, payload, reply } : { type, payload, reply, kinds };
}

/** The type a check proves. */
export type Checked<C> = C extends { readonly [refined]: infer T }
  ? T
  : C extends Guard<infer T>
    ? T
    : C extends JSONSchema
      ? SchemaType<C>
      : never;

/** What a sender puts in the envelope. */
export type SentOf<M extends Message> =
  M['payload'] extends ParsedByHandler<infer S, unknown> ? S : Checked<M['payload']>;
/** What the handler receives once the payload was checked. */
export type PayloadOf<M extends Message> =
  M['payload'] extends ParsedByHandler<unknown, infer P> ? P : Checked<M['payload']>;
/** What the handler answers and the sender receives once the reply was checked. */
export type ReplyOf<M extends Message> = Checked<M['reply']>;
