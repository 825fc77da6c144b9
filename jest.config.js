/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // One Azurite for the whole run, started as a child process (never inside a test process: see README).
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  // strip-bom is ESM-only; @microsoft/app-manifest requires it from CommonJS.
  moduleNameMapper: { '^strip-bom$': '<rootDir>/test/support/stripBom.js' },
  testTimeout: 60000,
  maxWorkers: 2,
};
