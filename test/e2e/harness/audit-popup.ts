/**
 * Reading Dashguard's popup from a test, through its test contract: rows carry `data-vendor`, `data-status` and
 * `data-url`, and `#audit[aria-busy="false"]` says rendering caught up. Also captures what the export buttons save.
 */
import type { Page } from 'puppeteer-core';
import { waitFor } from './wait-for';

export interface PopupRow {
  readonly vendor: string;
  readonly status: string;
  readonly url: string;
  readonly type: string;
  readonly sri: string;
  readonly observed: string;
  readonly count: number;
  readonly flags: readonly string[];
  /** The row's visible text. */
  readonly text: string;
}

export async function readPopupRows(popup: Page): Promise<{ busy: boolean; summary: string; rows: PopupRow[] }> {
  return popup.evaluate(() => {
    const rows = [...document.querySelectorAll<HTMLElement>('#audit li.entry')].map((li) => ({
      vendor: li.dataset.vendor ?? '',
      status: li.dataset.status ?? '',
      url: li.dataset.url ?? '',
      type: li.dataset.type ?? '',
      sri: li.dataset.sri ?? '',
      observed: li.dataset.observed ?? '',
      count: Number(li.dataset.count ?? '0'),
      flags: [...li.querySelectorAll<HTMLElement>('[data-flag]')].map((flag) => flag.dataset.flag ?? ''),
      text: li.textContent ?? '',
    }));
    return {
      busy: document.getElementById('audit')?.getAttribute('aria-busy') !== 'false',
      summary: document.getElementById('summary')?.textContent ?? '',
      rows,
    };
  });
}

/** Waits until the popup shows rows for which `done` holds (rendering finished), and returns them. */
export async function waitForPopupRows(
  popup: Page,
  what: string,
  done: (rows: PopupRow[]) => boolean,
  timeoutMs = 20_000,
): Promise<PopupRow[]> {
  let last: PopupRow[] = [];
  return waitFor(
    what,
    async () => {
      const state = await readPopupRows(popup);
      last = state.rows;
      return !state.busy && done(state.rows) ? state.rows : undefined;
    },
    {
      timeoutMs,
      intervalMs: 100,
      describeFailure: () =>
        `The popup shows ${last.length} rows: ${last.map((r) => `${r.status} ${r.vendor} ${r.url.slice(0, 100)} x${r.count} (${r.observed})`).join('; ')}`,
    },
  );
}

export interface SavedFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Clicks an export button and returns the file the popup saved. The popup saves through an <a download> click on a
 * Blob URL; the test intercepts that click (no download dialog in automation) and reads the Blob it points to.
 */
export async function exportFrom(popup: Page, buttonId: 'export-json' | 'export-csv'): Promise<SavedFile> {
  await popup.evaluate(() => {
    const w = window as unknown as { dgSaved?: { name: string; href: string }[] };
    if (w.dgSaved) return;
    w.dgSaved = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called back with the anchor as `this`
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      if (this.download) w.dgSaved?.push({ name: this.download, href: this.href });
      else original.call(this);
    };
  });
  const before = await popup.evaluate(() => (window as unknown as { dgSaved: unknown[] }).dgSaved.length);
  await popup.click(`#${buttonId}`);
  await waitFor(
    `the popup to save a file after clicking #${buttonId}`,
    () =>
      popup.evaluate(
        (n: number) => ((window as unknown as { dgSaved: unknown[] }).dgSaved.length > n ? true : undefined),
        before,
      ),
    {
      timeoutMs: 10_000,
      describeFailure: async () => `Status: ${await popup.$eval('#log-status', (el) => el.textContent ?? '')}`,
    },
  );
  return popup.evaluate(async (n: number) => {
    const saved = (window as unknown as { dgSaved: { name: string; href: string }[] }).dgSaved[n];
    if (!saved) throw new Error('nothing saved');
    return { name: saved.name, text: await (await fetch(saved.href)).text() };
  }, before);
}
