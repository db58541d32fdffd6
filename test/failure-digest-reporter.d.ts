// Types of failure-digest-reporter.js (plain JavaScript, since Jest loads a reporter without compiling it).

/** The part of Jest's aggregated results the digest reads. */
export interface DigestResults {
  readonly testResults: ReadonlyArray<{
    readonly testFilePath: string;
    readonly failureMessage?: string | null;
    readonly testExecError?: unknown;
    readonly testResults: ReadonlyArray<{
      readonly status: string;
      readonly title: string;
      readonly ancestorTitles: readonly string[];
      readonly failureMessages: readonly string[];
    }>;
  }>;
}

export function failureDigest(results: DigestResults, rootDir: string): string[];

export default class FailureDigestReporter {
  constructor(globalConfig: { readonly rootDir: string });
  onRunComplete(contexts: unknown, results: DigestResults): void;
}
