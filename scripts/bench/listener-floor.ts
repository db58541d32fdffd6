/**
 * The floors of bench 5: Chromium with a stand-in extension whose content script, in the frames Dashguard's runs in,
 * subscribes to the callbacks Dashguard's audit collector uses (test/fixtures/listener-floor/):
 *   - the listener floor (`listen`) does nothing in them. The page pays for it the browser calling into the content
 *     script's world for each response and each script load, which no work inside the callbacks can save: the part
 *     of Dashguard's cost that comes with observing each request from a content script at all;
 *   - the reading floor (`read`) reads in them what each request was (a timing entry's URL and type, a script's
 *     `src`) and nothing else: what any audit of each request from a content script pays before it decides or sends.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { FixtureServer } from '../../test/e2e/harness/fixture-server';
import { STAND_INS, listenerFloorManifest, type ContentScriptEntry, type StandIn } from './listener-floor-manifest';
import { closeBrowser, launchStandInChromium } from './plain-browsers';

/**
 * Set on <html> by a stand-in's content script, to the stand-in's name: a load without it was not measured with that
 * stand-in.
 */
export const LISTENER_FLOOR_MARKER = 'data-dg-listener-floor';
const SCRIPTS_DIR = path.resolve(__dirname, '../../test/fixtures/listener-floor');

export interface ListenerFloorBrowser {
  readonly browser: Browser;
  /** The stand-in's name, which names its content scripts' world. */
  readonly extensionName: string;
  close(): Promise<void>;
}

/** Chromium with one stand-in only, the flags and host mapping of the e2e harness. */
export async function launchListenerFloorChromium(
  standIn: StandIn,
  dashguardDir: string,
  fixture: FixtureServer,
  extraDomains: readonly string[] = [],
): Promise<ListenerFloorBrowser> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dg-listener-floor-'));
  const manifest = JSON.parse(readFileSync(path.join(dashguardDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: ContentScriptEntry[];
  };
  const standInManifest = listenerFloorManifest(manifest, standIn);
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(standInManifest, null, 2));
  const { script } = STAND_INS[standIn];
  copyFileSync(path.join(SCRIPTS_DIR, script), path.join(dir, script));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const browser = await launchStandInChromium(dir, fixture, extraDomains);
    return {
      browser,
      extensionName: standInManifest.name,
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
