/**
 * Page code (popup, options page, the pages' shared UI, content scripts) never imports background code: a page bundle
 * that pulled in the background's wiring would carry its listeners and browser calls into a context where they do
 * not belong. Walks the import graph (type imports too) from every page module and fails on any path into
 * src/background/.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const PAGE_FOLDERS = ['popup', 'options', 'src/ui', 'src/content'];
const BACKGROUND = 'src/background/';

function resolveImport(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  return [`${base}.ts`, `${base}.tsx`, base, `${base}/index.ts`].find(
    (candidate) => /\.tsx?$/.test(candidate) && existsSync(path.join(ROOT, candidate)),
  );
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map((imported) => resolveImport(file, imported.fileName))
    .filter((target): target is string => target !== undefined);
}

/** Every module reachable from `entries`, each with the import chain that first reached it. */
function reachable(entries: readonly string[]): Map<string, readonly string[]> {
  const chains = new Map<string, readonly string[]>(entries.map((entry) => [entry, [entry]]));
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const target of importsOf(file)) {
      if (chains.has(target)) continue;
      chains.set(target, [...(chains.get(file) ?? []), target]);
      queue.push(target);
    }
  }
  return chains;
}

/** Every module under the page folders (components in their subfolders too), tests left out. */
function pageModules(): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(`${folder}/${entry.name}`)
        : /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)
          ? [`${folder}/${entry.name}`]
          : [],
    );
  return PAGE_FOLDERS.flatMap(walk);
}

describe('import boundaries', () => {
  it('finds the page modules and walks their imports', () => {
    const modules = pageModules();
    expect(modules).toEqual(
      expect.arrayContaining([
        'popup/popup.tsx',
        'popup/components/vendor-group.tsx',
        'options/options.tsx',
        'src/content/content.ts',
      ]),
    );
    // The walk follows imports across folders (the options page reaches the settings feature).
    expect([...reachable(['options/options.tsx']).keys()].some((file) => file.startsWith('src/settings/'))).toBe(true);
  });

  it('reports a path into src/background/ when there is one (the background entry reaches its own wiring)', () => {
    const chains = reachable(['src/background/background.ts']);
    expect([...chains.keys()].filter((file) => file.startsWith(BACKGROUND)).length).toBeGreaterThan(1);
  });

  it('no page module reaches src/background/', () => {
    const intoBackground = [...reachable(pageModules()).values()].filter((chain) =>
      chain[chain.length - 1]!.startsWith(BACKGROUND),
    );
    expect(intoBackground.map((chain) => chain.join(' -> '))).toEqual([]);
  });
});
