/**
 * A fixture collector for fleet reports (an OpenTelemetry Collector's otlphttp receiver, or Splunk HEC), served by
 * the fixture server on its own host. It answers CORS only for the extension's origin (as an administrator
 * configures `cors.allowed_origins`), records every POST with its headers and body, and can be told to be down
 * (503) or to answer 429 with Retry-After, so the tests can drive delivery.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const COLLECTOR_HOST = 'collector.fleet.example';

export interface ReceivedBatch {
  readonly time: number;
  readonly path: string;
  readonly origin: string | undefined;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: string;
  /** What the collector answered. */
  readonly status: number;
}

export type CollectorMode =
  | { readonly kind: 'up' }
  | { readonly kind: 'down' }
  | { readonly kind: 'throttle'; readonly retryAfterSeconds: number };

export interface CollectorFixture {
  readonly handler: (request: IncomingMessage, response: ServerResponse, body: Buffer) => void;
  readonly received: ReceivedBatch[];
  /** Batches the collector accepted (2xx). */
  accepted(): ReceivedBatch[];
  setMode(mode: CollectorMode): void;
  /** Preflights answered, by origin. */
  readonly preflights: string[];
}

/** `allowOrigin`: whether the collector lets this origin post (chrome-extension://ID, moz-extension://UUID). */
export function createCollectorFixture(allowOrigin: (origin: string) => boolean): CollectorFixture {
  const received: ReceivedBatch[] = [];
  const preflights: string[] = [];
  let mode: CollectorMode = { kind: 'up' };
  const cors = (origin: string | undefined): Record<string, string> =>
    origin !== undefined && allowOrigin(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
  return {
    received,
    preflights,
    accepted: () => received.filter((batch) => batch.status >= 200 && batch.status < 300),
    setMode(next) {
      mode = next;
    },
    handler(request, response, body) {
      const origin = typeof request.headers.origin === 'string' ? request.headers.origin : undefined;
      if (request.method === 'OPTIONS') {
        preflights.push(origin ?? '');
        response
          .writeHead(204, {
            ...cors(origin),
            'Access-Control-Allow-Methods': 'POST',
            'Access-Control-Allow-Headers': 'authorization, content-type',
            'Access-Control-Max-Age': '0',
          })
          .end();
        return;
      }
      const status =
        request.method !== 'POST' ? 405 : mode.kind === 'down' ? 503 : mode.kind === 'throttle' ? 429 : 200;
      received.push({
        time: Date.now(),
        path: request.url ?? '/',
        origin,
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        body: body.toString('utf8'),
        status,
      });
      const headers: Record<string, string> = {
        ...cors(origin),
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
      };
      if (mode.kind === 'throttle') {
        headers['Retry-After'] = String(mode.retryAfterSeconds);
        headers['Access-Control-Expose-Headers'] = 'Retry-After';
      }
      response.writeHead(status, headers).end(status === 200 ? '{}' : '{"error":"unavailable"}');
    },
  };
}
