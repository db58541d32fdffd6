/**
 * A positive check that Dashguard's rules are in force: the same request to a vendor blocked by default reaches the
 * fixture server from an unrelated site and is blocked from the dashboard. Run after launch so that a browser that
 * silently failed to load the extension fails every test loudly instead of passing the "nothing blocked" ones.
 */
import type { Browser } from 'puppeteer-core';
import type { BrowserKind } from './extension-build';
import { blockedVendors, SITES } from './fixture-catalog';
import type { FixtureServer } from './fixture-server';
import { openPage } from './page-helpers';
import { waitFor, withTimeout } from './wait-for';

const PROBE_TIMEOUT_MS = 15_000;

export type ProbeOutcome = 'reached' | 'failed';

let probeCounter = 0;

/** Fetches `https://<vendorHost>/...` from a page on `fromHost`; the returned path identifies it in the record. */
export async function probe(
  browser: Browser,
  fromHost: string,
  vendorHost: string,
): Promise<{ outcome: ProbeOutcome; path: string }> {
  probeCounter += 1;
  const path = `/dg-fixture/canary-probe?n=${probeCounter}`;
  const page = await openPage(browser, `https://${fromHost}/dg-fixture/canary`);
  try {
    // Bounded and named: puppeteer's own wait for a page's script context gives up after 30 s without saying what for.
    const outcome = await withTimeout(
      `a fetch of https://${vendorHost}${path} from a page on ${fromHost}`,
      page.evaluate(async (url: string): Promise<ProbeOutcome> => {
        try {
          await fetch(url, { mode: 'no-cors', cache: 'no-store' });
          return 'reached';
        } catch {
          return 'failed';
        }
      }, `https://${vendorHost}${path}`),
      PROBE_TIMEOUT_MS,
    );
    return { outcome, path };
  } finally {
    await page.close();
  }
}

/**
 * One request from a page on `fromHost` to `vendorHost`, judged by the fixture server's record: `blocked` only when
 * the page saw it fail and the server never received it. A disagreement between the two throws.
 */
export async function requestOutcome(
  browser: Browser,
  fixture: FixtureServer,
  fromHost: string,
  vendorHost: string,
): Promise<'reached' | 'blocked'> {
  const result = await probe(browser, fromHost, vendorHost);
  const recorded = fixture.log.all().some((request) => request.host === vendorHost && request.path === result.path);
  if (result.outcome === 'reached' && recorded) return 'reached';
  if (result.outcome === 'failed' && !recorded) return 'blocked';
  throw new Error(
    `Inconsistent probe of ${vendorHost} from ${fromHost}: the page saw "${result.outcome}", the server ${recorded ? 'did' : 'did not'} record it.`,
  );
}

export async function verifyRulesLive(kind: BrowserKind, browser: Browser, fixture: FixtureServer): Promise<void> {
  const blocked = blockedVendors[0];
  const vendorHost = blocked?.beaconHosts[0];
  if (!blocked || !vendorHost) throw new Error('The catalog has no vendor blocked by default to probe with.');
  const fail = (why: string): Error =>
    new Error(`Dashguard did not load in ${kind === 'chromium' ? 'Chromium' : 'Firefox'}: ${why}`);

  // Control: the probe must work where Dashguard changes nothing, or a "blocked" result below would prove nothing.
  const control = await probe(browser, SITES.unrelated, vendorHost);
  const controlRecorded = fixture.log
    .all()
    .some((request) => request.host === vendorHost && request.path === control.path);
  if (control.outcome !== 'reached' || !controlRecorded) {
    throw new Error(
      `The e2e fixture is broken: a request from ${SITES.unrelated} to ${vendorHost} did not reach the fixture server (${control.outcome}).`,
    );
  }

  // The rules may be applied a moment after the extension is installed: wait for them, within a bound.
  let lastPath = '';
  try {
    await waitFor(
      `${vendorHost} (${blocked.vendor.name}) to be blocked on ${SITES.dashboard}`,
      async () => {
        const result = await probe(browser, SITES.dashboard, vendorHost);
        lastPath = result.path;
        const recorded = fixture.log
          .all()
          .some((request) => request.host === vendorHost && request.path === result.path);
        return result.outcome === 'failed' && !recorded ? true : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );
  } catch (error) {
    throw fail(
      `a request from ${SITES.dashboard} to ${vendorHost} (${blocked.vendor.name}, blocked by default) was not blocked (last probe ${lastPath}). ${(error as Error).message}`,
    );
  }
}
