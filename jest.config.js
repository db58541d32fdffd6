// Unit tests: pure modules and components with in-memory fakes. Each test sits beside its module as name.test.ts;
// a page component's test is name.test.tsx and runs in jsdom (its docblock says `@jest-environment jsdom`).
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/scripts', '<rootDir>/popup', '<rootDir>/options', '<rootDir>/test/unit'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // jsdom would pick the packages' browser (ES module) builds, which jest cannot load as CommonJS.
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
  testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node',
          resolveJsonModule: true,
          esModuleInterop: true,
          jsx: 'react-jsx',
          jsxImportSource: 'preact',
        },
      },
    ],
  },
  // A short digest of every failure, printed last: a CI log cut to its head and tail still says why (see the file).
  reporters: ['default', '<rootDir>/test/failure-digest-reporter.js'],
};
