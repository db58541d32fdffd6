/**
 * Chromium with Dashguard loaded at start-up (--load-extension, which managed policy needs; installing it later
 * leaves storage.managed empty) and every fixture host sent to the local fixture server.
 */
import puppeteer, {
  TargetType,
  type Browser,
  type LaunchOptions as PuppeteerLaunchOptions,
  type Target,
} from 'puppeteer-core';
import type { ExtensionBrowser, LaunchOptions } from './browser-session';
import { chromiumExtensionId } from './extension-build';
import { fixtureDomains } from './fixture-catalog';
import { removeStalePolicyFiles } from './managed-policy-files';
import { findPage, openPage } from './page-helpers';
import { verifyRulesLive } from './rules-canary';
import { withTimeout } from './wait-for';

const SERVICE_WORKER_TIMEOUT_MS = 10_000;

/**
 * Only the fixture hosts go to the server; everything else fails to resolve, so nothing reaches the internet and
 * Chromium's own background traffic never lands in the record.
 */
function hostResolverRules(port: number, extraDomains: readonly string[]): string {
  const rules = [...fixtureDomains(), ...extraDomains].flatMap((domain) => [
    `MAP ${domain} 127.0.0.1:${port}`,
    `MAP *.${domain} 127.0.0.1:${port}`,
  ]);
  return [...rules, 'MAP * ~NOTFOUND'].join(', ');
}

/** Where and how a Chromium of the tests or benchmarks starts. */
export interface ChromiumStart {
  /** The extension loaded at start-up; none for the benchmarks' browser without any extension. */
  readonly extensionDir: string | undefined;
  /** The fixture server's port: every fixture host goes there, every other host fails to resolve. */
  readonly port: number;
  readonly startUrl?: string | undefined;
  readonly extraDomains?: readonly string[] | undefined;
  readonly headless?: boolean | undefined;
  /** A profile kept across launches (a browser restart); a fresh one otherwise. */
  readonly userDataDir?: string | undefined;
}

/** The Chromium the tests and benchmarks start: CHROME_PATH, or Debian's. */
export const chromiumExecutable = (): string => process.env.CHROME_PATH ?? '/usr/bin/chromium';

function chromiumArgs(start: ChromiumStart): string[] {
  const { extensionDir } = start;
  return [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    // The fixture server speaks TCP only.
    '--disable-quic',
    ...(extensionDir === undefined
      ? []
      : [
          `--disable-extensions-except=${extensionDir}`,
          `--load-extension=${extensionDir}`,
          // Branded Chrome 137+ ignores --load-extension unless this feature is off (Chromium and Chrome for Testing
          // keep it).
          '--disable-features=DisableLoadExtensionCommandLineSwitch',
        ]),
    `--host-resolver-rules=${hostResolverRules(start.port, start.extraDomains ?? [])}`,
    // The fixture server's certificate is self-signed and names no host.
    '--ignore-certificate-errors',
    ...(start.startUrl ? [start.startUrl] : []),
  ];
}

/**
 * Puppeteer's options for a Chromium of the tests or benchmarks: one place, so a benchmark's browser starts the way
 * the tests' does.
 */
export function chromiumLaunchOptions(start: ChromiumStart): PuppeteerLaunchOptions {
  return {
    executablePath: chromiumExecutable(),
    headless: start.headless ?? true,
    pipe: true,
    // Puppeteer passes --disable-extensions by default.
    ...(start.extensionDir === undefined ? {} : { ignoreDefaultArgs: ['--disable-extensions'] }),
    args: chromiumArgs(start),
    ...(start.userDataDir === undefined ? {} : { userDataDir: start.userDataDir }),
  };
}

async function waitForServiceWorker(browser: Browser, extensionDir: string, extensionId: string): Promise<Target> {
  const prefix = `chrome-extension://${extensionId}/`;
  try {
    return await browser.waitForTarget(
      (target) => target.type() === TargetType.SERVICE_WORKER && target.url().startsWith(prefix),
      {
        timeout: SERVICE_WORKER_TIMEOUT_MS,
      },
    );
  } catch {
    const seen = browser
      .targets()
      .map((target) => `${target.type()} ${target.url()}`)
      .join('; ');
    throw new Error(
      `Dashguard did not load in Chromium: no service worker under ${prefix} within ${SERVICE_WORKER_TIMEOUT_MS} ms ` +
        `(extension dir ${extensionDir}; is the build valid?). Targets: ${seen || 'none'}`,
    );
  }
}

export async function launchChromium(extensionDir: string, options: LaunchOptions): Promise<ExtensionBrowser> {
  // A policy left by a killed run would be read by this browser as if it were this test's.
  removeStalePolicyFiles();
  const browser = await puppeteer.launch(
    chromiumLaunchOptions({
      extensionDir,
      port: options.fixture.port,
      startUrl: options.startUrl,
      extraDomains: options.extraDomains,
      headless: options.headless,
      userDataDir: options.profileDir,
    }),
  );
  const close = async (): Promise<void> => {
    try {
      await withTimeout('closing Chromium', browser.close(), 10_000);
    } catch {
      browser.process()?.kill('SIGKILL');
    }
  };
  try {
    const extensionId = chromiumExtensionId(extensionDir);
    const serviceWorkerTarget = await waitForServiceWorker(browser, extensionDir, extensionId);
    const session: ExtensionBrowser = {
      kind: 'chromium',
      browser,
      extensionId,
      extensionBaseUrl: `chrome-extension://${extensionId}/`,
      serviceWorkerTarget,
      openPage: (url) => openPage(browser, url),
      findPage: (matches) => findPage(browser, matches),
      verifyRulesLive: () => verifyRulesLive('chromium', browser, options.fixture),
      close,
    };
    if (!options.startUrl) await session.verifyRulesLive();
    return session;
  } catch (error) {
    await close();
    throw error;
  }
}
