/** Reading the fixture dashboard page (test/fixtures/dashboard) from a test. */
import type { Page } from 'puppeteer-core';
import type { FixtureServer } from './fixture-server';
import { waitFor } from './wait-for';

export interface DashboardPageState {
  /** "vendorId host" of each vendor script -> 'loaded' | 'blocked'. */
  readonly scripts: Readonly<Record<string, 'loaded' | 'blocked'>>;
  /** "vendorId host" of every vendor snippet that ran. */
  readonly executed: readonly string[];
  /** sendBeacon calls the browser refused (sendBeacon returned false). */
  readonly refusedBeacons: readonly string[];
  readonly settled: boolean;
  readonly pusherState: string;
  /** Build-log lines as shown in the DOM. */
  readonly buildLog: readonly string[];
  /** Flag key -> text shown in the DOM. */
  readonly flags: Readonly<Record<string, string>>;
  readonly flagsError: string | null;
}

export async function readDashboardPage(page: Page): Promise<DashboardPageState> {
  return page.evaluate(() => {
    interface FixtureWindow {
      dgFixture?: {
        state: {
          scripts: Record<string, 'loaded' | 'blocked'>;
          executed: string[];
          refusedBeacons: string[];
          settled: boolean;
          pusherState: string;
          flagsError: string | null;
        };
      };
    }
    const fixture = (window as unknown as FixtureWindow).dgFixture;
    if (!fixture) throw new Error(`No fixture dashboard on ${location.href}`);
    const { scripts, executed, refusedBeacons, settled, pusherState, flagsError } = fixture.state;
    // What a user sees: read from the DOM, not from the page's own bookkeeping.
    const buildLog = [...document.querySelectorAll('[data-dg="build-log"] li')].map((li) => li.textContent ?? '');
    const flags = Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('[data-dg="flags"] li[data-flag]')].map((li) => [
        li.dataset.flag ?? '',
        li.textContent ?? '',
      ]),
    );
    return {
      scripts: { ...scripts },
      executed: [...executed],
      refusedBeacons: [...refusedBeacons],
      settled,
      pusherState,
      buildLog,
      flags,
      flagsError,
    };
  });
}

/**
 * Waits until every vendor request of the page has completed or failed, and then until the server has the
 * sentinel beacon the page sends after that, so a request that was not blocked is in the record by now.
 */
export interface SettleOptions {
  /**
   * A page under a Content-Security-Policy that refuses the beacons' hosts (strict mode): Firefox's sendBeacon
   * returns false for them, which here is the policy working, not the keep-alive quota.
   */
  readonly beaconsMayBeRefused?: boolean;
}

export async function waitForPageSettled(
  page: Page,
  fixture: FixtureServer,
  run: string,
  options: SettleOptions = {},
): Promise<DashboardPageState> {
  const state = await waitFor(
    'the fixture page to settle (every vendor script loaded or failed, every beacon done)',
    async () => {
      const current = await readDashboardPage(page);
      return current.settled ? current : undefined;
    },
    {
      timeoutMs: 30_000,
      intervalMs: 100,
      describeFailure: async () => {
        const current = await readDashboardPage(page).catch((error: Error) => error.message);
        return typeof current === 'string' ? current : `Scripts settled: ${Object.keys(current.scripts).length}.`;
      },
    },
  );
  if (state.refusedBeacons.length > 0 && !options.beaconsMayBeRefused) {
    // Not a Dashguard result: the browser would not even queue these beacons, so their absence proves nothing.
    throw new Error(
      `The fixture page is broken: the browser refused ${state.refusedBeacons.length} navigator.sendBeacon calls ` +
        `(keep-alive quota), e.g. ${state.refusedBeacons.slice(0, 3).join(', ')}.`,
    );
  }
  const host = new URL(page.url()).host;
  await waitFor(`the sentinel beacon of run ${run} on ${host}`, () =>
    fixture.log
      .all()
      .some(
        (request) => request.host === host && request.path === `/dg-fixture/sentinel?run=${encodeURIComponent(run)}`,
      )
      ? true
      : undefined,
  );
  return state;
}
