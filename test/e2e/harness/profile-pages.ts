/**
 * One fixture page per dashboard profile (rules/catalog/dashboard-profiles.ts), served under the dashboard's real host:
 * it requests every host the real app needs, and every tracker the same evidence shows it loading, the way the app
 * does (image, script, fetch, frame, stylesheet). Each request carries a unique `dg` query so the test finds it in the
 * fixture server's record; the page notes what it saw happen to each one (loaded or failed).
 */
import { dashboardProfiles } from '../../../rules/catalog/dashboard-profiles';
import { dashboards } from '../../../rules/catalog/dashboards';
import type { DashboardProfile, RequestKind } from '../../../src/catalog/catalog-types';
import type { StaticAsset } from './fixture-pages';

export const PROFILE_PATH = '/dg-profile/';

export interface ProfileRequest {
  readonly host: string;
  readonly kind: RequestKind;
  /** needed: must reach the server and load; tracker: must reach nothing from the dashboard. */
  readonly role: 'needed' | 'tracker';
  /** The unique query value that marks this request in the server's record. */
  readonly tag: string;
  /** Path (with query) the page requests on `host`. */
  readonly path: string;
}

const PATH_OF: Readonly<Record<RequestKind, string>> = {
  image: '/dg-fixture/pixel.gif',
  script: `${PROFILE_PATH}asset.js`,
  fetch: '/dg-fixture/collect',
  frame: `${PROFILE_PATH}frame.html`,
  stylesheet: `${PROFILE_PATH}asset.css`,
};

/** The host a dashboard's profile page is served from: the dashboard's first host. */
export function profilePageHost(profile: DashboardProfile): string {
  const host = dashboards.find((d) => d.id === profile.dashboardId)?.hosts[0];
  if (host === undefined) throw new Error(`dashboard profile "${profile.dashboardId}" names no known dashboard`);
  return host;
}

/** The requests the page for `profile` makes in run `run` (needed hosts first, then trackers). */
export function profileRequests(profile: DashboardProfile, run: string): ProfileRequest[] {
  const entries = [
    ...profile.needs.map((n) => ({ host: n.host, kind: n.loadedAs, role: 'needed' as const })),
    ...profile.trackers.map((t) => ({ host: t.host, kind: t.loadedAs, role: 'tracker' as const })),
  ];
  return entries.map((entry, i) => {
    const tag = `${run}-${profile.dashboardId}-${i}`;
    return { ...entry, tag, path: `${PATH_OF[entry.kind]}?dg=${encodeURIComponent(tag)}` };
  });
}

/** Every host a profile page requests, for the browsers' host mapping. */
export function profileHosts(): string[] {
  return [
    ...new Set(
      dashboardProfiles.flatMap((p) => [
        profilePageHost(p),
        ...p.needs.map((n) => n.host),
        ...p.trackers.map((t) => t.host),
      ]),
    ),
  ].sort();
}

const asset = (contentType: string, body: string): StaticAsset => ({ contentType, body: Buffer.from(body) });

/**
 * The page's script (served from the dashboard's own host): makes the requests in the embedded list and notes each
 * outcome in #dg-results. Frames fire `load` even when blocked, so their outcome is read from the server's record only.
 */
const PAGE_SCRIPT = `
(function () {
  var list = JSON.parse(document.getElementById('dg-requests').textContent);
  var results = {};
  var out = document.getElementById('dg-results');
  var pending = 0;
  function done(tag, outcome) { results[tag] = outcome; pending -= 1; out.textContent = JSON.stringify({ pending: pending, results: results }); }
  list.forEach(function (r) {
    var url = 'https://' + r.host + r.path;
    if (r.kind === 'frame') { var f = document.createElement('iframe'); f.src = url; document.body.appendChild(f); return; }
    pending += 1;
    if (r.kind === 'fetch') {
      fetch(url, { method: 'POST', mode: 'no-cors', cache: 'no-store', body: 'x' }).then(function () { done(r.tag, 'loaded'); }, function () { done(r.tag, 'failed'); });
      return;
    }
    var el = r.kind === 'image' ? new Image() : r.kind === 'script' ? document.createElement('script') : document.createElement('link');
    el.onload = function () { done(r.tag, 'loaded'); };
    el.onerror = function () { done(r.tag, 'failed'); };
    if (r.kind === 'image') { el.src = url; return; }
    if (r.kind === 'script') { el.src = url; document.head.appendChild(el); return; }
    el.rel = 'stylesheet'; el.href = url; document.head.appendChild(el);
  });
  out.textContent = JSON.stringify({ pending: pending, results: results });
})();
`;

/** Files served from any host under /dg-profile/ (the page itself is served per run by `profilePage`). */
export const PROFILE_ASSETS: Readonly<Record<string, StaticAsset>> = {
  [`${PROFILE_PATH}asset.js`]: asset('text/javascript', '/* a dashboard dependency */\n'),
  [`${PROFILE_PATH}asset.css`]: asset('text/css', '/* a dashboard stylesheet */\n'),
  [`${PROFILE_PATH}frame.html`]: asset('text/html; charset=utf-8', '<!doctype html><title>frame</title>'),
  [`${PROFILE_PATH}page.js`]: asset('text/javascript', PAGE_SCRIPT),
};

/** The HTML of a profile page that makes `requests`. */
export function profilePage(title: string, requests: readonly ProfileRequest[]): StaticAsset {
  const data = JSON.stringify(requests.map(({ host, path, kind, tag }) => ({ host, path, kind, tag }))).replace(
    /</g,
    '\\u003c',
  );
  return asset(
    'text/html; charset=utf-8',
    `<!doctype html><html><head><meta charset="utf-8"><title>${title.replace(/</g, '&lt;')}</title></head><body>` +
      `<script type="application/json" id="dg-requests">${data}</script><pre id="dg-results">{"pending":-1,"results":{}}</pre>` +
      `<script src="${PROFILE_PATH}page.js"></script></body></html>`,
  );
}
