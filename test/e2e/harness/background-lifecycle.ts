/**
 * The extension's background as the end-to-end tests drive it: how many times it has started (the test build counts
 * each start in storage.session), stopping it and waiting for its next start, and keeping it awake meanwhile.
 * Chromium's service worker is stopped by closing it; Firefox stops an idle event page itself, after the short idle
 * timeout those tests set (`extensions.background.idle.timeout`), and any message wakes it again.
 */
import { TargetType, type Page } from 'puppeteer-core';
import { TEST_BACKGROUND_STARTS_KEY } from '../../../src/background/test-surface';
import { SETTINGS_GET } from '../../../src/settings/settings-messages';
import type { ExtensionBrowser } from './browser-session';
import { sendFromPage, sessionStorageValue } from './extension-pages';
import { waitFor } from './wait-for';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How many times the background has started since the browser did, read from an extension page. Throws when nothing
 * was counted (not the test build, or its counting broke), so "it did not start again" cannot pass on a build that
 * counts nothing: by the time a page of the extension asks, its background has started at least once.
 */
export async function backgroundStarts(page: Page): Promise<number> {
  const starts = await sessionStorageValue(page, TEST_BACKGROUND_STARTS_KEY);
  if (typeof starts !== 'number' || !Number.isSafeInteger(starts) || starts < 1)
    throw new Error(
      `No background start counted (storage.session ${TEST_BACKGROUND_STARTS_KEY} holds ${JSON.stringify(starts)}): ` +
        'the end-to-end tests need the test build (npm run build:test)',
    );
  return starts;
}

/** Chromium: closes the extension's service worker running now (the one found at launch may have been replaced). */
export async function closeServiceWorker(session: ExtensionBrowser): Promise<void> {
  if (session.kind !== 'chromium') throw new Error('Only Chromium runs the background as a service worker');
  const worker = await session.browser.waitForTarget(
    (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(session.extensionBaseUrl),
    { timeout: 20_000 },
  );
  await (await worker.worker())?.close();
}

/**
 * Stops the background and waits until it has started again. Firefox: left alone for a few idle timeouts, then woken
 * with a message, until a new start is counted.
 */
export async function restartBackground(
  session: ExtensionBrowser,
  page: Page,
  firefoxIdleTimeoutMs: number,
): Promise<void> {
  const before = await backgroundStarts(page);
  if (session.kind === 'chromium') await closeServiceWorker(session);
  await waitFor(
    'the background to stop and start again',
    async () => {
      if (session.kind === 'firefox') await sleep(firefoxIdleTimeoutMs * 3);
      // A message wakes a stopped background.
      await sendFromPage(page, SETTINGS_GET, null).catch(() => undefined);
      return (await backgroundStarts(page)) > before ? true : undefined;
    },
    { timeoutMs: 30_000, intervalMs: session.kind === 'chromium' ? 250 : 0 },
  );
}

/** Asks the background something every 200 ms, as an open popup would, until `stop()`: an event page stays up. */
export function keepBackgroundAwake(page: Page): { stop(): Promise<void> } {
  let awake = true;
  const pinging = (async () => {
    while (awake) {
      await sendFromPage(page, SETTINGS_GET, null).catch(() => undefined);
      await sleep(200);
    }
  })();
  return {
    async stop() {
      awake = false;
      await pinging;
    },
  };
}
