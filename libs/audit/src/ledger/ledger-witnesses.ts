import { DataSource } from 'typeorm';
import { parseCosignerVerifierKey, verifyCosignature } from '@mutasi/integrity';
import { LedgerProofs } from './proofs';
import { TreeHead, TreeHeads } from './tree-heads';

/** A witness as the log sees it: where to submit, and the key its cosignatures must verify with. */
export interface WitnessEndpoint {
  readonly url: string;
  readonly verifierKey: string;
}

/** What one submission came to, for the log line and the tests. */
export type SubmitOutcome = { readonly witness: string; readonly ok: true } | { readonly witness: string; readonly ok: false; readonly reason: string };

const TIMEOUT_MS = 5_000;

/**
 * Submits signed checkpoints to the configured witnesses (c2sp.org/tlog-witness `add-checkpoint`) with a consistency
 * proof from the size each witness last cosigned, and keeps their cosignature lines with the checkpoint. A witness
 * that is offline or refuses never stops the log: the checkpoint waits for its cosignature, the next tick submits
 * the newest checkpoint again, and verifiers see the witness policy unmet until then.
 */
export class LedgerWitnesses {
  private readonly names: Map<string, string>;

  constructor(
    private readonly db: DataSource,
    private readonly heads: TreeHeads,
    private readonly proofs: LedgerProofs,
    readonly witnesses: readonly WitnessEndpoint[],
    private readonly log: (line: string) => void,
    private readonly closeLocal?: () => Promise<void>,
  ) {
    this.names = new Map(witnesses.map((w) => [w.verifierKey, parseCosignerVerifierKey(w.verifierKey).name]));
  }

  /** The witness policy the server's own verify applies: `threshold` of the witnesses' keys (0: all of them). */
  policy(threshold = 0): { threshold: number; witnesses: string[] } {
    return { threshold: threshold > 0 ? Math.min(threshold, this.witnesses.length) : this.witnesses.length, witnesses: this.witnesses.map((w) => w.verifierKey) };
  }

  /** Stops standalone's in-process witnesses (a Nest shutdown hook). */
  async onApplicationShutdown(): Promise<void> {
    await this.closeLocal?.();
  }

  /** Gets every missing cosignature on `head` it can, then returns the head as stored now. */
  async cosign(head: TreeHead): Promise<TreeHead> {
    const missing = this.witnesses.filter((w) => !verifyCosignature(head.checkpoint, w.verifierKey).ok);
    if (missing.length === 0) return head;
    const outcomes = await Promise.all(missing.map((w) => this.submit(w, head)));
    for (const o of outcomes) if (!o.ok) this.log(`witness ${o.witness} did not cosign the checkpoint of size ${head.treeSize}: ${o.reason}`);
    return (await this.heads.ofSize(head.treeSize)) ?? head;
  }

  /** Submits the newest checkpoint to every witness that has not cosigned it yet (each signing tick). */
  async catchUp(): Promise<void> {
    const latest = await this.heads.latest();
    if (latest) await this.cosign(latest);
  }

  private async submit(witness: WitnessEndpoint, head: TreeHead, retried = false): Promise<SubmitOutcome> {
    const name = this.names.get(witness.verifierKey) as string;
    const old = await this.knownSize(name);
    if (old > head.treeSize)
      return { witness: name, ok: false, reason: `it has cosigned a tree of ${old} leaves, larger than this checkpoint's ${head.treeSize}: the log was rolled back or forked` };
    const proof = old === 0 || old === head.treeSize ? [] : (await this.proofs.consistency(old, head.treeSize)).proof;
    const logSigned = head.checkpoint.slice(0, head.checkpoint.indexOf('\n\n') + 2) + logSignatureLines(head.checkpoint);
    let response: Response;
    try {
      response = await fetch(`${witness.url}/add-checkpoint`, {
        method: 'POST',
        body: `old ${old}\n${proof.map((p) => `${p}\n`).join('')}\n${logSigned}`,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error: unknown) {
      return { witness: name, ok: false, reason: `unreachable at ${witness.url} (${error instanceof Error ? error.message : String(error)})` };
    }
    const body = await response.text();
    if (response.status === 409 && (response.headers.get('content-type') ?? '').startsWith('text/x.tlog.size') && !retried) {
      const size = Number(body.trim());
      if (!Number.isSafeInteger(size) || size < 0) return { witness: name, ok: false, reason: `409 with a size that is not a number: ${JSON.stringify(body.slice(0, 40))}` };
      await this.remember(name, size);
      return this.submit(witness, head, true);
    }
    if (response.status !== 200) return { witness: name, ok: false, reason: `${response.status}: ${body.trim().slice(0, 300)}` };
    const lines = body
      .split('\n')
      .filter((l) => l.startsWith('— '))
      .map((l) => `${l}\n`);
    const mine = lines.find((line) => verifyCosignature(`${head.checkpoint}${line}`, witness.verifierKey).ok);
    if (mine === undefined) return { witness: name, ok: false, reason: 'its answer holds no cosignature that verifies with its key' };
    await this.heads.addCosignature(head.treeSize, mine);
    await this.remember(name, head.treeSize);
    return { witness: name, ok: true };
  }

  private async knownSize(name: string): Promise<number> {
    const rows = (await this.db.query('SELECT tree_size::text AS n FROM ledger_witness_sizes WHERE witness = $1', [name])) as { n: string }[];
    return rows[0] ? Number(rows[0].n) : 0;
  }

  private async remember(name: string, size: number): Promise<void> {
    await this.db.query('INSERT INTO ledger_witness_sizes (witness, tree_size) VALUES ($1, $2) ON CONFLICT (witness) DO UPDATE SET tree_size = excluded.tree_size', [name, size]);
  }
}

/** The log's own signature lines: the first signature line (cosignatures are appended after it). */
function logSignatureLines(checkpoint: string): string {
  const signatures = checkpoint.slice(checkpoint.indexOf('\n\n') + 2);
  return signatures.split('\n')[0] + '\n';
}
