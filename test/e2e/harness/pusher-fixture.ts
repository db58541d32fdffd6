/**
 * A Pusher Channels server speaking enough of protocol 7 for the real pusher-js client: it confirms the connection,
 * accepts a subscription and streams build-log lines on it, as CircleCI's live step output does.
 * Protocol: https://pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol/
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export const PUSHER_FIXTURE = {
  key: 'dashguard-e2e-key',
  cluster: 'mt1',
  channel: 'build-log-demo',
  event: 'log-line',
  lines: ['#!/bin/bash -eo pipefail', 'npm ci', 'added 512 packages in 4s', 'npm test', 'Tests: 42 passed, 42 total'],
} as const;

/** pusher-js connects to ws-<cluster>.pusher.com/app/<key>. */
export function isPusherSocket(host: string, path: string): boolean {
  return /^ws-[a-z0-9-]+\.pusher\.com$/.test(host) && path.startsWith(`/app/${PUSHER_FIXTURE.key}`);
}

interface PusherMessage {
  event?: unknown;
  data?: unknown;
}

function send(socket: WebSocket, event: string, data: unknown, channel?: string): void {
  // The protocol double-encodes: `data` is itself a JSON string.
  socket.send(JSON.stringify({ event, ...(channel ? { channel } : {}), data: JSON.stringify(data) }));
}

function subscribedChannel(message: PusherMessage): string | undefined {
  const data = message.data;
  if (typeof data === 'object' && data !== null && 'channel' in data && typeof data.channel === 'string')
    return data.channel;
  return undefined;
}

function onMessage(socket: WebSocket, raw: string): void {
  let message: PusherMessage;
  try {
    message = JSON.parse(raw) as PusherMessage;
  } catch {
    return;
  }
  if (message.event === 'pusher:ping') {
    send(socket, 'pusher:pong', {});
  } else if (message.event === 'pusher:subscribe') {
    const channel = subscribedChannel(message);
    if (!channel) return;
    send(socket, 'pusher_internal:subscription_succeeded', {}, channel);
    if (channel === PUSHER_FIXTURE.channel) {
      PUSHER_FIXTURE.lines.forEach((line, index) =>
        send(socket, PUSHER_FIXTURE.event, { step: 'test', index, line }, channel),
      );
    }
  }
}

export function createPusherFixture(): {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
} {
  const server = new WebSocketServer({ noServer: true });
  server.on('connection', (socket) => {
    socket.on('message', (data) =>
      onMessage(socket, new TextDecoder().decode(Array.isArray(data) ? Buffer.concat(data) : data)),
    );
    send(socket, 'pusher:connection_established', { socket_id: '1234.5678', activity_timeout: 120 });
  });
  return {
    handleUpgrade(request, socket, head) {
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request));
    },
    close() {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
