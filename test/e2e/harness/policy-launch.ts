/**
 * A browser started with a real managed policy (managed-policy-files.ts): the file is written, the browser launched,
 * and Firefox's file removed as soon as the browser has started (Firefox reads it once, at start-up; no other Firefox
 * on the machine may read it). Chromium watches its file while it runs, so the caller removes it when it is done
 * (`file.remove()`, in a finally or afterAll). Hold `acquirePolicyLock()` around the whole use.
 */
import type { ExtensionBrowser } from './browser-session';
import { CHROMIUM_EXTENSION_ID, FIREFOX_ADDON_ID, type BrowserKind } from './extension-build';
import { chromiumPolicyFile, firefoxPolicyFile, type PolicyFile } from './managed-policy-files';

export interface PolicyLaunch {
  readonly session: ExtensionBrowser;
  readonly file: PolicyFile;
}

/** The policy file `kind` reads for Dashguard (Chromium: this run's file in the managed folder). */
export function policyFileFor(kind: BrowserKind): PolicyFile {
  return kind === 'chromium' ? chromiumPolicyFile(CHROMIUM_EXTENSION_ID) : firefoxPolicyFile(FIREFOX_ADDON_ID);
}

/** Writes `policy` where `kind` reads it, then `launch()`es; on a failed launch every file is removed again. */
export async function launchWithPolicyFile(
  kind: BrowserKind,
  policy: Record<string, unknown>,
  launch: () => Promise<ExtensionBrowser>,
): Promise<PolicyLaunch> {
  const file = policyFileFor(kind);
  file.write(policy);
  let session: ExtensionBrowser | undefined;
  try {
    session = await launch();
  } finally {
    if (kind === 'firefox' || session === undefined) file.remove();
  }
  return { session, file };
}
