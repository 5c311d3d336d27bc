import { EntityManager } from 'typeorm';
import { eventLeafData, leafHash, newNodesOnAppend, nodeKeyString, rootNodes, StoredNode } from '@mutasi/integrity';
import { RecordedEvent } from '@mutasi/event-store';
import { Projection } from '@mutasi/read-models';
import { insertRows } from '../sql-batch';
import { caseAgenciesOf } from './case-agencies';
import { ledgerSize, nodeLookup } from './node-reader';

/**
 * The global Merkle ledger (docs/architecture.md, "Integrity" 2): every event, in global order, becomes the next RFC 6962
 * leaf; the perfect subtrees it completes are stored with it, so roots and proofs never rehash the whole log.
 * Leaves, nodes, the stream heads and agency case lists, and the checkpoint commit together.
 */
export class LedgerProjection implements Projection {
  readonly name = 'ledger';
  /** Every event is a leaf: one the ledger cannot take stops it, never a silent gap. */
  readonly quarantines = false;
  /** Never rebuilt from zero by `projections:rebuild`: the signed tree heads commit to it. */
  readonly tables = [] as const;

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    let size = await ledgerSize(tx);
    const frontier = await nodeLookup(tx, rootNodes(size));
    const fresh = new Map<string, Buffer>();
    const lookup = (key: Parameters<typeof frontier>[0]): Uint8Array | undefined => fresh.get(nodeKeyString(key)) ?? frontier(key);
    const leaves: unknown[][] = [];
    const nodes: StoredNode[] = [];
    const heads = new Map<string, unknown[]>();
    const cases = new Map<string, unknown[]>();
    for (const e of events) {
      // The leaf is the event AS STORED, never its upcast form (libs/domain/src/stored-events): an old version stays the
      // bytes its hash chain and every signed tree head commit to, and a verifier recomputes it from the raw record.
      // The maps below read the stored data for the same reason.
      const hash = leafHash(eventLeafData(e));
      leaves.push([size, e.globalPosition, e.eventId, e.streamId, e.revision, hash]);
      heads.set(e.streamId, [e.streamId, e.revision, size, hash]);
      for (const agencyId of caseAgenciesOf(e.streamId, e.data))
        if (!cases.has(`${agencyId}\n${e.streamId}`)) cases.set(`${agencyId}\n${e.streamId}`, [agencyId, e.streamId, size]);
      for (const node of newNodesOnAppend(size, hash, lookup)) {
        fresh.set(nodeKeyString(node.key), node.hash);
        nodes.push(node);
      }
      size += 1;
    }
    await insertRows(
      tx,
      'ledger_leaves',
      [
        { name: 'leaf_index', type: 'bigint' },
        { name: 'position', type: 'text' },
        { name: 'event_id', type: 'uuid' },
        { name: 'stream_id', type: 'text' },
        { name: 'revision', type: 'int' },
        { name: 'leaf_hash', type: 'bytea' },
      ],
      leaves,
      '',
    );
    await insertRows(
      tx,
      'ledger_nodes',
      [
        { name: 'level', type: 'int' },
        { name: 'idx', type: 'bigint' },
        { name: 'hash', type: 'bytea' },
      ],
      nodes.map((n) => [n.key.level, n.key.index, n.hash]),
      'ON CONFLICT DO NOTHING',
    );
    // The maps the checkpoints commit to (docs/completeness.md), in the same transaction as the leaves.
    await insertRows(
      tx,
      'ledger_stream_heads',
      [
        { name: 'stream_id', type: 'text' },
        { name: 'revision', type: 'int' },
        { name: 'leaf_index', type: 'bigint' },
        { name: 'leaf_hash', type: 'bytea' },
      ],
      [...heads.values()],
      'ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, leaf_index = excluded.leaf_index, leaf_hash = excluded.leaf_hash',
    );
    await insertRows(
      tx,
      'ledger_case_agencies',
      [
        { name: 'agency_id', type: 'text' },
        { name: 'stream_id', type: 'text' },
        { name: 'first_leaf', type: 'bigint' },
      ],
      [...cases.values()],
      'ON CONFLICT DO NOTHING',
    );
  }
}
