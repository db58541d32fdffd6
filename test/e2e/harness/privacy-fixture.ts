/**
 * The privacy fixture (test/fixtures/privacy/): a CircleCI page opened at a password-reset address with a token in
 * its path and its query, whose third parties carry secrets in queries and paths (a blocked tracker's script with an
 * e-mail address and a key, an unknown host's script with a GitHub token in its path, an unknown image with a session
 * id, an image with a JWT in its path, a beacon with an API key, a WebSocket with a token). SECRETS are the values
 * that must never be found in the extension's storage, the popup or an export while addresses are redacted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StaticAsset } from './fixture-pages';

const DIR = path.resolve(__dirname, '../../fixtures/privacy');
const file = (name: string, contentType: string): StaticAsset => ({
  contentType,
  body: readFileSync(path.join(DIR, name)),
});
const NOOP: StaticAsset = { contentType: 'text/javascript', body: Buffer.from('void 0;\n') };

export const RESET_KEY = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
export const PRIVACY_PAGE_PATH = `/dg-fixture/privacy/reset/${RESET_KEY}`;

/** Each secret, spelled as it could appear anywhere (plain, no character a URL would encode). */
export const SECRETS = [
  RESET_KEY,
  'PgResetT0kenSecretValue',
  'jane.doe',
  'acme.io',
  'Kx9TrackerKeyValue',
  'ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ',
  'S3ssionSecretValue',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'Jw7SignatureSecretPart',
  'B3aconApiKeyValue',
  'WsT0kenSecretValue',
] as const;

/** The page's address, secrets included; `run` tells runs apart. */
export function privacyPageUrl(run: string): string {
  return `https://app.circleci.com${PRIVACY_PAGE_PATH}?reset_password_token=PgResetT0kenSecretValue&run=${run}`;
}

/** Hosts whose rows the popup must show before the page's requests are all audited. */
export const PRIVACY_HOSTS = [
  'cdn.amplitude.com',
  'cdn.unrelated.example',
  'img.unrelated.example',
  'api.unrelated.example',
  'api2.amplitude.com',
  'ws.unrelated.example',
] as const;

export const PRIVACY_ASSETS: Readonly<Record<string, StaticAsset>> = {
  [PRIVACY_PAGE_PATH]: file('secrets.html', 'text/html; charset=utf-8'),
  '/dg-fixture/privacy/secrets.js': file('secrets.js', 'text/javascript'),
  '/dg-fixture/privacy/t.js': NOOP,
  '/dg-fixture/privacy/ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ/u.js': NOOP,
  '/dg-fixture/privacy/p.gif': {
    contentType: 'image/gif',
    body: Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
  },
};
