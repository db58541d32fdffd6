/**
 * The typed protocol between Dashguard's contexts (content script, popup, options page -> background).
 * Every message is `{ type, payload }`; each type declares who may send it and how its payload is checked, so the
 * background never acts on a shape it did not validate. Add a message type here, then its handler in
 * src/background/ and one line in background.ts.
 */

/** Who may send a message: a content script in a web page, or one of the extension's own pages. */
export type SenderKind = 'content-script' | 'extension-page';

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
