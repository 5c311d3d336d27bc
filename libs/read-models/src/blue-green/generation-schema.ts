import { EntityManager } from 'typeorm';

/** A query surface: a TypeORM data source, entity manager or query runner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The bookkeeping tables a generation keeps for itself, so its checkpoint never mixes with the serving one. */
export const BOOKKEEPING = ['projection_checkpoints', 'projection_stream_versions', 'projection_quarantine'] as const;

/** The schema a projection's next generation is built in: one per projection, so a rebuild can resume after a crash. */
export function stagingSchemaOf(projection: string): string {
  return `rebuild_${projection.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
}

/** An index that is not behind a constraint (primary key, unique): built after the rows are in, under its own name. */
export interface SecondaryIndex {
  readonly table: string;
  readonly name: string;
  readonly definition: string;
}

/** What the migrations table says has been applied (the TypeORM table DatabaseModule names: id, timestamp, name). */
const MIGRATIONS_APPLIED = `(SELECT count(*) || ':' || coalesce(max(timestamp), 0) FROM mutasi_migrations)`;

export const quoted = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

async function rows<T>(db: Queryable, sql: string, parameters: unknown[]): Promise<T[]> {
  return (await db.query(sql, parameters)) as T[];
}

export async function schemaExists(db: Queryable, schema: string): Promise<boolean> {
  return (await rows(db, 'SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).length > 0;
}

/** Secondary indexes of `schema.table` as PostgreSQL would recreate them. */
export async function secondaryIndexes(db: Queryable, schema: string, table: string): Promise<SecondaryIndex[]> {
  const found = await rows<{ name: string; definition: string }>(
    db,
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname = $2 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY i.relname`,
    [schema, table],
  );
  return found.map((f) => ({ table, ...f }));
}

/**
 * Creates the staging schema with an empty copy of each table (columns, defaults, constraints; no secondary index yet,
 * rows go in faster without them) and of the bookkeeping tables.
 */
export async function createStaging(tx: EntityManager, schema: string, tables: readonly string[]): Promise<void> {
  await tx.query(`CREATE SCHEMA ${quoted(schema)}`);
  for (const table of [...tables, ...BOOKKEEPING]) {
    await tx.query(`CREATE TABLE ${quoted(schema)}.${quoted(table)} (LIKE public.${quoted(table)} INCLUDING ALL)`);
    for (const index of await secondaryIndexes(tx, schema, table)) await tx.query(`DROP INDEX ${quoted(schema)}.${quoted(index.name)}`);
  }
  // The migration this generation was shaped by: a resume after a later migration starts over.
  await tx.query(`CREATE TABLE ${quoted(schema)}.generation_shape (migration text)`);
  await tx.query(`INSERT INTO ${quoted(schema)}.generation_shape SELECT ${MIGRATIONS_APPLIED}`);
}

/** True when the staging tables were cut from the schema the migrations give today. */
export async function stagingMatchesMigrations(db: Queryable, schema: string): Promise<boolean> {
  const [shape] = await rows<{ same: boolean }>(
    db,
    `SELECT (SELECT migration FROM ${quoted(schema)}.generation_shape) IS NOT DISTINCT FROM (SELECT ${MIGRATIONS_APPLIED}) AS same`,
    [],
  );
  return shape?.same === true;
}

/** Builds, in staging, the secondary indexes the serving tables have, under the same names. */
export async function buildSecondaryIndexes(db: Queryable, schema: string, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const present = new Set((await secondaryIndexes(db, schema, table)).map((i) => i.name));
    for (const index of await secondaryIndexes(db, 'public', table)) {
      if (present.has(index.name)) continue;
      const target = `ON ${quoted(schema)}.${quoted(table)} `;
      const definition = index.definition.replace(/ ON (public\.)?("?)[^ ]+\2 /, ` ${target}`);
      if (!definition.includes(target)) throw new Error(`cannot rebuild index ${index.name} of ${table} in ${schema}: ${index.definition}`);
      await db.query(definition);
    }
    await db.query(`ANALYZE ${quoted(schema)}.${quoted(table)}`);
  }
}

/** Views over the given public tables, with their definitions, so a switch can put them back over the new tables. */
export async function dependentViews(db: Queryable, tables: readonly string[]): Promise<{ name: string; definition: string }[]> {
  return rows(
    db,
    `SELECT DISTINCT v.relname AS name, pg_get_viewdef(v.oid) AS definition
       FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname = ANY($1) AND v.oid <> t.oid AND v.relkind = 'v'`,
    [tables],
  );
}
