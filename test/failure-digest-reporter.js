/**
 * A Jest reporter that prints, once the run is over, a short digest of every failed test: its file, its name and the
 * first lines of its message, without the stack. The default reporter prints a failure where its file ends, which in
 * a 20-minute end-to-end run is the middle of the log; a CI page that keeps only the head and the tail of a long log
 * then shows that tests failed and not why. Listed after 'default' in the Jest configs, so it prints last.
 */

/** Characters of one failure's message kept in the digest. */
const MESSAGE_CHARS = 700;
/** Failed tests listed; a run with more says how many it left out. */
const MOST_LISTED = 12;

// Jest colours its messages; the digest is read as plain text.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * One failure message as a single line: colours, stack frames and Jest's source excerpt removed, white space
 * collapsed, cut to `MESSAGE_CHARS`.
 */
function briefMessage(message) {
  const lines = message.replace(ANSI, '').split('\n');
  const kept = [];
  for (const line of lines) {
    // The stack (and the code excerpt Jest prints before it, whose lines start with a line number or `>`) adds
    // nothing a reader of the digest needs: the test's name says where.
    if (/^\s+at /.test(line) || /^\s*(>\s*)?\d+ \|/.test(line) || /^\s+\|\s*\^/.test(line)) continue;
    kept.push(line.trim());
  }
  const text = kept.filter((line) => line !== '').join(' ');
  return text.length > MESSAGE_CHARS ? `${text.slice(0, MESSAGE_CHARS)}…` : text;
}

/** The digest's lines for `results` (Jest's aggregated results), or none when nothing failed. Typed in the .d.ts. */
function failureDigest(results, rootDir) {
  const failures = [];
  for (const file of results.testResults) {
    const where = file.testFilePath.startsWith(`${rootDir}/`)
      ? file.testFilePath.slice(rootDir.length + 1)
      : file.testFilePath;
    const failed = file.testResults.filter((test) => test.status === 'failed');
    for (const test of failed)
      failures.push({ where: `${where} › ${test.fullName}`, message: briefMessage(test.failureMessages.join('\n')) });
    // A file that failed outside any test (it did not load, or a hook after all tests threw).
    if (failed.length === 0 && file.testExecError != null)
      failures.push({ where, message: briefMessage(file.failureMessage ?? String(file.testExecError)) });
  }
  if (failures.length === 0) return [];
  const lines = [`Failed, in brief (${failures.length}):`];
  for (const { where, message } of failures.slice(0, MOST_LISTED)) lines.push(`- ${where}`, `  ${message}`);
  if (failures.length > MOST_LISTED) lines.push(`- and ${failures.length - MOST_LISTED} more (see above)`);
  return lines;
}

class FailureDigestReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const lines = failureDigest(results, this.rootDir);
    if (lines.length > 0) process.stderr.write(`\n${lines.join('\n')}\n`);
  }
}

module.exports = FailureDigestReporter;
module.exports.failureDigest = failureDigest;
