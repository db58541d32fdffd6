/** The one interface the tests use for both browsers. */
import type { Browser, Page, Target } from 'puppeteer-core';
import type { BrowserKind, BuildKind } from './extension-build';
import type { FixtureServer } from './fixture-server';

export interface LaunchOptions {
  /** The fixture server the browser's traffic is sent to. */
  readonly fixture: FixtureServer;
  /** Opens this URL as the browser's first page (a cold start). Rules are then verified only by `verifyRulesLive`. */
  readonly startUrl?: string;
  /** Defaults to true. */
  readonly headless?: boolean;
  /** Which build to load (launchWithDashguard); defaults to the release build. */
  readonly build?: BuildKind;
  /** More host names (each with its subdomains) sent to the fixture server, besides the catalog's and SITES. */
  readonly extraDomains?: readonly string[];
  /**
   * A profile the caller keeps across launches (a browser restart): Chromium's user data dir; for Firefox a profile
   * made by createProfileWithAddon, so Dashguard is installed in it for good rather than temporarily. Never deleted
   * by close().
   */
  readonly profileDir?: string;
  /** Firefox preferences to add or override (e.g. a short background idle timeout). */
  readonly firefoxPrefs?: Readonly<Record<string, unknown>>;
}

export interface ExtensionBrowser {
  readonly kind: BrowserKind;
  readonly browser: Browser;
  /** Chromium: the 32-letter id; Firefox: the gecko id. */
  readonly extensionId: string;
  /** chrome-extension://ID/ or moz-extension://UUID/. */
  readonly extensionBaseUrl: string;
  /** Chromium only: the extension's service worker. */
  readonly serviceWorkerTarget?: Target;
  /** Opens a new tab on `url` and waits for its DOM. */
  openPage(url: string): Promise<Page>;
  /** A page already open (the cold-start page, say) whose URL satisfies `matches`. */
  findPage(matches: (url: string) => boolean): Promise<Page>;
  /** Throws unless Dashguard's rules block on the dashboard and not elsewhere (see rules-canary.ts). */
  verifyRulesLive(): Promise<void>;
  close(): Promise<void>;
}

export const PAGE_LOAD_TIMEOUT_MS = 20_000;
