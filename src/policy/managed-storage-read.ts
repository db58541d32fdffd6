/**
 * One read of storage.managed, classified. The browsers answer "no policy" differently: Chrome with `{}`, Firefox
 * by rejecting with "Managed storage manifest not found" (it looks for a native managed-storage manifest when
 * policies.json names nothing for the add-on). Chrome may also hold the call until its policy service is ready
 * (about 3 s after start-up on a fresh profile), so a read is bounded in time and a late answer is reported.
 */
import type { StorageArea } from '../storage';
import { errorMessage } from '../shared';

export type ManagedRead =
  /** What managed storage holds (possibly `{}`). */
  | { readonly kind: 'values'; readonly values: Readonly<Record<string, unknown>> }
  /** The browser said there is no policy for this extension (Firefox's error). */
  | { readonly kind: 'no-policy' }
  /** An error, or no answer in time: nothing is known. */
  | { readonly kind: 'unavailable'; readonly reason: string };

export interface ManagedReaderDeps {
  readonly area: Pick<StorageArea, 'get'>;
  readonly timeoutMs: number;
  /** Called when a read that timed out answers after all, so the caller can read again. */
  readonly onLateAnswer: () => void;
}

/** Firefox's rejection when policies.json has nothing for the add-on and there is no native manifest either. */
const NO_MANIFEST = /managed storage manifest not found/i;

export function classifyManagedError(error: unknown): ManagedRead {
  const message = errorMessage(error);
  return NO_MANIFEST.test(message) ? { kind: 'no-policy' } : { kind: 'unavailable', reason: message };
}

export function createManagedReader(deps: ManagedReaderDeps): () => Promise<ManagedRead> {
  return async () => {
    const answer: Promise<ManagedRead> = deps.area
      .get(null)
      .then((values): ManagedRead => ({ kind: 'values', values }), classifyManagedError);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const timeout = new Promise<ManagedRead>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve({ kind: 'unavailable', reason: `no answer within ${deps.timeoutMs} ms` });
      }, deps.timeoutMs);
    });
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
      if (timedOut) void answer.then((late) => late.kind !== 'unavailable' && deps.onLateAnswer());
    }
  };
}
