/**
 * The LaunchDarkly endpoints the real JS client SDK (launchdarkly-js-client-sdk 3.9) calls when streaming is off,
 * taken from its sources (launchdarkly-js-sdk-common Requestor.js, EventProcessor.js, diagnosticEvents.js and the
 * goals fetch in the browser package): flag evaluation on the base URL, goals, and event posts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostMatchesDomain } from './domain-match';

export const LAUNCHDARKLY_FIXTURE = {
  clientSideId: 'dashguard-e2e-env',
  flags: {
    'pipelines-new-ui': true,
    'build-log-streaming': 'websocket',
    'max-parallel-jobs': 4,
  },
} as const;

export function isLaunchDarklyHost(host: string): boolean {
  return hostMatchesDomain(host, 'launchdarkly.com');
}

/** The SDK's flag evaluation: GET .../contexts/<base64 context> or REPORT .../context (useReport). */
export function isFlagRequest(method: string, path: string): boolean {
  const env = LAUNCHDARKLY_FIXTURE.clientSideId;
  return (
    (method === 'GET' && path.startsWith(`/sdk/evalx/${env}/contexts/`)) ||
    (method === 'REPORT' && path.startsWith(`/sdk/evalx/${env}/context`))
  );
}

function evaluatedFlags(): Record<
  string,
  { value: unknown; version: number; variation: number; trackEvents: boolean }
> {
  return Object.fromEntries(
    Object.entries(LAUNCHDARKLY_FIXTURE.flags).map(([key, value]) => [
      key,
      { value, version: 1, variation: 0, trackEvents: false },
    ]),
  );
}

function json(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

/** Answers a LaunchDarkly request; returns false when the path is not one the fixture knows. */
export function handleLaunchDarkly(request: IncomingMessage, response: ServerResponse, path: string): boolean {
  const method = request.method ?? 'GET';
  const env = LAUNCHDARKLY_FIXTURE.clientSideId;
  if (isFlagRequest(method, path)) {
    json(response, evaluatedFlags());
  } else if (method === 'GET' && path.startsWith(`/sdk/goals/${env}`)) {
    json(response, []);
  } else if (
    method === 'POST' &&
    (path.startsWith(`/events/bulk/${env}`) || path.startsWith(`/events/diagnostic/${env}`))
  ) {
    response.writeHead(202).end();
  } else {
    return false;
  }
  return true;
}
