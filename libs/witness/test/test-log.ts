/**
 * Test support: a small log built with libs/integrity (an in-memory ledger, checkpoints signed like the Mutasi
 * ledger signs them) and a witness on a temp data dir over real HTTP on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cosignerVerifierKey, generateCosignerKey, generateSignerKey, signCheckpoint, toBase64, verifierKeyFromSignerKey } from '@mutasi/integrity';
import { startWitness, trustedLogs, type RunningWitness } from '../src';
import { MemoryLedger } from '../../integrity/test/memory-ledger';

/** A log: leaves appended in memory, checkpoints signed with its own key (named after its origin). */
export class TestLog {
  readonly ledger = new MemoryLedger();
  readonly signerKey: string;
  readonly verifierKey: string;

  constructor(
    readonly origin = 'mutasi.example.go.id/ledger',
    signerKey?: string,
  ) {
    this.signerKey = signerKey ?? generateSignerKey(origin);
    this.verifierKey = verifierKeyFromSignerKey(this.signerKey);
  }

  /** Appends `count` leaves (their data names their position, so two logs with the same origin can differ). */
  grow(count: number, salt = ''): this {
    for (let i = 0; i < count; i += 1) this.ledger.appendData(Buffer.from(`${salt}event ${this.ledger.size}`));
    return this;
  }

  /** The signed checkpoint at `size` (default: the current size). */
  checkpoint(size = this.ledger.size, signerKey = this.signerKey): string {
    return signCheckpoint(signerKey, { origin: this.origin, treeSize: size, rootHash: this.ledger.root(size), timestamp: new Date('2025-06-01T08:00:00Z') });
  }

  /** An add-checkpoint body from `oldSize` to `size`, with the real consistency proof unless `proof` is given. */
  body(oldSize: number, size = this.ledger.size, proof?: readonly Buffer[]): string {
    const hashes = proof ?? (oldSize === 0 || oldSize === size ? [] : this.ledger.consistencyProof(oldSize, size));
    return addCheckpointBody(oldSize, hashes, this.checkpoint(size));
  }
}

/** `old <size>\n`, the proof lines, an empty line, the checkpoint. */
export function addCheckpointBody(oldSize: number, proof: readonly Buffer[], checkpoint: string): string {
  return `old ${oldSize}\n${proof.map((hash) => `${toBase64(hash)}\n`).join('')}\n${checkpoint}`;
}

/** A witness trusting `logs`, listening on 127.0.0.1 (port 0), plus helpers to talk to it. */
export class TestWitness {
  private constructor(
    readonly running: RunningWitness,
    readonly signerKey: string,
    readonly dataDir: string,
  ) {}

  static async start(logs: readonly TestLog[], options: { dataDir?: string; signerKey?: string; now?: () => Date } = {}): Promise<TestWitness> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mutasi-witness-'));
    const signerKey = options.signerKey ?? generateCosignerKey('witness.inspektorat.example');
    const running = await startWitness({
      signerKey,
      logs: trustedLogs(logs.map((log) => log.verifierKey)),
      dataDir,
      host: '127.0.0.1',
      port: 0,
      log: () => undefined,
      ...(options.now ? { now: options.now } : {}),
    });
    return new TestWitness(running, signerKey, dataDir);
  }

  get verifierKey(): string {
    return cosignerVerifierKey(this.signerKey);
  }

  /** POSTs an add-checkpoint body; the status, content type and body text. */
  async submit(body: string): Promise<{ status: number; type: string | null; text: string }> {
    const answer = await fetch(`${this.running.url}/add-checkpoint`, { method: 'POST', body, headers: { 'Content-Type': 'text/plain' } });
    return { status: answer.status, type: answer.headers.get('content-type'), text: await answer.text() };
  }

  async get(path: string): Promise<{ status: number; type: string | null; text: string }> {
    const answer = await fetch(`${this.running.url}${path}`);
    return { status: answer.status, type: answer.headers.get('content-type'), text: await answer.text() };
  }

  close(): Promise<void> {
    return this.running.close();
  }

  /** Closes and removes the data dir. */
  async destroy(): Promise<void> {
    await this.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
