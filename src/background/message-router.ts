/**
 * Receives runtime messages and hands each to its handler, after three checks: the sender is this extension
 * (no other extension, no web page via externally_connectable), the sender is of a kind allowed for that message
 * type, and the payload parses. Anything else is refused without side effects.
 */
import type { SenderKind, Result } from '../shared';
import type { PayloadOf, Protocol, ReplyOf } from '../messaging';
import { isEnvelope } from '../shared';

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

/** Helper so a handler's payload type is inferred from its parser. */
export function defineHandler<P, R>(handler: MessageHandler<P, R>): MessageHandler<P, R> {
  return handler;
}

/** The background's handler map: one handler per message type of the protocol, its payload and reply typed by it. */
export type Handlers = { readonly [K in keyof Protocol]: MessageHandler<PayloadOf<K>, ReplyOf<K>> };

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
  return undefined;
}

export function createMessageRouter(
  handlers: Readonly<Record<string, MessageHandler<unknown, unknown> | undefined>>,
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
      return { ok: true, value: await handler.handle(parsed.value, sender) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
