/**
 * The audit classifier for the current settings, policy and paused tabs. Building one indexes the whole catalog,
 * so it is kept and reused until the inputs change (the wiring calls `invalidate` on a settings, policy or pause
 * change) or a short time has passed (a change the wiring did not see, such as a policy that arrived late).
 */
import { createAuditClassifier, type AuditClassifier } from './audit-classify';
import type { ExplainContext } from './explain-request';

export interface ClassifierSourceDeps {
  readonly loadContext: () => Promise<ExplainContext>;
  readonly now: () => number;
  readonly maxAgeMs: number;
}

export interface ClassifierSource {
  get(): Promise<AuditClassifier>;
  invalidate(): void;
}

export function createClassifierSource(deps: ClassifierSourceDeps): ClassifierSource {
  let cached: { at: number; classifier: Promise<AuditClassifier> } | undefined;
  return {
    get() {
      if (cached === undefined || deps.now() - cached.at > deps.maxAgeMs) {
        const classifier = deps.loadContext().then(createAuditClassifier);
        cached = { at: deps.now(), classifier };
        // A failed load is not kept: the next report tries again.
        classifier.catch(() => {
          if (cached?.classifier === classifier) cached = undefined;
        });
      }
      return cached.classifier;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
