import { describeValue, isIndex, isRecord } from '../encoding';
import { HASH_SIZE, nodeHash } from './hash';

/** Outcome of a proof check: never an exception, whatever the input. */
export type ProofCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Inputs of {@link verifyInclusion}. */
export interface InclusionClaim {
  readonly leafIndex: number;
  readonly treeSize: number;
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly root: Uint8Array;
}

/** Inputs of {@link verifyConsistency}. */
export interface ConsistencyClaim {
  readonly size1: number;
  readonly size2: number;
  readonly root1: Uint8Array;
  readonly root2: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

const refuse = (reason: string): ProofCheck => ({ ok: false, reason });
const OK: ProofCheck = { ok: true };

/**
 * Checks an RFC 6962 inclusion proof exactly as RFC 9162 §2.1.3.2 describes: the leaf hash, folded with the
 * proof's hashes along the path that `leafIndex` and `treeSize` dictate, must give `root`. Inputs of any shape
 * (wrong lengths, negative or fractional sizes, garbage) are refused with a reason, never thrown.
 */
export function verifyInclusion(claim: InclusionClaim): ProofCheck {
  if (!isRecord(claim)) return refuse('no inclusion claim given');
  const { leafIndex, treeSize, leafHash, proof, root } = claim;
  if (!isIndex(treeSize)) return refuse(`tree size ${describeValue(treeSize)} is not a non-negative integer`);
  if (!isIndex(leafIndex)) return refuse(`leaf index ${describeValue(leafIndex)} is not a non-negative integer`);
  if (leafIndex >= treeSize) return refuse(`leaf index ${leafIndex} is outside a tree of size ${treeSize}`);
  if (!isHash(leafHash)) return refuse(`leaf hash is not a ${HASH_SIZE}-byte hash`);
  if (!isBytes(root)) return refuse('root is not a byte string');
  const path = proofHashes(proof);
  if (typeof path === 'string') return refuse(path);

  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of path) {
    if (sn === 0) return refuse(`proof has more hashes than a tree of size ${treeSize} needs`);
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      // A right-edge node with no right sibling is promoted unchanged: skip the levels where fn is a left child.
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return refuse(`proof has fewer hashes than a tree of size ${treeSize} needs`);
  if (!r.equals(root)) return refuse('proof does not lead to the root: the leaf is not in this tree at this index');
  return OK;
}

/**
 * Checks an RFC 6962 consistency proof exactly as RFC 9162 §2.1.4.2 describes: the tree of `size2` leaves with
 * root `root2` extends the tree of `size1` leaves with root `root1`, without changing any of its leaves.
 * Equal sizes need an empty proof and equal roots. A proof from the empty tree (size1 = 0) is refused: it would
 * prove nothing. Inputs of any shape are refused with a reason, never thrown.
 */
export function verifyConsistency(claim: ConsistencyClaim): ProofCheck {
  if (!isRecord(claim)) return refuse('no consistency claim given');
  const { size1, size2, root1, root2, proof } = claim;
  if (!isIndex(size1) || !isIndex(size2)) return refuse(`tree sizes ${describeValue(size1)} and ${describeValue(size2)} are not non-negative integers`);
  if (size1 > size2) return refuse(`size1 ${size1} is larger than size2 ${size2}: a log never shrinks`);
  if (size1 === 0) return refuse('consistency with the empty tree proves nothing (size1 is 0)');
  if (!isBytes(root1) || !isBytes(root2)) return refuse('roots are not byte strings');
  const path = proofHashes(proof);
  if (typeof path === 'string') return refuse(path);
  if (size1 === size2) {
    if (path.length > 0) return refuse('sizes are equal but the proof is not empty');
    return Buffer.from(root1).equals(root2) ? OK : refuse(`two different roots for the same tree size ${size1}`);
  }
  if (path.length === 0) return refuse('proof is empty');

  // When size1 is a power of two, the old root is itself a node of the new tree and is not sent.
  const hashes = isPowerOfTwo(size1) ? [Buffer.from(root1), ...path] : path;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr: Buffer = hashes[0] as Buffer;
  let sr = fr;
  for (const c of hashes.slice(1)) {
    if (sn === 0) return refuse(`proof has more hashes than sizes ${size1} → ${size2} need`);
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return refuse(`proof has fewer hashes than sizes ${size1} → ${size2} need`);
  if (!fr.equals(root1)) return refuse(`proof does not lead to the root of size ${size1}`);
  if (!sr.equals(root2)) return refuse(`proof does not lead to the root of size ${size2}: the newer tree does not extend the older one`);
  return OK;
}

/** The proof as 32-byte buffers, or the reason it is not a proof. */
function proofHashes(proof: unknown): Buffer[] | string {
  if (!Array.isArray(proof)) return 'proof is not a list of hashes';
  const hashes: Buffer[] = [];
  for (const [i, p] of proof.entries()) {
    if (!isHash(p)) return `proof hash ${i} is not a ${HASH_SIZE}-byte hash`;
    hashes.push(Buffer.from(p));
  }
  return hashes;
}

/** Uint8Array check that also holds for Buffers made in another realm (test sandboxes, workers). */
function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || (ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]');
}

function isHash(value: unknown): value is Uint8Array {
  return isBytes(value) && value.length === HASH_SIZE;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** Right shift by one that stays exact beyond 32 bits (JavaScript's >> is 32-bit). */
function half(n: number): number {
  return Math.floor(n / 2);
}
