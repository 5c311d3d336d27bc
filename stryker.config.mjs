// Mutation testing of the two libs whose tests are the evidence an inspector relies on: the domain rules and the
// integrity verifiers. `npm run test:mutation` (not part of `npm test`); docs/testing.md says how to read it.
const concurrency = Number.parseInt(process.env.STRYKER_CONCURRENCY ?? '1', 10);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  // findRelatedTests: a mutant's run loads only the spec files that import the mutated file (the covering tests are then
  // picked by name), so an integrity mutant never loads the domain specs and their test world.
  jest: { projectType: 'custom', configFile: 'stryker.jest.config.cjs', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: ['libs/domain/src/**/*.ts', 'libs/integrity/src/**/*.ts', '!**/*.spec.ts', '!**/index.ts', '!libs/integrity/test-vectors/**'],
  // The sandbox needs the sources and configs only: not the embedded database, builds or reports.
  ignorePatterns: ['.data', 'dist', 'coverage', 'reports', 'test-artifacts', '.stryker-tmp', '*.log'],
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  // The build machine has two cores shared with other work; STRYKER_CONCURRENCY=2 uses both.
  concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : 1,
  reporters: ['html', 'clear-text', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  timeoutMS: 10_000,
  // Each mutant is a fresh jest run inside one worker, whose memory grows (1.5 GB after ~500 runs): start a new worker
  // every 100 runs, which costs a few seconds each time.
  maxTestRunnerReuse: 100,
  tempDirName: '.stryker-tmp',
};
