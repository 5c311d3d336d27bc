import { EntityManager } from 'typeorm';

/** One column of a batched insert: its name and PostgreSQL array element type. */
export interface Column {
  readonly name: string;
  readonly type: 'text' | 'int' | 'bigint' | 'uuid' | 'jsonb' | 'timestamptz' | 'date' | 'bytea' | 'text[]';
}

/**
 * Inserts many rows in one statement (`unnest` of one array per column), the fast path of every projection.
 * `onConflict` is the conflict clause, e.g. `ON CONFLICT (position) DO NOTHING`.
 */
export async function insertRows(tx: EntityManager, table: string, columns: readonly Column[], rows: readonly (readonly unknown[])[], onConflict: string): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((c, i) =>
    rows.map((r) => {
      const value = r[i];
      if (c.type === 'jsonb') return JSON.stringify(value);
      if (c.type === 'text[]') return `{${(value as string[]).map((v) => `"${v.replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`;
      return value;
    }),
  );
  const elementType = (c: Column): string => (c.type === 'jsonb' ? 'text' : c.type === 'text[]' ? 'text' : c.type);
  const select = columns.map((c, i) => (c.type === 'jsonb' ? `u.c${i}::jsonb` : c.type === 'text[]' ? `u.c${i}::text[]` : `u.c${i}`)).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${elementType(c)}[]`).join(', ');
  await tx.query(
    `INSERT INTO ${table} (${columns.map((c) => c.name).join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS u(${columns.map((_, i) => `c${i}`).join(', ')}) ${onConflict}`,
    arrays,
  );
}
