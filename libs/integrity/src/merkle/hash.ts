import { createHash } from 'node:crypto';
import { MerkleError } from '../errors';

/** Size in bytes of every hash in the tree (SHA-256). */
export const HASH_SIZE = 32;

// RFC 6962 §2.1 domain separation: a leaf can never be confused with an interior node (second-preimage defence).
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** RFC 6962 leaf hash: SHA-256(0x00 ‖ data). */
export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/** RFC 6962 interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** Root of the empty tree: SHA-256 of the empty string (RFC 6962 §2.1). */
export function emptyRoot(): Buffer {
  return createHash('sha256').digest();
}

/**
 * RFC 6962 Merkle tree hash MTH(D[n]) computed from all leaf hashes: the reference against which the
 * node-store based functions are checked, and handy for small trees.
 */
export function rootFromLeafHashes(leafHashes: readonly Uint8Array[]): Buffer {
  if (leafHashes.length === 0) return emptyRoot();
  leafHashes.forEach((hash, index) => assertHash(hash, `leaf hash ${index}`));
  return subtreeRoot(leafHashes, 0, leafHashes.length);
}

function subtreeRoot(leafHashes: readonly Uint8Array[], start: number, size: number): Buffer {
  if (size === 1) return Buffer.from(leafHashes[start] as Uint8Array);
  const k = largestPowerOfTwoBelow(size);
  return nodeHash(subtreeRoot(leafHashes, start, k), subtreeRoot(leafHashes, start + k, size - k));
}

/** The largest power of two strictly less than n (n ≥ 2): where RFC 6962 splits a tree of n leaves. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Refuses anything that is not a 32-byte hash.
 * @throws MerkleError (`INVALID_HASH`)
 */
export function assertHash(hash: unknown, what: string): asserts hash is Uint8Array {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
    throw new MerkleError('INVALID_HASH', `${what} must be a ${HASH_SIZE}-byte hash`);
  }
}
