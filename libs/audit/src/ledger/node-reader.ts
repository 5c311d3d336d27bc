import { EntityManager } from 'typeorm';
import { NodeKey, nodeKeyString, NodeLookup } from '@mutasi/integrity';

type Queryable = Pick<EntityManager, 'query'>;

/** Reads the perfect-subtree hashes a proof or root needs, in one query, and serves them as a lookup. */
export async function nodeLookup(db: Queryable, keys: readonly NodeKey[]): Promise<NodeLookup> {
  const found = new Map<string, Buffer>();
  if (keys.length > 0) {
    const rows = (await db.query('SELECT level, idx::text AS idx, hash FROM ledger_nodes WHERE (level, idx) IN (SELECT * FROM unnest($1::int[], $2::bigint[]))', [
      keys.map((k) => k.level),
      keys.map((k) => String(k.index)),
    ])) as { level: number; idx: string; hash: Buffer }[];
    for (const r of rows) found.set(nodeKeyString({ level: r.level, index: Number(r.idx) }), r.hash);
  }
  return (key) => found.get(nodeKeyString(key));
}

/** Number of leaves in the ledger. */
export async function ledgerSize(db: Queryable): Promise<number> {
  const rows = (await db.query('SELECT coalesce(max(leaf_index) + 1, 0)::text AS n FROM ledger_leaves')) as { n: string }[];
  return Number(rows[0]?.n ?? 0);
}
