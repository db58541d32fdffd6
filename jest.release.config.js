// Release checks: the source archive AMO's reviewers get is rebuilt in a temporary folder (`npm ci`, then the build)
// and must give the store archives byte for byte. Needs `npm run package` first; no browser.
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/release/**/*.release.test.ts'],
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: { module: 'commonjs', moduleResolution: 'node', resolveJsonModule: true, esModuleInterop: true } },
    ],
  },
  // `npm ci` (from npm's cache when it can) and two builds; a hung install still fails.
  testTimeout: 600_000,
  verbose: true,
  // A short digest of every failure, printed last: a CI log cut to its head and tail still says why (see the file).
  reporters: ['default', '<rootDir>/test/failure-digest-reporter.js'],
};
