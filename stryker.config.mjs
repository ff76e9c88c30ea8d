// Mutation testing (issue 7, "Tests that bite"): `npm run test:mutation`. On demand only — it takes
// minutes, so it is in neither `npm test` nor `.ci/run`. See docs/mutation-testing.md.
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  // ESM + ts-jest: jest needs the VM-modules flag in Stryker's test-runner processes as well.
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // The unit and integration tests of the mutated folders (real Redis, real HTTP). Left out: the
    // gateway, browser and reliability suites (they cover the same code end to end but cost ~35 s a
    // run), and test/datasources/upstream-client.test.ts, which boots the whole simulator (seconds per
    // mutant) for two checks that upstream-http.test.ts makes against a small HTTP server.
    config: {
      testPathIgnorePatterns: ['/node_modules/', '/test/datasources/upstream-client\\.test\\.ts$'],
      testMatch: [
        '<rootDir>/test/cache/**/*.test.ts',
        '<rootDir>/test/budget/**/*.test.ts',
        '<rootDir>/test/datasources/**/*.test.ts',
        '<rootDir>/test/catalogue/**/*.test.ts',
      ],
    },
    // Per mutant, only the test files that import the mutated file (and of those, the tests that
    // covered it): without this every test file is loaded for every mutant.
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  mutate: [
    'src/cache/**/*.ts',
    'src/budget/**/*.ts',
    'src/datasources/operations.ts',
    'src/datasources/write-lifecycle.ts',
    'src/datasources/cached-reader.ts',
    'src/datasources/upstream-client.ts',
    'src/datasources/upstream-errors.ts',
    'src/catalogue/stale-reads.ts',
  ],
  // Two cores shared with other engineers.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
