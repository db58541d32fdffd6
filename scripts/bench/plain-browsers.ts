/**
 * The "without Dashguard" side of a comparison: the same browser, the same flags and the same host mapping to the
 * fixture server as the e2e harness uses, but no extension at all, or only a bench's stand-in.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumArgs } from '../../test/e2e/harness/chromium';
import { extensionDir } from '../../test/e2e/harness/extension-build';
import type { FixtureServer } from '../../test/e2e/harness/fixture-server';

/**
 * Chromium with the e2e harness's flags and host mapping, and only the extension in `standInDir` (a bench's
 * stand-in; Dashguard's own side is launched by the harness).
 */
export async function launchStandInChromium(
  standInDir: string,
  fixture: FixtureServer,
  extraDomains: readonly string[] = [],
): Promise<Browser> {
  return launchBenchChromium(chromiumArgs(standInDir, fixture.port, undefined, extraDomains), true);
}

export async function launchPlainChromium(
  fixture: FixtureServer,
  extraDomains: readonly string[] = [],
): Promise<Browser> {
  // chromiumArgs wants an extension folder: its two extension flags are dropped, and puppeteer's default
  // --disable-extensions stays.
  const args = chromiumArgs(extensionDir('chromium'), fixture.port, undefined, extraDomains).filter(
    (arg) => !arg.startsWith('--load-extension') && !arg.startsWith('--disable-extensions-except'),
  );
  return launchBenchChromium(args, false);
}

function launchBenchChromium(args: readonly string[], extensions: boolean): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    // Puppeteer passes --disable-extensions by default.
    ...(extensions ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: [...args],
  });
}

/** The name resolution and port preferences of test/e2e/harness/firefox.ts, without the add-on. */
export async function launchPlainFirefox(fixture: FixtureServer): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'network.socket.forcePort': `443=${fixture.port}`,
      'network.trr.mode': 5,
    },
  });
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
