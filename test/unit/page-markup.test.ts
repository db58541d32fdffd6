/**
 * The pages put text and attributes into the DOM, never markup: no page module uses `innerHTML`, `outerHTML`,
 * `insertAdjacentHTML` or Preact's `dangerouslySetInnerHTML`. (web-ext lint warns about an `innerHTML` assignment in
 * popup.js: it is Preact's own code for `dangerouslySetInnerHTML`, which this keeps unused.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const PAGE_FOLDERS = ['popup', 'options', 'src/ui'];
const MARKUP = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\s*\(|dangerouslySetInnerHTML\s*=/;

function pageSources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const file = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return pageSources(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

describe('page markup', () => {
  it('finds the page sources, components included', () => {
    expect(PAGE_FOLDERS.flatMap(pageSources)).toEqual(
      expect.arrayContaining(['popup/components/request-row.tsx', 'options/options.tsx']),
    );
  });

  it('sets no markup from strings anywhere in page code', () => {
    const offenders = PAGE_FOLDERS.flatMap(pageSources).filter((file) =>
      MARKUP.test(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
