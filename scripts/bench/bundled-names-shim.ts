/**
 * tsx (esbuild with keepNames) compiles a named function inside a function passed to `page.evaluate` into a call
 * to its `__name` helper, which does not exist in the page. Installed before the page's own scripts, this makes it
 * the identity there, so in-page measuring code can use ordinary named helpers.
 */
import type { Page } from 'puppeteer-core';

const SHIM = 'globalThis.__name = globalThis.__name || function (fn) { return fn; };';

export async function installNameShim(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(SHIM);
}
