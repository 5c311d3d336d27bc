/** SQL of the PostgreSQL event store; `s` is a validated schema identifier. */

// Output aliases shadow column names in ORDER BY, so every ORDER BY below names the table's columns (e.tx_id):
// ordering by the text aliases would put seq 10000 before 9994.
const COLUMNS = 'e.tx_id::text AS tx_id, e.seq::text AS seq, e.stream_id, e.revision::int AS revision, e.event_id::text AS event_id, e.type, e.data, e.metadata';

/** What an append answers: its transaction and its events' sequence numbers in revision order (no row: nothing inserted). */
const APPENDED = 'SELECT tx_id::text AS tx_id, array_agg(seq::text ORDER BY revision) AS seqs FROM ins GROUP BY tx_id';

export const sql = {
  head: (s: string) => `SELECT e.revision::int AS revision, e.metadata->>'hash' AS hash FROM ${s}.events e WHERE e.stream_id = $1 ORDER BY e.revision DESC LIMIT 1`,

  /**
   * Inserts the first `count` events of a new stream (revisions 0…count-1). No check is needed: revision 0 of an
   * existing stream is already taken, so the unique (stream_id, revision) index refuses the whole INSERT (23505).
   * Parameters: $1 the stream, then four per event. Answers one row: the transaction and the events' sequence numbers
   * in revision order (one row rather than `count` keeps the answer small). Prepared once per batch size.
   */
  appendNew: (s: string, count: number) => {
    const rows = Array.from({ length: count }, (_, i) => {
      const o = 1 + i * 4;
      return `($1::text, ${i}, $${o + 1}::uuid, $${o + 2}::text, $${o + 3}::jsonb, $${o + 4}::jsonb)`;
    });
    return `
    WITH ins AS (
      INSERT INTO ${s}.events (stream_id, revision, event_id, type, data, metadata) VALUES ${rows.join(', ')}
      RETURNING tx_id, seq, revision)
    ${APPENDED}`;
  },

  /**
   * Inserts `count` events after revision $2 only if that is still the stream's last revision; the unique
   * (stream_id, revision) index stops a concurrent writer that passed the same check. Parameters: $1 the stream, $2
   * its last revision, then four per event. Answers no row when the stream is elsewhere, else one row as
   * {@link sql.appendNew}. One statement, one round trip, prepared once per batch size.
   */
  appendAfter: (s: string, count: number) => {
    const rows = Array.from({ length: count }, (_, i) => {
      const o = 2 + i * 4;
      return `(${i + 1}, $${o + 1}::uuid, $${o + 2}::text, $${o + 3}::jsonb, $${o + 4}::jsonb)`;
    });
    return `
    WITH last AS (SELECT revision FROM ${s}.events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1),
    ins AS (
      INSERT INTO ${s}.events (stream_id, revision, event_id, type, data, metadata)
      SELECT $1, $2::bigint + v.n, v.event_id, v.type, v.data, v.metadata
      FROM (VALUES ${rows.join(', ')}) AS v(n, event_id, type, data, metadata)
      WHERE coalesce((SELECT revision FROM last), -1) = $2::bigint
      ORDER BY v.n
      RETURNING tx_id, seq, revision)
    ${APPENDED}`;
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

/** The answer of {@link sql.appendNew} and {@link sql.appendAfter}. */
export interface AppendedRow {
  readonly tx_id: string;
  readonly seqs: string[];
}

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
