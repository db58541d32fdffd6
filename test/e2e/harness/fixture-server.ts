/**
 * One local HTTPS server that stands in for every host the tests touch (dashboards, vendors, Pusher,
 * LaunchDarkly). The browsers send those real host names here; the server answers by Host header and records every
 * request, so tests can assert what reached the network.
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { normalizeHost } from './domain-match';
import { SITES } from './fixture-catalog';
import { dashboardPage, FIXTURE_ASSETS, type StaticAsset } from './fixture-pages';
import { handleLaunchDarkly, isLaunchDarklyHost } from './launchdarkly-fixture';
import { createPusherFixture, isPusherSocket } from './pusher-fixture';
import { RequestLog } from './request-log';
import { createSelfSignedCert } from './self-signed-cert';

export interface FixtureServer {
  readonly port: number;
  readonly log: RequestLog;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** More files served from any host, by path (a test's own fixture pages and scripts). */
  readonly assets?: Readonly<Record<string, StaticAsset>>;
  /**
   * Opt-in, for benchmarks (scripts/bench/: realistic traffic) and a test that needs an answer held back (the
   * integrity suite's slow script). Asked about every request and WebSocket upgrade; what it returns adds latency
   * before the answer and may replace the body (a vendor's script at its real size). Without it (the default) the
   * server answers at once with the fixture files.
   */
  readonly shapeResponse?: (request: ShapedRequest) => ResponseShape | undefined;
  /**
   * Hosts answered by the test's own handler (a fixture collector), with the request's body read. The request is
   * still recorded in `log`; the handler answers everything, CORS included.
   */
  readonly hostHandlers?: Readonly<
    Record<string, (request: IncomingMessage, response: ServerResponse, body: Buffer) => void>
  >;
}

export interface ShapedRequest {
  /** Host header, lower case, without the port. */
  readonly host: string;
  /** Path and query. */
  readonly path: string;
  readonly method: string;
  readonly websocket: boolean;
}

export interface ResponseShape {
  /** Milliseconds to wait before answering (a real host's network latency). */
  readonly delayMs?: number;
  /** Sent instead of what the server would answer (not for WebSocket upgrades or CORS preflights). */
  readonly asset?: StaticAsset;
}

/** Beacon endpoints: answered with an empty response; the record is what matters. */
const BEACON_PATHS = new Set(['/dg-fixture/collect', '/dg-fixture/beacon', '/dg-fixture/sentinel']);
const SITE_HOSTS = new Set<string>(Object.values(SITES));

function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    Vary: 'Origin',
  };
}

function sendAsset(response: ServerResponse, file: StaticAsset, path: string): void {
  if (file.redirectTo !== undefined) {
    const query = path.includes('?') ? path.slice(path.indexOf('?')) : '';
    response.writeHead(302, { Location: `${file.redirectTo}${query}`, 'Content-Length': 0 }).end();
    return;
  }
  const headers =
    typeof file.headers === 'function'
      ? file.headers(new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : ''))
      : file.headers;
  response
    .writeHead(200, { ...headers, 'Content-Type': file.contentType, 'Content-Length': file.body.length })
    .end(file.body);
}

function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  host: string,
  path: string,
  assets: Readonly<Record<string, StaticAsset>>,
  replacement?: StaticAsset,
): void {
  // Nothing may come from the browser cache: every page load must reach the server to be counted.
  response.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(corsHeaders(request))) response.setHeader(name, value);
  // The body is never needed; drain it so the connection can be reused.
  request.resume();

  const method = request.method ?? 'GET';
  const pathname = path.split('?')[0] ?? path;
  if (method === 'OPTIONS') {
    // CORS preflight (the LaunchDarkly SDK sends its own headers).
    response
      .writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, REPORT, OPTIONS',
        'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '*',
        'Access-Control-Max-Age': '0',
      })
      .end();
    return;
  }
  const fixtureAsset =
    replacement ?? (Object.hasOwn(assets, pathname) ? assets[pathname] : undefined) ?? FIXTURE_ASSETS[pathname];
  if (fixtureAsset) return sendAsset(response, fixtureAsset, path);
  if (BEACON_PATHS.has(pathname)) {
    response.writeHead(204).end();
    return;
  }
  if (isLaunchDarklyHost(host) && handleLaunchDarkly(request, response, path)) return;
  if (SITE_HOSTS.has(host) && method === 'GET' && pathname !== '/favicon.ico')
    return sendAsset(response, dashboardPage(), path);
  response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`No fixture for ${host}${pathname}\n`);
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const log = new RequestLog();
  const pusher = createPusherFixture();
  const server = https.createServer(createSelfSignedCert());
  // Answers held back by `shapeResponse`, cleared on close.
  const delayed = new Set<NodeJS.Timeout>();
  const after = (delayMs: number | undefined, answer: () => void): void => {
    if (!delayMs || delayMs <= 0) return answer();
    const timer = setTimeout(() => {
      delayed.delete(timer);
      answer();
    }, delayMs);
    delayed.add(timer);
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const host = normalizeHost(request.headers.host ?? '');
    const path = request.url ?? '/';
    const method = request.method ?? 'GET';
    log.record({ host, path, method, websocket: false, time: Date.now() });
    const own =
      options.hostHandlers !== undefined && Object.hasOwn(options.hostHandlers, host)
        ? options.hostHandlers[host]
        : undefined;
    if (own !== undefined) {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => own(request, response, Buffer.concat(chunks)));
      return;
    }
    const shape = options.shapeResponse?.({ host, path, method, websocket: false });
    const replacement = method === 'OPTIONS' ? undefined : shape?.asset;
    after(shape?.delayMs, () => handleRequest(request, response, host, path, options.assets ?? {}, replacement));
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const host = normalizeHost(request.headers.host ?? '');
    const path = request.url ?? '/';
    log.record({ host, path, method: request.method ?? 'GET', websocket: true, time: Date.now() });
    const shape = options.shapeResponse?.({ host, path, method: request.method ?? 'GET', websocket: true });
    after(shape?.delayMs, () => {
      if (socket.destroyed) return;
      if (isPusherSocket(host, path)) pusher.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          `The e2e fixture server could not listen on 127.0.0.1:${options.port ?? 0} (${error.code ?? error.message}).`,
        ),
      );
    });
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

  return {
    port,
    log,
    async close() {
      for (const timer of delayed) clearTimeout(timer);
      delayed.clear();
      pusher.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
