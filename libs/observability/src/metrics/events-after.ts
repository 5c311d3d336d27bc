import { DataSource } from 'typeorm';
import { EventStore, GlobalPosition, isGlobalPosition, positionParts, PostgresEventStore, START } from '@mutasi/event-store';

/** Lags are counted up to this many events: beyond it the count would cost more than a scrape may. */
export const LAG_COUNT_CAP = 100_000;
/** On an event store without SQL (KurrentDB) the events are read to be counted, so the cap is lower. */
export const LAG_COUNT_CAP_READING = 10_000;

/**
 * How many events the store holds after `position` (capped): on PostgreSQL one index range count over the events
 * table's primary key (tx_id, seq); on another store, pages of the global order read and counted.
 */
export async function eventsAfter(store: EventStore, db: DataSource | undefined, position: string): Promise<number> {
  const after: GlobalPosition = isGlobalPosition(position) ? position : START;
  if (store instanceof PostgresEventStore && db) {
    const { commit, prepare } = positionParts(after);
    const rows = (await db.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${store.schema}.events WHERE (tx_id, seq) > ($1::text::xid8, $2::bigint) LIMIT ${LAG_COUNT_CAP}) AS newer`,
      [commit.toString(), prepare.toString()],
    )) as { n: number }[];
    return rows[0]?.n ?? 0;
  }
  let counted = 0;
  let from = after;
  while (counted < LAG_COUNT_CAP_READING) {
    const page = await store.readAll({ after: from, limit: Math.min(1_000, LAG_COUNT_CAP_READING - counted) });
    if (page.events.length === 0) break;
    counted += page.events.length;
    from = page.nextPosition;
  }
  return counted;
}
