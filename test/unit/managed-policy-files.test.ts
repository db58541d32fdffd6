import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeStalePolicyFiles } from '../e2e/harness/managed-policy-files';

/** The pid of a process that has already exited. */
const deadPid = (): number => {
  const child = spawnSync('true');
  if (child.pid === undefined) throw new Error('could not start a short-lived process');
  return child.pid;
};

describe('removeStalePolicyFiles', () => {
  let chromiumDir: string;
  let firefoxFile: string;
  beforeEach(() => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'dashguard-policy-'));
    chromiumDir = path.join(root, 'chromium');
    mkdirSync(chromiumDir);
    mkdirSync(path.join(root, 'firefox'));
    firefoxFile = path.join(root, 'firefox', 'policies.json');
  });

  it("removes a Chromium file of a dead run and keeps a live run's and anyone else's", () => {
    const dead = path.join(chromiumDir, `dashguard-e2e-${deadPid()}.json`);
    const live = path.join(chromiumDir, `dashguard-e2e-${process.pid}.json`);
    const admin = path.join(chromiumDir, 'company.json');
    for (const file of [dead, live, admin]) writeFileSync(file, '{}');

    expect(removeStalePolicyFiles(chromiumDir, firefoxFile)).toEqual([dead]);
    expect([existsSync(dead), existsSync(live), existsSync(admin)]).toEqual([false, true, true]);
  });

  it("removes Firefox's policies.json when the run that wrote it is dead", () => {
    writeFileSync(firefoxFile, '{}');
    writeFileSync(`${firefoxFile}.dashguard-e2e-owner`, `${deadPid()}\n`);

    expect(removeStalePolicyFiles(chromiumDir, firefoxFile)).toEqual([firefoxFile]);
    expect(existsSync(firefoxFile)).toBe(false);
    expect(existsSync(`${firefoxFile}.dashguard-e2e-owner`)).toBe(false);
  });

  it('keeps a policies.json of a live run, and one this harness never wrote (no owner file)', () => {
    writeFileSync(firefoxFile, '{}');
    writeFileSync(`${firefoxFile}.dashguard-e2e-owner`, `${process.pid}\n`);
    expect(removeStalePolicyFiles(chromiumDir, firefoxFile)).toEqual([]);
    expect(existsSync(firefoxFile)).toBe(true);

    rmSync(`${firefoxFile}.dashguard-e2e-owner`);
    expect(removeStalePolicyFiles(chromiumDir, firefoxFile)).toEqual([]);
    expect(existsSync(firefoxFile)).toBe(true);
  });
});
