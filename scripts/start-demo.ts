/**
 * `npm start`: shows Dashguard at work on a local copy of a CircleCI dashboard. Starts the e2e fixture server (every
 * vendor host is answered locally; nothing goes to the internet) and opens Chromium with dist/chrome loaded on the
 * demo dashboard, where the page lists which vendor scripts loaded and which Dashguard blocked; a second tab shows
 * the same page on circleci.com, the marketing site, where nothing is blocked.
 *
 * With --headless, or on Linux without a display, it loads the dashboard headless, prints which vendor hosts were
 * blocked or reached according to the server's record, and exits: 0 when Dashguard behaved as its catalog says,
 * 1 otherwise (so the demo doubles as a smoke test).
 */
import type { Page } from 'puppeteer-core';
import { launchChromium, type ExtensionBrowser } from '../test/e2e/harness/browsers';
import { readDashboardPage, waitForPageSettled } from '../test/e2e/harness/dashboard-page';
import { extensionDir } from '../test/e2e/harness/extension-build';
import { siteUrl } from '../test/e2e/harness/fixture-catalog';
import { startFixtureServer, type FixtureServer } from '../test/e2e/harness/fixture-server';
import { unexpectedOutcomes, vendorOutcomes, type VendorOutcome } from '../test/e2e/harness/vendor-outcomes';
import { waitFor } from '../test/e2e/harness/wait-for';

const RUN = 'demo';

function wantsHeadless(): boolean {
  if (process.argv.includes('--headless')) return true;
  // macOS and Windows have a display without $DISPLAY.
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

function describeOutcomes(title: string, outcomes: readonly VendorOutcome[]): string {
  const lines = outcomes.map((o) => `    ${o.entry.vendor.name}: ${o.entry.vendor.domains.join(', ')}`);
  return [`  ${title} (${outcomes.length} vendors):`, ...lines].join('\n');
}

async function printSummary(page: Page, fixture: FixtureServer): Promise<boolean> {
  await waitForPageSettled(page, fixture, RUN);
  const outcomes = vendorOutcomes(fixture.log.all());
  // Pusher and LaunchDarkly are what the dashboard needs: show that they still work.
  const state = await waitFor(
    'the build log and the flags',
    async () => {
      const current = await readDashboardPage(page);
      return current.buildLog.length > 0 && Object.keys(current.flags).length > 0 ? current : undefined;
    },
    { timeoutMs: 10_000 },
  ).catch(() => readDashboardPage(page));

  console.log(`Dashguard demo on ${page.url()}`);
  console.log(
    describeOutcomes(
      'Blocked: no request reached these hosts or their subdomains',
      outcomes.filter((o) => o.outcome === 'blocked'),
    ),
  );
  console.log(
    describeOutcomes(
      'Allowed: every request reached these hosts',
      outcomes.filter((o) => o.outcome === 'allowed'),
    ),
  );
  const partly = outcomes.filter((o) => o.outcome === 'partly blocked');
  if (partly.length > 0) console.log(describeOutcomes('Partly blocked: some requests reached these hosts', partly));
  console.log(
    `  Pusher: ${state.buildLog.length} build-log lines streamed. LaunchDarkly: ${Object.keys(state.flags).length} flags received.`,
  );

  const unexpected = unexpectedOutcomes(outcomes);
  for (const o of unexpected)
    console.error(
      `  UNEXPECTED: ${o.entry.vendor.name} is ${o.outcome}, its default is ${o.entry.vendor.defaultAction}.`,
    );
  return unexpected.length === 0 && state.buildLog.length > 0 && Object.keys(state.flags).length > 0;
}

async function main(): Promise<number> {
  const headless = wantsHeadless();
  const fixture = await startFixtureServer();
  let session: ExtensionBrowser | undefined;
  try {
    const dashboardUrl = siteUrl('dashboard', { run: RUN });
    // Launch checks that Dashguard's rules are live (it throws otherwise); its probe requests are then forgotten.
    session = await launchChromium(extensionDir('chromium'), { fixture, headless });
    fixture.log.clear();
    const dashboard = await session.openPage(dashboardUrl);
    if (headless) return (await printSummary(dashboard, fixture)) ? 0 : 1;

    await session.openPage(siteUrl('marketing', { run: 'demo-marketing' }));
    await dashboard.bringToFront();
    console.log(
      `Dashguard demo: ${dashboardUrl} (dashboard, trackers blocked) and ${siteUrl('marketing')} (marketing site, untouched).`,
    );
    console.log('Close the browser window or press Ctrl-C to stop.');
    const browser = session.browser;
    await new Promise<void>((resolve) => {
      browser.once('disconnected', () => resolve());
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    return 0;
  } finally {
    await session?.close();
    await fixture.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
