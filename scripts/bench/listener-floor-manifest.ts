/**
 * The manifests of bench 5's stand-ins (listener-floor.ts), derived from Dashguard's built manifest (pure).
 */

/**
 * The stand-ins' content scripts (test/fixtures/listener-floor/), each setting `data-dg-listener-floor` to its name:
 *   - listen: subscribes to the audit collector's callbacks and does nothing in them (the listener floor);
 *   - read: in them, reads each request's URL and type and each script element's `src`, nothing else (the reading
 *     floor).
 */
export const STAND_IN_SCRIPTS = { listen: 'listen.js', read: 'read.js' } as const;
export type StandIn = keyof typeof STAND_IN_SCRIPTS;

export interface StandInManifest {
  readonly name: string;
  readonly content_scripts: readonly ContentScriptEntry[];
  readonly [key: string]: unknown;
}

export interface ContentScriptEntry {
  readonly js?: readonly string[];
  readonly world?: string;
  readonly [key: string]: unknown;
}

/**
 * A stand-in's manifest from Dashguard's built one: the same isolated-world content-script entries (matches,
 * exclusions, frames, document_start) with the stand-in's script, no permissions, no background. Dashguard's page-world
 * script is left out: it is no callback from the browser but a wrapper of WebSocket, which the stress page never calls
 * and the typical page calls twice.
 */
export function listenerFloorManifest(
  dashguard: { readonly content_scripts?: readonly ContentScriptEntry[] },
  standIn: StandIn,
): StandInManifest {
  const isolated = (dashguard.content_scripts ?? []).filter(
    (entry) => entry.world === undefined || entry.world === 'ISOLATED',
  );
  if (isolated.length === 0) throw new Error("Dashguard's manifest has no isolated-world content script to mirror");
  return {
    manifest_version: 3,
    name: `Dashguard bench: ${standIn === 'listen' ? 'listener' : 'reading'} floor`,
    version: '1.0.0',
    description:
      standIn === 'listen'
        ? 'Subscribes to the callbacks Dashguard observes requests with, and does nothing in them.'
        : 'Subscribes to the callbacks Dashguard observes requests with, and only reads what each request was.',
    content_scripts: isolated.map((entry) => ({ ...entry, js: [STAND_IN_SCRIPTS[standIn]] })),
  };
}
