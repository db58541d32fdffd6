/**
 * The strict-mode fixture pages (test/fixtures/strict/), served from any host by the fixture server
 * (`startFixtureServer({ assets: STRICT_ASSETS })`) and opened on the CircleCI dashboard host:
 *   - exfil: a page whose own code tries every channel to a third party (image, stylesheet, font, media, frame, form
 *     post, fetch, beacon, WebSocket, script) and loads its dashboard's own assets and API (exfil.js). Served at a
 *     path under one of the catalog's sensitive pages, and at an ordinary path: the same page, the control;
 *   - spa: a single-page app (app.js routes with history.pushState) with a third-party widget (widget.js) that reports
 *     the page's address by image, fetch, beacon and WebSocket several times a second. Served at an ordinary route
 *     and at the catalog's "personal API tokens" page, so a fresh load of either gets the same app.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dashboards } from '../../../rules/catalog/dashboards';
import { matchesUrlFilter } from '../../../src/domains/url-filter';
import type { StaticAsset } from './fixture-pages';
import { SITES } from './fixture-catalog';
import type { RecordedRequest } from './request-log';

const DIR = path.resolve(__dirname, '../../fixtures/strict');
const file = (name: string, contentType: string): StaticAsset => ({
  contentType,
  body: readFileSync(path.join(DIR, name)),
});

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
export const THIRD_PARTY_CHANNELS = [
  'image',
  'style',
  'font',
  'media',
  'frame',
  'form',
  'fetch',
  'beacon',
  'websocket',
  'script',
] as const;
/** What exfil.js loads from the dashboard itself: its own origin, its own domain (API and image), its artifacts host. */
export const OWN_REQUESTS = [
  { host: SITES.dashboard, channel: 'own-style' },
  { host: SITES.dashboard, channel: 'own-websocket' },
  { host: SITES.marketing, channel: 'own-image' },
  { host: SITES.marketing, channel: 'own-api' },
  { host: ARTIFACTS_HOST, channel: 'artifact-image' },
] as const;

/** The single-page app's ordinary route and its token route (a sensitive page of the catalog). */
export const SPA_ORDINARY_PATH = '/dg-spa/pipelines';
export const SPA_TOKEN_PATH = '/settings/user/tokens';
/** Where the app loads its third-party widget from, and where the widget reports to (THIRD_PARTY_HOST). */
export const WIDGET_HOST = 'widget.unrelated.example';

export const STRICT_ASSETS: Readonly<Record<string, StaticAsset>> = {
  [EXFIL_SENSITIVE_PATH]: file('exfil.html', 'text/html; charset=utf-8'),
  [EXFIL_ORDINARY_PATH]: file('exfil.html', 'text/html; charset=utf-8'),
  '/dg-strict/exfil.js': file('exfil.js', 'text/javascript'),
  [SPA_ORDINARY_PATH]: file('spa.html', 'text/html; charset=utf-8'),
  [SPA_TOKEN_PATH]: file('spa.html', 'text/html; charset=utf-8'),
  '/dg-spa/app.js': file('app.js', 'text/javascript'),
  '/dg-spa/widget.js': file('widget.js', 'text/javascript'),
};

/** What the widget reported in run `run`: "channel path" of every report that reached the server. */
export function widgetReports(requests: readonly RecordedRequest[], run: string): string[] {
  return [
    ...new Set(
      requests.flatMap((request) => {
        if (request.host !== THIRD_PARTY_HOST || !request.path.startsWith('/dg-spa/spy?')) return [];
        const query = new URL(`https://${request.host}${request.path}`).searchParams;
        return query.get('run') === run ? [`${query.get('ch') ?? ''} ${query.get('path') ?? ''}`] : [];
      }),
    ),
  ].sort();
}

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
  const sensitive = (p: string): boolean =>
    (circleci?.sensitivePages ?? []).some((filter) => matchesUrlFilter(filter, `https://${SITES.dashboard}${p}`));
  const problems = [
    !sensitive(EXFIL_SENSITIVE_PATH) &&
      `${EXFIL_SENSITIVE_PATH} is no longer under a sensitive page of ${SITES.dashboard}`,
    sensitive(EXFIL_ORDINARY_PATH) && `${EXFIL_ORDINARY_PATH} is a sensitive page`,
    !sensitive(SPA_TOKEN_PATH) && `${SPA_TOKEN_PATH} is not a sensitive page of ${SITES.dashboard}`,
    sensitive(SPA_ORDINARY_PATH) && `${SPA_ORDINARY_PATH} is a sensitive page`,
    !(circleci?.userContentDomains ?? []).some((d) => ARTIFACTS_HOST.endsWith(`.${d}`)) &&
      `${ARTIFACTS_HOST} is not a user-content domain of CircleCI`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0)
    throw new Error(`The strict-mode fixture no longer fits the catalog:\n- ${problems.join('\n- ')}`);
}
checkPremises();
