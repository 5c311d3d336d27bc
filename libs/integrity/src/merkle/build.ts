import { MerkleError } from '../errors';
import { assertHash, emptyRoot, nodeHash } from './hash';
import { consistencyProofRanges, inclusionProofRanges, nodeKeyString, perfectSubtrees, rootNodes, type LeafRange, type NodeKey } from './plan';

/**
 * Gives the stored hash of a complete perfect subtree, or undefined if the store does not have it. Synchronous on
 * purpose: fetch the keys listed by the `*Nodes` planning functions first (one query), then assemble.
 */
export type NodeLookup = (key: NodeKey) => Uint8Array | undefined;

/**
 * RFC 6962 / RFC 9162 §2.1.3.1 inclusion proof of leaf `leafIndex` in the tree of the first `treeSize` leaves,
 * assembled from stored perfect-subtree hashes (see {@link inclusionProofNodes}). Byte-identical to the proof
 * computed from all leaves.
 * @throws MerkleError `INVALID_TREE_RANGE` (leaf outside the tree), `MISSING_NODE`, `INVALID_HASH`
 */
export function buildInclusionProof(leafIndex: number, treeSize: number, lookup: NodeLookup): Buffer[] {
  return inclusionProofRanges(leafIndex, treeSize).map((range) => rangeHash(range, lookup));
}

/**
 * RFC 9162 §2.1.4.1 consistency proof between the trees of `size1` and `size2` leaves (0 < size1 ≤ size2; empty
 * when the sizes are equal), assembled from stored perfect-subtree hashes (see {@link consistencyProofNodes}).
 * @throws MerkleError `INVALID_TREE_RANGE`, `MISSING_NODE`, `INVALID_HASH`
 */
export function buildConsistencyProof(size1: number, size2: number, lookup: NodeLookup): Buffer[] {
  return consistencyProofRanges(size1, size2).map((range) => rangeHash(range, lookup));
}

/**
 * Root hash of the tree of the first `treeSize` leaves from stored perfect-subtree hashes (see {@link rootNodes}):
 * at most one lookup per bit of the size, no rehashing of leaves.
 * @throws MerkleError `INVALID_TREE_RANGE`, `MISSING_NODE`, `INVALID_HASH`
 */
export function rootFromNodes(treeSize: number, lookup: NodeLookup): Buffer {
  rootNodes(treeSize); // validates the size
  return treeSize === 0 ? emptyRoot() : rangeHash({ start: 0, end: treeSize }, lookup);
}

/** RFC 6962 hash of a leaf range: its perfect subtrees folded from the right, as MTH splits a right edge. */
function rangeHash(range: LeafRange, lookup: NodeLookup): Buffer {
  const hashes = perfectSubtrees(range).map((key) => {
    const hash = lookup(key);
    if (hash === undefined) throw new MerkleError('MISSING_NODE', `node ${nodeKeyString(key)} is not in the store`);
    assertHash(hash, `node ${nodeKeyString(key)}`);
    return hash;
  });
  let acc: Buffer = Buffer.from(hashes[hashes.length - 1] as Uint8Array);
  for (let i = hashes.length - 2; i >= 0; i -= 1) acc = nodeHash(hashes[i] as Uint8Array, acc);
  return acc;
}
