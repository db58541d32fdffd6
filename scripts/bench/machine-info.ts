/** The machine a benchmark ran on, for the record next to the figures. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { chromiumExecutable } from '../../test/e2e/harness/chromium';
import { firefoxExecutable } from '../../test/e2e/harness/firefox';

export interface MachineInfo {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly os: string;
  readonly node: string;
  readonly chromium: string;
  readonly firefox: string;
  /** 1-minute load average when the run started: how busy the machine already was. */
  readonly loadAtStart: number;
  /** The commit measured, and whether the working tree had changes on top of it. */
  readonly source: string;
}

function versionOf(executable: string): string {
  try {
    return (
      execFileSync(executable, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 20_000,
      }).trim() || `${executable} (no version)`
    );
  } catch {
    return `${executable} (not found)`;
  }
}

function distribution(): string {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    return '';
  }
}

function sourceVersion(): string {
  try {
    const git = (args: string[]): string =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20_000 }).trim();
    const commit = git(['rev-parse', '--short', 'HEAD']);
    return git(['status', '--porcelain']) === '' ? `commit ${commit}` : `commit ${commit} with uncommitted changes`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export function machineInfo(now: Date = new Date()): MachineInfo {
  const cpus = os.cpus();
  const distro = distribution();
  return {
    date: now.toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    os: `${distro ? `${distro}, ` : ''}${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: versionOf(chromiumExecutable()),
    firefox: versionOf(firefoxExecutable()),
    loadAtStart: os.loadavg()[0] ?? Number.NaN,
    source: sourceVersion(),
  };
}
