import { describeValue, isIndex } from '../encoding';
import { MerkleError } from '../errors';
import { largestPowerOfTwoBelow } from './hash';

/**
 * Names the hash of a perfect subtree: aligned and power-of-two sized. Level 0 are the leaf hashes; the node at
 * level L and index i covers leaves [i·2^L, (i+1)·2^L). These are the only hashes the ledger stores (about two per
 * leaf), because they never change once complete.
 */
export interface NodeKey {
  readonly level: number;
  readonly index: number;
}

/** A run of leaves [start, end) whose RFC 6962 subtree hash a proof needs. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** A stable text form of a node key (`"level:index"`), e.g. for map keys or database ids. */
export function nodeKeyString(key: NodeKey): string {
  return `${key.level}:${key.index}`;
}

/**
 * Splits a leaf range into the perfect subtrees whose hashes, folded from the right, give its RFC 6962 hash.
 * Ranges that proofs need are either perfect or end at the tree's right edge, and their start is aligned, so the
 * greedy split (largest power of two first) always lands on aligned subtrees.
 */
export function perfectSubtrees(range: LeafRange): NodeKey[] {
  const keys: NodeKey[] = [];
  let start = range.start;
  while (start < range.end) {
    let size = 1;
    let level = 0;
    while (size * 2 <= range.end - start) {
      size *= 2;
      level += 1;
    }
    if (start % size !== 0) throw new Error(`internal: range [${range.start}, ${range.end}) is not aligned`);
    keys.push({ level, index: start / size });
    start += size;
  }
  return keys;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]) as leaf ranges, in proof order (deepest sibling first). */
export function inclusionProofRanges(leafIndex: number, treeSize: number): LeafRange[] {
  if (!isIndex(leafIndex) || !isIndex(treeSize) || leafIndex >= treeSize) {
    throw new MerkleError('INVALID_TREE_RANGE', `no leaf ${describeValue(leafIndex)} in a tree of size ${describeValue(treeSize)}`);
  }
  const ranges: LeafRange[] = [];
  // Walk down from the root; each step records the sibling subtree, so the list comes out root-first.
  let start = 0;
  let size = treeSize;
  let m = leafIndex;
  while (size > 1) {
    const k = largestPowerOfTwoBelow(size);
    if (m < k) {
      ranges.push({ start: start + k, end: start + size });
      size = k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
      m -= k;
      size -= k;
    }
  }
  return ranges.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) as leaf ranges, in proof order. Needs 0 < size1 ≤ size2. */
export function consistencyProofRanges(size1: number, size2: number): LeafRange[] {
  if (!isIndex(size1) || !isIndex(size2) || size1 === 0 || size1 > size2) {
    throw new MerkleError(
      'INVALID_TREE_RANGE',
      `no consistency proof from size ${describeValue(size1)} to size ${describeValue(size2)} (needs 0 < size1 ≤ size2; every tree is consistent with the empty one)`,
    );
  }
  const ranges: LeafRange[] = [];
  let start = 0;
  let size = size2;
  let m = size1;
  // `complete` is SUBPROOF's b flag: true while the old tree's root is the current subtree itself, which the
  // verifier already holds, so it is not sent.
  let complete = true;
  while (m !== size) {
    const k = largestPowerOfTwoBelow(size);
    if (m <= k) {
      ranges.push({ start: start + k, end: start + size });
      size = k;
    } else {
      ranges.push({ start, end: start + k });
      start += k;
      m -= k;
      size -= k;
      complete = false;
    }
  }
  if (!complete) ranges.push({ start, end: start + size });
  return ranges.reverse();
}

/** The perfect subtrees whose hashes an inclusion proof for `leafIndex` in a tree of `treeSize` needs. */
export function inclusionProofNodes(leafIndex: number, treeSize: number): NodeKey[] {
  return inclusionProofRanges(leafIndex, treeSize).flatMap(perfectSubtrees);
}

/** The perfect subtrees whose hashes a consistency proof from `size1` to `size2` needs (0 < size1 ≤ size2). */
export function consistencyProofNodes(size1: number, size2: number): NodeKey[] {
  return consistencyProofRanges(size1, size2).flatMap(perfectSubtrees);
}

/** The perfect subtrees whose hashes give the root of a tree of `treeSize` leaves (none for the empty tree). */
export function rootNodes(treeSize: number): NodeKey[] {
  if (!isIndex(treeSize)) throw new MerkleError('INVALID_TREE_RANGE', `tree size ${describeValue(treeSize)} is not a non-negative integer`);
  return perfectSubtrees({ start: 0, end: treeSize });
}
