/**
 * The manifests of bench 5's stand-ins (listener-floor.ts), derived from Dashguard's built manifest (pure).
 */

/**
 * The stand-ins: each one's content script (test/fixtures/listener-floor/, setting `data-dg-listener-floor` to the
 * stand-in's key) and its extension's name, which also names its content scripts' world.
 */
export const STAND_INS = {
  listen: {
    script: 'listen.js',
    name: 'Dashguard bench: listener floor',
    description: 'Subscribes to the callbacks Dashguard observes requests with, and does nothing in them.',
  },
  read: {
    script: 'read.js',
    name: 'Dashguard bench: reading floor',
    description: 'Subscribes to the callbacks Dashguard observes requests with, and only reads what each request was.',
  },
} as const;
export type StandIn = keyof typeof STAND_INS;

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
    name: STAND_INS[standIn].name,
    version: '1.0.0',
    description: STAND_INS[standIn].description,
    content_scripts: isolated.map((entry) => ({ ...entry, js: [STAND_INS[standIn].script] })),
  };
}
