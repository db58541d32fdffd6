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
 *
 * What runs in the browser lives in src/ (and the pages' folders): none of it imports scripts/ (build steps) or test/.
 *
 * An entry loads its whole feature, so features must not load one another in a cycle at run time: in CommonJS (Jest,
 * the tsx build scripts) a module reached again through a cycle of entries reads exports that do not exist yet (a
 * schema built from `undefined`, silently). So the features' run-time imports (type imports vanish) form no cycle.
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

/**
 * Build steps that run before src/generated/ exists (a fresh clone): the settings and policy entries load the
 * validators they write, so they import the one module they need (each marked in its file).
 */
const BUILD_STEP_IMPORTS: ReadonlySet<string> = new Set([
  'scripts/schema-sources.ts -> src/settings/settings-schema.ts',
  'scripts/schema-sources.ts -> src/policy/policy-schema.ts',
  'scripts/catalog/breakage-guard.ts -> src/settings/user-settings.ts',
  'scripts/catalog/breakage-guard.ts -> src/policy/managed-policy.ts',
]);

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

/** For each feature, the features its modules load at run time, each with one import that does. */
function runtimeFeatureGraph(featureFolders: readonly string[]): Map<string, Map<string, string>> {
  const config = ts.parseJsonConfigFileContent(
    ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (file) => ts.sys.readFile(file)).config,
    ts.sys,
    ROOT,
  );
  const modules = featureFolders.flatMap((folder) => modulesUnder([folder.slice(0, -1)]));
  const program = ts.createProgram(
    modules.map((file) => path.join(ROOT, file)),
    config.options,
  );
  const checker = program.getTypeChecker();
  const featureOf = (file: string) => featureFolders.find((folder) => file.startsWith(folder));
  const graph = new Map<string, Map<string, string>>(featureFolders.map((folder) => [folder, new Map()]));
  for (const file of modules) {
    const own = featureOf(file)!;
    for (const statement of program.getSourceFile(path.join(ROOT, file))!.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const target = resolveImport(file, statement.moduleSpecifier.text);
      const feature = target && featureOf(target);
      if (!feature || feature === own) continue;
      const bindings = clause?.namedBindings;
      const loads =
        !clause ||
        clause.name !== undefined ||
        (bindings !== undefined && ts.isNamespaceImport(bindings)) ||
        (bindings?.elements ?? []).some((element) => {
          if (element.isTypeOnly) return false;
          const symbol = checker.getSymbolAtLocation(element.name);
          return symbol !== undefined && (checker.getAliasedSymbol(symbol).flags & ts.SymbolFlags.Value) !== 0;
        });
      if (loads && !graph.get(own)!.has(feature)) graph.get(own)!.set(feature, `${file} -> ${target}`);
    }
  }
  return graph;
}

/** One cycle of the graph, as its edges' examples, or [] when it has none. */
function cycleOf(graph: ReadonlyMap<string, ReadonlyMap<string, string>>): string[] {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] => {
    const at = path.indexOf(node);
    if (at >= 0) {
      const loop = [...path.slice(at), node];
      return loop.slice(1).map((to, i) => graph.get(loop[i]!)!.get(to)!);
    }
    if (done.has(node)) return [];
    path.push(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      const found = visit(next);
      if (found.length > 0) return found;
    }
    path.pop();
    done.add(node);
    return [];
  };
  for (const node of graph.keys()) {
    const found = visit(node);
    if (found.length > 0) return found;
  }
  return [];
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
    const some = ['src/catalog/', 'src/domains/', 'src/schema/', 'src/settings/', 'src/shared/', 'src/ui/'];
    expect(featureFolders).toEqual(expect.arrayContaining(some));
    expect(featureFolders).not.toContain(BACKGROUND);
    const modules = modulesUnder(['src', 'popup', 'options', 'scripts']).filter(
      (file) => !file.startsWith('src/generated/'),
    );
    expect(modules.length).toBeGreaterThan(200);
    expect(
      modules
        .flatMap((file) => boundaryBreaches(file, featureFolders))
        .filter((breach) => !BUILD_STEP_IMPORTS.has(breach)),
    ).toEqual([]);
  });

  it('no production module of the extension imports build scripts or tests (what runs in the browser lives in src/)', () => {
    const modules = modulesUnder(['src', 'popup', 'options']).filter((file) => !file.startsWith('src/generated/'));
    expect(modules).toContain('src/rules/rule-state.ts');
    const outside = modules.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('scripts/') || target.startsWith('test/'))
        .map((target) => `${file} -> ${target}`),
    );
    expect(outside).toEqual([]);
    // The same check sees such an import when there is one.
    expect(
      importsOf('src/rules/rule-state.ts', "import { x } from '../../scripts/catalog/static-limits';").filter((t) =>
        t.startsWith('scripts/'),
      ),
    ).toEqual(['scripts/catalog/static-limits.ts']);
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

  it('no cycle of features at run time (an entry loads its whole feature)', () => {
    const graph = runtimeFeatureGraph(features());
    // The walk sees run-time imports across features (the audit loads the rules) and leaves type imports out.
    expect(graph.get('src/audit/')!.has('src/rules/')).toBe(true);
    expect(cycleOf(graph)).toEqual([]);
  });

  it('reports a cycle of features when there is one', () => {
    const graph = new Map([
      ['src/rules/', new Map([['src/policy/', 'src/rules/a.ts -> src/policy/index.ts']])],
      ['src/policy/', new Map([['src/audit/', 'src/policy/b.ts -> src/audit/index.ts']])],
      ['src/audit/', new Map([['src/rules/', 'src/audit/c.ts -> src/rules/index.ts']])],
    ]);
    expect(cycleOf(graph)).toEqual([
      'src/rules/a.ts -> src/policy/index.ts',
      'src/policy/b.ts -> src/audit/index.ts',
      'src/audit/c.ts -> src/rules/index.ts',
    ]);
    graph.get('src/audit/')!.clear();
    expect(cycleOf(graph)).toEqual([]);
  });
});
