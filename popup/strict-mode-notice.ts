import type { DocumentStrictMode } from '../src/strict-mode';

/**
 * What the popup says about strict mode on this tab, from two facts: whether the rules make this address a sensitive
 * page (`rules`), and whether the document in the tab was really loaded under the policy (`document`: the marker its
 * content script read, undefined when the page did not answer). The second decides: a sensitive page reached inside
 * the app, opened before the rules changed, or loaded without host access is not protected whatever its address.
 *   in-force: the document carries the policy (enforced or report-only);
 *   open-again: a sensitive address in a document without the policy; loading it again applies it;
 *   no-access: the same, but loading again would not help: Dashguard lacks the host permission the header needs;
 *   unconfirmed: a sensitive address whose browser does not tell how it was loaded (plain http).
 */
export type StrictModeNotice =
  | { readonly kind: 'in-force'; readonly enforced: boolean }
  | { readonly kind: 'open-again' }
  | { readonly kind: 'no-access' }
  | { readonly kind: 'unconfirmed' };

export function strictModeNotice(
  rules: { readonly enforced: boolean } | undefined,
  document: DocumentStrictMode | undefined,
  hostAccess: boolean,
): StrictModeNotice | undefined {
  if (document === 'enforced') return { kind: 'in-force', enforced: true };
  // Report-only where the rules now enforce (the setting was switched off since): loading again enforces.
  if (document === 'report-only' && rules?.enforced !== true) return { kind: 'in-force', enforced: false };
  if (rules === undefined) return undefined;
  if (!hostAccess) return { kind: 'no-access' };
  return document === 'unknown' ? { kind: 'unconfirmed' } : { kind: 'open-again' };
}
