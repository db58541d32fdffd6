/**
 * 4a. Service worker cold start to ready (Chromium, the release build): Dashguard's service worker is stopped (as
 * Chrome stops it after 30 s idle) and an extension page then sends it a message (`settings/get`, what the popup
 * and the options page send first); the time until the answer arrives covers starting the worker, running
 * background.js (wiring, listeners) and answering. Each cold round trip is followed by a warm one for reference.
 *
 * Puppeteer is told not to attach to service workers in this browser: an attached client holds a starting worker
 * until it says "run", which would be counted, and keeps a worker from stopping. The worker is stopped with the
 * DevTools protocol's `ServiceWorker.stopAllWorkers` from the measuring page's own session (the extension's storage
 * partition; refused until the domain is enabled), which answers once the worker has stopped; `Target.closeTarget`
 * on the worker's target is the fallback when that fails or does not answer. A stop counts only when the target
 * list confirms it, and a cycle is measured only when no worker runs just before the message and a new one (a new
 * target id) answers it; otherwise the cycle is tried again (STOP_ATTEMPTS times), and the figure is "not measured"
 * when fewer than half the cycles could be measured.
 *
 * The measuring page is the options page with its timers cleared: it asks the background for storage health every
 * 3 s, and such a request between the stop and the measurement woke the worker, which then lived on for Chrome's 30 s
 * idle time (an earlier version of this benchmark then failed with "did not stop within 10000 ms" on a busy machine,
 * and some of its "cold" round trips may have met a warm worker).
 */
import puppeteer, { TargetType, type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { SETTINGS_GET } from '../../src/settings';
import { chromiumLaunchOptions } from '../../test/e2e/harness/chromium';
import { CHROMIUM_EXTENSION_ID, extensionDir } from '../../test/e2e/harness/extension-build';
import { startFixtureServer } from '../../test/e2e/harness/fixture-server';
import { withTimeout } from '../../test/e2e/harness/wait-for';
import { reasonOf } from './bench-errors';
import { median, percentile } from './bench-stats';
import { formatValue, type Figure } from './bench-table';
import { closeBrowser } from './plain-browsers';

const BASE = `chrome-extension://${CHROMIUM_EXTENSION_ID}/`;
/** Tries per stop/wake cycle before it counts as failed. */
export const STOP_ATTEMPTS = 3;
const STOP_CONFIRM_MS = 5_000;
const PROTOCOL_TIMEOUT_MS = 5_000;
const ROUND_TRIP_TIMEOUT_MS = 10_000;
/** Nothing else is going on when the cold message arrives. */
const QUIET_BEFORE_MESSAGE_MS = 300;

export type StopMethod = 'ServiceWorker.stopAllWorkers' | 'Target.closeTarget';

export interface ColdStartSample {
  readonly coldMs: number;
  readonly warmMs: number;
}

export interface ColdStartResult {
  readonly samples: readonly ColdStartSample[];
  /** Why each attempt that was tried again failed. */
  readonly failures: readonly string[];
  /** How the worker was stopped in the measured cycles. */
  readonly stoppedBy: ReadonlySet<StopMethod>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function workerTargetIds(browserCdp: CDPSession): Promise<string[]> {
  const { targetInfos } = await withTimeout(
    'Target.getTargets',
    browserCdp.send('Target.getTargets'),
    PROTOCOL_TIMEOUT_MS,
  );
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(BASE)).map((t) => t.targetId);
}

/** The running worker's target id, waking the worker with a message if none runs. */
async function runningWorker(browserCdp: CDPSession, page: Page): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [id] = await workerTargetIds(browserCdp);
    if (id !== undefined) return id;
    if (Date.now() > deadline) throw new Error("Dashguard's service worker did not start within 10000 ms");
    await roundTrip(page).catch(() => undefined);
    await sleep(50);
  }
}

/** Round trip of one `settings/get` from the page, in ms. */
async function roundTrip(page: Page): Promise<number> {
  const timed = page.evaluate(async (type: string) => {
    const started = performance.now();
    const reply = await chrome.runtime.sendMessage<unknown, { ok?: boolean } | undefined>({ type, payload: null });
    const elapsed = performance.now() - started;
    if (reply?.ok !== true) throw new Error(`settings/get failed: ${JSON.stringify(reply)}`);
    return elapsed;
  }, SETTINGS_GET);
  return withTimeout('the settings/get round trip', timed, ROUND_TRIP_TIMEOUT_MS);
}

/** Waits until no worker of the extension runs; false when one still (or again) runs at the deadline. */
async function confirmStopped(browserCdp: CDPSession, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await workerTargetIds(browserCdp)).length === 0) return true;
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
}

class WorkerStopper {
  /** Switched off for the rest of the run once it fails: a hung protocol call can hang the next ones. */
  private stopAllUsable = true;

  constructor(
    private readonly browserCdp: CDPSession,
    private readonly pageCdp: CDPSession,
  ) {}

  /** Stops the worker `targetId`; returns how, or throws when neither way confirmed the stop. */
  async stop(targetId: string): Promise<StopMethod> {
    const problems: string[] = [];
    if (this.stopAllUsable) {
      try {
        await withTimeout(
          'ServiceWorker.stopAllWorkers',
          this.pageCdp.send('ServiceWorker.stopAllWorkers'),
          PROTOCOL_TIMEOUT_MS,
        );
        if (await confirmStopped(this.browserCdp, STOP_CONFIRM_MS)) return 'ServiceWorker.stopAllWorkers';
        problems.push(`ServiceWorker.stopAllWorkers answered but a worker still ran ${STOP_CONFIRM_MS} ms later`);
      } catch (error) {
        this.stopAllUsable = false;
        problems.push(reasonOf(error));
      }
    }
    if ((await workerTargetIds(this.browserCdp)).includes(targetId)) {
      await withTimeout(
        'Target.closeTarget',
        this.browserCdp.send('Target.closeTarget', { targetId }),
        PROTOCOL_TIMEOUT_MS,
      ).catch((error: unknown) => {
        problems.push(reasonOf(error));
      });
    }
    if (await confirmStopped(this.browserCdp, STOP_CONFIRM_MS)) return 'Target.closeTarget';
    throw new Error(
      `the service worker did not stop (${[...problems, `Target.closeTarget: a worker still ran ${STOP_CONFIRM_MS} ms later`].join('; ')})`,
    );
  }
}

/** One stop and cold wake, then a warm round trip; throws with the reason when this attempt cannot be measured. */
async function measureCycle(
  browserCdp: CDPSession,
  page: Page,
  stopper: WorkerStopper,
): Promise<ColdStartSample & { stoppedBy: StopMethod }> {
  const before = await runningWorker(browserCdp, page);
  const stoppedBy = await stopper.stop(before);
  await sleep(QUIET_BEFORE_MESSAGE_MS);
  const woken = await workerTargetIds(browserCdp);
  if (woken.length > 0) throw new Error(`something woke the worker before the message (target ${woken[0]})`);
  const coldMs = await roundTrip(page);
  const after = await workerTargetIds(browserCdp);
  if (after.length !== 1 || after[0] === before)
    throw new Error(
      `the message was not answered by one new worker (targets before ${before}, after ${after.join(', ') || 'none'})`,
    );
  const warmMs = await roundTrip(page);
  return { coldMs, warmMs, stoppedBy };
}

export async function measureServiceWorkerColdStart(runs: number): Promise<ColdStartResult> {
  const fixture = await startFixtureServer();
  const dir = extensionDir('chromium');
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      ...chromiumLaunchOptions({ extensionDir: dir, port: fixture.port }),
      targetFilter: (target) => target.type() !== TargetType.SERVICE_WORKER,
    });
    const browserCdp = await browser.target().createCDPSession();
    const page = await browser.newPage();
    await page.goto(`${BASE}options.html`);
    // The options page's periodic storage-health request would wake the worker between a stop and the measurement.
    await page.evaluate(() => {
      // In a page, timer ids are small integers handed out in order.
      const last = Number(setTimeout(() => undefined, 0));
      for (let id = 0; id <= last; id += 1) {
        clearTimeout(id);
        clearInterval(id);
      }
    });
    const pageCdp = await page.createCDPSession();
    await withTimeout('ServiceWorker.enable', pageCdp.send('ServiceWorker.enable'), PROTOCOL_TIMEOUT_MS);
    const stopper = new WorkerStopper(browserCdp, pageCdp);
    await runningWorker(browserCdp, page);
    // Let the first start (install, first rule sync, the options page's own requests) finish.
    await sleep(1_500);

    const samples: ColdStartSample[] = [];
    const failures: string[] = [];
    const stoppedBy = new Set<StopMethod>();
    // The first cycle only warms up the measuring page.
    for (let cycle = 0; cycle <= runs; cycle += 1) {
      for (let attempt = 1; attempt <= STOP_ATTEMPTS; attempt += 1) {
        try {
          const sample = await measureCycle(browserCdp, page, stopper);
          if (cycle > 0) {
            samples.push({ coldMs: sample.coldMs, warmMs: sample.warmMs });
            stoppedBy.add(sample.stoppedBy);
          }
          break;
        } catch (error) {
          failures.push(`cycle ${cycle} attempt ${attempt}: ${reasonOf(error)}`);
        }
      }
    }
    if (samples.length < Math.ceil(runs / 2)) {
      throw new Error(
        `only ${samples.length} of ${runs} stop/wake cycles could be measured; ${failures.slice(0, 3).join('; ')}`,
      );
    }
    return { samples, failures, stoppedBy };
  } finally {
    if (browser) await closeBrowser(browser);
    await fixture.close();
  }
}

export function coldStartRows(result: ColdStartResult): Figure[] {
  const { samples } = result;
  const cold = samples.map((s) => s.coldMs);
  const retries =
    result.failures.length > 0
      ? `; ${result.failures.length} attempt(s) tried again, first: ${result.failures[0]}`
      : '';
  return [
    {
      figure: 'Cold start to ready: stopped worker, message to answer',
      value: median(cold),
      unit: 'ms',
      target: { op: '<=', value: 100 },
      detail:
        `p90 ${formatValue(percentile(cold, 0.9), 'ms')}; warm round trip ${formatValue(median(samples.map((s) => s.warmMs)), 'ms')}; ` +
        `median of ${samples.length} stop/wake cycles (stopped with ${[...result.stoppedBy].join(' or ')})${retries}`,
    },
  ];
}
