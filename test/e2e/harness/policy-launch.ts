/**
 * A browser started with a real managed policy (managed-policy-files.ts): the file is written, the browser launched,
 * and Firefox's file removed as soon as the browser has started (Firefox reads it once, at start-up; no other Firefox
 * on the machine may read it). Chromium watches its file while it runs (a test may rewrite it, `file.write(...)`, to
 * change the policy live), so it is removed when the browser is closed: `closePolicyLaunch` (in an afterAll). Every
 * e2e test that starts a browser with a policy goes through these two, so a policy file is written and removed in one
 * place. Hold `acquirePolicyLock()` around the whole use.
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

/** Closes the browser, then removes its policy file whatever happened (nothing to do for a launch that failed). */
export async function closePolicyLaunch(launched: PolicyLaunch | undefined): Promise<void> {
  try {
    await launched?.session.close();
  } finally {
    launched?.file.remove();
  }
}
