/** SQL of the PostgreSQL event store; `s` is a validated schema identifier. */

// Output aliases shadow column names in ORDER BY, so every ORDER BY below names the table's columns (e.tx_id):
// ordering by the text aliases would put seq 10000 before 9994.
const COLUMNS = 'e.tx_id::text AS tx_id, e.seq::text AS seq, e.stream_id, e.revision::int AS revision, e.event_id::text AS event_id, e.type, e.data, e.metadata';

export const sql = {
  head: (s: string) => `SELECT e.revision::int AS revision, e.metadata->>'hash' AS hash FROM ${s}.events e WHERE e.stream_id = $1 ORDER BY e.revision DESC LIMIT 1`,

  /**
   * Inserts `count` events only if the stream's last revision is still $2 (-1: no stream); the unique index on
   * (stream_id, revision) stops a concurrent writer that passed the same check. One statement, one round trip,
   * prepared once per batch size.
   */
  append: (s: string, count: number) => {
    const rows = Array.from({ length: count }, (_, i) => {
      const o = 2 + i * 5;
      return `($${o + 1}::bigint, $${o + 2}::uuid, $${o + 3}::text, $${o + 4}::jsonb, $${o + 5}::jsonb)`;
    });
    return `
    WITH last AS (SELECT revision FROM ${s}.events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1)
    INSERT INTO ${s}.events (stream_id, revision, event_id, type, data, metadata)
    SELECT $1, v.revision, v.event_id, v.type, v.data, v.metadata
    FROM (VALUES ${rows.join(', ')}) AS v(revision, event_id, type, data, metadata)
    WHERE coalesce((SELECT revision FROM last), -1) = $2
    ORDER BY v.revision
    RETURNING tx_id::text AS tx_id, seq::text AS seq, revision::int AS revision`;
  },

  byIds: (s: string) => `SELECT ${COLUMNS} FROM ${s}.events e WHERE e.event_id = ANY($1::uuid[]) ORDER BY e.tx_id, e.seq`,

  readStream: (s: string) => `SELECT ${COLUMNS} FROM ${s}.events e WHERE e.stream_id = $1 AND e.revision >= $2 ORDER BY e.revision LIMIT $3`,

  /**
   * A page of the global order after ($1, $2). Only transactions older than every running one are read
   * (`tx_id < xmin`), so an event that commits late can never land behind a position already handed out.
   */
  readAll: (s: string) => `
    SELECT ${COLUMNS} FROM ${s}.events e
    WHERE (e.tx_id, e.seq) > ($1::text::xid8, $2::bigint) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY e.tx_id, e.seq LIMIT $3`,
};

/** A row of `events` as selected by {@link sql}. */
export interface EventRow {
  readonly tx_id: string;
  readonly seq: string;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown> & { prevHash: string; hash: string };
}
