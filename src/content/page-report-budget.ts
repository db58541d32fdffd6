/**
 * How much the page's own world may report (pure). The WebSocket observer runs in the page's world, so the page can
 * send the same event itself, as often as it likes: a token bucket (a rate with bursts) and a total per document keep
 * what it can add small, and what is over budget is dropped in the page, before it costs anything.
 */
export interface PageReportBudget {
  /** Whether one more report may go now (and counts it if so). */
  take(): boolean;
  /** Reports dropped so far for being over budget. */
  readonly dropped: number;
}

export interface PageReportBudgetOptions {
  readonly perDocument: number;
  readonly perSecond: number;
  readonly burst: number;
  /** Milliseconds, monotonic. */
  readonly now: () => number;
}

export function createPageReportBudget(options: PageReportBudgetOptions): PageReportBudget {
  let tokens = options.burst;
  let last = options.now();
  let taken = 0;
  let dropped = 0;
  return {
    take() {
      const now = options.now();
      tokens = Math.min(options.burst, tokens + (Math.max(0, now - last) / 1_000) * options.perSecond);
      last = now;
      if (taken >= options.perDocument || tokens < 1) {
        dropped += 1;
        return false;
      }
      tokens -= 1;
      taken += 1;
      return true;
    },
    get dropped() {
      return dropped;
    },
  };
}
