/**
 * The manifest of bench 5's listener floor (listener-floor.ts), derived from Dashguard's built manifest (pure).
 */

/** The stand-in's content script (test/fixtures/listener-floor/). */
export const LISTENER_FLOOR_SCRIPT = 'listen.js';

export interface ContentScriptEntry {
  readonly js?: readonly string[];
  readonly world?: string;
  readonly [key: string]: unknown;
}

/**
 * The stand-in's manifest from Dashguard's built one: the same isolated-world content-script entries (matches,
 * exclusions, frames, document_start) with its own script, no permissions, no background. Dashguard's page-world
 * script is left out: it is no callback from the browser but a wrapper of WebSocket, which the stress page never calls
 * and the typical page calls twice.
 */
export function listenerFloorManifest(dashguard: { readonly content_scripts?: readonly ContentScriptEntry[] }): object {
  const isolated = (dashguard.content_scripts ?? []).filter(
    (entry) => entry.world === undefined || entry.world === 'ISOLATED',
  );
  if (isolated.length === 0) throw new Error("Dashguard's manifest has no isolated-world content script to mirror");
  return {
    manifest_version: 3,
    name: 'Dashguard bench: listener floor',
    version: '1.0.0',
    description: 'Subscribes to the callbacks Dashguard observes requests with, and does nothing in them.',
    content_scripts: isolated.map((entry) => ({ ...entry, js: [LISTENER_FLOOR_SCRIPT] })),
  };
}
