/**
 * The integrity fixture (test/fixtures/integrity/), served on the CircleCI dashboard host:
 *   - token: a page whose records must survive other pages (a blocked tracker, an unknown script, an image);
 *   - lifecycle: forged pagehide and pageshow (persisted) while two scripts load;
 *   - forged: 10,000 forged page-world WebSocket reports, then a real blocked vendor (Hotjar);
 *   - flood: 1,500 distinct third-party images with long paths (over 60 hosts), more than the log's bytes hold;
 *   - sri: scripts with integrity="x" (ignored by the browser), a valid hash, and a wrong valid-format hash;
 *   - stopped: scripts whose load or error the page stops before any other listener on the element, and scripts it
 *     removes from the document while they load.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StaticAsset } from './fixture-pages';

const DIR = path.resolve(__dirname, '../../fixtures/integrity');
const file = (name: string, contentType: string): StaticAsset => ({
  contentType,
  body: readFileSync(path.join(DIR, name)),
});
const NOOP_BODY = Buffer.from('void 0;\n');
const NOOP: StaticAsset = { contentType: 'text/javascript', body: NOOP_BODY };
const GIF: StaticAsset = {
  contentType: 'image/gif',
  body: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
};
/** The flood page's images and their long path's tail (flood.js). */
const FLOOD_IMAGES = 1_500;
const FLOOD_TAIL = `${'audit-evidence-kept/'.repeat(95)}p.gif`;
const NOOP_SHA384 = `sha384-${createHash('sha384').update(NOOP_BODY).digest('base64')}`;
const html = (name: string): StaticAsset => ({
  contentType: 'text/html; charset=utf-8',
  body: Buffer.from(readFileSync(path.join(DIR, name), 'utf8').replace('{{NOOP_SHA384}}', NOOP_SHA384)),
});

export const INTEGRITY_PATHS = {
  token: '/dg-fixture/integrity/token',
  lifecycle: '/dg-fixture/integrity/lifecycle',
  forged: '/dg-fixture/integrity/forged',
  flood: '/dg-fixture/integrity/flood',
  sri: '/dg-fixture/integrity/sri',
  stopped: '/dg-fixture/integrity/stopped',
} as const;

export function integrityPageUrl(which: keyof typeof INTEGRITY_PATHS): string {
  return `https://app.circleci.com${INTEGRITY_PATHS[which]}`;
}

export const INTEGRITY_ASSETS: Readonly<Record<string, StaticAsset>> = {
  [INTEGRITY_PATHS.token]: html('token.html'),
  [INTEGRITY_PATHS.lifecycle]: html('lifecycle.html'),
  [INTEGRITY_PATHS.forged]: html('forged.html'),
  [INTEGRITY_PATHS.flood]: html('flood.html'),
  [INTEGRITY_PATHS.sri]: html('sri.html'),
  [INTEGRITY_PATHS.stopped]: html('stopped.html'),
  '/dg-fixture/integrity/lifecycle.js': file('lifecycle.js', 'text/javascript'),
  '/dg-fixture/integrity/forged.js': file('forged.js', 'text/javascript'),
  '/dg-fixture/integrity/flood.js': file('flood.js', 'text/javascript'),
  '/dg-fixture/integrity/token-p.gif': GIF,
  ...Object.fromEntries(
    Array.from({ length: FLOOD_IMAGES }, (_, i) => [`/dg-fixture/integrity/px/${i}/${FLOOD_TAIL}`, GIF]),
  ),
  ...Object.fromEntries(
    ['token-a', 'token-u', 'slow', 'lc-b', 'hotjar', 'end', 'noop'].map((name) => [
      `/dg-fixture/integrity/${name}.js`,
      NOOP,
    ]),
  ),
};
