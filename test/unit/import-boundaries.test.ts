/**
 * Page code (popup, options page, the pages' shared UI, content scripts) never imports background code: a page bundle
 * that pulled in the background's wiring would carry its listeners and browser calls into a context where they do
 * not belong. Walks the import graph (type imports too) from every page module and fails on any path into
 * src/background/.
 *
 * And a module imports another feature (a folder of src/ with an `index.ts`) only through that entry, so what a
 * feature offers the others is one file's list: every production import (tests may reach inside) that lands in
 * another feature's folder must land on its `index.ts`, and none may land in src/background/ (the wiring).
 * eslint.config.mjs refuses the same as you type.
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

function importsOf(file: string, text = readFileSync(path.join(ROOT, file), 'utf8')): string[] {
  const info = ts.preProcessFile(text, true, true);
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

/** Every module under `folders` (and their subfolders), tests left out. */
function modulesUnder(folders: readonly string[]): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(`${folder}/${entry.name}`)
        : /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)
          ? [`${folder}/${entry.name}`]
          : [],
    );
  return folders.flatMap(walk);
}

/** Every module under the page folders (components in their subfolders too), tests left out. */
function pageModules(): string[] {
  return modulesUnder(PAGE_FOLDERS);
}

/** The feature folders: every folder of src/ with an entry. */
function features(): string[] {
  return readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(ROOT, 'src', entry.name, 'index.ts')))
    .map((entry) => `src/${entry.name}/`);
}

/** The imports of `file` (its text given, or read) that break the boundaries, as `file -> target`. */
function boundaryBreaches(file: string, featureFolders: readonly string[], text?: string): string[] {
  const own = featureFolders.find((folder) => file.startsWith(folder));
  return importsOf(file, text)
    .filter(
      (target) =>
        (target.startsWith(BACKGROUND) && !file.startsWith(BACKGROUND)) ||
        featureFolders.some((folder) => folder !== own && target.startsWith(folder) && target !== `${folder}index.ts`),
    )
    .map((target) => `${file} -> ${target}`);
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

  it('every production module imports another feature through its entry, and none imports the background', () => {
    const featureFolders = features();
    expect(featureFolders).toEqual(expect.arrayContaining(['src/catalog/', 'src/settings/', 'src/shared/', 'src/ui/']));
    expect(featureFolders).not.toContain(BACKGROUND);
    const modules = modulesUnder(['src', 'popup', 'options', 'scripts']).filter(
      (file) => !file.startsWith('src/generated/'),
    );
    expect(modules.length).toBeGreaterThan(200);
    expect(modules.flatMap((file) => boundaryBreaches(file, featureFolders))).toEqual([]);
  });

  it('refuses a page importing background code and a feature importing another feature inside its entry', () => {
    const featureFolders = features();
    // Deliberately bad imports, as they would be written in these files.
    expect(
      boundaryBreaches(
        'popup/popup-controller.ts',
        featureFolders,
        "import { x } from '../src/background/message-router';",
      ),
    ).toEqual(['popup/popup-controller.ts -> src/background/message-router.ts']);
    expect(
      boundaryBreaches(
        'src/ui/page-store.ts',
        featureFolders,
        "import type { X } from '../background/message-router';",
      ),
    ).toEqual(['src/ui/page-store.ts -> src/background/message-router.ts']);
    expect(
      boundaryBreaches(
        'src/audit/audit-classify.ts',
        featureFolders,
        "import { x } from '../catalog/runtime-catalog';",
      ),
    ).toEqual(['src/audit/audit-classify.ts -> src/catalog/runtime-catalog.ts']);
    expect(
      boundaryBreaches(
        'options/options-controller.ts',
        featureFolders,
        "import { x } from '../src/settings/user-settings';",
      ),
    ).toEqual(['options/options-controller.ts -> src/settings/user-settings.ts']);
    // The same imports through the entry, or inside one's own feature, are fine.
    expect(boundaryBreaches('src/audit/audit-classify.ts', featureFolders, "import { x } from '../catalog';")).toEqual(
      [],
    );
    expect(
      boundaryBreaches('src/audit/audit-classify.ts', featureFolders, "import { x } from './audit-types';"),
    ).toEqual([]);
    expect(boundaryBreaches('popup/popup.tsx', featureFolders, "import { x } from '../src/ui';")).toEqual([]);
  });
});
