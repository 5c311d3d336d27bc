import { equalBytes, sha256 } from './bytes';

/** RFC 6962 hashing: a leaf is SHA-256(0x00 ‖ data), an inner node SHA-256(0x01 ‖ left ‖ right). */
export const leafHash = (data: Uint8Array): Promise<Uint8Array> => sha256(Uint8Array.of(0), data);
const nodeHash = (left: Uint8Array, right: Uint8Array): Promise<Uint8Array> => sha256(Uint8Array.of(1), left, right);

/**
 * Checks an RFC 6962 / RFC 9162 §2.1.3.2 inclusion proof: walks from the leaf up with the audit path and compares
 * the result with the signed root. Returns a reason when it fails.
 */
export async function verifyInclusion(leafIndex: number, treeSize: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): Promise<string | null> {
  if (leafIndex < 0 || leafIndex >= treeSize) return `leaf ${leafIndex} is outside a tree of ${treeSize}`;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return 'the proof is longer than the tree is deep';
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return 'the proof is shorter than the tree is deep';
  return equalBytes(r, root) ? null : 'the proof does not lead to the signed root';
}
