/**
 * 2. Toggle to effect (Chromium, the release build in dist/chrome): the time from a settings change leaving an
 * extension page (`settings/change`, what the options page and the popup send) to the new rule being in force for the
 * next request. A dashboard page on the fixture server fetches a vendor's URL again and again while the change is
 * made; the effect time is when the first request with the new outcome was started.
 * Alternates allowing and blocking one vendor on one dashboard (a per-dashboard rule, as the popup's "Allow here").
 * Per toggle:
 *   - effectMs: change sent -> first request that got the new outcome started (the headline figure);
 *   - replyMs: change sent -> the page got its answer (validated, rules applied, saved);
 *   - applyMs: the background's own time from reading the settings to the rules being applied (the User Timing mark
 *     the background leaves, read in its worker).
 */
import { TargetType, type Page, type WebWorker } from 'puppeteer-core';
import { launchChromium } from '../../test/e2e/harness/browsers';
import { extensionDir } from '../../test/e2e/harness/extension-build';
import { SITES } from '../../test/e2e/harness/fixture-catalog';
import { startFixtureServer } from '../../test/e2e/harness/fixture-server';
import { SETTINGS_CHANGE, RULES_APPLIED_MARK } from '../../src/settings';
import { median, percentile } from './bench-stats';
import { formatValue, type Figure } from './bench-table';

const VENDOR = { id: 'mixpanel', host: 'mixpanel.com' };
const PROBE_TIMEOUT_MS = 5_000;

export interface ToggleSample {
  readonly effectMs: number;
  readonly replyMs: number;
  readonly applyMs: number;
}

export interface ToggleResult {
  readonly samples: readonly ToggleSample[];
}

/** In the dashboard page: fetches the vendor until a request gets `want`; returns when that request was started. */
async function waitForOutcome(page: Page, want: 'reached' | 'blocked'): Promise<number> {
  return page.evaluate(
    async (host: string, target: string, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      for (let n = 0; Date.now() < deadline; n += 1) {
        const started = Date.now();
        let outcome: string;
        try {
          await fetch(`https://${host}/dg-fixture/collect?bench=${started}-${n}`, {
            mode: 'no-cors',
            cache: 'no-store',
          });
          outcome = 'reached';
        } catch {
          outcome = 'blocked';
        }
        if (outcome === target) return started;
      }
      throw new Error(`no ${target} request within ${timeoutMs} ms`);
    },
    VENDOR.host,
    want,
    PROBE_TIMEOUT_MS,
  );
}

/** The background's time for the last applied change, from the mark it leaves (settings-service.ts). */
async function lastApplyMs(worker: WebWorker): Promise<number> {
  return worker.evaluate((name: string) => {
    const mark = performance.getEntriesByName(name).at(-1) as PerformanceMark | undefined;
    return typeof mark?.detail === 'number' ? mark.detail : Number.NaN;
  }, RULES_APPLIED_MARK);
}

async function toggle(
  options: Page,
  worker: WebWorker,
  action: 'allow' | 'block',
): Promise<{ sent: number; replied: number; applyMs: number }> {
  const change = await options.evaluate(
    async (type: string, vendorId: string, value: string) => {
      const sent = Date.now();
      const reply = await chrome.runtime.sendMessage<
        unknown,
        { ok: boolean; value?: { applied: boolean }; error?: string }
      >({
        type,
        payload: { kind: 'set-dashboard-vendor', dashboard: 'circleci', vendorId, action: value },
      });
      const replied = Date.now();
      if (!reply.ok || !reply.value?.applied) throw new Error(`change refused: ${JSON.stringify(reply)}`);
      return { sent, replied };
    },
    SETTINGS_CHANGE,
    VENDOR.id,
    action,
  );
  return { ...change, applyMs: await lastApplyMs(worker) };
}

export async function measureToggleToEffect(runs: number): Promise<ToggleResult> {
  const fixture = await startFixtureServer();
  const session = await launchChromium(extensionDir('chromium'), { fixture });
  try {
    const options = await session.openPage(`${session.extensionBaseUrl}options.html`);
    const workerTarget = await session.browser.waitForTarget(
      (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith(session.extensionBaseUrl),
    );
    const worker = await workerTarget.worker();
    if (worker === null) throw new Error('No Dashguard service worker to read the rule update time from');
    const dashboard = await session.openPage(`https://${SITES.dashboard}/dg-fixture/canary`);
    // Start from "blocked" (the default), and warm up once.
    await toggle(options, worker, 'block');
    await waitForOutcome(dashboard, 'blocked');
    const samples: ToggleSample[] = [];
    for (let run = 0; run < runs; run += 1) {
      const action = run % 2 === 0 ? 'allow' : 'block';
      const [change, effect] = await Promise.all([
        toggle(options, worker, action),
        waitForOutcome(dashboard, action === 'allow' ? 'reached' : 'blocked'),
      ]);
      samples.push({
        effectMs: Math.max(0, effect - change.sent),
        replyMs: change.replied - change.sent,
        applyMs: change.applyMs,
      });
    }
    return { samples };
  } finally {
    await session.close();
    await fixture.close();
  }
}

export function toggleRows(result: ToggleResult): Figure[] {
  const effect = result.samples.map((s) => s.effectMs);
  const reply = result.samples.map((s) => s.replyMs);
  const apply = result.samples.map((s) => s.applyMs);
  const n = `${result.samples.length} toggles (allow, block, ...) of one vendor on one dashboard`;
  return [
    {
      figure: 'Settings change to new rule holding for the next request, median',
      value: median(effect),
      unit: 'ms',
      target: { op: '<', value: 50 },
      detail: `p90 ${formatValue(percentile(effect, 0.9), 'ms')}; ${n}`,
    },
    {
      figure: 'Settings change answered (validated, applied, saved), median',
      value: median(reply),
      unit: 'ms',
      target: { op: '<', value: 100 },
      detail: `p90 ${formatValue(percentile(reply, 0.9), 'ms')}; of which the background's rule update ${formatValue(median(apply), 'ms')} (median)`,
    },
  ];
}
