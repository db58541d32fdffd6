/**
 * The audit classifier for the current settings, policy and paused tabs. Building one indexes the whole catalog,
 * so it is kept and reused until the inputs change (the wiring calls `invalidate` on a settings, policy or pause
 * change) or a short time has passed (a change the wiring did not see, such as a policy that arrived late).
 *
 * Right after Chrome starts, managed storage can take seconds to answer, and the settled classifier waits for it.
 * The audit does not: `atHand()` gives the settled classifier when it is ready within a moment, else one built with
 * the settings and the policy at hand (the last one known), marked unsettled, so the popup shows rows at once; the
 * report handler judges those rows again with the settled one and marks a verdict that changed.
 */
import { createAuditClassifier, type AuditClassifier } from './audit-classify';
import type { ExplainContext } from './explain-request';

export interface ClassifierSourceDeps {
  readonly loadContext: () => Promise<ExplainContext>;
  /** The same inputs without waiting for managed storage (the policy at hand). */
  readonly loadContextAtHand?: () => Promise<ExplainContext>;
  /** How long `atHand()` waits for the settled classifier before it takes the one at hand. */
  readonly settleWaitMs?: number;
  readonly now: () => number;
  readonly maxAgeMs: number;
  readonly wait?: (ms: number) => Promise<void>;
}

export interface ClassifierAtHand {
  readonly classifier: AuditClassifier;
  /** False when built with the policy at hand, before managed storage answered. */
  readonly settled: boolean;
}

export interface ClassifierSource {
  get(): Promise<AuditClassifier>;
  atHand(): Promise<ClassifierAtHand>;
  invalidate(): void;
}

const realWait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createClassifierSource(deps: ClassifierSourceDeps): ClassifierSource {
  type Cached = { at: number; classifier: Promise<AuditClassifier>; ready: boolean };
  let cached: Cached | undefined;
  let quick: { at: number; classifier: Promise<AuditClassifier> } | undefined;
  // The last settled classifier of this worker: while a newer one is built (every maxAgeMs), it still speaks for the
  // confirmed policy, so only a worker that never had one falls back to the policy at hand.
  let lastSettled: AuditClassifier | undefined;

  const load = (loadContext: () => Promise<ExplainContext>): Promise<AuditClassifier> =>
    loadContext().then(createAuditClassifier);
  const get = (): Promise<AuditClassifier> => {
    if (cached === undefined || deps.now() - cached.at > deps.maxAgeMs) {
      const entry: Cached = { at: deps.now(), classifier: load(deps.loadContext), ready: false };
      cached = entry;
      // A failed load is not kept: the next report tries again.
      entry.classifier.then(
        (classifier) => {
          entry.ready = true;
          lastSettled = classifier;
        },
        () => {
          if (cached === entry) cached = undefined;
        },
      );
    }
    return cached.classifier;
  };

  return {
    get,
    async atHand() {
      const settled = get();
      const current = cached;
      if (deps.loadContextAtHand === undefined || current?.ready === true)
        return { classifier: await settled, settled: true };
      const TIMED_OUT = Symbol('timed out');
      const first = await Promise.race([
        settled,
        (deps.wait ?? realWait)(deps.settleWaitMs ?? 100).then(() => TIMED_OUT),
      ]).catch(() => TIMED_OUT);
      if (first !== TIMED_OUT) return { classifier: first as AuditClassifier, settled: true };
      if (lastSettled !== undefined) return { classifier: lastSettled, settled: true };
      if (quick === undefined || deps.now() - quick.at > deps.maxAgeMs) {
        const entry = { at: deps.now(), classifier: load(deps.loadContextAtHand) };
        quick = entry;
        entry.classifier.catch(() => {
          if (quick === entry) quick = undefined;
        });
      }
      return { classifier: await quick.classifier, settled: false };
    },
    invalidate() {
      // A change of settings, policy or pauses: the last settled classifier no longer speaks for them.
      cached = undefined;
      quick = undefined;
      lastSettled = undefined;
    },
  };
}
