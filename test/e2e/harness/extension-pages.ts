/**
 * The extension's own pages (options, popup) in both browsers. Chromium opens chrome-extension:// URLs like any
 * other. Firefox automation cannot navigate to moz-extension:// pages, so with the test build (dist-test/, which
 * opens its options page when installed) the options page opens any other extension page with tabs.create, and
 * pages are found by their own location (Firefox lists extension tabs as about:blank).
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browser-session';
import { waitFor } from './wait-for';
import { errorMessage } from '../../../src/shared';

/** Code run inside an extension page: the WebExtension API of either browser. */
type PageApi = typeof chrome;

async function pageAt(session: ExtensionBrowser, prefix: string, what: string): Promise<Page> {
  // What the last look saw, so a page that never appears leaves a trace of what was open instead.
  let seen: string[] = [];
  return waitFor(
    what,
    async () => {
      seen = [];
      for (const page of await session.browser.pages()) {
        const href = await page
          .evaluate(() => location.href)
          .catch((error: unknown) => {
            seen.push(`(unreadable: ${errorMessage(error)})`);
            return '';
          });
        if (href.startsWith(prefix)) return page;
        if (href !== '') seen.push(href);
      }
      return undefined;
    },
    { timeoutMs: 15_000, intervalMs: 200, describeFailure: () => `Pages open: ${seen.join(', ') || 'none'}.` },
  );
}

/** The options page: opened by the test in Chromium, by the test build itself in Firefox. Waits until it is ready. */
export async function optionsPage(session: ExtensionBrowser): Promise<Page> {
  const url = `${session.extensionBaseUrl}options.html`;
  const page =
    session.kind === 'chromium'
      ? await session.openPage(url)
      : await pageAt(session, url, 'the options page the Firefox test build opens when installed');
  await page.waitForSelector('main[data-state="ready"]', { timeout: 15_000 });
  return page;
}

let opened = 0;

/** Opens another extension page (`popup.html?targetTab=7`, say) in a new tab, through `from`, an extension page. */
export async function openExtensionPage(session: ExtensionBrowser, from: Page, path: string): Promise<Page> {
  opened += 1;
  const url = `${session.extensionBaseUrl}${path}${path.includes('?') ? '&' : '?'}e2e=${opened}`;
  if (session.kind === 'chromium') return session.openPage(url);
  await from.evaluate(async (target: string) => {
    const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
    await api.tabs.create({ url: target, active: true });
  }, url);
  return pageAt(session, url, `the extension page ${path}`);
}

/** The browser's id of the tab showing `urlPrefix`, asked through an extension page. */
export async function tabIdOf(from: Page, urlPrefix: string): Promise<number> {
  const id = await from.evaluate(async (prefix: string) => {
    const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((tab) => tab.url?.startsWith(prefix))?.id;
  }, urlPrefix);
  if (id === undefined) throw new Error(`No tab shows ${urlPrefix}`);
  return id;
}

/** Sends a message to the background from an extension page and returns the reply's value (throws on a refusal). */
export async function sendFromPage<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    async (t: string, p: unknown) => {
      const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
      return api.runtime.sendMessage<unknown, unknown>({ type: t, payload: p });
    },
    type,
    payload,
  )) as { ok: boolean; value?: unknown; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${type} was refused: ${reply?.error ?? 'no answer'}`);
  return reply.value as T;
}

/** A value of the extension's storage.session, read from an extension page. */
export async function sessionStorageValue(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (k: string) => {
    const api = (globalThis as unknown as { browser?: PageApi }).browser ?? chrome;
    return (await api.storage.session.get(k))[k];
  }, key);
}
