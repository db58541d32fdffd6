/**
 * The envelope every message between Dashguard's contexts travels in: `{ type, payload }`. What each type carries,
 * who may send it and how its payload and reply are checked is declared once per message (`defineMessage` in its
 * feature, listed in src/messaging/protocol.ts); this is only the outer shape the router and the clients share.
 */

/**
 * Who may send a message: a content script in a web page, one in a web page whose tab the browser no longer gives
 * (Firefox, for what a page sends as its tab closes), or one of the extension's own pages.
 */
export type SenderKind = 'content-script' | 'content-script-closing-tab' | 'extension-page';

export interface Envelope<T extends string = string, P = unknown> {
  readonly type: T;
  readonly payload: P;
}

export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    'payload' in value
  );
}
