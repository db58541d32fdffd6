// End-to-end tests: the built extension in real Chromium and Firefox ESR against a local HTTPS fixture server
// (test/e2e/harness). Run with --runInBand: each file launches browsers and the tests share them in order.
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', moduleResolution: 'node', resolveJsonModule: true, esModuleInterop: true } },
    ],
  },
  // Launching a browser and loading a page of some 160 vendor scripts takes seconds; a hung browser still fails.
  testTimeout: 90_000,
  verbose: true,
  // A short digest of every failure, printed last: a CI log cut to its head and tail still says why (see the file).
  reporters: ['default', '<rootDir>/test/failure-digest-reporter.js'],
};
