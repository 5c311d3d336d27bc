import { EntityManager } from 'typeorm';
import { agencyCaseEntry, EntryTree, streamHeadEntry } from '@mutasi/integrity';

type Queryable = Pick<EntityManager, 'query'>;
type HeadRow = { stream_id: string; revision: number; leaf_index: string; leaf_hash: Buffer };

/** Both maps a checkpoint of `size` leaves commits to (docs/completeness.md). */
export interface LedgerMaps {
  readonly streamHeads: EntryTree;
  readonly agencyCases: EntryTree;
}

/**
 * The stream-heads and agency-cases maps of the ledger's first `size` leaves. Read without a transaction: heads
 * still below `size` are read first; a stream whose head has since moved to `size` or beyond is then looked up in
 * its leaves below `size`, which never change, so a concurrent append cannot skew the result.
 */
export async function ledgerMapsAt(db: Queryable, size: number): Promise<LedgerMaps> {
  const below = (await db.query('SELECT h.stream_id, h.revision, h.leaf_index::text AS leaf_index, h.leaf_hash FROM ledger_stream_heads h WHERE h.leaf_index < $1', [
    size,
  ])) as HeadRow[];
  const seen = new Set(below.map((r) => r.stream_id));
  const moved = ((await db.query('SELECT h.stream_id FROM ledger_stream_heads h WHERE h.leaf_index >= $1', [size])) as { stream_id: string }[])
    .map((r) => r.stream_id)
    .filter((s) => !seen.has(s));
  const earlier =
    moved.length === 0
      ? []
      : ((await db.query(
          `SELECT DISTINCT ON (l.stream_id) l.stream_id, l.revision, l.leaf_index::text AS leaf_index, l.leaf_hash FROM ledger_leaves l
     WHERE l.stream_id = ANY($1::text[]) AND l.leaf_index < $2 ORDER BY l.stream_id, l.revision DESC`,
          [moved, size],
        )) as HeadRow[]);
  const heads = [...below, ...earlier].map((r) => streamHeadEntry({ streamId: r.stream_id, revision: r.revision, leafIndex: Number(r.leaf_index), leafHash: r.leaf_hash }));
  const cases = ((await db.query('SELECT c.agency_id, c.stream_id FROM ledger_case_agencies c WHERE c.first_leaf < $1', [size])) as { agency_id: string; stream_id: string }[]).map(
    (r) => agencyCaseEntry({ agencyId: r.agency_id, streamId: r.stream_id }),
  );
  return { streamHeads: EntryTree.sorted(heads), agencyCases: EntryTree.sorted(cases) };
}
