/** Command-line options of `npm run bench` and how many repetitions each measurement gets. Pure. */

export interface RunPlan {
  /** Dashboard loads per side (with / without Dashguard), Chromium and Firefox. */
  readonly loadPairsChromium: number;
  readonly loadPairsFirefox: number;
  /** Settings toggles timed. */
  readonly toggles: number;
  /** Popup and options page opens timed. */
  readonly pageOpens: number;
  /** Fresh Chromium profiles started for the popup's first rows right after a start. */
  readonly freshStarts: number;
  /** Service-worker stop/wake cycles. */
  readonly coldStarts: number;
  /** Page loads of simulated audit traffic (one a minute: 60 is an hour). */
  readonly trafficPages: number;
  /** Loads per side for the content-script cost, per page. */
  readonly contentScriptPairs: number;
  /** Times every static ruleset is switched on, per layout (compact, per vendor). */
  readonly rulesetLoads: number;
  /** Reports merged into a full tab audit, per side (new rows, listed rows). */
  readonly floodReports: number;
}

export const FULL_PLAN: RunPlan = {
  loadPairsChromium: 11,
  // As many as Chromium: in Firefox the first build-log line without Dashguard spreads from about 320 to 740 ms
  // between loads of one run, and a median of 7 moved the ratio by ±10% from run to run.
  loadPairsFirefox: 11,
  toggles: 51,
  pageOpens: 11,
  freshStarts: 5,
  coldStarts: 21,
  trafficPages: 60,
  contentScriptPairs: 9,
  rulesetLoads: 15,
  floodReports: 21,
};
export const QUICK_PLAN: RunPlan = {
  loadPairsChromium: 3,
  loadPairsFirefox: 2,
  toggles: 11,
  pageOpens: 3,
  freshStarts: 2,
  coldStarts: 5,
  trafficPages: 10,
  contentScriptPairs: 2,
  rulesetLoads: 5,
  floodReports: 7,
};

/** The measurements, in run order; `--only` takes these names. */
export const STEP_IDS = [
  'load-chromium',
  'load-firefox',
  'toggle',
  'popup',
  'options',
  'first-rows',
  'cold-start',
  'memory',
  'content-script',
  'bundles',
  'rules',
  'rulesets',
  'audit-flood',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export interface BenchOptions {
  readonly quick: boolean;
  /** Measurements to run; every one when absent. */
  readonly only: readonly StepId[] | undefined;
  /** Whether docs/BENCHMARKS.md is written (never for a partial run). */
  readonly writeDoc: boolean;
  readonly plan: RunPlan;
}

export const USAGE = `Usage: npm run bench [-- --quick] [-- --only ${STEP_IDS.join(',')}] [-- --no-doc]
  --quick     fewer repetitions (a quick look; the doc then says so)
  --only X,Y  run only these measurements (the doc is not written)
  --no-doc    print the table only`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let quick = false;
  let only: StepId[] | undefined;
  let noDoc = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--quick') quick = true;
    else if (arg === '--no-doc') noDoc = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[(i += 1)] : arg.slice('--only='.length);
      if (value === undefined || value === '') throw new Error(`--only needs a list of measurements.\n${USAGE}`);
      const names = value
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
      const unknown = names.filter((name) => !(STEP_IDS as readonly string[]).includes(name));
      if (unknown.length > 0) throw new Error(`Unknown measurement ${unknown.join(', ')}.\n${USAGE}`);
      only = names as StepId[];
    } else {
      throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    }
  }
  return { quick, only, writeDoc: !noDoc && only === undefined, plan: quick ? QUICK_PLAN : FULL_PLAN };
}
