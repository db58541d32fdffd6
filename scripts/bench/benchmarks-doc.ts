/** docs/BENCHMARKS.md, written by `npm run bench` from one run: machine, results table, method. Pure. */
import type { RunPlan } from './bench-options';
import { formatTarget, formatValue, markdownTable, verdict, type FigureRow } from './bench-table';
import type { MachineInfo } from './machine-info';
import { SCENARIOS } from './content-script-scenarios';
import { BENCH_VENDORS, LATENCY_MS } from './realistic-vendor-traffic';

export interface DocInput {
  readonly machine: MachineInfo;
  readonly rows: readonly FigureRow[];
  readonly plan: RunPlan;
  readonly quick: boolean;
  readonly durationMs: number;
  /** 1-minute load average when the run ended. */
  readonly loadAtEnd: number;
}

const GIB = 1024 * 1024 * 1024;

function machineTable(input: DocInput): string {
  const m = input.machine;
  const minutes = Math.floor(input.durationMs / 60_000);
  const seconds = Math.round((input.durationMs % 60_000) / 1000);
  const lines: [string, string][] = [
    ['Date', m.date],
    ['CPU', `${m.cpu}, ${m.cores} cores`],
    ['Memory', `${(m.memoryBytes / GIB).toFixed(1)} GiB`],
    ['OS', m.os],
    ['Chromium', m.chromium],
    ['Firefox', m.firefox],
    ['Node.js', m.node],
    [
      'Load average (1 min)',
      `${m.loadAtStart.toFixed(2)} at the start, ${input.loadAtEnd.toFixed(2)} at the end (a shared machine: other browser tests may have run alongside)`,
    ],
    ['Run', `${input.quick ? 'quick (`--quick`: fewer repetitions)' : 'full'}, ${minutes} min ${seconds} s`],
    ['Source', m.source],
  ];
  return ['| | |', '| --- | --- |', ...lines.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`)].join('\n');
}

function vendorTable(): string {
  const kib = (bytes: number): string => `${Math.round(bytes / 1024)} KiB`;
  return [
    '| Vendor (catalog id) | Scripts: host, decoded size | Collector |',
    '| --- | --- | --- |',
    ...BENCH_VENDORS.map(
      (v) =>
        `| ${v.vendorId} | ${v.scripts.map((s) => `${s.host} ${kib(s.bytes)}`).join(', ')} | ${v.beaconHost ?? '-'} |`,
    ),
  ].join('\n');
}

function misses(rows: readonly FigureRow[]): string {
  const missed = rows.filter((row) => verdict(row) === 'misses');
  if (missed.length === 0) return 'Every figure meets its target in this run.';
  return [
    'A miss is a finding of this run, not a failure of the harness:',
    '',
    ...missed.map(
      (row) =>
        `- ${row.section.replace(/^\d+\.\s*/, '')}: ${row.figure}: ${formatValue(row.value, row.unit)}, target ${formatTarget(row.target, row.unit)}${row.detail ? ` (${row.detail})` : ''}.`,
    ),
  ].join('\n');
}

function unmeasured(rows: readonly FigureRow[]): string {
  const missing = rows.filter((row) => verdict(row) === 'not measured');
  if (missing.length === 0) return '';
  return [
    '',
    '',
    'Not measured in this run (after 3 attempts each; the other figures stand):',
    '',
    ...missing.map((row) => `- ${row.section.replace(/^\d+\.\s*/, '')}: ${row.figure}: ${row.notMeasured ?? ''}.`),
  ].join('\n');
}

function method(plan: RunPlan): string {
  return `### 1. Dashboard load

The fixture dashboard of the end-to-end tests (\`test/fixtures/dashboard/\`: its own bundle, the real pusher-js
streaming the build log over a WebSocket, the real LaunchDarkly SDK), served as \`https://app.circleci.com/...\` by
the local HTTPS fixture server, with the vendor set of a tracker-heavy SaaS dashboard instead of every curated vendor
(\`scripts/bench/realistic-dashboard-page.ts\`). Each vendor script is answered at the size below with generated
JavaScript that the browser parses, compiles and runs (the fixture server's opt-in \`shapeResponse\`), and every
request waits for its host's latency: the dashboard ${LATENCY_MS.firstParty} ms, vendor CDNs ${LATENCY_MS.vendorCdn} ms,
vendor collectors ${LATENCY_MS.vendorCollector} ms, Pusher and LaunchDarkly ${LATENCY_MS.essential} ms
(\`scripts/bench/realistic-vendor-traffic.ts\`).

${vendorTable()}

Sizes are rounded, approximate decoded sizes of each vendor's browser script as its snippet loads it; the real ones
vary by account and version. Every load is a first visit (no HTTP cache) over localhost (no bandwidth limit): on a
real network the saved bytes also cost transfer time, so these ratios understate the gain.

Two browsers run at once: one with Dashguard (the release build, \`dist/\`) and one without any extension, with the
same flags and host mapping. Loads alternate in ABBA order, ${plan.loadPairsChromium} per side in Chromium and
${plan.loadPairsFirefox} in Firefox, after one warm-up load each, each in a new tab. *Load event*: \`loadEventStart\`;
*first build-log line*: the first line in the page's log (a MutationObserver installed before the page's scripts);
both in ms since navigation start; the ratio is median with ÷ median without. *Requests*: requests and WebSocket
upgrades that reached the fixture server during the load; *bytes*: vendor script bytes it served. The run is broken
if, with Dashguard, any request to these vendors reached the server, or if, without it, a vendor script was not
requested. Targets: faster with Dashguard (what blocking is for), the build log never later, something saved.

### 2. Toggle to effect

\`scripts/bench/toggle-to-effect.ts\`. A dashboard tab fetches a blocked vendor's URL in a loop while the options page
sends \`settings/change\` (what the popup's "Allow here" and the options page send) to allow, then block, that vendor
on that dashboard, ${plan.toggles} times. The figure is the time from sending the change to the start of the first
request that got the new outcome. The reply time covers validation, the atomic \`updateDynamicRules\` and the save.
Targets: under 50 ms (a change holds before the next request a person makes); the reply within 100 ms (RAIL "response": an answer to a click feels immediate).

### 3. Extension pages

*Popup* (\`scripts/bench/popup-render.ts\`): the popup opened ${plan.pageOpens} times (after one warm-up) as a tab on a
tab whose audit holds 5,000 rows (120 vendors, every status), seeded into \`storage.session\`. The list is built a
slice at a time: the first slice holds 60 items, vendor groups first (the folded groups are the first screen), then
request rows. The popup asks the background for that first screen (\`audit/first-screen\`, answered from the audit it
holds in memory: after the warm-up open, as for a page it audits) and at the same time reads the first screen stored
beside the audit (\`audit:first:<tabId>\`, seeded as the background writes it: vendor heads only); once one of them is
drawn it reads the whole audit from \`storage.session\`. The popup's own marks give the first slice
(\`dashguard:audit-first-render\`) and every row built (\`dashguard:audit-rendered\`); the benchmark marks when each
first screen and the read of the audit answer. *Audit
data to first rows* is the one task between the first of them arriving and the first slice being built, which holds
the first frame: target one frame
at 60 Hz (16.7 ms). *Open to first rows*: target 100 ms (RAIL response); beside it, the baseline: the same popup on a
10-row audit, opened alternately in the same run, which shows what loading the popup at all costs on this machine,
and the popup on a 5,000-row audit seeded afresh under a new tab each time, which the background has not read (as
after its worker was stopped; the worker's own start is timed in section 4), opened 1 s after it was seeded (a
stopped worker has written nothing for 30 s; opened at once, the popup's start also meets the seeding's 3 MB change
being handed to every extension page).
The remaining rows are built in slices of at most 8 ms so the popup stays responsive; target for all of them 1 s.

*Popup right after a start* (\`scripts/bench/first-rows-after-start.ts\`): ${plan.freshStarts} fresh Chromium
profiles, each started with a real managed policy file (one that changes a verdict: Amplitude allowed on every
dashboard) and the fixture dashboard on its command line. Chromium delivers the policy seconds after it starts; the
audit shows rows with the policy at hand and judges them again when it arrives. Once the page has loaded (a start
counts only if that is within 10 s of the launch), the popup is opened on its tab and timed from its navigation start
to the first request row in its DOM: target 500 ms. Beside it, in the same sessions, the same figure later on (the
policy read, the first 10 s past, the page opened again in a new tab).

*Options page* (\`scripts/bench/options-render.ts\`): opened ${plan.pageOpens} times; *ready* is when it marks
\`#app[data-state="ready"]\` (every section built, the curated vendors listed, the third-party-web vendors folded per
category). Then every category is unfolded at once and the time runs until every vendor of the catalog has its row
and the next frame is drawn; *every vendor listed* is ready plus that. Target 1 s (RAIL "load").

### 4. Service worker

*Cold start* (\`scripts/bench/service-worker-cold-start.ts\`): Dashguard's service worker is stopped, as Chrome stops
it after 30 s idle, and the options page then sends it \`settings/get\`; the round trip covers starting the worker,
running \`background.js\` and answering. The stop is CDP \`ServiceWorker.stopAllWorkers\` from the options page's own
session (it answers once the worker has stopped), with \`Target.closeTarget\` as the fallback, and counts only once the
target list shows no worker; the options page's timers are cleared first, since its storage-health request every 3 s
would wake the worker. ${plan.coldStarts} cycles; each is checked to start from no worker and to be answered by a new
one, is tried again (up to 3 times) when it is not, and is followed by a warm round trip for reference. Puppeteer
does not attach to the worker in this browser (an attached client would hold the starting worker until it says
"run", and keep it from stopping). Target 100 ms (RAIL response: the popup's first question after the worker slept).

*Memory* (\`scripts/bench/service-worker-memory.ts\`): the worker's JavaScript heap in use after a forced garbage
collection (CDP \`HeapProfiler.collectGarbage\`, \`Runtime.getHeapUsage\`), once ready (after one page's audit went all
the way to the log) and after ${plan.trafficPages} page loads of simulated audit traffic: a dashboard tab that moves to
another page once a minute (${plan.trafficPages === 60 ? 'an hour' : `${plan.trafficPages} minutes`}), each page making
40 third-party requests (20 blocked vendor scripts and 10 images with their own URLs, 10 posts to one collector), which
the content script reports and the worker classifies and stores. Broken unless the audit log gained at least 90 % of
the records expected. Targets: this benchmark's budget of 32 MiB, and at most 4 MiB growth (the audit lives in
storage, so memory should not grow with traffic).

### 5. Content-script cost per page

\`scripts/bench/content-script-cost.ts\`. One load of the same page with Dashguard and without any extension, in
alternating order, ${plan.contentScriptPairs} measurements per side after a warm-up: the audit fixture page (ten third-party requests
and a frame) and the hostile one (600 third-party requests at once). A load is measured until ${SCENARIOS.typical.settleMs / 1_000} s
(typical page) or ${SCENARIOS.stress.settleMs / 1_000} s (hostile page) after the page is done, so the content script's last report is in it: the
hostile page's ~600 observations go in several reports, each sent once the background has stored the one before. Two
figures per page, each the median with minus the median without, with the ratio beside it:
- *main-thread CPU time in script*: a trace of the load (\`devtools.timeline\`, \`v8.execute\`), the thread time
  (\`tdur\`) of the outermost script events (evaluating, calling into and compiling script, microtasks) on every
  renderer main thread that parsed a document (\`scripts/bench/trace-script-cpu.ts\`). The content script's isolated
  world runs on the page's main thread, so it is counted; the extension's service worker is not.
- *scripting wall time*: CDP \`Performance.getMetrics\` \`ScriptDuration\`, from a second load without the trace
  (tracing slows a load down). On a two-core machine the run itself serves the page's requests, and a main thread
  descheduled in the middle of a script counts the wait as scripting. Over runs of one build on one machine, the
  stress page's wall figure moved between 43 and 100 ms, its CPU figure between 41 and 55 ms; single loads spread
  less too.

Each detail also gives the range of the rounds: a round loads every side once, next to each other, and its with minus
without is one sample of the figure, so the range shows how far a single load can be from the median in that run.

Beside each figure, in its detail, the *listener floor*: the same loads in a third Chromium, whose only extension is a
stand-in (\`scripts/bench/listener-floor.ts\`, \`test/fixtures/listener-floor/listen.js\`) with Dashguard's
content-script matches and frames that subscribes to the callbacks the audit collector uses (the Resource Timing
observer, a MutationObserver on the document, capturing \`load\`, \`error\` and \`securitypolicyviolation\` listeners)
and does nothing in them. The floor is what any audit told of each request in a content script pays before it does
any work. And the *reading floor*, in a fourth Chromium: a second stand-in (\`test/fixtures/listener-floor/read.js\`)
with the same subscriptions that reads, in them, only what each request was: each timing entry's URL and initiator
type, the \`src\` of each script element added or loaded; it keeps, filters and sends nothing. That is what any audit
of each request from a content script pays before it decides or reports anything; between it and Dashguard's figure
lie Dashguard's own work (filtering, remembering each script until its outcome, the reports) and its start-up. The
bench checks each stand-in's mark, which names it, on every page it measures, and after every load which extensions'
content scripts had a world in the page (\`scripts/bench/extension-worlds.ts\`, CDP \`Runtime\` contexts): the side's
own extension and no other, so a load where Dashguard's content script did not run, or a plain one where any did,
gives no figure. The four sides run forward, then backward (with, without, floor, reading; reading, floor, without,
with; ...).

Blocking also removes the blocked scripts' own work, so this is what the page pays in all. Target for both: less than
one frame (16.7 ms) per page load, so the audit is invisible in page-load figures.

### 6. Bundles, rules and DNR headroom

*Bundles* (\`scripts/bench/bundle-sizes.ts\`): the files each context loads from \`dist/chrome\` (the manifest's
background and content scripts; for a page, its HTML, the scripts and stylesheets it names and the stylesheets its
script adds), raw (what the browser parses) and gzip; the Firefox build beside it. Budgets of this benchmark: 64 KiB
for the content script, which runs on every dashboard page; 1 MiB for the worker and the pages, whose real cost is
timed in 3 and 4.

*Rules* (\`scripts/bench/rule-headroom.ts\`): rules per static ruleset of the build, enabled rulesets and regex rules,
and the dynamic rules \`computeRuleState\` makes for the default settings and for one set of settings at every limit the
settings validation accepts (a rule for every vendor and category, the most custom vendors, per-dashboard rules,
self-hosted dashboards and sensitive pages, report-only; checked valid with \`validateSettings\`). Each against the
lower of Chrome's and Firefox's limits, with each browser's headroom beside it.

### 7. Static rulesets: compact against one rule per vendor

\`scripts/bench/ruleset-load.ts\`. The build writes compact rulesets: vendors with the same scope, priority and action
share one rule (their request domains together), and Chromium's tab-cover twins are made from those. The baseline is
the same catalog in the per-vendor layout (one rule per vendor, as before; the same generator), written into a copy of
the built extension; a unit test (\`src/rules/generate-static-rules.test.ts\`) checks with the DNR model that both
decide every catalog domain alike from every dashboard, in both browsers. *Bytes* and *rules*: the ruleset files each
browser's manifest names. *Ruleset load*: two browsers side by side, one per copy; in an extension page of each,
every static ruleset is switched off and the time of one \`updateEnabledRulesets\` call switching them all on again
is taken (Chrome loads each ruleset's indexed form; Firefox reads and checks the ruleset files), ${plan.rulesetLoads}
times per copy after a warm-up, alternating; before that, each browser is checked to hold exactly its copy's number
of static rules. Firefox's copies are made from the test build (the same ruleset files), whose options page opens
itself. Target: smaller, and no slower to load.

### 8. Background audit under a flooding page

\`scripts/bench/tab-audit-flood.ts\`, in Node, no browser: the worker's own merge of a report into a tab's audit
(\`mergeTabAudit\`), on observations the real classifier judged with the real catalog on a CircleCI page. A page
chooses how many distinct addresses it requests, and a tab's audit lists at most a fixed number of rows; once it is
full, each new blocked request takes an allowed row's place. A report of new blocked requests into a full audit is
set against a report of the same size into the same audit whose requests all count on rows already listed,
${plan.floodReports} reports each, alternating; the run checks that the first kind took its rows and the second
changed none. Target: at most 3× (giving rows up costs a pass over the audit per report, never one per request, which
a page could otherwise turn into seconds of worker time per report).

### Where Firefox is not measured, and why

Only the dashboard load (section 1) and the ruleset load (section 7) run in Firefox ESR as well. Automation cannot
open \`moz-extension://\` pages in Firefox (only the test build opens its own options page), so the toggle and the
popup and options pages are timed in Chromium; Firefox runs the background as an event page, not a service worker, and
WebDriver BiDi offers neither a heap reading nor a way to stop it, so section 4 is Chromium's;
\`Performance.getMetrics\` is a Chrome DevTools Protocol command Firefox does not have, so section 5 is Chromium's.
Section 7 times Firefox in the test build's options page. Bundle sizes and ruleset bytes list the Firefox build too,
and rule headroom is against both browsers' limits. Section 8 runs the worker's code in Node: the same code in both
browsers.`;
}

export function benchmarksMarkdown(input: DocInput): string {
  return `# Benchmarks

<!-- Generated by \`npm run bench\` (scripts/bench/run-benchmarks.ts) from one run; do not edit: run it again. -->

How Dashguard performs against the same browser without it, measured side by side in one run: medians over repeated
runs, each figure with its target. \`npm run bench\` builds the extension, prints this table and writes this file
(\`-- --quick\` for fewer repetitions). A measurement that fails (a browser that does not start, a worker that does not
stop on a busy machine) is tried again, up to 3 times; one that still fails is written "not measured" with the reason,
next to the figures that were measured. The run exits non-zero only when a premise did not hold (such as a blocked
vendor reaching the network), never on a slow figure or one it could not measure.

## Machine

${machineTable(input)}

## Results

${markdownTable(input.rows)}

${misses(input.rows)}${unmeasured(input.rows)}

## Method

${method(input.plan)}
`;
}
