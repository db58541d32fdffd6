/**
 * The requests the fixture page makes for each vendor when nothing blocks them, so tests can say which ones are
 * missing instead of only counting.
 */
import type { FixtureVendor } from './fixture-catalog';
import type { FixtureServer } from './fixture-server';
import type { RecordedRequest } from './request-log';
import { waitFor } from './wait-for';

const BEACONS = [
  ['GET', '/dg-fixture/pixel.gif'],
  ['POST', '/dg-fixture/collect'],
] as const;
const SEND_BEACON = 'POST /dg-fixture/beacon';

/** `host METHOD path source`, the shape `requestKey` gives a recorded request. */
export function expectedRequestKeys(entry: FixtureVendor): string[] {
  const keys: string[] = [];
  for (const host of entry.scriptHosts) {
    keys.push(`${host} GET /dg-fixture/vendor.js`);
    // Sent by the vendor snippet once it runs, to its own host.
    for (const [method, path] of BEACONS) keys.push(`${host} ${method} ${path} snippet`);
  }
  for (const host of entry.beaconHosts) {
    // Sent by the page itself, to the vendor's domain.
    for (const [method, path] of BEACONS) keys.push(`${host} ${method} ${path} page`);
  }
  keys.push(
    `${entry.sendBeaconHosts.snippet} ${SEND_BEACON} snippet`,
    `${entry.sendBeaconHosts.page} ${SEND_BEACON} page`,
  );
  return keys;
}

export function requestKey(request: RecordedRequest): string {
  const url = new URL(request.path, 'https://fixture.invalid');
  const source = url.searchParams.get('source');
  return `${request.host} ${request.method} ${url.pathname}${source ? ` ${source}` : ''}`;
}

/** Expected requests of `entries` that are not in `requests`. */
export function missingRequests(entries: readonly FixtureVendor[], requests: readonly RecordedRequest[]): string[] {
  const seen = new Set(requests.map(requestKey));
  return entries.flatMap(expectedRequestKeys).filter((key) => !seen.has(key));
}

/**
 * Waits (bounded) until every expected request of `entries` is in the server's record: a page's last beacons can
 * reach the server after its sentinel, over another connection. A blocked request never arrives, so this still fails
 * on blocking; the error lists what is missing.
 */
export async function expectAllRequestsOf(
  entries: readonly FixtureVendor[],
  fixture: FixtureServer,
  where: string,
): Promise<void> {
  await waitFor(
    `every request of ${entries.length} vendors on ${where}`,
    () => (missingRequests(entries, fixture.log.all()).length === 0 ? true : undefined),
    {
      timeoutMs: 15_000,
      describeFailure: () => `Missing: ${missingRequests(entries, fixture.log.all()).join(', ')}`,
    },
  );
}
