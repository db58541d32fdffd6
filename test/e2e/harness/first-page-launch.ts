/**
 * Starting a browser with a page on its command line (a cold start, or the first page after a restart) and making
 * sure it really asked for that page. Chromium sometimes never requests the page on its command line when an
 * extension is loaded at start-up, with or without Dashguard (test/e2e/README.md): such a start is relaunched, at
 * most four times, with a warning. A start where the page was requested is never retried, so what a test asserts about
 * that first page is always about a real first page.
 */
import { launchWithDashguard, type BrowserKind, type ExtensionBrowser, type LaunchOptions } from './browsers';
import { waitFor } from './wait-for';

// Under load a start stalls up to half the time (test/e2e/README.md), so three stalls in a row happen; five are rare.
const MAX_STARTS = 5;

export async function launchOnFirstPage(
  kind: BrowserKind,
  options: LaunchOptions & {
    readonly startUrl: string;
    /** Called just before each start (a benchmark times from the start that counted). */
    readonly onLaunch?: () => void;
  },
): Promise<ExtensionBrowser> {
  const wanted = new URL(options.startUrl);
  const requested = (): boolean =>
    options.fixture.log
      .all()
      .some((r) => r.host === wanted.hostname && `${wanted.pathname}${wanted.search}` === r.path);
  for (let attempt = 1; ; attempt += 1) {
    options.fixture.log.clear();
    options.onLaunch?.();
    const session = await launchWithDashguard(kind, options);
    const ok = await waitFor(`${kind} to request its first page`, () => (requested() ? true : undefined), {
      timeoutMs: 15_000,
      describeFailure: () =>
        'The browser never started loading the page on its command line (start-up navigation stall).',
    }).catch(async (error: unknown) => {
      if (attempt >= MAX_STARTS) {
        await session.close();
        throw error;
      }
      return false;
    });
    if (ok) return session;
    console.warn(`${kind} start ${attempt}: the browser never requested its first page (start-up stall); relaunching.`);
    await session.close();
  }
}
