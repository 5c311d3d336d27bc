import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/** The PostgreSQL of the test run (jest's global setup sets DATABASE_URL: embedded, or the one you gave). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run tests through jest so libs/testing/src/global/postgres.setup.ts starts PostgreSQL');
  return url;
}

/** A pool on the test database. */
export function testPool(max = 10): Pool {
  return new Pool({ connectionString: testDatabaseUrl(), max });
}

/** A fresh schema name, so parallel test files never see each other's rows. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** Drops a schema created by a test. */
export async function dropSchema(pool: Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

/** Polls `check` until it returns a value other than undefined (waiting on a condition, never a fixed sleep). */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `url` pointing at another database of the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer(sql: string): Promise<void> {
  const pool = new Pool({ connectionString: withDatabase(testDatabaseUrl(), 'postgres'), max: 1 });
  try {
    await pool.query(sql);
  } finally {
    await pool.end();
  }
}

/** A fresh, empty database on the test server (for a whole app or a child process); `drop` removes it. */
export async function createTestDatabase(prefix = 'mutasi_e2e'): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = uniqueSchema(prefix);
  await onServer(`CREATE DATABASE ${name}`);
  return { name, url: withDatabase(testDatabaseUrl(), name), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
