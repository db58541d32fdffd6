/**
 * Which extensions' content scripts ran in a page: Chromium gives each extension's content scripts an isolated world
 * named after the extension, with the extension's origin. Bench 5 checks it after every load it measures, so a side
 * that should run Dashguard (or a stand-in) and ran nothing, or one that should run no extension, never gives a figure.
 */
import type { Page } from 'puppeteer-core';

/** The part of CDP's `Runtime.ExecutionContextDescription` used here. */
export interface ExecutionContext {
  readonly name: string;
  readonly origin: string;
  readonly auxData?: { readonly type?: string };
}

/** The names of the extensions with an isolated world among `contexts`, each once, sorted (pure). */
export function extensionWorldNames(contexts: readonly ExecutionContext[]): string[] {
  const names = contexts
    .filter(
      (context) =>
        context.auxData?.type === 'isolated' && /^(chrome-extension|moz-extension):\/\//.test(context.origin),
    )
    .map((context) => context.name);
  return [...new Set(names)].sort();
}

/**
 * The extensions whose content scripts have a world in `page` (any frame). Looked at once a load is measured:
 * enabling CDP's Runtime domain reports the contexts that already exist, and is disabled again at once.
 */
export async function extensionWorldsOnPage(page: Page): Promise<string[]> {
  const cdp = await page.createCDPSession();
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  try {
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.disable');
  } finally {
    await cdp.detach();
  }
  return extensionWorldNames(contexts);
}
