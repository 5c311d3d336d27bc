import { equalBytes, isIndex, sha256 } from './bytes';

/** RFC 6962 hashing: a leaf is SHA-256(0x00 ‖ data), an inner node SHA-256(0x01 ‖ left ‖ right). */
export const leafHash = (data: Uint8Array): Promise<Uint8Array> => sha256(Uint8Array.of(0), data);
const nodeHash = (left: Uint8Array, right: Uint8Array): Promise<Uint8Array> => sha256(Uint8Array.of(1), left, right);
/** The root of the empty tree: SHA-256 of nothing. */
export const emptyRoot = (): Promise<Uint8Array> => sha256();

const half = (n: number): number => Math.floor(n / 2);

/** A proof's hashes, each 32 bytes, or the reason it is not a proof. */
function proofProblem(proof: readonly Uint8Array[]): string | null {
  const bad = proof.findIndex((p) => p.length !== 32);
  return bad < 0 ? null : `hash bukti ke-${bad} bukan 32 bita`;
}

/**
 * Checks an RFC 6962 inclusion proof as RFC 9162 §2.1.3.2 describes: walks from the leaf up with the audit path and
 * compares the result with the signed root. Returns the reason (in Indonesian) when it fails, null when it holds.
 */
export async function verifyInclusion(leafIndex: number, treeSize: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): Promise<string | null> {
  if (!isIndex(treeSize) || !isIndex(leafIndex)) return 'indeks daun atau ukuran pohon bukan bilangan bulat tak negatif';
  if (leafIndex >= treeSize) return `daun ${leafIndex} berada di luar pohon berukuran ${treeSize}`;
  const problem = proofProblem(proof);
  if (problem) return problem;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return 'bukti lebih panjang daripada kedalaman pohon';
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return 'bukti lebih pendek daripada kedalaman pohon';
  return equalBytes(r, root) ? null : 'bukti tidak berujung pada akar yang ditandatangani';
}

/**
 * Checks an RFC 6962 consistency proof as RFC 9162 §2.1.4.2 describes: the tree of `size2` leaves with root `root2`
 * extends the tree of `size1` leaves with root `root1` without changing any of them. Returns the reason or null.
 */
export async function verifyConsistency(size1: number, size2: number, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): Promise<string | null> {
  if (!isIndex(size1) || !isIndex(size2)) return 'ukuran pohon bukan bilangan bulat tak negatif';
  if (size1 > size2) return `ukuran ${size1} lebih besar daripada ${size2}: log tidak pernah menyusut`;
  if (size1 === 0) return 'konsistensi dengan pohon kosong tidak membuktikan apa pun';
  const problem = proofProblem(proof);
  if (problem) return problem;
  if (size1 === size2) {
    if (proof.length > 0) return 'ukuran sama tetapi bukti tidak kosong';
    return equalBytes(root1, root2) ? null : `dua akar berbeda untuk ukuran pohon yang sama ${size1}`;
  }
  if (proof.length === 0) return 'bukti kosong';
  // When size1 is a power of two, the old root is itself a node of the new tree and is not sent.
  const hashes = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = hashes[0] as Uint8Array;
  let sr = fr;
  for (const c of hashes.slice(1)) {
    if (sn === 0) return 'bukti lebih panjang daripada yang diperlukan';
    if (fn % 2 === 1 || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return 'bukti lebih pendek daripada yang diperlukan';
  if (!equalBytes(fr, root1)) return `bukti tidak berujung pada akar pohon berukuran ${size1}`;
  if (!equalBytes(sr, root2)) return `bukti tidak berujung pada akar pohon berukuran ${size2}: pohon baru tidak melanjutkan yang lama`;
  return null;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
