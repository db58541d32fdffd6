/** The DOM event the page-world WebSocket observer sends the audit's content script (its detail: the socket URL). */
export const WEBSOCKET_EVENT = 'dashguard:websocket';
