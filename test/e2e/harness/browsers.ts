/** Launching either browser with Dashguard behind one interface, so tests run the same assertions on both. */
import type { ExtensionBrowser, LaunchOptions } from './browser-session';
import { launchChromium } from './chromium';
import { extensionDir, type BrowserKind } from './extension-build';
import { launchFirefox } from './firefox';

export type { ExtensionBrowser, LaunchOptions } from './browser-session';
export type { BrowserKind } from './extension-build';
export { launchChromium } from './chromium';
export { launchFirefox } from './firefox';

export const BROWSER_KINDS: readonly BrowserKind[] = ['chromium', 'firefox'];

/** Launches `kind` with its build of Dashguard (dist/chrome or dist/firefox). Throws if the extension did not load. */
export function launchWithDashguard(kind: BrowserKind, options: LaunchOptions): Promise<ExtensionBrowser> {
  const dir = extensionDir(kind, options.build);
  return kind === 'chromium' ? launchChromium(dir, options) : launchFirefox(dir, options);
}
