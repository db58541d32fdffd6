/**
 * The CPU time page loads spent running script on their renderers' main threads, from a Chrome trace (categories
 * `devtools.timeline` and `v8.execute`). Pure.
 *
 * Why CPU time: `Performance.getMetrics`' `ScriptDuration` is wall time, and on a two-core machine where the same run
 * serves the page's 600 requests, a main thread is often descheduled in the middle of a script: the same build's
 * figure moved by tens of milliseconds between runs. A trace's complete events carry the thread's own CPU time
 * (`tdur`) beside their wall time (`dur`); summed over the outermost script events, that is the script's work alone.
 */

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/** The events a renderer's main thread runs script in (top-level ones only are counted: they nest). */
const SCRIPT_EVENTS: ReadonlySet<string> = new Set([
  'EvaluateScript',
  'FunctionCall',
  'RunMicrotasks',
  'v8.run',
  'v8.callFunction',
  'v8.compile',
]);

/** The thread an event ran on, as one key. */
const threadOf = (event: TraceEvent): string => `${event.pid}:${event.tid}`;

/**
 * Milliseconds of main-thread CPU time in script, summed over every renderer that parsed a document in the trace (the
 * page and its out-of-process frames; an extension's service worker runs on no renderer main thread). NaN when a
 * counted event has no thread time: a figure that cannot be measured is never reported as small.
 */
export function scriptCpuMs(events: readonly TraceEvent[]): number {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(threadOf),
  );
  const documentThreads = new Set(
    events.filter((e) => e.name === 'ParseHTML' && mainThreads.has(threadOf(e))).map(threadOf),
  );
  const scriptEvents = events
    .filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && documentThreads.has(threadOf(e)))
    // Outer events first: by start, then the longer one.
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const outerEnds = new Map<string, number>();
  let microseconds = 0;
  for (const event of scriptEvents) {
    const thread = threadOf(event);
    if (event.ts < (outerEnds.get(thread) ?? Number.NEGATIVE_INFINITY)) continue;
    outerEnds.set(thread, event.ts + (event.dur ?? 0));
    if (event.tdur === undefined) return Number.NaN;
    microseconds += event.tdur;
  }
  return microseconds / 1_000;
}
