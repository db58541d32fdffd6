import FailureDigestReporter, { failureDigest } from '../failure-digest-reporter';

type Results = Parameters<typeof failureDigest>[0];
type FileResult = Results['testResults'][number];

const ROOT = '/repo';
const JEST_MESSAGE = [
  '\u001b[1mError: Timed out after 90000 ms waiting for the collector to receive an OTLP batch.\u001b[22m',
  'Last fleet/status: 2026-12-05T08:20:39Z {"waiting":3}.',
  '',
  '  \u001b[0m \u001b[90m 159 |\u001b[39m       describeFailure\u001b[33m:\u001b[39m',
  '  \u001b[31m\u001b[1m>\u001b[22m\u001b[39m\u001b[90m 160 |\u001b[39m         \u001b[36mconst\u001b[39m received',
  '      |                    ^',
  '    at waitFor (/repo/test/e2e/harness/wait-for.ts:40:11)',
  '    at Object.<anonymous> (/repo/test/e2e/fleet-reporting.e2e.test.ts:289:21)',
].join('\n');

const file = (name: string, tests: FileResult['testResults'], extra: Partial<FileResult> = {}): FileResult => ({
  testFilePath: `${ROOT}/test/e2e/${name}`,
  testResults: tests,
  ...extra,
});
const failed = (title: string, message = JEST_MESSAGE, ancestorTitles = ['Fleet reporting in firefox', 'OTLP']) => ({
  status: 'failed',
  title,
  ancestorTitles,
  failureMessages: [message],
});
const passed = (title: string) => ({ status: 'passed', title, ancestorTitles: [], failureMessages: [] });
const digestOf = (...files: FileResult[]) => failureDigest({ testResults: files }, ROOT);

describe('failureDigest', () => {
  test('says nothing when nothing failed', () => {
    expect(digestOf(file('a.e2e.test.ts', [passed('a works')]))).toEqual([]);
  });

  test("lists each failed test by file, outer block and name, with its message on one line: no colours, code excerpt, stack or 'Error: '", () => {
    expect(
      digestOf(
        file('fleet.e2e.test.ts', [passed('chromium sends'), failed('sends')]),
        file('audit.e2e.test.ts', [failed('the popup lists it', 'Error: expected 3\nreceived 2', [])]),
      ),
    ).toEqual([
      'Failed, in brief (2):',
      '- test/e2e/fleet.e2e.test.ts › Fleet reporting in firefox › sends',
      '  Timed out after 90000 ms waiting for the collector to receive an OTLP batch. Last fleet/status: 2026-12-05T08:20:39Z {"waiting":3}.',
      '- test/e2e/audit.e2e.test.ts › the popup lists it',
      '  expected 3 received 2',
    ]);
  });

  test("one failure keeps 700 characters of its message, and a test's own name 80", () => {
    const [, name, message] = digestOf(file('a.e2e.test.ts', [failed('t'.repeat(300), 'x'.repeat(5000))]));
    expect(name).toBe(`- test/e2e/a.e2e.test.ts › Fleet reporting in firefox › ${'t'.repeat(80)}…`);
    expect(message).toBe(`  ${'x'.repeat(700)}…`);
  });

  test('several failures share about 1,500 characters: short messages whole, the long ones what is left, at least 120 each', () => {
    const lines = digestOf(
      file('fleet-reporting.e2e.test.ts', [
        failed('first', 'x'.repeat(5000)),
        failed('second', 'y'.repeat(5000)),
        failed('third', 'a short message'),
        failed('fourth', 'z'.repeat(90)),
      ]),
    );
    const messages = lines.filter((_, i) => i > 0 && i % 2 === 0).map((line) => line.trim());
    expect(messages[2]).toBe('a short message');
    expect(messages[3]).toBe('z'.repeat(90));
    // What the short ones left is shared by the long ones, equally (to a character).
    expect(Math.abs((messages[0]?.length ?? 0) - (messages[1]?.length ?? 0))).toBeLessThanOrEqual(1);
    expect(messages[0]?.length).toBeGreaterThan(400);
    expect(lines.slice(1).join('\n').length).toBeLessThanOrEqual(1_500 + 20);

    const twelve = Array.from({ length: 12 }, (_, i) => failed(`t${i}`, 'x'.repeat(5000)));
    for (const message of digestOf(file('a.e2e.test.ts', twelve)).filter((_, i) => i > 0 && i % 2 === 0))
      expect(message).toBe(`  ${'x'.repeat(120)}…`);
  });

  test('names a file that failed outside its tests (it did not load)', () => {
    expect(
      digestOf(
        file('broken.e2e.test.ts', [], {
          testExecError: new Error('Cannot find module'),
          failureMessage: "Test suite failed to run\n\n  Cannot find module './gone'\n    at require (x.js:1:1)",
        }),
      ),
    ).toEqual([
      'Failed, in brief (1):',
      '- test/e2e/broken.e2e.test.ts',
      "  Test suite failed to run Cannot find module './gone'",
    ]);
  });

  test('lists twelve and says how many more failed', () => {
    const many = Array.from({ length: 15 }, (_, i) => failed(`test ${i}`, `boom ${i}`, []));
    const lines = digestOf(file('a.e2e.test.ts', many));
    expect(lines[0]).toBe('Failed, in brief (15):');
    expect(lines).toContain('- test/e2e/a.e2e.test.ts › test 11');
    expect(lines).not.toContain('- test/e2e/a.e2e.test.ts › test 12');
    expect(lines.at(-1)).toBe('- and 3 more (see above)');
  });
});

describe('FailureDigestReporter', () => {
  test('writes the digest to stderr when the run ends, and nothing after a green run', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const reporter = new FailureDigestReporter({ rootDir: ROOT });
      reporter.onRunComplete(undefined, { testResults: [file('a.e2e.test.ts', [passed('fine')])] });
      expect(write).not.toHaveBeenCalled();
      reporter.onRunComplete(undefined, { testResults: [file('a.e2e.test.ts', [failed('t', 'boom', [])])] });
      expect(write.mock.calls.map(([text]) => String(text))).toEqual([
        '\nFailed, in brief (1):\n- test/e2e/a.e2e.test.ts › t\n  boom\n',
      ]);
    } finally {
      write.mockRestore();
    }
  });
});
