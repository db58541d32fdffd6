/**
 * Zip archives whose bytes depend on the files alone (pure): entries sorted by path, one fixed timestamp, Unix modes
 * 644/755 and no extra fields, so the same files always give the same archive, on any machine, in any time zone,
 * and a rebuild can be compared with a release by its hash.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Relative path with `/` separators. */
  readonly path: string;
  readonly data: Uint8Array;
  /** Kept as 755 when executable, else 644. */
  readonly executable?: boolean;
}

const UNIX = 3;
const DEFLATE_LEVEL = 9;

/**
 * The zip format stores local time without a zone, and fflate reads a Date's local fields: a Date made from local
 * fields therefore gives 1980-01-01 00:00 (the format's first instant) whatever the time zone of the machine.
 */
function fixedTimestamp(): Date {
  return new Date(1980, 0, 1, 0, 0, 0);
}

/** Paths must be relative, `/`-separated, without `.` or `..` segments, and unique. */
export function zipPathProblems(paths: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of paths) {
    if (entry === '' || entry.startsWith('/') || entry.includes('\\') || entry.split('/').some((part) => part === '' || part === '.' || part === '..')) {
      problems.push(`"${entry}" is not a plain relative path`);
    }
    if (seen.has(entry)) problems.push(`"${entry}" appears twice`);
    seen.add(entry);
  }
  return problems;
}

export function deterministicZip(entries: readonly ZipEntry[]): Uint8Array {
  const problems = zipPathProblems(entries.map((entry) => entry.path));
  if (problems.length > 0) throw new Error(`Cannot zip: ${problems.join('; ')}`);
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // fflate writes entries in the object's key order, which is insertion order except for keys that look like array
  // indices (moved to the front): checked below rather than assumed.
  const files: Zippable = {};
  for (const entry of sorted) {
    const mode = entry.executable ? 0o100755 : 0o100644;
    files[entry.path] = [entry.data, { mtime: fixedTimestamp(), os: UNIX, attrs: mode << 16, level: DEFLATE_LEVEL }];
  }
  const order = Object.keys(files);
  if (order.some((key, index) => key !== sorted[index]?.path)) {
    throw new Error(`Cannot zip in a stable order: a path looks like an array index (${order.find((key) => /^\d+$/.test(key))})`);
  }
  return zipSync(files);
}

/** The archive's files by path, in the archive's order (directory entries left out). */
export function unzipEntries(archive: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(archive);
  return new Map(Object.keys(files).filter((name) => !name.endsWith('/')).map((name) => [name, files[name]!]));
}

/** The paths stored in the archive, in its order, directories included (read from the central directory). */
export function archivePaths(archive: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(archive, {
    filter: (file) => {
      names.push(file.name);
      return false;
    },
  });
  return names;
}
