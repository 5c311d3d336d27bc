/**
 * One `jest` run covers every project of the monorepo. Each lib and app is its own jest project, so
 * `npx jest --selectProjects domain` runs one of them. Type checking is done once by `npm run typecheck`,
 * so tests are transpiled only (fast) here.
 */
const path = require('node:path');

const tsTransform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.jest.json'), diagnostics: false }],
};

const moduleNameMapper = {
  '^@mutasi/testing/app$': '<rootDir>/libs/testing/src/app',
  '^@mutasi/testing/browser$': '<rootDir>/libs/testing/src/browser',
  '^@mutasi/testing/distributed$': '<rootDir>/libs/testing/src/distributed',
  '^@mutasi/([a-z-]+)$': '<rootDir>/libs/$1/src',
};

/** Projects that need a real PostgreSQL get the PostgreSQL global setup (started once, shared). */
const postgres = {
  globalSetup: '<rootDir>/libs/testing/src/global/postgres.setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global/postgres.teardown.ts',
};

/** Browser journeys: a real PostgreSQL and the web app built from source once per run; a real Chromium per file. */
const browser = {
  globalSetup: '<rootDir>/libs/testing/src/global/browser.setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global/postgres.teardown.ts',
};

/** Projects that talk to Kafka also get a real broker (started once for the run unless KAFKA_BROKERS is set). */
const postgresAndKafka = {
  globalSetup: '<rootDir>/libs/testing/src/global/postgres-and-kafka.setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global/postgres-and-kafka.teardown.ts',
};

/** The web app (apps/web): browser code in jsdom (with fetch and WebCrypto), .ts and .tsx (JSX), transpiled only. */
const web = {
  testEnvironment: '<rootDir>/apps/web/jest.environment.cjs',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'apps/web/tsconfig.jest.json'), diagnostics: false }] },
  testMatch: ['<rootDir>/apps/web/**/*.spec.{ts,tsx}'],
};

function project(name, dir, extra = {}) {
  return {
    displayName: name,
    rootDir: __dirname,
    testEnvironment: 'node',
    transform: tsTransform,
    moduleNameMapper,
    testMatch: [`<rootDir>/${dir}/**/*.spec.ts`],
    setupFiles: ['reflect-metadata'],
    // Stryker's sandbox copies the repository: never a second copy of every module and test.
    modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/', '<rootDir>/dist/'],
    ...extra,
  };
}

module.exports = {
  // Two workers on two cores: most suites wait on PostgreSQL, Kafka or Chromium, which run in their own processes, so
  // jest's default (cores − 1 = one worker) leaves a core idle; measured 7 min instead of 15 for the whole suite.
  maxWorkers: 2,
  testTimeout: 60_000,
  projects: [
    project('domain', 'libs/domain'),
    project('integrity', 'libs/integrity'),
    project('witness', 'libs/witness'),
    project('audit', 'libs/audit'),
    project('relay', 'libs/relay'),
    project('event-store', 'libs/event-store', postgres),
    project('platform', 'libs/platform'),
    project('local-infra', 'libs/local-infra'),
    project('observability', 'libs/observability'),
    project('notifications', 'libs/notifications'),
    project('simulation', 'libs/simulation'),
    project('web', 'apps/web', web),
    project('repo', 'test/repo'),
    project('e2e', 'test/e2e', postgres),
    project('projections', 'test/projections', postgres),
    project('kafka', 'test/kafka', postgresAndKafka),
    project('browser', 'test/browser', browser),
  ],
};
