import FailureDigestReporter, { failureDigest } from '../failure-digest-reporter';

type Results = Parameters<typeof failureDigest>[0];
type FileResult = Results['testResults'][number];

const ROOT = '/repo';
const JEST_MESSAGE = [
  '\u001b[1mError: Timed out after 90000 ms waiting for the collector to receive an OTLP batch.\u001b[22m',
  'Received: []. Last fleet/status: 2026-12-05T08:20:39Z {"waiting":3}.',
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
const failed = (fullName: string, message = JEST_MESSAGE) => ({
  status: 'failed',
  fullName,
  failureMessages: [message],
});
const passed = (fullName: string) => ({ status: 'passed', fullName, failureMessages: [] });

describe('failureDigest', () => {
  test('says nothing when nothing failed', () => {
    expect(failureDigest({ testResults: [file('a.e2e.test.ts', [passed('a works')])] }, ROOT)).toEqual([]);
  });

  test('lists each failed test with its file and a one-line message, without colours, code excerpt or stack', () => {
    const lines = failureDigest(
      {
        testResults: [
          file('fleet.e2e.test.ts', [passed('chromium sends'), failed('firefox sends')]),
          file('audit.e2e.test.ts', [failed('the popup lists it', 'Error: expected 3\nreceived 2')]),
        ],
      },
      ROOT,
    );
    expect(lines).toEqual([
      'Failed, in brief (2):',
      '- test/e2e/fleet.e2e.test.ts › firefox sends',
      '  Error: Timed out after 90000 ms waiting for the collector to receive an OTLP batch. Received: []. Last fleet/status: 2026-12-05T08:20:39Z {"waiting":3}.',
      '- test/e2e/audit.e2e.test.ts › the popup lists it',
      '  Error: expected 3 received 2',
    ]);
  });

  test('cuts a long message and marks the cut', () => {
    const [, , message] = failureDigest(
      { testResults: [file('a.e2e.test.ts', [failed('t', 'x'.repeat(5000))])] },
      ROOT,
    );
    expect(message).toBe(`  ${'x'.repeat(700)}…`);
  });

  test('names a file that failed outside its tests (it did not load)', () => {
    const lines = failureDigest(
      {
        testResults: [
          file('broken.e2e.test.ts', [], {
            testExecError: new Error('Cannot find module'),
            failureMessage: "Test suite failed to run\n\n  Cannot find module './gone'\n    at require (x.js:1:1)",
          }),
        ],
      },
      ROOT,
    );
    expect(lines).toEqual([
      'Failed, in brief (1):',
      '- test/e2e/broken.e2e.test.ts',
      "  Test suite failed to run Cannot find module './gone'",
    ]);
  });

  test('lists twelve and says how many more failed', () => {
    const many = Array.from({ length: 15 }, (_, i) => failed(`test ${i}`, `boom ${i}`));
    const lines = failureDigest({ testResults: [file('a.e2e.test.ts', many)] }, ROOT);
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
      reporter.onRunComplete(undefined, { testResults: [file('a.e2e.test.ts', [failed('t', 'boom')])] });
      expect(write.mock.calls.map(([text]) => String(text))).toEqual([
        '\nFailed, in brief (1):\n- test/e2e/a.e2e.test.ts › t\n  boom\n',
      ]);
    } finally {
      write.mockRestore();
    }
  });
});
