import { DataSource, EntityManager } from 'typeorm';
import { EventStore, GlobalPosition, inBatches, RecordedEvent, START } from '@mutasi/event-store';
import { hostLagSource } from '@mutasi/observability';
import { Projection } from './projection';
import { isTransientFailure, quarantine } from './quarantine';

export interface RunnerOptions {
  readonly batchSize?: number;
  /** Called after each committed batch (progress lines, metrics). */
  readonly onBatch?: (stats: { readonly events: number; readonly position: GlobalPosition }) => void;
  /** Called when an event is quarantined (logs). */
  readonly onQuarantine?: (what: { readonly event: RecordedEvent; readonly error: unknown }) => void;
  /**
   * Take the projection's switch lock in each batch (default), so a blue/green switch (blue-green/) never interleaves
   * with a live batch. False for the runner that builds a new generation (its tables are not served yet).
   */
  readonly serialise?: boolean;
}

const CHECKPOINT_MOVE = `ON CONFLICT (name) DO UPDATE SET position = GREATEST(projection_checkpoints.position COLLATE "C", excluded.position COLLATE "C"),
    events_done = projection_checkpoints.events_done + excluded.events_done, updated_at = now()`;
/** The checkpoint after a batch: never moved back (a replica behind another keeps the furthest position). */
const CHECKPOINT_UPSERT = `INSERT INTO projection_checkpoints (name, position, events_done, updated_at) VALUES ($1, $2, $3, now()) ${CHECKPOINT_MOVE}`;
/** The same as one statement that first takes the projection's switch lock (the lock lasts the statement). */
const LOCKED_CHECKPOINT_UPSERT = `WITH switch AS (SELECT pg_advisory_xact_lock(hashtext('mutasi-projection-switch:' || $1::text)) AS held)
  INSERT INTO projection_checkpoints (name, position, events_done, updated_at) SELECT $1, $2, $3, now() FROM switch ${CHECKPOINT_MOVE}`;

/** The lock a batch and a blue/green switch of the same projection take in their transactions: one at a time. */
export const switchLockSql = "SELECT pg_advisory_xact_lock(hashtext('mutasi-projection-switch:' || $1))";

/**
 * Runs one projection: reads the global order from its checkpoint, applies events in batches, and commits rows,
 * checkpoint and per-stream revisions in one transaction. Idempotent by (stream, revision); rebuildable from zero.
 */
export class ProjectionRunner {
  private readonly batchSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    readonly projection: Projection,
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    // Its lag is a metric and a readiness check of the process that built it (libs/observability).
    hostLagSource(db, { kind: 'projection', name: projection.name, checkpoint: async () => (await this.checkpoint()).position });
  }

  /** The checkpoint and the number of events applied so far. */
  async checkpoint(): Promise<{ position: GlobalPosition; eventsDone: number }> {
    const rows = await this.db.query('SELECT position, events_done FROM projection_checkpoints WHERE name = $1', [this.projection.name]);
    const row = rows[0] as { position: GlobalPosition; events_done: string } | undefined;
    return row ? { position: row.position, eventsDone: Number(row.events_done) } : { position: START, eventsDone: 0 };
  }

  /** Applies everything available now, then returns the number of events read. */
  async catchUp(): Promise<number> {
    let { position } = await this.checkpoint();
    let total = 0;
    for (;;) {
      const page = await this.store.readAll({ after: position, limit: this.batchSize });
      if (page.events.length === 0) return total;
      await this.commit(page.events);
      total += page.events.length;
      position = page.nextPosition;
    }
  }

  /**
   * Catches up until the checkpoint reaches `position` (default: the store's head now), waiting while older
   * transactions are still open — for tools and tests that need everything appended so far.
   */
  async catchUpTo(position?: GlobalPosition, timeoutMs = 30_000): Promise<void> {
    const target = position ?? (await this.store.headPosition());
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.catchUp();
      const { position: reached } = await this.checkpoint();
      if (reached >= target) return;
      if (Date.now() > deadline) throw new Error(`${this.projection.name} did not reach ${target} within ${timeoutMs} ms (at ${reached})`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Follows the store live until the signal aborts: a catch-up subscription, applied in batches. */
  async follow(signal: AbortSignal): Promise<void> {
    const { position } = await this.checkpoint();
    for await (const batch of inBatches(this.store.subscribeToAll({ after: position, batchSize: this.batchSize, signal }), this.batchSize)) {
      if (signal.aborted) return;
      await this.commit(batch);
    }
  }

  /** Empties the projection's tables and checkpoint in one transaction; the next catch-up rebuilds from zero. */
  async reset(): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const table of this.projection.tables) await tx.query(`TRUNCATE ${table}`);
      await tx.query('DELETE FROM projection_checkpoints WHERE name = $1', [this.projection.name]);
      await tx.query('DELETE FROM projection_stream_versions WHERE projection = $1', [this.projection.name]);
    });
  }

  /**
   * Rows, per-stream revisions and checkpoint in one transaction. The checkpoint never moves back: a replica behind
   * another (two processes following one projection) re-applies nothing (per-stream revisions) and keeps the furthest.
   */
  private async commit(events: readonly RecordedEvent[]): Promise<void> {
    const last = events.at(-1);
    if (!last) return;
    const handled = events.filter((e) => this.projection.handles?.(e) ?? true);
    const checkpoint = [this.projection.name, last.globalPosition, events.length];
    if (handled.length === 0) {
      // Nothing for this projection (most batches of a live follower): the checkpoint moves in one statement, which
      // takes the switch lock for itself, instead of a transaction of four.
      await this.db.query(this.options.serialise === false ? CHECKPOINT_UPSERT : LOCKED_CHECKPOINT_UPSERT, checkpoint);
    } else {
      await this.db.transaction(async (tx) => {
        if (this.options.serialise !== false) await tx.query(switchLockSql, [this.projection.name]);
        const fresh = await this.unseen(tx, handled);
        if (fresh.length > 0) await this.applySurviving(fresh, tx);
        await tx.query(CHECKPOINT_UPSERT, checkpoint);
      });
    }
    this.options.onBatch?.({ events: events.length, position: last.globalPosition });
  }

  /**
   * Applies a batch; when it fails for a reason other than the database, applies its events one at a time so that an
   * event the projection cannot apply (a hostile or damaged one the store accepted) is quarantined and the rest go on.
   */
  private async applySurviving(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    if (this.projection.quarantines === false) return this.projection.apply(events, tx);
    try {
      await this.savepoint(tx, () => this.projection.apply(events, tx));
      return;
    } catch (error) {
      if (isTransientFailure(error)) throw error;
    }
    for (const event of events) {
      try {
        await this.savepoint(tx, () => this.projection.apply([event], tx));
      } catch (error) {
        if (isTransientFailure(error)) throw error;
        await quarantine(tx, this.projection.name, event, error);
        this.options.onQuarantine?.({ event, error });
      }
    }
  }

  private async savepoint(tx: EntityManager, work: () => Promise<void>): Promise<void> {
    await tx.query('SAVEPOINT projection_apply');
    try {
      await work();
      await tx.query('RELEASE SAVEPOINT projection_apply');
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT projection_apply');
      throw error;
    }
  }

  /** Drops events already applied (same or lower revision of their stream) and records the new revisions. */
  private async unseen(tx: EntityManager, events: readonly RecordedEvent[]): Promise<RecordedEvent[]> {
    if (events.length === 0) return [];
    const streams = [...new Set(events.map((e) => e.streamId))];
    const rows = (await tx.query('SELECT stream_id, revision FROM projection_stream_versions WHERE projection = $1 AND stream_id = ANY($2)', [this.projection.name, streams])) as {
      stream_id: string;
      revision: number;
    }[];
    const applied = new Map(rows.map((r) => [r.stream_id, r.revision]));
    const fresh = events.filter((e) => {
      const seen = applied.get(e.streamId);
      if (seen !== undefined && e.revision <= seen) return false;
      applied.set(e.streamId, e.revision);
      return true;
    });
    const touched = [...new Set(fresh.map((e) => e.streamId))];
    if (touched.length > 0) {
      await tx.query(
        `INSERT INTO projection_stream_versions (projection, stream_id, revision) SELECT $1, s, r FROM unnest($2::text[], $3::int[]) AS u(s, r)
         ON CONFLICT (projection, stream_id) DO UPDATE SET revision = excluded.revision`,
        [this.projection.name, touched, touched.map((s) => applied.get(s) as number)],
      );
    }
    return fresh;
  }
}
