/**
 * `npm run docs:screenshots`: takes the README's screenshots from the real extension (dist/chrome in Chromium,
 * through the e2e harness): the popup on the demo CircleCI dashboard and the options page, each in the light and the
 * dark theme. Writes docs/screenshots/*.png. Fails, writing nothing, if the popup does not show the audit.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { waitForPopupRows } from '../test/e2e/harness/audit-popup';
import { launchChromium, type ExtensionBrowser } from '../test/e2e/harness/browsers';
import { waitForPageSettled } from '../test/e2e/harness/dashboard-page';
import { extensionDir } from '../test/e2e/harness/extension-build';
import { optionsPage, tabIdOf } from '../test/e2e/harness/extension-pages';
import { siteUrl } from '../test/e2e/harness/fixture-catalog';
import { startFixtureServer } from '../test/e2e/harness/fixture-server';
import { acquirePolicyLock } from '../test/e2e/harness/managed-policy-files';

const OUT_DIR = path.join(__dirname, '..', 'docs', 'screenshots');
const THEMES = ['light', 'dark'] as const;

async function shoot(page: Page, name: string, clipHeight: number): Promise<Map<string, Uint8Array>> {
  const shots = new Map<string, Uint8Array>();
  // A tab in the background renders no frames, and a screenshot of it never completes.
  await page.bringToFront();
  for (const theme of THEMES) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]);
    const height = Math.min(clipHeight, await page.evaluate(() => document.documentElement.scrollHeight));
    shots.set(
      `${name}-${theme}.png`,
      await page.screenshot({ clip: { x: 0, y: 0, width: page.viewport()?.width ?? 800, height } }),
    );
  }
  return shots;
}

async function main(): Promise<void> {
  // A policy test running meanwhile would put its managed policy in the pictures: wait until none is.
  const policyLock = await acquirePolicyLock();
  const fixture = await startFixtureServer();
  let session: ExtensionBrowser | undefined;
  try {
    session = await launchChromium(extensionDir('chromium'), { fixture });
    const dashboardUrl = siteUrl('dashboard', { run: 'screenshots' });
    const dashboard = await session.openPage(dashboardUrl);
    await waitForPageSettled(dashboard, fixture, 'screenshots');
    const options = await optionsPage(session);
    const tabId = await tabIdOf(options, dashboardUrl);

    const popup = await session.openPage(`${session.extensionBaseUrl}popup.html?tabId=${tabId}`);
    await popup.setViewport({ width: 460, height: 640, deviceScaleFactor: 1 });
    await waitForPopupRows(
      popup,
      "the popup to list the demo dashboard's vendors",
      (rows) => rows.some((r) => r.status === 'blocked') && rows.some((r) => r.status.startsWith('allowed')),
    );
    // The background's answer too: the dashboard in the header and each vendor's Allow here / Block here.
    await popup.waitForSelector('#quick-actions[data-state="ready"] [data-qa="pause"]:not([disabled])', {
      timeout: 15_000,
    });
    await popup.waitForSelector('#audit [data-qa="vendor-toggle"]', { timeout: 15_000 });
    const shots = await shoot(popup, 'popup', 640);

    await options.setViewport({ width: 1000, height: 900, deviceScaleFactor: 1 });
    for (const [name, png] of await shoot(options, 'options', 900)) shots.set(name, png);

    await mkdir(OUT_DIR, { recursive: true });
    for (const [name, png] of shots) await writeFile(path.join(OUT_DIR, name), png);
    console.log(`Dashguard: ${shots.size} screenshots written to docs/screenshots/.`);
  } finally {
    await session?.close();
    await fixture.close();
    policyLock.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
