/**
 * The hostile-input fixture pages (test/fixtures/hostile/), served from any host by the fixture server
 * (`startFixtureServer({ assets: HOSTILE_ASSETS })`), and opened on the CircleCI dashboard host:
 *   - flood: thousands of script insertions to distinct addresses, crafted URLs, 10 KB URLs, a src rewritten hundreds
 *     of times, scripts removed at once, images; then the sentinel script again (see flood.js).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StaticAsset } from './fixture-pages';

const DIR = path.resolve(__dirname, '../../fixtures/hostile');
const file = (name: string, contentType: string): StaticAsset => ({
  contentType,
  body: readFileSync(path.join(DIR, name)),
});

export const FLOOD_PATH = '/dg-fixture/hostile/flood';
/** Loaded first and last by the flood page: its row counts 2 once everything before it was stored. */
export const SENTINEL_URL = 'https://sentinel.unrelated.example/dg-fixture/hostile/sentinel.js';

export const HOSTILE_ASSETS: Readonly<Record<string, StaticAsset>> = {
  [FLOOD_PATH]: file('flood.html', 'text/html; charset=utf-8'),
  '/dg-fixture/hostile/flood.js': file('flood.js', 'text/javascript'),
  '/dg-fixture/hostile/sentinel.js': file('sentinel.js', 'text/javascript'),
};

export interface FloodSize {
  /** Distinct script addresses (half to a blocked vendor). */
  readonly n: number;
  /** 10 KB addresses, each its own row. */
  readonly long: number;
  readonly img: number;
}

export function floodPageUrl(run: string, size: FloodSize): string {
  const url = new URL(`https://app.circleci.com${FLOOD_PATH}`);
  url.searchParams.set('run', run);
  url.searchParams.set('n', String(size.n));
  url.searchParams.set('long', String(size.long));
  url.searchParams.set('img', String(size.img));
  return url.href;
}
