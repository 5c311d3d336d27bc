import { DataSource } from 'typeorm';
import { rootFromNodes, rootNodes, signCheckpoint, toBase64 } from '@mutasi/integrity';
import { LedgerKey } from './signer-key';
import { ledgerMapsAt } from './ledger-maps';
import { ledgerSize, nodeLookup } from './node-reader';

/** A signed tree head as docs/api.md serves it. */
export interface TreeHead {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly timestamp: string;
  readonly checkpoint: string;
}

type HeadRow = { tree_size: string; root_hash: Buffer; signed_at: Date; checkpoint: string; cosignatures: string };
/** The checkpoint is served with the witnesses' cosignature lines after the log's signature. */
const toHead = (r: HeadRow): TreeHead => ({
  treeSize: Number(r.tree_size),
  rootHash: toBase64(r.root_hash),
  timestamp: r.signed_at.toISOString(),
  checkpoint: `${r.checkpoint}${r.cosignatures}`,
});
const COLUMNS = 'h.tree_size::text, h.root_hash, h.signed_at, h.checkpoint, h.cosignatures';

/** Listens for new signed tree heads (to publish them, e.g. on Kafka). */
export type TreeHeadListener = (head: TreeHead) => Promise<void> | void;

/**
 * Signs tree heads (C2SP checkpoints, Ed25519) of the ledger: every N leaves or T seconds, and on request. The key
 * never touches the database; the heads are stored and served so anyone can keep them and later demand proofs.
 */
export class TreeHeads {
  private readonly listeners: TreeHeadListener[] = [];

  constructor(
    private readonly db: DataSource,
    readonly key: LedgerKey,
    readonly origin: string,
    private readonly policy: { everyEvents: number; everySeconds: number },
  ) {}

  onSigned(listener: TreeHeadListener): void {
    this.listeners.push(listener);
  }

  async latest(): Promise<TreeHead | null> {
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM ledger_tree_heads h ORDER BY h.tree_size DESC LIMIT 1`)) as HeadRow[];
    return rows[0] ? toHead(rows[0]) : null;
  }

  async all(): Promise<TreeHead[]> {
    return ((await this.db.query(`SELECT ${COLUMNS} FROM ledger_tree_heads h ORDER BY h.tree_size`)) as HeadRow[]).map(toHead);
  }

  async ofSize(size: number): Promise<TreeHead | null> {
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM ledger_tree_heads h WHERE h.tree_size = $1`, [size])) as HeadRow[];
    return rows[0] ? toHead(rows[0]) : null;
  }

  /** Keeps a witness's cosignature line of the head of `size` (once per witness name). */
  async addCosignature(size: number, line: string): Promise<void> {
    await this.db.query('UPDATE ledger_tree_heads SET cosignatures = cosignatures || $2 WHERE tree_size = $1 AND position($2 in cosignatures) = 0', [size, line]);
  }

  /** Signs a head of the current ledger when due (or `force`d) and it grew since the last one; returns the newest head. */
  async signIfDue(now: Date, force = false): Promise<TreeHead | null> {
    const latest = await this.latest();
    const size = await ledgerSize(this.db);
    if (size === 0 || (latest && latest.treeSize >= size)) return latest;
    const aged = latest === null || now.getTime() - Date.parse(latest.timestamp) >= this.policy.everySeconds * 1000;
    if (!force && !aged && latest !== null && size - latest.treeSize < this.policy.everyEvents) return latest;
    const root = rootFromNodes(size, await nodeLookup(this.db, rootNodes(size)));
    const timestamp = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const maps = await ledgerMapsAt(this.db, size);
    const checkpoint = signCheckpoint(this.key.signerKey, {
      origin: this.origin,
      treeSize: size,
      rootHash: root,
      timestamp,
      streamHeads: maps.streamHeads.mapRoot(),
      agencyCases: maps.agencyCases.mapRoot(),
    });
    await this.db.query('INSERT INTO ledger_tree_heads (tree_size, root_hash, signed_at, checkpoint) VALUES ($1, $2, $3, $4) ON CONFLICT (tree_size) DO NOTHING', [
      size,
      root,
      timestamp,
      checkpoint,
    ]);
    const head = await this.ofSize(size);
    if (head) for (const listener of this.listeners) await listener(head);
    return head;
  }
}
