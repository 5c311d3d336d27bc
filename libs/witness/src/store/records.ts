/**
 * What a witness keeps on disk. Both are JSON, one file each, written whole and renamed into place: a crash leaves
 * the previous file or the new one, never half of either.
 */

/** The latest checkpoint the witness cosigned for one log (`state/<origin>.json`). */
export interface CosignedCheckpoint {
  readonly origin: string;
  readonly treeSize: number;
  /** Base64, as in the checkpoint. */
  readonly rootHash: string;
  /** The checkpoint text, a blank line and the log's signature lines that verified (other lines are dropped). */
  readonly checkpoint: string;
  /** The witness's own signature line (ends with a newline); `checkpoint + cosignature` is the cosigned note. */
  readonly cosignature: string;
  /** Time of the cosignature (whole seconds, ISO 8601). */
  readonly cosignedAt: string;
}

/**
 * Why a log-signed checkpoint conflicts with what the witness cosigned:
 * - `split-view`: two checkpoints of the same size with different roots, both signed by the log. That alone proves
 *   the log showed two histories.
 * - `inconsistent-proof`: the consistency proof sent with a larger checkpoint does not lead from the cosigned root
 *   to the new one. Proof of misbehaviour only if no valid proof exists; a client with a broken proof also lands here.
 */
export type EvidenceKind = 'split-view' | 'inconsistent-proof';

/** One conflict, kept for ever in `evidence/<id>.json` (the id hashes kind and both checkpoints, so it is kept once). */
export interface Evidence {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly origin: string;
  readonly reason: string;
  /** When the witness saw it (ISO 8601). */
  readonly recordedAt: string;
  /** What the witness had cosigned when the conflicting checkpoint came. */
  readonly cosigned: CosignedCheckpoint;
  readonly submitted: {
    /** The submitted checkpoint: its text, a blank line and the log's signature lines that verified. */
    readonly checkpoint: string;
    readonly treeSize: number;
    readonly rootHash: string;
    readonly oldSize: number;
    /** The consistency proof as sent, base64 hashes. */
    readonly proof: readonly string[];
  };
}

/** The format tags inside the files, checked on reading so a stray JSON file is never taken for state. */
export const STATE_FORMAT = 'mutasi-witness-state/v1';
export const EVIDENCE_FORMAT = 'mutasi-witness-evidence/v1';
