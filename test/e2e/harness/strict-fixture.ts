/**
 * The strict-mode fixture pages (test/fixtures/strict/), served from any host by the fixture server
 * (`startFixtureServer({ assets: STRICT_ASSETS })`) and opened on the CircleCI dashboard host:
 *   - exfil: a page whose own code tries every channel to a third party (image, stylesheet, font, media, frame, form
 *     post, fetch, beacon, WebSocket, script) and loads its dashboard's own assets and API (exfil.js). Served at a
 *     path under one of the catalog's sensitive pages, and at an ordinary path: the same page, the control.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dashboards } from '../../../rules/catalog/dashboards';
import { matchesUrlFilter } from '../../../src/shared/url-filter';
import type { StaticAsset } from './fixture-pages';
import { SITES } from './fixture-catalog';
import type { RecordedRequest } from './request-log';

const DIR = path.resolve(__dirname, '../../fixtures/strict');
const file = (name: string, contentType: string): StaticAsset => ({ contentType, body: readFileSync(path.join(DIR, name)) });

/** A path under CircleCI's "personal API tokens" page, a sensitive page of the catalog. */
export const EXFIL_SENSITIVE_PATH = '/settings/user/tokens/dg-exfil';
/** The same page on a path no sensitive page covers. */
export const EXFIL_ORDINARY_PATH = '/dg-strict/page';

/** The third party the page's code talks to: a host no vendor owns, so only strict mode can refuse it. */
export const THIRD_PARTY_HOST = 'collector.unrelated.example';
/** CircleCI's own artifacts host (user content): first party, but never a source of code on a sensitive page. */
export const ARTIFACTS_HOST = 'output.circle-artifacts.com';
/** Host names beyond the fixture's defaults that the browsers must send to the fixture server. */
export const STRICT_EXTRA_DOMAINS = ['circle-artifacts.com'];

/** Every channel exfil.js uses towards the third party, as the path segment of its request. */
export const THIRD_PARTY_CHANNELS = ['image', 'style', 'font', 'media', 'frame', 'form', 'fetch', 'beacon', 'websocket', 'script'] as const;
/** What exfil.js loads from the dashboard itself: its own origin, its own domain (API and image), its artifacts host. */
export const OWN_REQUESTS = [
  { host: SITES.dashboard, channel: 'own-style' },
  { host: SITES.dashboard, channel: 'own-websocket' },
  { host: SITES.marketing, channel: 'own-image' },
  { host: SITES.marketing, channel: 'own-api' },
  { host: ARTIFACTS_HOST, channel: 'artifact-image' },
] as const;

export const STRICT_ASSETS: Readonly<Record<string, StaticAsset>> = {
  [EXFIL_SENSITIVE_PATH]: file('exfil.html', 'text/html; charset=utf-8'),
  [EXFIL_ORDINARY_PATH]: file('exfil.html', 'text/html; charset=utf-8'),
  '/dg-strict/exfil.js': file('exfil.js', 'text/javascript'),
};

/** The channel of a request exfil.js made in run `run`, or undefined when it is not one of them. */
export function strictChannel(request: RecordedRequest, run: string): string | undefined {
  const url = new URL(`https://${request.host}${request.path}`);
  if (url.searchParams.get('run') !== run) return undefined;
  const match = /^\/dg-strict\/([a-z-]+?)(?:\.[a-z0-9]+)?$/.exec(url.pathname);
  return match?.[1];
}

/** Fails at import time if the catalog no longer makes the sensitive path sensitive or the ordinary one ordinary. */
function checkPremises(): void {
  const circleci = dashboards.find((d) => d.hosts.includes(SITES.dashboard));
  const sensitive = (p: string): boolean => (circleci?.sensitivePages ?? []).some((filter) => matchesUrlFilter(filter, `https://${SITES.dashboard}${p}`));
  const problems = [
    !sensitive(EXFIL_SENSITIVE_PATH) && `${EXFIL_SENSITIVE_PATH} is no longer under a sensitive page of ${SITES.dashboard}`,
    sensitive(EXFIL_ORDINARY_PATH) && `${EXFIL_ORDINARY_PATH} is a sensitive page`,
    !(circleci?.userContentDomains ?? []).some((d) => ARTIFACTS_HOST.endsWith(`.${d}`)) && `${ARTIFACTS_HOST} is not a user-content domain of CircleCI`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new Error(`The strict-mode fixture no longer fits the catalog:\n- ${problems.join('\n- ')}`);
}
checkPremises();
