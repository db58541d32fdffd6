/**
 * The files of the source archive that addons.mozilla.org's reviewers rebuild from: git's tracked files as they are
 * in the working tree (so the archive matches what was just built, committed or not), never node_modules or
 * anything git ignores.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface SourceFile {
  /** `/`-separated, relative to the repository. */
  readonly path: string;
  readonly executable: boolean;
}

/** Parses `git ls-files --stage -z` (pure). Symbolic links and submodules are refused: a zip cannot carry them. */
export function parseStagedFiles(output: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const record of output.split('\0')) {
    if (record === '') continue;
    const match = /^(\d{6}) [0-9a-f]+ (\d)\t(.+)$/s.exec(record);
    if (!match) throw new Error(`Unexpected \`git ls-files --stage\` line: ${JSON.stringify(record)}`);
    const [, mode, stage, file] = match as unknown as [string, string, string, string];
    if (stage !== '0') throw new Error(`${file} has an unresolved merge conflict`);
    if (mode !== '100644' && mode !== '100755') throw new Error(`${file} is not a regular file in git (mode ${mode}): the source archive cannot hold it`);
    files.push({ path: file, executable: mode === '100755' });
  }
  return files;
}

/** The tracked files present in the working tree, or undefined outside a git checkout (a tree unpacked from an archive). */
export function trackedSourceFiles(root: string): SourceFile[] | undefined {
  if (!existsSync(path.join(root, '.git'))) return undefined;
  const output = execFileSync('git', ['ls-files', '--stage', '-z'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return parseStagedFiles(output).filter((file) => existsSync(path.join(root, file.path)));
}

/** Tracked files with changes not committed (`git status`), so a release can say its source is not a commit. */
export function uncommittedChanges(root: string): string[] {
  const output = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' });
  return output.split('\n').filter((line) => line.trim() !== '');
}
