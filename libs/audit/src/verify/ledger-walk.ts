import { DataSource } from 'typeorm';
import { leafHash, toBase64 } from '@mutasi/integrity';
import { RecordedEvent } from '@mutasi/event-store';
import type { VerificationFailureCode } from './failure-codes';
import { MerkleFrontier } from './frontier';

export interface WalkFailure {
  readonly leafIndex: number;
  readonly code: Extract<VerificationFailureCode, 'LEAF_MISMATCH' | 'LEAF_MOVED' | 'EVENT_DELETED'>;
  readonly eventId: string | null;
  readonly reason: string;
}

type Leaf = { leaf_index: string; event_id: string; leaf_hash: Buffer };
const PAGE = 1_000;

/**
 * Walks the ledger's leaves beside the store's global order, one event at a time. A leaf whose event is not where
 * the ledger put it is held back: if the event turns up later it was moved, if it never does it was deleted. Roots
 * of every prefix come from the leaves themselves, in ledger order, for checking signed tree heads.
 */
export class LedgerWalk {
  readonly frontier = new MerkleFrontier();
  readonly failures: WalkFailure[] = [];
  readonly rootsAt = new Map<number, string>();
  unledgered = 0;
  private leaves: Leaf[] = [];
  private at = 0;
  private readonly heldBack = new Map<string, number>();

  constructor(
    private readonly db: DataSource,
    private readonly wantedSizes: ReadonlySet<number>,
  ) {}

  private async peek(): Promise<Leaf | undefined> {
    if (this.at >= this.leaves.length) {
      // Ordered by the bigint column, not the text alias (which would sort 10 before 2).
      this.leaves = (await this.db.query(
        'SELECT l.leaf_index::text AS leaf_index, l.event_id::text AS event_id, l.leaf_hash FROM ledger_leaves l WHERE l.leaf_index >= $1 ORDER BY l.leaf_index LIMIT $2',
        [this.frontier.size, PAGE],
      )) as Leaf[];
      this.at = 0;
    }
    return this.leaves[this.at];
  }

  private take(leaf: Leaf): void {
    this.at += 1;
    this.frontier.append(leaf.leaf_hash);
    if (this.wantedSizes.has(this.frontier.size)) this.rootsAt.set(this.frontier.size, toBase64(this.frontier.root()));
  }

  private async leafIndexOf(eventId: string): Promise<number | null> {
    const rows = (await this.db.query('SELECT leaf_index::text AS i FROM ledger_leaves WHERE event_id = $1', [eventId])) as { i: string }[];
    return rows[0] ? Number(rows[0].i) : null;
  }

  /** Walks one event of the global order; `leafData` is its canonical leaf bytes (from `hashAndLeaf`). */
  async event(e: RecordedEvent, leafData: Buffer): Promise<void> {
    const moved = this.heldBack.get(e.eventId);
    if (moved !== undefined) {
      this.heldBack.delete(e.eventId);
      this.failures.push({
        leafIndex: moved,
        code: 'LEAF_MOVED',
        eventId: e.eventId,
        reason: `event ${e.streamId} revision ${e.revision} stands later in the store's global order than where the ledger recorded it: events were reordered`,
      });
      return;
    }
    let leaf = await this.peek();
    if (leaf && leaf.event_id !== e.eventId) {
      const target = await this.leafIndexOf(e.eventId);
      if (target === null || target < Number(leaf.leaf_index)) {
        this.failures.push({
          leafIndex: Number(leaf.leaf_index),
          code: 'LEAF_MOVED',
          eventId: e.eventId,
          reason: `event ${e.streamId} revision ${e.revision} stands where the ledger recorded event ${leaf.event_id}: events were inserted or reordered`,
        });
        return;
      }
      while (leaf && Number(leaf.leaf_index) < target) {
        this.heldBack.set(leaf.event_id, Number(leaf.leaf_index));
        this.take(leaf);
        leaf = await this.peek();
      }
    }
    if (!leaf) {
      this.unledgered += 1;
      return;
    }
    if (!leafHash(leafData).equals(leaf.leaf_hash)) {
      this.failures.push({
        leafIndex: Number(leaf.leaf_index),
        code: 'LEAF_MISMATCH',
        eventId: e.eventId,
        reason: `event ${e.streamId} revision ${e.revision} no longer matches the ledger: it was changed after it was recorded`,
      });
    }
    this.take(leaf);
  }

  /** After the last event: leaves never matched by an event were deleted from the store. */
  async finish(): Promise<void> {
    for (let leaf = await this.peek(); leaf; leaf = await this.peek()) {
      this.heldBack.set(leaf.event_id, Number(leaf.leaf_index));
      this.take(leaf);
    }
    for (const [eventId, leafIndex] of this.heldBack) {
      this.failures.push({
        leafIndex,
        code: 'EVENT_DELETED',
        eventId,
        reason: `the ledger records event ${eventId}, which is missing from the event store: it was deleted or its stream was truncated`,
      });
    }
    this.failures.sort((a, b) => a.leafIndex - b.leafIndex);
  }
}
