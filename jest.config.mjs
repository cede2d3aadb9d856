// Jest runs in ESM mode (NestJS 12 is ESM-only): `node --experimental-vm-modules`, ts-jest with
// `useESM`. Five tiers: unit specs beside the code; integration, e2e and browser tests in test/,
// each against real PostgreSQL and Redis in databases that test/support/global-setup.ts creates.
const tsJest = [
  'ts-jest',
  { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: { warnOnly: false } },
];

const moduleNameMapper = {
  '^@sheber/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@sheber/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const shared = {
  rootDir: '.',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};

/** @type {import('jest').Config} */
export default {
  ...shared,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/test/architecture/**/*.test.ts',
      ],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFiles: ['reflect-metadata', '<rootDir>/test/support/worker-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/centre-day-guard.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFiles: ['reflect-metadata', '<rootDir>/test/support/worker-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/centre-day-guard.ts'],
    },
    {
      // The built API and worker against a private PostgreSQL and Redis that the tests stop and
      // kill (test/faults). `npm test` runs it short (FAULTS_SHORT=1), `npm run test:faults` full.
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'hostile',
      testMatch: ['<rootDir>/test/hostile/**/*.test.ts'],
      setupFiles: ['reflect-metadata', '<rootDir>/test/support/worker-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/centre-day-guard.ts'],
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      setupFiles: ['reflect-metadata', '<rootDir>/test/support/worker-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/centre-day-guard.ts'],
    },
  ],
};
