import { createHash } from 'node:crypto';
import { cosignatureLine, openNote, parseCosignerSignerKey, parseSignedNote, toBase64, verifyConsistency, type CosignerSignerKey, type SignedNote } from '@mutasi/integrity';
import type { TrustedLogs } from './config/trusted-logs';
import { parseAddCheckpointRequest, type AddCheckpointRequest } from './protocol/add-checkpoint-request';
import { readCheckpointBody, type CheckpointBody } from './protocol/checkpoint-body';
import type { AddCheckpointOutcome } from './protocol/outcome';
import type { CosignedCheckpoint, Evidence, EvidenceKind } from './store/records';
import type { WitnessStore } from './store/witness-store';

/** What a witness needs: its key, the logs it vouches for, where it remembers, and a clock. */
export interface WitnessOptions {
  /** The witness's cosigner signer key `PRIVATE+KEY+<name>+<id>+<base64(0x04 ‖ seed)>`. */
  readonly signerKey: string;
  readonly logs: TrustedLogs;
  readonly store: WitnessStore;
  readonly now?: () => Date;
}

/** A submitted checkpoint whose framing, text and log signature were checked. */
interface Submission {
  readonly request: AddCheckpointRequest;
  readonly body: CheckpointBody;
  /** The checkpoint's note text (what is cosigned). */
  readonly text: string;
  /** Checkpoint text, blank line, the log's signature lines that verified. */
  readonly logSigned: string;
}

/**
 * A transparency-log witness (c2sp.org/tlog-witness): it cosigns a log's checkpoint only when it extends the last one
 * it cosigned for that log, so a log cannot show two histories to two readers who both require this witness. It
 * keeps what refutes the log (a split view, a failed consistency proof on a log-signed checkpoint) as evidence.
 */
export class Witness {
  private readonly key: CosignerSignerKey;
  private readonly now: () => Date;

  constructor(private readonly options: WitnessOptions) {
    this.key = parseCosignerSignerKey(options.signerKey);
    this.now = options.now ?? (() => new Date());
  }

  /** The witness's key name. */
  get name(): string {
    return this.key.name;
  }

  /** Runs every check of `add-checkpoint` on a request body, in the order of the spec, and cosigns when all pass. */
  async addCheckpoint(body: string): Promise<AddCheckpointOutcome> {
    const submission = this.checkSubmission(body);
    if ('kind' in submission) return submission;
    const { request, body: checkpoint } = submission;
    if (request.oldSize > checkpoint.treeSize) {
      return { kind: 'old-size-too-large', reason: `old size ${request.oldSize} is larger than the checkpoint's size ${checkpoint.treeSize}` };
    }
    return this.options.store.serialize(checkpoint.origin, async () => {
      const cosigned = await this.options.store.latest(checkpoint.origin);
      const latestSize = cosigned?.treeSize ?? 0;
      if (cosigned !== null && checkpoint.treeSize === cosigned.treeSize && cosigned.rootHash !== toBase64(checkpoint.rootHash)) {
        // Two log-signed roots for one size prove a split view, whatever old size the sender believed in.
        const reason = `split view: the log signed two roots for tree size ${cosigned.treeSize}, ${cosigned.rootHash} (cosigned ${cosigned.cosignedAt}) and ${toBase64(checkpoint.rootHash)}`;
        await this.keep('split-view', reason, cosigned, submission);
        if (request.oldSize === latestSize) return { kind: 'split-view', reason };
      }
      if (request.oldSize !== latestSize) {
        return {
          kind: 'stale-old-size',
          latestSize,
          reason: `old size ${request.oldSize} is not the size of the latest checkpoint this witness cosigned for ${checkpoint.origin}, ${latestSize}`,
        };
      }
      const inconsistent = this.proofProblem(request, checkpoint, cosigned);
      if (inconsistent !== null) {
        if (cosigned !== null && request.oldSize > 0 && request.oldSize < checkpoint.treeSize) await this.keep('inconsistent-proof', inconsistent, cosigned, submission);
        return { kind: 'inconsistent-proof', reason: inconsistent };
      }
      const latest = await this.cosign(submission, cosigned);
      return { kind: 'cosigned', cosignature: latest.cosignature, treeSize: latest.treeSize };
    });
  }

  /** The latest cosigned checkpoint of a log with this witness's cosignature, or null when it cosigned none. */
  async latestCosigned(origin: string): Promise<string | null> {
    const latest = await this.options.store.latest(origin);
    return latest === null ? null : `${latest.checkpoint}${latest.cosignature}`;
  }

  /** Every conflict kept, oldest first. */
  evidence(): Promise<Evidence[]> {
    return this.options.store.evidence();
  }

  /** Framing (400), known origin (404), a valid signature by a trusted key of that origin (403). */
  private checkSubmission(text: string): Submission | AddCheckpointOutcome {
    const request = parseAddCheckpointRequest(text);
    if (typeof request === 'string') return { kind: 'malformed', reason: request };
    let note: SignedNote;
    try {
      note = parseSignedNote(request.checkpoint);
    } catch (error: unknown) {
      return { kind: 'malformed', reason: error instanceof Error ? error.message : String(error) };
    }
    const body = readCheckpointBody(note.text);
    if (typeof body === 'string') return { kind: 'malformed', reason: body };
    const keys = this.options.logs.get(body.origin);
    if (keys === undefined) return { kind: 'unknown-origin', reason: `this witness does not vouch for the log ${JSON.stringify(body.origin)}` };
    const reasons: string[] = [];
    const verified = keys.filter((key) => {
      const opened = openNote(request.checkpoint, key);
      if (!opened.ok) reasons.push(opened.reason);
      return opened.ok;
    });
    if (verified.length === 0) return { kind: 'untrusted-signature', reason: `no signature by a trusted key of ${body.origin}: ${reasons.join('; ')}` };
    const lines = note.signatures
      .filter((s) => verified.some((key) => key.name === s.name && key.keyId.equals(s.keyId)))
      .map((s) => `\u2014 ${s.name} ${toBase64(Buffer.concat([s.keyId, s.signature]))}\n`);
    return { request, body, text: note.text, logSigned: `${note.text}\n${lines.join('')}` };
  }

  /** Why the proof does not take the cosigned tree to the submitted one (RFC 6962), or null when it does. */
  private proofProblem(request: AddCheckpointRequest, checkpoint: CheckpointBody, cosigned: CosignedCheckpoint | null): string | null {
    if (request.oldSize === checkpoint.treeSize || request.oldSize === 0) {
      return request.proof.length === 0 ? null : `the consistency proof must be empty when the old size is ${request.oldSize === 0 ? '0' : 'the checkpoint size'}`;
    }
    const check = verifyConsistency({
      size1: request.oldSize,
      size2: checkpoint.treeSize,
      root1: Buffer.from((cosigned as CosignedCheckpoint).rootHash, 'base64'),
      root2: checkpoint.rootHash,
      proof: request.proof,
    });
    return check.ok ? null : `the consistency proof from size ${request.oldSize} to ${checkpoint.treeSize} does not verify: ${check.reason}`;
  }

  /** Cosigns, saves the new latest checkpoint (before anyone sees the cosignature), returns it. */
  private async cosign(submission: Submission, previous: CosignedCheckpoint | null): Promise<CosignedCheckpoint> {
    // A cosignature states "the largest tree I saw, as of this time": never let the time go back with the clock.
    const seconds = Math.max(Math.floor(this.now().getTime() / 1000), previous === null ? 0 : Date.parse(previous.cosignedAt) / 1000);
    const time = new Date(seconds * 1000);
    const latest: CosignedCheckpoint = {
      origin: submission.body.origin,
      treeSize: submission.body.treeSize,
      rootHash: toBase64(submission.body.rootHash),
      checkpoint: submission.logSigned,
      cosignature: cosignatureLine(this.key, submission.text, time),
      cosignedAt: time.toISOString(),
    };
    await this.options.store.saveLatest(latest);
    return latest;
  }

  private async keep(kind: EvidenceKind, reason: string, cosigned: CosignedCheckpoint, submission: Submission): Promise<void> {
    const id = createHash('sha256').update(`${kind}\n${cosigned.checkpoint}\n${submission.logSigned}`).digest('hex').slice(0, 32);
    await this.options.store.keepEvidence({
      id,
      kind,
      origin: cosigned.origin,
      reason,
      recordedAt: this.now().toISOString(),
      cosigned,
      submitted: {
        checkpoint: submission.logSigned,
        treeSize: submission.body.treeSize,
        rootHash: toBase64(submission.body.rootHash),
        oldSize: submission.request.oldSize,
        proof: submission.request.proof.map((hash) => toBase64(hash)),
      },
    });
  }
}
