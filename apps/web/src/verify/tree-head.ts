import { equalBytes, shortHash, toHex, tryFromBase64 } from './bytes';
import { verifyCheckpoint, type SignedHead, type VerifierKey } from './checkpoint';
import { emptyRoot, verifyConsistency } from './merkle';
import type { BundleHeader, FailureCode } from './types';

type Fail = (place: string, code: FailureCode, reason: string) => void;

const bytes = (b64: string): Uint8Array => tryFromBase64(b64) ?? new Uint8Array();

/**
 * The signed head every proof of the bundle is checked against (libs/integrity/src/bundle/tree-head-checks.ts): the
 * checkpoint must verify with the pinned key, the header's fields must be the signed ones, and it must carry both map
 * lines. Null when the signature does not verify.
 */
export async function checkTreeHead(header: BundleHeader, key: VerifierKey, fail: Fail): Promise<SignedHead | null> {
  const checked = await verifyCheckpoint(header.treeHead.checkpoint, key);
  if (!checked.ok) {
    fail('kepala pohon', 'CHECKPOINT_SIGNATURE', `checkpoint tidak sah dengan kunci yang Anda sematkan: ${checked.reason}`);
    return null;
  }
  const signed = checked.head;
  const here = (reason: string): void => fail('kepala pohon', 'TREE_HEAD_MISMATCH', reason);
  if (signed.origin !== header.origin) here(`checkpoint untuk origin ${JSON.stringify(signed.origin)}, bukan ${JSON.stringify(header.origin)}`);
  if (signed.treeSize !== header.treeHead.treeSize) here(`treeHead.treeSize ${header.treeHead.treeSize} bukan ukuran yang ditandatangani (${signed.treeSize})`);
  const claimed = bytes(header.treeHead.rootHash);
  if (!equalBytes(claimed, signed.rootHash)) here(`treeHead.rootHash ${shortHash(toHex(claimed))} bukan akar yang ditandatangani ${shortHash(toHex(signed.rootHash))}`);
  if (Math.floor(Date.parse(header.treeHead.timestamp) / 1000) * 1000 !== signed.timestamp.getTime())
    here(`treeHead.timestamp ${header.treeHead.timestamp} bukan waktu yang ditandatangani ${signed.timestamp.toISOString()}`);
  if (signed.streamHeads === undefined || signed.agencyCases === undefined) {
    fail(
      'kepala pohon',
      'NO_COMPLETENESS_MAPS',
      'checkpoint tidak memuat peta kepala aliran dan daftar kasus instansi: kelengkapan tidak dapat dibuktikan (ditandatangani sebelum ada bukti kelengkapan)',
    );
  }
  return signed;
}

/** Each consistency proof of the bundle must lead from its earlier head to the signed one. */
export async function checkConsistencyProofs(header: BundleHeader, head: SignedHead, fail: Fail): Promise<void> {
  for (const c of header.consistencyProofs) {
    const reason = await verifyConsistency(c.fromSize, head.treeSize, bytes(c.fromRoot), head.rootHash, c.proof.map(bytes));
    if (reason) fail(`bukti konsistensi dari ukuran ${c.fromSize}`, 'CONSISTENCY', reason);
  }
}

/** The bundle's head must equal or extend a checkpoint the inspector kept from an earlier verification. */
export async function checkHeldCheckpoint(header: BundleHeader, held: string, key: VerifierKey, head: SignedHead, fail: Fail): Promise<number | null> {
  const here = (reason: string): null => {
    fail('checkpoint yang disimpan', 'HELD_CHECKPOINT', reason);
    return null;
  };
  const checked = await verifyCheckpoint(held, key);
  if (!checked.ok) return here(`checkpoint yang Anda simpan tidak sah dengan kunci yang disematkan: ${checked.reason}`);
  const mine = checked.head;
  if (mine.origin !== header.origin) return here(`checkpoint yang Anda simpan untuk origin ${JSON.stringify(mine.origin)}, bukan ${JSON.stringify(header.origin)}`);
  if (mine.treeSize > head.treeSize) {
    return here(
      `checkpoint yang Anda simpan (ukuran ${mine.treeSize}, ${mine.timestamp.toISOString()}) lebih baru daripada kepala pohon bundel (ukuran ${head.treeSize}): bundel usang atau log digulung mundur`,
    );
  }
  if (mine.treeSize === head.treeSize) {
    if (!equalBytes(mine.rootHash, head.rootHash))
      return here(`dua akar bertanda tangan yang berbeda untuk ukuran pohon ${head.treeSize}: log menunjukkan dua riwayat yang berbeda`);
    return mine.treeSize;
  }
  if (mine.treeSize === 0) {
    if (!equalBytes(mine.rootHash, await emptyRoot())) return here('checkpoint yang Anda simpan berukuran 0 tetapi akarnya bukan akar pohon kosong');
    return 0;
  }
  const entry = header.consistencyProofs.find((p) => p.fromSize === mine.treeSize);
  if (entry === undefined) return here(`bundel tidak memuat bukti konsistensi dari ukuran ${mine.treeSize}, ukuran checkpoint yang Anda simpan`);
  const reason = await verifyConsistency(mine.treeSize, head.treeSize, mine.rootHash, head.rootHash, entry.proof.map(bytes));
  if (reason) return here(`kepala pohon bundel tidak melanjutkan checkpoint yang Anda simpan (riwayat diubah): ${reason}`);
  return mine.treeSize;
}
