/**
 * 6a. Bundle sizes per context (no browser needed): what each of Dashguard's contexts loads from the built extension,
 * raw and gzip-compressed (the store archives are zips; the browser reads the files unpacked, so raw is what it
 * parses). A page is its HTML plus the scripts and stylesheets the HTML names.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BrokenRunError } from './bench-errors';
import type { Figure } from './bench-table';
import { fileSizeIn, PAGE_SCRIPT_BUDGETS, pageScriptSize, SHARED_PAGE_SCRIPT } from '../page-budgets';

export interface ContextSize {
  readonly context: string;
  readonly files: readonly string[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Local scripts and stylesheets an extension page's HTML loads, in document order. */
export function pageFiles(html: string): string[] {
  const files: string[] = [];
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const match of html.matchAll(tag)) {
    const element = match[0];
    const attribute = match[1]!.toLowerCase() === 'script' ? 'src' : 'href';
    if (match[1]!.toLowerCase() === 'link' && !/\brel\s*=\s*["']?stylesheet\b/i.test(element)) continue;
    const value = new RegExp(`\\b${attribute}\\s*=\\s*["']([^"']+)["']`, 'i').exec(element)?.[1];
    if (value === undefined || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) continue;
    files.push(value.replace(/^\.?\//, ''));
  }
  return files;
}

/** Stylesheets a page's script adds itself (a `'name.css'` literal in it), when the build has such a file. */
export function scriptStyles(script: string, exists: (file: string) => boolean): string[] {
  return [...new Set([...script.matchAll(/["']([\w.-]+\.css)["']/g)].map((m) => m[1]!))].filter(exists);
}

interface ManifestContexts {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[] }[];
  action?: { default_popup?: string };
  options_ui?: { page?: string };
}

/** Each context's files, read from the build's manifest. */
export function contextFiles(distDir: string): { context: string; files: string[] }[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'manifest.json'), 'utf8')) as ManifestContexts;
  const exists = (file: string): boolean => existsSync(path.join(distDir, file));
  const page = (file: string | undefined): string[] => {
    if (!file) return [];
    const named = pageFiles(readFileSync(path.join(distDir, file), 'utf8'));
    const added = named
      .filter((f) => f.endsWith('.js') && exists(f))
      .flatMap((f) => scriptStyles(readFileSync(path.join(distDir, f), 'utf8'), exists));
    return [...new Set([file, ...named, ...added])];
  };
  const background = manifest.background?.service_worker
    ? [manifest.background.service_worker]
    : (manifest.background?.scripts ?? []);
  return [
    { context: 'Background (service worker / event page)', files: [...new Set(background)] },
    {
      context: 'Content script (every dashboard page)',
      files: [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))],
    },
    { context: 'Popup', files: page(manifest.action?.default_popup) },
    { context: 'Options page', files: page(manifest.options_ui?.page) },
  ];
}

export function measureBundleSizes(distDir: string): ContextSize[] {
  return contextFiles(distDir).map(({ context, files }) => {
    const missing = files.filter((file) => !existsSync(path.join(distDir, file)));
    if (files.length === 0 || missing.length > 0)
      throw new BrokenRunError(`Broken run: ${context} of ${distDir} is missing ${missing.join(', ') || 'its files'}.`);
    const contents = files.map((file) => readFileSync(path.join(distDir, file)));
    return {
      context,
      files,
      bytes: files.reduce((sum, file) => sum + statSync(path.join(distDir, file)).size, 0),
      gzipBytes: contents.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
    };
  });
}

const KIB = 1024;
const MIB = 1024 * KIB;

/** Budgets of this benchmark: the content script runs on every dashboard page; the rest when a person opens it. */
export function bundleBudget(context: string): number {
  return context.startsWith('Content script') ? 64 * KIB : 1 * MIB;
}

export function bundleRows(
  chrome: readonly ContextSize[],
  firefox: readonly ContextSize[],
  scripts: readonly PageScriptSize[] = [],
): Figure[] {
  const scriptRows = scripts.map((script): Figure => ({
    figure: `Page script ${script.file} with ${SHARED_PAGE_SCRIPT} (uncompressed)`,
    value: script.bytes,
    unit: 'bytes',
    target: { op: '<=', value: script.budget },
    detail: `Firefox build ${(script.firefoxBytes / KIB).toFixed(1)} KiB; the build fails over the budget (scripts/page-budgets.ts)`,
  }));
  return [
    ...scriptRows,
    ...chrome.map((size): Figure => {
      const other = firefox.find((f) => f.context === size.context);
      const kib = (bytes: number): string => `${(bytes / KIB).toFixed(1)} KiB`;
      return {
        figure: `${size.context}: ${size.files.join(', ')}`,
        value: size.bytes,
        unit: 'bytes',
        target: { op: '<=', value: bundleBudget(size.context) },
        detail: `gzip ${kib(size.gzipBytes)}; Firefox build ${other ? kib(other.bytes) : 'n/a'}`,
      };
    }),
  ];
}

export interface PageScriptSize {
  readonly file: string;
  readonly bytes: number;
  readonly firefoxBytes: number;
  readonly budget: number;
}

/** Each page script with a budget (scripts/page-budgets.ts), in both builds. */
export function measurePageScripts(chromeDir: string, firefoxDir: string): PageScriptSize[] {
  return Object.entries(PAGE_SCRIPT_BUDGETS).map(([file, budget]) => ({
    file,
    budget,
    bytes: pageScriptSize(file, fileSizeIn(chromeDir)) ?? Number.NaN,
    firefoxBytes: pageScriptSize(file, fileSizeIn(firefoxDir)) ?? Number.NaN,
  }));
}
