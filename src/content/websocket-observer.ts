/**
 * Runs in the page's own world (MAIN), at document_start on dashboards, before any page script: the one way to see
 * the WebSockets a page opens, which neither Resource Timing nor any DOM event shows. It passes each new socket's URL
 * to the audit's content script (audit-collector.ts) as a DOM event and changes nothing else: the page gets its own,
 * unchanged socket, and blocking stays with declarativeNetRequest.
 *
 * A page can dispatch the same event itself. That only claims it opened a socket, which it could do for real; the
 * row's status is always the rules' verdict on the URL, never anything the page says.
 */
import { WEBSOCKET_EVENT } from './page-world-events';

const NativeWebSocket = window.WebSocket;
// Kept before the page can replace it, and always called with the target as `this`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const dispatch = EventTarget.prototype.dispatchEvent;
const PageEvent = CustomEvent;

// Only a real window gets the hook (not a sandboxed frame where WebSocket is missing).
if (typeof NativeWebSocket === 'function') {
  window.WebSocket = new Proxy(NativeWebSocket, {
    construct(target, args: unknown[], newTarget: (...a: unknown[]) => unknown) {
      const socket = Reflect.construct(target, args, newTarget) as WebSocket;
      try {
        // Captured at start-up, so a page that replaced dispatchEvent or CustomEvent later does not silence it.
        dispatch.call(document, new PageEvent(WEBSOCKET_EVENT, { detail: String(socket.url) }));
      } catch {
        // Never break the page's socket for the audit's sake.
      }
      return socket;
    },
  });
}
