/**
 * The manifest each browser gets, from the one source manifest (pure). Chrome: a service worker and the `key`
 * that fixes the extension id. Firefox: background scripts and the gecko settings.
 */
export type TargetBrowser = 'chrome' | 'firefox';

export type Manifest = Record<string, unknown> & { background?: Record<string, unknown> };

export function manifestFor(browser: TargetBrowser, source: Manifest, version: string): Manifest {
  const manifest: Manifest = structuredClone(source);
  manifest.version = version;
  const background = { ...(manifest.background ?? {}) };
  const script = String(background.service_worker ?? 'background.js');
  if (browser === 'chrome') {
    delete manifest.browser_specific_settings;
    manifest.background = { service_worker: script };
  } else {
    delete manifest.key;
    delete manifest.minimum_chrome_version;
    manifest.background = { scripts: [script] };
  }
  return manifest;
}
