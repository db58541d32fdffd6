/**
 * Real enterprise policy for e2e tests, in the files the browsers read (needs root):
 *   Chromium: a JSON file in /etc/chromium/policies/managed/ (`{"3rdparty": {"extensions": {"<id>": {...}}}}`);
 *     it reads the folder at start-up and watches it, so a rewrite applies while the browser runs.
 *   Firefox ESR: /etc/firefox/policies/policies.json (`{"policies": {"3rdparty": {"Extensions": {"<id>": {...}}}}}`),
 *     read once at start-up.
 * These files affect every browser started on the machine while they exist, so: a cross-process lock keeps two
 * policy test runs apart, every file is removed by `remove()` (call it in a finally/afterAll) and, as a last resort,
 * when the process exits or is stopped by a signal; Firefox's file is removed as soon as the browser has read it; a
 * policies.json this harness did not write is never overwritten. A run killed outright (SIGKILL) cannot clean up, so
 * every file names its writer's pid and the next run removes the files of writers that are no longer alive.
 */

import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM_POLICY_DIR = process.env.DASHGUARD_CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';
export const FIREFOX_POLICY_FILE = process.env.DASHGUARD_FIREFOX_POLICY_FILE ?? '/etc/firefox/policies/policies.json';
const LOCK_FILE = path.join(os.tmpdir(), 'dashguard-e2e-managed-policy.lock');

export interface PolicyFile {
  readonly path: string;
  /** Writes the extension's policy (the object storage.managed should hold), atomically. */
  write(policy: Record<string, unknown>): void;
  /** Removes the file if this harness wrote it. Safe to call twice. */
  remove(): void;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const written = new Set<string>();
const removeAllWritten = (): void => {
  for (const file of written) rmSync(file, { force: true });
  written.clear();
};
process.on('exit', removeAllWritten);
// A stopped run (Ctrl-C, `timeout`, a CI cancel) must not leave a policy behind for every later browser.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    removeAllWritten();
    process.kill(process.pid, signal);
  });
}

/** Beside Firefox's policies.json (whose format has no room for it), the pid of the run that wrote it. */
const firefoxOwnerFile = (file: string): string => `${file}.dashguard-e2e-owner`;
const CHROMIUM_FILE_NAME = /^dashguard-e2e-(\d+)\.json$/;

/** Removes policy files left by test runs that died without cleaning up; never a file of a live run or of anyone else. */
export function removeStalePolicyFiles(
  chromiumDir = CHROMIUM_POLICY_DIR,
  firefoxFile = FIREFOX_POLICY_FILE,
): readonly string[] {
  const removed: string[] = [];
  const names = existsSync(chromiumDir) ? readdirSync(chromiumDir) : [];
  for (const name of names) {
    const writer = CHROMIUM_FILE_NAME.exec(name);
    if (writer && !isAlive(Number(writer[1]))) {
      rmSync(path.join(chromiumDir, name), { force: true });
      removed.push(path.join(chromiumDir, name));
    }
  }
  const owner = firefoxOwnerFile(firefoxFile);
  if (existsSync(owner)) {
    const writer = Number(readFileSync(owner, 'utf8').trim());
    if (!Number.isInteger(writer) || writer <= 0 || !isAlive(writer)) {
      if (existsSync(firefoxFile)) removed.push(firefoxFile);
      rmSync(firefoxFile, { force: true });
      rmSync(owner, { force: true });
    }
  }
  return removed;
}

/** Write to a temporary name, then rename: the browser never reads half a file. The temporary name is not *.json. */
function writeAtomically(file: string, content: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
  renameSync(temporary, file);
  written.add(file);
}

function removeWritten(file: string): void {
  if (!written.has(file)) return;
  rmSync(file, { force: true });
  written.delete(file);
}

export function chromiumPolicyFile(extensionId: string): PolicyFile {
  const file = path.join(CHROMIUM_POLICY_DIR, `dashguard-e2e-${process.pid}.json`);
  return {
    path: file,
    write: (policy) => writeAtomically(file, { '3rdparty': { extensions: { [extensionId]: policy } } }),
    remove: () => removeWritten(file),
  };
}

export function firefoxPolicyFile(addonId: string): PolicyFile {
  const file = FIREFOX_POLICY_FILE;
  return {
    path: file,
    write(policy) {
      if (existsSync(file) && !written.has(file)) {
        throw new Error(`${file} already exists and was not written by this test run: refusing to overwrite it.`);
      }
      writeAtomically(firefoxOwnerFile(file), process.pid);
      writeAtomically(file, { policies: { '3rdparty': { Extensions: { [addonId]: policy } } } });
    },
    remove: () => {
      removeWritten(file);
      removeWritten(firefoxOwnerFile(file));
    },
  };
}

export interface PolicyLock {
  release(): void;
}

/** Waits (bounded) until no other test process holds the policy lock, then holds it. A dead holder's lock is taken over. */
export async function acquirePolicyLock(timeoutMs = 180_000): Promise<PolicyLock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(LOCK_FILE, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      removeStalePolicyFiles();
      return { release: () => rmSync(LOCK_FILE, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let text: string;
    try {
      text = readFileSync(LOCK_FILE, 'utf8').trim();
    } catch {
      continue; // Released meanwhile.
    }
    const holder = Number(text);
    // An empty file is a holder between creating it and writing its pid: wait for it like any other.
    if (text !== '' && (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder))) {
      rmSync(LOCK_FILE, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`Another test run (pid ${holder}) has held ${LOCK_FILE} for over ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
