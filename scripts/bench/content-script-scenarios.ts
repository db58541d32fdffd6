/**
 * The pages the content-script cost is measured on (content-script-cost.ts; docs/BENCHMARKS.md quotes them).
 * `settleMs`: how long a load is measured after the page says it is done, so the content script's last report is in
 * it (each report waits for the background to store the one before). The stress page's ~600 observations go in
 * several reports, the last one 3 to 4 s after the load on these machines (a trace of 9 s shows no send after 5 s).
 */
export const SCENARIOS = {
  typical: {
    which: 'page',
    done: 'data-audit-done',
    settleMs: 1_500,
    about: 'audit fixture page: 10 third-party requests and a frame',
  },
  stress: {
    which: 'hostile',
    done: 'data-dg-done',
    settleMs: 5_000,
    about: 'hostile fixture page: 600 third-party requests at once',
  },
} as const;

export type Scenario = keyof typeof SCENARIOS;
