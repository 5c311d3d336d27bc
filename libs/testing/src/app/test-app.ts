import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { authFor, createHttpApp, DevTokenIssuer, FixedClock, loadConfig, OffsetClock, Principal } from '@mutasi/platform';
import { StandaloneModule } from '@mutasi/standalone';
import { createTestDatabase } from '../infra/postgres';
import { TEST_NOW } from '@mutasi/demo-data';
import { ApiClient } from './api-client';

/** A Mutasi server for one test file: its own database, a clock the test moves, demo data, real HTTP on loopback. */
export interface TestApp {
  readonly url: string;
  readonly databaseUrl: string;
  /** The clock the test moves (unless the app runs on a `demoClock` of its own). */
  readonly clock: FixedClock;
  readonly app: INestApplication;
  readonly api: ApiClient;
  /** A small pool on the app's database, for tests that look at rows directly (closed with the app). */
  readonly db: Pool;
  /** A token for any principal, signed by the server's dev issuer (for role × agency matrices). */
  tokenFor(principal: Principal): Promise<string>;
  /** The server's data dir (its ledger key, standalone's witnesses' keys and state). */
  readonly dataDir: string;
  /** Stops the server and drops its database. */
  close(): Promise<void>;
  /** Drops the database (after `stop`, when the test is done with it). */
  dropDatabase(): Promise<void>;
  /** Stops the server and keeps its database, to start again on it (`reuse`), like a restart. */
  stop(): Promise<void>;
}

/** Starts the standalone composition against a fresh database on the test PostgreSQL. */
export async function startTestApp(
  options: { now?: string; workers?: boolean; seedDemo?: boolean; env?: Record<string, string>; reuse?: TestApp; demoClock?: OffsetClock } = {},
): Promise<TestApp> {
  const database = options.reuse ? { url: options.reuse.databaseUrl, drop: options.reuse.dropDatabase } : await createTestDatabase();
  const databaseUrl = database.url;
  // Its own data dir (ledger key, standalone's witnesses), kept across a restart on the same database.
  const dataDir = options.reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'mutasi-test-data-'));
  const config = loadConfig({ AUTH_DEV_TOKENS: 'true', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: databaseUrl, MUTASI_DATA_DIR: dataDir, ...options.env }, 'standalone');
  const clock = new FixedClock(new Date(options.now ?? TEST_NOW));
  const auth = await authFor(config);
  const app = await createHttpApp(
    StandaloneModule.forRoot({ config, clock: options.demoClock ?? clock, databaseUrl, ...auth }, { workers: options.workers ?? false, seedDemo: options.seedDemo ?? true }),
    { title: 'Mutasi (test)', description: 'test', ...(process.env.MUTASI_TEST_LOG ? {} : { logger: false as const }) },
  );
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as { address(): { port: number } }).address();
  const url = `http://127.0.0.1:${port}`;
  const issuer = auth.devAuth.issuer as DevTokenIssuer;
  const db = new Pool({ connectionString: databaseUrl, max: 3 });
  return {
    url,
    databaseUrl,
    dataDir,
    clock,
    app,
    db,
    api: new ApiClient(url),
    tokenFor: (principal) => issuer.sign(principal),
    async close() {
      await db.end();
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    dropDatabase: database.drop,
    async stop() {
      await db.end();
      await app.close();
    },
  };
}

/**
 * Ends, after each test, the cases it tracked (withdrawn before the decree, revoked after), so the next story finds
 * the places and the employees free again (R-04, M-09). Call it in a `describe` body; wrap each driver in `track`.
 */
export function endCasesAfterEach(): <D extends { end(reason?: string): Promise<void> }>(driver: D) => D {
  const open: { end(reason?: string): Promise<void> }[] = [];
  afterEach(async () => {
    for (const d of open.splice(0)) await d.end();
  });
  return (driver) => {
    open.push(driver);
    return driver;
  };
}
