/** Opening and finding tabs, the same way in both browsers. */
import type { Browser, Page } from 'puppeteer-core';
import { PAGE_LOAD_TIMEOUT_MS } from './browser-session';
import { waitFor } from './wait-for';
import { errorMessage } from '../../../src/shared';

/** Puppeteer's own timeouts say neither what was waited for nor where ("Timed out after waiting 30000ms"). */
const naming = (what: string) => (error: unknown) => {
  throw new Error(`${what}: ${errorMessage(error)}`, { cause: error });
};

/** A new, blank tab; `purpose` names it if the browser does not give one. */
export function newTab(browser: Browser, purpose: string): Promise<Page> {
  return browser.newPage().catch(naming(`The browser opened no new tab for ${purpose}`));
}

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await newTab(browser, url);
  await loadInTab(page, url);
  return page;
}

/** Loads `url` in `page`, up to DOMContentLoaded; a timeout names the URL. */
export async function loadInTab(page: Page, url: string, timeoutMs = PAGE_LOAD_TIMEOUT_MS): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs }).catch(naming(`${url} did not load`));
}

export async function findPage(browser: Browser, matches: (url: string) => boolean): Promise<Page> {
  return waitFor(
    'a tab with the expected URL',
    async () => (await browser.pages()).find((page) => matches(page.url())),
    {
      timeoutMs: PAGE_LOAD_TIMEOUT_MS,
      describeFailure: async () =>
        `Open tabs: ${(await browser.pages()).map((page) => page.url()).join(', ') || 'none'}.`,
    },
  );
}
