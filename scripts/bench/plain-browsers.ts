/**
 * The "without Dashguard" side of a comparison: the same browser, the same flags and the same host mapping to the
 * fixture server as the e2e harness uses, but no extension at all, or only a bench's stand-in.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumLaunchOptions } from '../../test/e2e/harness/chromium';
import type { FixtureServer } from '../../test/e2e/harness/fixture-server';
import { firefoxLaunchOptions } from '../../test/e2e/harness/firefox';

/**
 * Chromium with the e2e harness's flags and host mapping, and only the extension in `standInDir` (a bench's
 * stand-in; Dashguard's own side is launched by the harness).
 */
export async function launchStandInChromium(
  standInDir: string,
  fixture: FixtureServer,
  extraDomains: readonly string[] = [],
): Promise<Browser> {
  return puppeteer.launch(chromiumLaunchOptions({ extensionDir: standInDir, port: fixture.port, extraDomains }));
}

export async function launchPlainChromium(
  fixture: FixtureServer,
  extraDomains: readonly string[] = [],
): Promise<Browser> {
  return puppeteer.launch(chromiumLaunchOptions({ extensionDir: undefined, port: fixture.port, extraDomains }));
}

/** Firefox as the tests start it (its name resolution and port preferences), without the add-on. */
export async function launchPlainFirefox(fixture: FixtureServer): Promise<Browser> {
  return puppeteer.launch(firefoxLaunchOptions({ withExtension: false, port: fixture.port }));
}

/** Closes a browser, killing it if it does not close in time. */
export async function closeBrowser(browser: Browser): Promise<void> {
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  const closed = await Promise.race([
    browser.close().then(
      () => 'closed' as const,
      () => 'timeout' as const,
    ),
    timeout,
  ]);
  if (closed === 'timeout') browser.process()?.kill('SIGKILL');
}
