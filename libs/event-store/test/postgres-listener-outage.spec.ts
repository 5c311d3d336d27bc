import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, RecordedEvent } from '@mutasi/event-store';
import { dropSchema, freePortRange, testPool, uniqueSchema } from '@mutasi/testing';

/**
 * After an outage the store's subscriptions come back: a LISTEN connection that cannot be made does not stop a
 * subscription (it polls), and the failed attempt is not remembered, so a later subscription listens again. Before,
 * the failed attempt was kept and every later subscription failed on it: projections never resumed after an outage.
 */
describe('PostgreSQL event store: subscriptions after the database was unreachable', () => {
  let pool: Pool;
  let schema: string;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = testPool(4);
    schema = uniqueSchema('es_listen');
    store = await PostgresEventStore.create(pool, { schema, pollIntervalMs: 50 });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('a subscription goes on by polling while the LISTEN connection cannot be made, and a later one listens again once it can', async () => {
    const options = pool.options as { port?: number; connectionString?: string; host?: string };
    const saved = { ...options };
    const appendedAndSeen = async (): Promise<string[]> => {
      const id = `test-${randomUUID()}`;
      await store.append(id, [{ eventId: randomUUID(), type: 'Listened.v1', data: { n: 1 }, metadata: { caseId: 'c', actor: { id: 'u1' } } }], 'no_stream');
      const seen: RecordedEvent[] = [];
      for await (const event of store.subscribeToAll()) {
        if (event.streamId === id) seen.push(event);
        if (seen.length === 1) break;
      }
      return seen.map((e) => e.type);
    };
    // The listener's connection is made from the pool's options: point them at a closed port, as if PostgreSQL were
    // down for it (the store's reads use the pool's open connections, which stay).
    const closed = await freePortRange(1);
    Object.assign(options, { connectionString: undefined, host: '127.0.0.1', port: closed });
    try {
      expect(await appendedAndSeen()).toEqual(['Listened.v1']);
    } finally {
      Object.assign(options, saved);
    }
    // The failed attempt is not remembered: this subscription makes a listener of its own.
    expect(await appendedAndSeen()).toEqual(['Listened.v1']);
    expect(await pool.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE $1', [`LISTEN ${schema}%`])).toMatchObject({ rows: [{ n: 1 }] });
  });
});
