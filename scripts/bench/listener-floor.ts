/**
 * The listener floor of bench 5: Chromium with a stand-in extension whose content script, in the frames Dashguard's
 * runs in, subscribes to the callbacks Dashguard's audit collector uses (test/fixtures/listener-floor/listen.js) and
 * does nothing in them. The page pays for it the browser calling into the content script's world for each response
 * and each script load, which no work inside the callbacks can save: the part of Dashguard's cost that comes with
 * observing each request from a content script at all.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { FixtureServer } from '../../test/e2e/harness/fixture-server';
import { LISTENER_FLOOR_SCRIPT, listenerFloorManifest, type ContentScriptEntry } from './listener-floor-manifest';
import { closeBrowser, launchStandInChromium } from './plain-browsers';

/** Set on <html> by the stand-in's content script: a load without it was not measured with the stand-in. */
export const LISTENER_FLOOR_MARKER = 'data-dg-listener-floor';
const SCRIPT = path.resolve(__dirname, '../../test/fixtures/listener-floor', LISTENER_FLOOR_SCRIPT);

export interface ListenerFloorBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Chromium with the stand-in only, the flags and host mapping of the e2e harness. */
export async function launchListenerFloorChromium(
  dashguardDir: string,
  fixture: FixtureServer,
  extraDomains: readonly string[] = [],
): Promise<ListenerFloorBrowser> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dg-listener-floor-'));
  const manifest = JSON.parse(readFileSync(path.join(dashguardDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ContentScriptEntry[];
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(listenerFloorManifest(manifest), null, 2));
  copyFileSync(SCRIPT, path.join(dir, LISTENER_FLOOR_SCRIPT));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const browser = await launchStandInChromium(dir, fixture, extraDomains);
    return {
      browser,
      close: async () => {
        await closeBrowser(browser);
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
