import { tryFromBase64 } from '@mutasi/integrity';

/** A parsed `add-checkpoint` body (c2sp.org/tlog-witness): old size, consistency proof, signed checkpoint. */
export interface AddCheckpointRequest {
  readonly oldSize: number;
  readonly proof: readonly Buffer[];
  /** The signed checkpoint note as sent, with every signature it carries. */
  readonly checkpoint: string;
}

/** The spec's cap on consistency proof lines: 63 hashes cover any tree up to 2^63 leaves. */
export const MAX_PROOF_LINES = 63;

const OLD_SIZE = /^old (0|[1-9][0-9]*)$/;

/**
 * Splits an `add-checkpoint` body: `old <size>\n`, zero to 63 base64 hash lines, an empty line, then the checkpoint.
 * Only the framing is checked here; the checkpoint note is read by the witness.
 * @returns the request, or why the body is malformed (a 400)
 */
export function parseAddCheckpointRequest(body: string): AddCheckpointRequest | string {
  const end = body.indexOf('\n\n');
  if (end < 0) return 'the body has no empty line between the old size and proof lines and the checkpoint';
  const [first, ...proofLines] = body.slice(0, end).split('\n');
  const old = OLD_SIZE.exec(first ?? '');
  if (old === null) return 'the body does not start with "old <size>" (decimal, no leading zeros)';
  const oldSize = Number(old[1]);
  if (!Number.isSafeInteger(oldSize)) return 'the old size is too large';
  if (proofLines.length > MAX_PROOF_LINES) return `more than ${MAX_PROOF_LINES} consistency proof lines`;
  const proof: Buffer[] = [];
  for (const [i, line] of proofLines.entries()) {
    const hash = tryFromBase64(line);
    if (hash === undefined || hash.length !== 32) return `consistency proof line ${i + 1} is not the base64 of a 32-byte hash`;
    proof.push(hash);
  }
  return { oldSize, proof, checkpoint: body.slice(end + 2) };
}
