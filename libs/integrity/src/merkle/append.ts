import { describeValue, isIndex } from '../encoding';
import { MerkleError } from '../errors';
import { assertHash, nodeHash } from './hash';
import type { NodeLookup } from './build';
import { nodeKeyString, type NodeKey } from './plan';

/** A perfect-subtree hash to store, with its key. */
export interface StoredNode {
  readonly key: NodeKey;
  readonly hash: Buffer;
}

/**
 * The nodes that become complete when the leaf with hash `leafHash` is appended at `leafIndex` (the tree had
 * `leafIndex` leaves before): the leaf itself at level 0, then each parent whose right child just completed.
 * Storing them keeps about 2N hashes for N leaves (exactly 2N − popcount(N)) and never rehashes old leaves.
 *
 * `lookup` must give the left siblings, which are complete and stored already; appends must happen in leaf order.
 * @throws MerkleError `INVALID_TREE_RANGE` (bad index), `MISSING_NODE` (a left sibling is not stored), `INVALID_HASH`
 */
export function newNodesOnAppend(leafIndex: number, leafHash: Uint8Array, lookup: NodeLookup): StoredNode[] {
  if (!isIndex(leafIndex)) throw new MerkleError('INVALID_TREE_RANGE', `leaf index ${describeValue(leafIndex)} is not a non-negative integer`);
  assertHash(leafHash, 'leaf hash');
  let key: NodeKey = { level: 0, index: leafIndex };
  let hash: Buffer = Buffer.from(leafHash);
  const nodes: StoredNode[] = [{ key, hash }];
  // An odd index is a right child: its parent is complete now. An even index waits for its right sibling.
  while (key.index % 2 === 1) {
    const leftKey: NodeKey = { level: key.level, index: key.index - 1 };
    const left = lookup(leftKey);
    if (left === undefined) throw new MerkleError('MISSING_NODE', `left sibling ${nodeKeyString(leftKey)} is not in the store`);
    assertHash(left, `node ${nodeKeyString(leftKey)}`);
    hash = nodeHash(left, hash);
    key = { level: key.level + 1, index: (key.index - 1) / 2 };
    nodes.push({ key, hash });
  }
  return nodes;
}
