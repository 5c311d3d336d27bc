import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@mutasi/event-store';

/** A PostgreSQL or network failure that says nothing about the event: the batch is retried, never quarantined. */
export function isTransientFailure(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  // Classes 08 (connection), 40 (rollback: serialisation, deadlock), 53 (resources), 57 (operator intervention), 58 (system).
  if (/^(08|40|53|57|58)/.test(code)) return true;
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND'].includes(code)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection is closed|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(message);
}

/**
 * Records an event a projection could not apply, so the projection goes on for everyone else and inspectors see it
 * (S-02). Stored once per (projection, event).
 */
export async function quarantine(tx: EntityManager, projection: string, event: RecordedEvent, error: unknown): Promise<void> {
  const reason = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2_000);
  await tx.query(
    `INSERT INTO projection_quarantine (projection, event_id, stream_id, revision, global_position, type, actor_id, recorded_at, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (projection, event_id) DO NOTHING`,
    [
      projection,
      event.eventId,
      event.streamId,
      event.revision,
      event.globalPosition,
      event.type.slice(0, 200),
      typeof (event.metadata.actor as { userId?: unknown } | undefined)?.userId === 'string' ? String((event.metadata.actor as { userId: string }).userId).slice(0, 200) : null,
      typeof event.metadata.recordedAt === 'string' && Number.isFinite(Date.parse(event.metadata.recordedAt)) ? event.metadata.recordedAt : null,
      reason,
    ],
  );
}

/** One quarantined event, as inspectors read it. */
export interface QuarantinedEvent {
  readonly projection: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly globalPosition: string;
  readonly type: string;
  readonly actorId: string | null;
  readonly recordedAt: string | null;
  readonly reason: string;
  readonly quarantinedAt: string;
}

/** Every quarantined event, newest first (optionally of one stream). */
export async function quarantinedEvents(db: { query(sql: string, params?: unknown[]): Promise<unknown> }, streamId?: string): Promise<QuarantinedEvent[]> {
  const rows = (await db.query(
    `SELECT projection, event_id, stream_id, revision, global_position, type, actor_id, recorded_at, reason, quarantined_at FROM projection_quarantine
     ${streamId ? 'WHERE stream_id = $1' : ''} ORDER BY quarantined_at DESC, projection LIMIT 1000`,
    streamId ? [streamId] : [],
  )) as {
    projection: string;
    event_id: string;
    stream_id: string;
    revision: number;
    global_position: string;
    type: string;
    actor_id: string | null;
    recorded_at: Date | null;
    reason: string;
    quarantined_at: Date;
  }[];
  return rows.map((r) => ({
    projection: r.projection,
    eventId: r.event_id,
    streamId: r.stream_id,
    revision: r.revision,
    globalPosition: r.global_position,
    type: r.type,
    actorId: r.actor_id,
    recordedAt: r.recorded_at?.toISOString() ?? null,
    reason: r.reason,
    quarantinedAt: r.quarantined_at.toISOString(),
  }));
}
