/**
 * Which policy applies, given what managed storage answered and the last policy it gave (pure).
 *
 * Why a last-known copy: on a fresh Chrome profile managed storage answers `{}` (or nothing) for the first seconds
 * after start-up, before the policy service has loaded. Taking that `{}` at its word would apply "no policy" and
 * replace the previous rules with looser ones until the real policy arrives. So an empty answer counts only once it
 * is final; until then the last policy seen stays in force (stricter is the safe side: the worst case is that a
 * policy an administrator removed while the browser was closed is lifted a little late). Errors never count as
 * "no policy".
 */
import type { PolicySource } from './policy-status';
import type { ManagedRead } from './managed-storage-read';

export type PolicyValues = Readonly<Record<string, unknown>>;

export interface SourceInput {
  readonly read: ManagedRead;
  readonly lastKnown: PolicyValues | undefined;
  /**
   * An empty answer can be trusted: Firefox (policies.json is read before any add-on starts), or Chrome once managed
   * storage has changed in this session or the start-up grace period is over.
   */
  readonly emptyIsFinal: boolean;
}

export interface SourceDecision {
  /** The raw policy to parse, if any. */
  readonly values: PolicyValues | undefined;
  readonly source: PolicySource;
  /** What to do with the last-known copy. */
  readonly remember: 'save' | 'forget' | 'keep';
  /** An empty answer was not trusted yet: decide again when the grace period is over. */
  readonly provisional: boolean;
}

export function choosePolicySource({ read, lastKnown, emptyIsFinal }: SourceInput): SourceDecision {
  if (read.kind === 'values' && Object.keys(read.values).length > 0) {
    return { values: read.values, source: 'managed', remember: 'save', provisional: false };
  }
  const fallback =
    lastKnown === undefined
      ? { values: undefined, source: 'none' as const }
      : { values: lastKnown, source: 'last-known' as const };
  if (read.kind === 'unavailable') return { ...fallback, remember: 'keep', provisional: false };
  if (emptyIsFinal) return { values: undefined, source: 'none', remember: 'forget', provisional: false };
  return { ...fallback, remember: 'keep', provisional: true };
}
