import { Pool } from 'pg';

/** One schema change; applied once, in order, recorded in `<schema>.schema_migrations`. */
export interface Migration {
  readonly id: string;
  readonly sql: (schema: string) => string;
}

/** The event store's schema. Append-only: the application never updates or deletes rows. */
export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    id: '001-events',
    sql: (s) => `
      CREATE TABLE ${s}.events (
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        stream_id text NOT NULL,
        revision bigint NOT NULL CHECK (revision >= 0),
        event_id uuid NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (tx_id, seq)
      );
      CREATE UNIQUE INDEX events_stream_revision ON ${s}.events (stream_id, revision);
      CREATE UNIQUE INDEX events_event_id ON ${s}.events (event_id);
      COMMENT ON TABLE ${s}.events IS 'Mutasi event store: append-only. Global order is (tx_id, seq); readers see a transaction only once every older one has ended.';
    `,
  },
];

/** A safe SQL identifier for a schema name (letters, digits, underscore). */
export function schemaIdentifier(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  return schema;
}

/**
 * Applies the migrations not yet applied, under an advisory lock so concurrent starts do not race. Each migration
 * runs in its own transaction together with its record.
 */
export async function migrate(pool: Pool, schema: string, migrations: readonly Migration[]): Promise<string[]> {
  const s = schemaIdentifier(schema);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`mutasi-migrate-${s}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ id: string }>(`SELECT id FROM ${s}.schema_migrations`)).rows.map((r) => r.id));
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql(s));
        await client.query(`INSERT INTO ${s}.schema_migrations (id) VALUES ($1)`, [migration.id]);
        await client.query('COMMIT');
        applied.push(migration.id);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`mutasi-migrate-${s}`]).catch(() => undefined);
    client.release();
  }
}
