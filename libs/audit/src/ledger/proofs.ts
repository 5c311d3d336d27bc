import { DataSource } from 'typeorm';
import { buildConsistencyProof, buildInclusionProof, consistencyProofNodes, inclusionProofNodes, toBase64 } from '@mutasi/integrity';
import { DomainError, invalid } from '@mutasi/domain';
import { ledgerSize, nodeLookup } from './node-reader';

/** RFC 6962 inclusion and consistency proofs served from the stored perfect subtrees. */
export class LedgerProofs {
  constructor(private readonly db: DataSource) {}

  async leafOf(eventId: string): Promise<{ leafIndex: number; leafHash: Buffer } | null> {
    const rows = (await this.db.query('SELECT leaf_index::text AS i, leaf_hash FROM ledger_leaves WHERE event_id = $1', [eventId])) as { i: string; leaf_hash: Buffer }[];
    return rows[0] ? { leafIndex: Number(rows[0].i), leafHash: rows[0].leaf_hash } : null;
  }

  async inclusion(eventId: string, treeSize: number): Promise<{ leafIndex: number; treeSize: number; leafHash: string; proof: string[] }> {
    const leaf = await this.leafOf(eventId);
    if (!leaf) throw new DomainError('NOT_FOUND', 'EVENT_NOT_IN_LEDGER', `event ${eventId} is not in the ledger (yet)`);
    const size = await ledgerSize(this.db);
    if (treeSize > size) throw invalid('TREE_TOO_LARGE', 'treeSize', `the ledger has ${size} leaves`);
    if (leaf.leafIndex >= treeSize) throw invalid('LEAF_OUTSIDE_TREE', 'treeSize', `leaf ${leaf.leafIndex} is not in a tree of ${treeSize} leaves`);
    const proof = buildInclusionProof(leaf.leafIndex, treeSize, await nodeLookup(this.db, inclusionProofNodes(leaf.leafIndex, treeSize)));
    return { leafIndex: leaf.leafIndex, treeSize, leafHash: toBase64(leaf.leafHash), proof: proof.map(toBase64) };
  }

  /** The leaf index of each of these events that the ledger holds. */
  async leafIndexes(eventIds: readonly string[]): Promise<Map<string, number>> {
    const rows = (await this.db.query('SELECT event_id::text AS id, leaf_index::text AS i FROM ledger_leaves WHERE event_id = ANY($1::uuid[])', [eventIds])) as {
      id: string;
      i: string;
    }[];
    return new Map(rows.map((r) => [r.id, Number(r.i)]));
  }

  /** The inclusion proof (base64) of a leaf the caller knows is in a tree of `treeSize` the ledger holds. */
  async inclusionOfLeaf(leafIndex: number, treeSize: number): Promise<string[]> {
    return buildInclusionProof(leafIndex, treeSize, await nodeLookup(this.db, inclusionProofNodes(leafIndex, treeSize))).map(toBase64);
  }

  /** The inclusion proofs of several leaves in one tree, with one read of the nodes they need (a stream's events). */
  async inclusionOfLeaves(leafIndexes: readonly number[], treeSize: number): Promise<Map<number, string[]>> {
    const lookup = await nodeLookup(
      this.db,
      leafIndexes.flatMap((i) => inclusionProofNodes(i, treeSize)),
    );
    return new Map(leafIndexes.map((i) => [i, buildInclusionProof(i, treeSize, lookup).map(toBase64)]));
  }

  async consistency(size1: number, size2: number): Promise<{ size1: number; size2: number; proof: string[] }> {
    const size = await ledgerSize(this.db);
    if (size1 < 1 || size1 > size2) throw invalid('INVALID_SIZES', 'from', 'need 1 ≤ from ≤ to');
    if (size2 > size) throw invalid('TREE_TOO_LARGE', 'to', `the ledger has ${size} leaves`);
    const proof = buildConsistencyProof(size1, size2, await nodeLookup(this.db, consistencyProofNodes(size1, size2)));
    return { size1, size2, proof: proof.map(toBase64) };
  }
}
