/**
 * `npm run bench`: every benchmark of Dashguard against the same browser without it, in one run, on the build in
 * dist/ (the npm script builds first). Prints a table (figure, value, target, verdict) and writes docs/BENCHMARKS.md.
 * A measurement that fails is tried again (scripts/bench/step-runner.ts); one that still fails is reported "not
 * measured" with the reason, and the run writes its other figures and exits 0. It exits non-zero only when a premise
 * did not hold (BrokenRunError: a blocked vendor reached the network...), never because a figure misses its target.
 * Options: see USAGE in bench-options.ts.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vendorCatalog } from '../../src/catalog-data';
import { extensionDir, REPO_ROOT } from '../../test/e2e/harness/extension-build';
import { parseBenchArgs, STEP_IDS, type BenchOptions, type StepId } from './bench-options';
import { textTable, verdict, type Figure, type FigureRow, type Verdict } from './bench-table';
import { benchmarksMarkdown } from './benchmarks-doc';
import { bundleRows, measureBundleSizes, measurePageScripts } from './bundle-sizes';
import { contentScriptRows, measureContentScriptCost } from './content-script-cost';
import { dashboardLoadRows, measureDashboardLoad } from './dashboard-load';
import { machineInfo } from './machine-info';
import { firstRowsRows, measureFirstRowsAfterStart } from './first-rows-after-start';
import { measureOptionsRender, optionsRows } from './options-render';
import { measurePopupRender, popupRows } from './popup-render';
import { countRules, ruleRows } from './rule-headroom';
import { measureRulesetLoad, rulesetRows } from './ruleset-load';
import { coldStartRows, measureServiceWorkerColdStart } from './service-worker-cold-start';
import { measureServiceWorkerMemory, memoryRows } from './service-worker-memory';
import { runStep } from './step-runner';
import { measureTabAuditFlood, tabAuditFloodRows } from './tab-audit-flood';
import { measureToggleToEffect, toggleRows } from './toggle-to-effect';

interface Step {
  readonly title: string;
  /** The section of the benchmarks' table its rows go in (docs/BENCHMARKS.md). */
  readonly section: string;
  run(options: BenchOptions): Promise<Figure[]>;
}

const STEPS: Record<StepId, Step> = {
  'load-chromium': {
    title: 'dashboard load, Chromium',
    section: '1. Dashboard load (realistic vendor payloads)',
    run: async ({ plan }) => dashboardLoadRows(await measureDashboardLoad('chromium', plan.loadPairsChromium)),
  },
  'load-firefox': {
    title: 'dashboard load, Firefox',
    section: '1. Dashboard load (realistic vendor payloads)',
    run: async ({ plan }) => dashboardLoadRows(await measureDashboardLoad('firefox', plan.loadPairsFirefox)),
  },
  toggle: {
    title: 'toggle to effect',
    section: '2. Toggle to effect (Chromium)',
    run: async ({ plan }) => toggleRows(await measureToggleToEffect(plan.toggles)),
  },
  popup: {
    title: 'popup render',
    section: '3. Extension pages (Chromium)',
    run: async ({ plan }) => popupRows(await measurePopupRender(plan.pageOpens)),
  },
  options: {
    title: 'options page render',
    section: '3. Extension pages (Chromium)',
    run: async ({ plan }) => optionsRows(await measureOptionsRender(plan.pageOpens)),
  },
  'first-rows': {
    title: 'popup first rows after a fresh start',
    section: '3. Extension pages (Chromium)',
    run: async ({ plan }) => firstRowsRows(await measureFirstRowsAfterStart(plan.freshStarts)),
  },
  'cold-start': {
    title: 'service worker cold start',
    section: '4. Service worker (Chromium)',
    run: async ({ plan }) => coldStartRows(await measureServiceWorkerColdStart(plan.coldStarts)),
  },
  memory: {
    title: 'service worker memory',
    section: '4. Service worker (Chromium)',
    run: async ({ plan }) => memoryRows(await measureServiceWorkerMemory(plan.trafficPages)),
  },
  'content-script': {
    title: 'content-script cost',
    section: '5. Content-script cost per page (Chromium)',
    run: async ({ plan }) => contentScriptRows(await measureContentScriptCost(plan.contentScriptPairs)),
  },
  bundles: {
    title: 'bundle sizes',
    section: '6. Bundles, rules and DNR headroom',
    run: () =>
      Promise.resolve(
        bundleRows(
          measureBundleSizes(extensionDir('chromium')),
          measureBundleSizes(extensionDir('firefox')),
          measurePageScripts(extensionDir('chromium'), extensionDir('firefox')),
        ),
      ),
  },
  rules: {
    title: 'rule headroom',
    section: '6. Bundles, rules and DNR headroom',
    run: () => Promise.resolve(ruleRows(countRules(extensionDir('chromium'), vendorCatalog))),
  },
  rulesets: {
    title: 'compact rulesets',
    section: '7. Static rulesets: compact against one rule per vendor',
    run: async ({ plan }) => rulesetRows(await measureRulesetLoad(plan.rulesetLoads)),
  },
  'audit-flood': {
    title: 'tab audit under a flooding page',
    section: '8. Background audit under a flooding page (the worker’s code, in Node)',
    run: ({ plan }) => Promise.resolve(tabAuditFloodRows(measureTabAuditFlood(plan.floodReports))),
  },
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const started = Date.now();
  const machine = machineInfo();
  const ids = options.only ?? STEP_IDS;
  console.error(
    `Dashguard benchmarks (${options.quick ? 'quick' : 'full'} run): ${machine.cpu}, ${machine.cores} cores; ${machine.chromium}; ${machine.firefox}`,
  );

  const rows: FigureRow[] = [];
  const broken: string[] = [];
  const notMeasured: string[] = [];
  for (const [index, id] of ids.entries()) {
    const step = STEPS[id];
    const stepStarted = Date.now();
    console.error(`[${index + 1}/${ids.length}] ${step.title}...`);
    const outcome = await runStep({ title: step.title, section: step.section, run: () => step.run(options) }, (line) =>
      console.error(line),
    );
    rows.push(...outcome.rows);
    if (outcome.kind === 'measured') console.error(`      done in ${seconds(Date.now() - stepStarted)}`);
    else if (outcome.kind === 'not measured') {
      notMeasured.push(`${step.title}: ${outcome.rows[0]?.notMeasured ?? ''}`);
      console.error(`      NOT MEASURED after ${seconds(Date.now() - stepStarted)}`);
    } else {
      broken.push(`${step.title}: ${outcome.reason}`);
      console.error(`      BROKEN after ${seconds(Date.now() - stepStarted)}: ${outcome.reason}`);
    }
  }
  // Rows in section order, each section's rows in the order they were measured.
  const ordered = [...rows].sort((a, b) => a.section.localeCompare(b.section, 'en', { numeric: true }));
  const durationMs = Date.now() - started;

  console.log('');
  console.log(textTable(ordered));
  console.log('');
  const counts: Record<Verdict, number> = { meets: 0, misses: 0, 'not measured': 0, broken: 0 };
  for (const row of ordered) counts[verdict(row)] += 1;
  console.log(
    `${counts.meets} figures meet their target, ${counts.misses} miss it, ${counts['not measured']} not measured, ${counts.broken} broken; ${seconds(durationMs)}.`,
  );

  if (broken.length > 0) {
    console.error(`\nBroken run (docs/BENCHMARKS.md not written):\n- ${broken.join('\n- ')}`);
    return 1;
  }
  if (notMeasured.length > 0) console.error(`\nNot measured (the other figures stand):\n- ${notMeasured.join('\n- ')}`);
  if (options.writeDoc) {
    const file = path.join(REPO_ROOT, 'docs', 'BENCHMARKS.md');
    writeFileSync(
      file,
      benchmarksMarkdown({
        machine,
        rows: ordered,
        plan: options.plan,
        quick: options.quick,
        durationMs,
        loadAtEnd: os.loadavg()[0] ?? Number.NaN,
      }),
    );
    console.log(`Wrote ${path.relative(process.cwd(), file) || file}.`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
