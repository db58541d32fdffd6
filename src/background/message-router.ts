/**
 * Receives runtime messages and hands each to its handler, after three checks: the sender is this extension
 * (no other extension, no web page via externally_connectable), the sender is of a kind allowed for that message
 * type, and the payload parses. Anything else is refused without side effects.
 */
import { errorMessage, type Result } from '../shared';
import type { Message, ParsedByHandler, PayloadOf, PayloadParser, Protocol, ReplyOf, SenderKind } from '../messaging';
import { isEnvelope, messagePayloadParser } from '../messaging';

export interface MessageSender {
  readonly id?: string;
  readonly url?: string;
  /** `url` is the tab's page, given only where Dashguard has access to its host (a dashboard). */
  readonly tab?: { readonly id?: number; readonly url?: string };
  readonly frameId?: number;
}

export interface MessageHandler<P = unknown, R = unknown> {
  readonly from: readonly SenderKind[];
  parse(payload: unknown): Result<P>;
  handle(payload: P, sender: MessageSender): Promise<R>;
}

/** Helper so a handler's payload type is inferred from its parser (a handler of no protocol message: tests). */
export function defineHandler<P, R>(handler: MessageHandler<P, R>): MessageHandler<P, R> {
  return handler;
}

/** A handler of one protocol message, built from its declaration (`handlerFor`). */
export interface ProtocolHandler<M extends Message> extends MessageHandler<PayloadOf<M>, ReplyOf<M>> {
  readonly type: M['type'];
}

/**
 * What a handler of message M says: who may send it and what it does. Its payload parser comes from M's declaration
 * (its schema, and how a refusal is worded: `PayloadKinds`); only a message declared `parsedByHandler` has its
 * handler's own `parse`, so a schema-declared payload is never checked by anything but its schema.
 */
export type HandlerSpec<M extends Message> = {
  readonly from: readonly SenderKind[];
  handle(payload: PayloadOf<M>, sender: MessageSender): Promise<ReplyOf<M>>;
} & (M['payload'] extends ParsedByHandler<unknown, unknown>
  ? { readonly parse: PayloadParser<PayloadOf<M>> }
  : { readonly parse?: never });

/** The handler of `message`, its payload parsed as the declaration says before `handle` sees it. */
export function handlerFor<M extends Message>(message: M, spec: HandlerSpec<NoInfer<M>>): ProtocolHandler<M> {
  // Typed by the signature; inside, the payload and reply are only passed along.
  const given = spec as unknown as Omit<MessageHandler, 'parse'> & { readonly parse?: PayloadParser<unknown> };
  const parse = given.parse ?? messagePayloadParser(message);
  if (parse === undefined) throw new Error(`${message.type}: its handler must parse the payload`);
  const handler: MessageHandler = {
    from: given.from,
    parse,
    handle: (payload, sender) => given.handle(payload, sender),
  };
  return { type: message.type, ...handler } as ProtocolHandler<M>;
}

/**
 * The background's handler map: one handler per message of the protocol, built by `handlerFor` from that message's
 * declaration (its `type` says which), so its payload and reply types are the declaration's. Compared by type name,
 * not structure: the structures are the declaration's already, and comparing every schema's type again is slow.
 */
export type Handlers = { readonly [K in keyof Protocol]: RoutedHandler & { readonly type: K } };

/** What the router calls: the parsed payload is passed to `handle` as it came from `parse`. */
export interface RoutedHandler {
  readonly from: readonly SenderKind[];
  parse(payload: unknown): Result<unknown>;
  handle(payload: never, sender: MessageSender): Promise<unknown>;
}

export interface RouterContext {
  /** This extension's id (runtime.id). */
  readonly extensionId: string;
  /** This extension's origin, e.g. chrome-extension://<id>/ (runtime.getURL('')). */
  readonly extensionOrigin: string;
}

export function senderKind(sender: MessageSender, context: RouterContext): SenderKind | undefined {
  if (sender.id !== context.extensionId) return undefined;
  if (sender.url !== undefined && sender.url.startsWith(context.extensionOrigin)) return 'extension-page';
  if (sender.tab !== undefined) return 'content-script';
  // Only this extension's content scripts send from a web page (no externally_connectable): one without a tab is in
  // a page whose tab is closing (Firefox drops the tab from what the page sends in its last moments).
  if (sender.url !== undefined && /^https?:/i.test(sender.url)) return 'content-script-closing-tab';
  return undefined;
}

export function createMessageRouter(
  handlers: Readonly<Record<string, RoutedHandler | undefined>>,
  context: RouterContext,
) {
  return async function route(message: unknown, sender: MessageSender): Promise<Result<unknown>> {
    if (!isEnvelope(message)) return { ok: false, error: 'malformed message' };
    const handler = Object.hasOwn(handlers, message.type) ? handlers[message.type] : undefined;
    if (handler === undefined) return { ok: false, error: `unknown message type "${message.type}"` };
    const kind = senderKind(sender, context);
    if (kind === undefined || !handler.from.includes(kind))
      return { ok: false, error: `"${message.type}" is not accepted from this sender` };
    const parsed = handler.parse(message.payload);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    try {
      // `parse` is the handler's own, so its value is what `handle` takes.
      return { ok: true, value: await handler.handle(parsed.value as never, sender) };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  };
}
