// Unit tests: pure modules and components with in-memory fakes. Each test sits beside its module as name.test.ts.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/scripts', '<rootDir>/popup', '<rootDir>/options', '<rootDir>/test/unit'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node', resolveJsonModule: true, esModuleInterop: true } }],
  },
};
