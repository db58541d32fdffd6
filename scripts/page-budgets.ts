/**
 * Size budgets of the extension pages' scripts, uncompressed (what the browser parses when a person opens the page):
 * the pages ask the background for the catalog and the verdicts instead of bundling them, and a bundle over its
 * budget fails the build, naming the file. A page's script is counted with the chunk every page loads before it
 * (scripts/page-chunk.json), so moving code into that chunk does not hide it. `npm run bench` reports the same.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import pageChunk from './page-chunk.json';

/** The chunk both pages load first. */
export const SHARED_PAGE_SCRIPT = `${pageChunk.name}.js`;

const KIB = 1024;

export const PAGE_SCRIPT_BUDGETS: Readonly<Record<string, number>> = {
  'popup.js': 200 * KIB,
  'options.js': 200 * KIB,
};

/** What a page's script weighs with the shared chunk; undefined when either is missing. */
export function pageScriptSize(file: string, sizeOf: (file: string) => number | undefined): number | undefined {
  const own = sizeOf(file);
  const shared = sizeOf(SHARED_PAGE_SCRIPT);
  return own === undefined || shared === undefined ? undefined : own + shared;
}

/** One line per script over its budget (or missing), empty when every one fits. */
export function pageBudgetProblems(
  sizeOf: (file: string) => number | undefined,
  budgets: Readonly<Record<string, number>> = PAGE_SCRIPT_BUDGETS,
): string[] {
  return Object.entries(budgets).flatMap(([file, budget]) => {
    const size = pageScriptSize(file, sizeOf);
    if (size === undefined) return [`${file} or ${SHARED_PAGE_SCRIPT} is missing`];
    return size > budget
      ? [
          `${file} with ${SHARED_PAGE_SCRIPT} is ${(size / KIB).toFixed(1)} KiB, over its budget of ${(budget / KIB).toFixed(0)} KiB`,
        ]
      : [];
  });
}

export function fileSizeIn(dir: string): (file: string) => number | undefined {
  return (file) => {
    const full = path.join(dir, file);
    return existsSync(full) ? statSync(full).size : undefined;
  };
}
