import { EmbeddedPostgres, startEmbeddedPostgres } from '../../../local-infra/src/embedded-postgres';

/** Where the server started by this setup waits for `postgres.teardown.ts`. */
export const EMBEDDED_POSTGRES = Symbol.for('mutasi.testing.embeddedPostgres');
export const postgresRegistry = globalThis as typeof globalThis & { [EMBEDDED_POSTGRES]?: EmbeddedPostgres };

/**
 * Jest globalSetup: gives the test run a real PostgreSQL in `DATABASE_URL`, which test workers inherit. When
 * `DATABASE_URL` is already set (CI or a developer's own server) it is used as it is; otherwise an embedded
 * PostgreSQL is started on a free 127.0.0.1 port with a temporary data folder.
 */
export default async function postgresGlobalSetup(): Promise<void> {
  if (process.env.DATABASE_URL || postgresRegistry[EMBEDDED_POSTGRES]) return;
  const server = await startEmbeddedPostgres();
  postgresRegistry[EMBEDDED_POSTGRES] = server;
  process.env.DATABASE_URL = server.url;
  process.env.MUTASI_TEST_POSTGRES = 'embedded';
}
