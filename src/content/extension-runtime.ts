/**
 * The one extension API the content script uses: runtime messaging. Taken from `browser` (Firefox) or `chrome`
 * (Chrome; promise-based in Manifest V3), without the webextension-polyfill: this script runs on every dashboard
 * page load, so it stays small.
 */
export type MessageListener = (
  message: unknown,
  sender: unknown,
  sendResponse: (response: unknown) => void,
) => boolean | undefined;

export interface ExtensionRuntime {
  sendMessage(message: unknown): Promise<unknown>;
  readonly onMessage: { addListener(listener: MessageListener): void };
}

export function extensionRuntime(): ExtensionRuntime {
  const scope = globalThis as { browser?: { runtime: ExtensionRuntime }; chrome?: { runtime: ExtensionRuntime } };
  const runtime = scope.browser?.runtime ?? scope.chrome?.runtime;
  if (runtime === undefined) throw new Error('Dashguard: no extension runtime in this content script');
  return runtime;
}
