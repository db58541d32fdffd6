/** Opening and finding tabs, the same way in both browsers. */
import type { Browser, Page } from 'puppeteer-core';
import { PAGE_LOAD_TIMEOUT_MS } from './browser-session';
import { waitFor } from './wait-for';

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: PAGE_LOAD_TIMEOUT_MS });
  return page;
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
