import { tryFromBase64 } from '@mutasi/integrity';

/** The three lines of a checkpoint a witness vouches for (c2sp.org/tlog-checkpoint). */
export interface CheckpointBody {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Buffer;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * Reads origin, tree size and root hash from a checkpoint's note text. Extension lines (Mutasi's `timestamp` and map
 * lines, anything a future log adds) are left alone on purpose: the witness speaks only to the first three lines, as
 * c2sp.org/tlog-cosignature says, so it keeps working whatever extensions a log writes.
 * @returns the fields, or the reason the text is not a checkpoint
 */
export function readCheckpointBody(text: string): CheckpointBody | string {
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (origin === undefined || origin === '') return 'the checkpoint has no origin line';
  if (size === undefined || !DECIMAL.test(size) || !Number.isSafeInteger(Number(size))) return "the checkpoint's second line is not a tree size in decimal without leading zeros";
  const rootHash = tryFromBase64(root);
  if (rootHash === undefined || rootHash.length !== 32) return "the checkpoint's third line is not the base64 of a 32-byte root hash";
  if (extensions.some((line) => line === '')) return 'the checkpoint has an empty extension line';
  return { origin, treeSize: Number(size), rootHash };
}
