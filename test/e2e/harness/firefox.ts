/**
 * Firefox ESR with Dashguard, every host name resolved to the fixture server. Firefox cannot map ports per host as
 * Chromium does, but `network.socket.forcePort` sends every connection to port 443 to the fixture server's port, so
 * the URLs stay the real ones (no port, no root needed).
 */
import { rmSync } from 'node:fs';
import puppeteer, { type Browser, type LaunchOptions as PuppeteerLaunchOptions } from 'puppeteer-core';
import type { ExtensionBrowser, LaunchOptions } from './browser-session';
import { FIREFOX_ADDON_ID } from './extension-build';
import { createProfileWithAddon } from './firefox-profile';
import { removeStalePolicyFiles } from './managed-policy-files';
import { findPage, openPage } from './page-helpers';
import { verifyRulesLive } from './rules-canary';
import { withTimeout } from './wait-for';

/** Fixed so the extension's pages have a known moz-extension:// origin. */
export const FIREFOX_EXTENSION_UUID = '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

/** The Firefox the tests and benchmarks start: FIREFOX_PATH, or Debian's ESR. */
export const firefoxExecutable = (): string => process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Where and how a Firefox of the tests or benchmarks starts. */
export interface FirefoxStart {
  /**
   * Whether Dashguard is installed in it (then its preferences for the add-on: a fixed moz-extension origin, an
   * unsigned XPI, no permission prompts); not for the benchmarks' browser without any extension.
   */
  readonly withExtension: boolean;
  /** The fixture server's port: every host name goes there. */
  readonly port: number;
  readonly startUrl?: string | undefined;
  readonly headless?: boolean | undefined;
  /** A profile kept across launches, or one made for this launch; a fresh one otherwise. */
  readonly profileDir?: string | undefined;
  /** Preferences to add or override. */
  readonly prefs?: Readonly<Record<string, unknown>> | undefined;
}

/** Every host name to the fixture server. */
function networkPrefs(port: number): Record<string, unknown> {
  return {
    'network.dns.forceResolve': '127.0.0.1',
    'network.socket.forcePort': `443=${port}`,
    // No DNS over HTTPS: it would bypass forceResolve.
    'network.trr.mode': 5,
  };
}

const EXTENSION_PREFS: Readonly<Record<string, unknown>> = {
  // ESR honours this; release Firefox does not. Needed for the unsigned XPI of the cold-start profile.
  'xpinstall.signatures.required': false,
  'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_EXTENSION_UUID }),
  // permissions.request() for an optional host (a self-hosted dashboard) is granted without a prompt, as if the
  // person clicked "Allow"; headless Firefox has no one to answer it.
  'extensions.webextOptionalPermissionPrompts': false,
};

/** Puppeteer's options for a FirefoxStart: the one description of a test or bench Firefox, as chromiumLaunchOptions. */
export function firefoxLaunchOptions(start: FirefoxStart): PuppeteerLaunchOptions {
  return {
    browser: 'firefox',
    executablePath: firefoxExecutable(),
    headless: start.headless ?? true,
    // The fixture server's certificate is self-signed.
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      ...networkPrefs(start.port),
      ...(start.withExtension ? EXTENSION_PREFS : {}),
      ...start.prefs,
    },
    ...(start.profileDir === undefined ? {} : { userDataDir: start.profileDir }),
    args: start.startUrl ? [start.startUrl] : [],
  };
}

export async function launchFirefox(extensionDir: string, options: LaunchOptions): Promise<ExtensionBrowser> {
  // A policy left by a killed run would be read by this browser as if it were this test's.
  removeStalePolicyFiles();
  // A profile of this launch only (deleted on close), or the caller's, kept across launches.
  const ownProfile =
    options.profileDir === undefined && options.startUrl ? createProfileWithAddon(extensionDir) : undefined;
  const profileDir = options.profileDir ?? ownProfile;
  let browser: Browser;
  try {
    browser = await puppeteer.launch(
      firefoxLaunchOptions({
        withExtension: true,
        port: options.fixture.port,
        startUrl: options.startUrl,
        headless: options.headless,
        profileDir,
        prefs: options.firefoxPrefs,
      }),
    );
  } catch (error) {
    if (ownProfile) rmSync(ownProfile, { recursive: true, force: true });
    throw error;
  }
  const close = async (): Promise<void> => {
    try {
      await withTimeout('closing Firefox', browser.close(), 10_000);
    } catch {
      browser.process()?.kill('SIGKILL');
    }
    if (ownProfile) rmSync(ownProfile, { recursive: true, force: true });
  };
  try {
    if (!profileDir) {
      let id: string;
      try {
        id = await browser.installExtension(extensionDir);
      } catch (error) {
        throw new Error(
          `Dashguard did not load in Firefox: installing ${extensionDir} failed: ${(error as Error).message}`,
          { cause: error },
        );
      }
      if (id !== FIREFOX_ADDON_ID) {
        throw new Error(
          `Dashguard did not load in Firefox: ${extensionDir} installed as "${id}", expected "${FIREFOX_ADDON_ID}".`,
        );
      }
    }
    const session: ExtensionBrowser = {
      kind: 'firefox',
      browser,
      extensionId: FIREFOX_ADDON_ID,
      extensionBaseUrl: `moz-extension://${FIREFOX_EXTENSION_UUID}/`,
      openPage: (url) => openPage(browser, url),
      findPage: (matches) => findPage(browser, matches),
      verifyRulesLive: () => verifyRulesLive('firefox', browser, options.fixture),
      close,
    };
    if (!options.startUrl) await session.verifyRulesLive();
    return session;
  } catch (error) {
    await close();
    throw error;
  }
}
