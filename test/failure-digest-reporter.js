/**
 * A Jest reporter that prints, once the run is over, a short digest of every failed test: its file, its name and the
 * first lines of its message, without the stack. The default reporter prints a failure where its file ends, which in
 * a 20-minute end-to-end run is the middle of the log; a CI page that keeps only the head and the tail of a long log
 * (about 2,000 characters of the tail) then shows that tests failed and not why. Listed after 'default' in the Jest
 * configs, so it prints last, followed only by Jest's few summary lines.
 */

/** Characters the listed failures may take together, so that the digest and Jest's summary fit in such a tail. */
const DIGEST_CHARS = 1_500;
/** Characters of one failure's message: at most, and at least however many failed. */
const MESSAGE_CHARS = { most: 700, least: 120 };
/** Characters of a test's own name (its describe block's is kept whole: it names the browser). */
const TITLE_CHARS = 80;
/** Failed tests listed; a run with more says how many it left out. */
const MOST_LISTED = 12;

// Jest colours its messages; the digest is read as plain text.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

const cut = (text, chars) => (text.length > chars ? `${text.slice(0, chars)}…` : text);

/**
 * One failure message as a single line: colours, stack frames, Jest's source excerpt and a leading "Error: " removed,
 * white space collapsed.
 */
function oneLine(message) {
  const kept = [];
  for (const line of message.replace(ANSI, '').split('\n')) {
    // The stack (and the code excerpt Jest prints before it, whose lines start with a line number or `>`) adds
    // nothing a reader of the digest needs: the test's name says where.
    if (/^\s+at /.test(line) || /^\s*(>\s*)?\d+ \|/.test(line) || /^\s+\|\s*\^/.test(line)) continue;
    if (line.trim() !== '') kept.push(line.trim());
  }
  return kept.join(' ').replace(/^Error: /, '');
}

/**
 * How many characters of each message to keep, `total` in all: the shortest are kept whole, and the longer ones share
 * what those leave, each within MESSAGE_CHARS.
 */
function messageBudgets(lengths, total) {
  const budgets = lengths.map(() => MESSAGE_CHARS.least);
  let left = Math.max(0, total);
  let sharing = lengths.length;
  for (const i of lengths.map((_, index) => index).sort((a, b) => lengths[a] - lengths[b])) {
    const share = Math.floor(left / sharing);
    budgets[i] = Math.min(MESSAGE_CHARS.most, Math.max(MESSAGE_CHARS.least, Math.min(lengths[i], share)));
    left -= Math.min(lengths[i], budgets[i]);
    sharing -= 1;
  }
  return budgets;
}

/** The digest's lines for `results` (Jest's aggregated results), or none when nothing failed. Typed in the .d.ts. */
function failureDigest(results, rootDir) {
  const failures = [];
  for (const file of results.testResults) {
    const where = file.testFilePath.startsWith(`${rootDir}/`)
      ? file.testFilePath.slice(rootDir.length + 1)
      : file.testFilePath;
    const failed = file.testResults.filter((test) => test.status === 'failed');
    for (const test of failed) {
      const block = test.ancestorTitles[0];
      const name = [where, ...(block === undefined ? [] : [block]), cut(test.title, TITLE_CHARS)].join(' › ');
      failures.push({ name, message: oneLine(test.failureMessages.join('\n')) });
    }
    // A file that failed outside any test (it did not load, or a hook after all tests threw).
    if (failed.length === 0 && file.testExecError != null)
      failures.push({ name: where, message: oneLine(file.failureMessage ?? String(file.testExecError)) });
  }
  if (failures.length === 0) return [];
  const listed = failures.slice(0, MOST_LISTED);
  const budgets = messageBudgets(
    listed.map(({ message }) => message.length),
    DIGEST_CHARS - listed.reduce((sum, { name }) => sum + name.length + 6, 0),
  );
  const lines = [`Failed, in brief (${failures.length}):`];
  listed.forEach(({ name, message }, i) => lines.push(`- ${name}`, `  ${cut(message, budgets[i])}`));
  if (failures.length > listed.length) lines.push(`- and ${failures.length - listed.length} more (see above)`);
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
