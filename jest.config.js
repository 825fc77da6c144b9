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
  // A worker that has grown past this after a test file is replaced. Workers that grew to 2 GB took longer to exit
  // than the 500 ms Jest waits at the end, and on a busy machine Jest then force-killed them and said so.
  workerIdleMemoryLimit: '1GB',
};
