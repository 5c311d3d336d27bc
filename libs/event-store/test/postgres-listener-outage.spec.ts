import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, RecordedEvent } from '@mutasi/event-store';
import { dropSchema, freePortRange, testPool, uniqueSchema } from '@mutasi/testing';

/**
 * After an outage the store's subscriptions come back: a LISTEN connection that could not be made while PostgreSQL
 * was unreachable is not remembered, so the next subscription (a projection loop restarting) connects again. Before
 * the fix the failed attempt was kept and every later subscription failed on it: projections never resumed
 * (test/e2e/database-outage.spec.ts, intermittently).
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

  it('a subscription started while the LISTEN connection cannot be made fails; the next one, once it can, delivers events', async () => {
    const options = pool.options as { port?: number; connectionString?: string; host?: string };
    const saved = { ...options };
    // The listener's connection is made from the pool's options: point them at a closed port, as if PostgreSQL were down.
    const closed = await freePortRange(1);
    Object.assign(options, { connectionString: undefined, host: '127.0.0.1', port: closed });
    const first = store.subscribeToAll()[Symbol.asyncIterator]();
    await expect(first.next()).rejects.toThrow(/ECONNREFUSED|connect/);
    Object.assign(options, saved);

    const id = `test-${randomUUID()}`;
    await store.append(id, [{ eventId: randomUUID(), type: 'Listened.v1', data: { n: 1 }, metadata: { caseId: 'c', actor: { id: 'u1' } } }], 'no_stream');
    const seen: RecordedEvent[] = [];
    for await (const event of store.subscribeToAll()) {
      if (event.streamId === id) seen.push(event);
      if (seen.length === 1) break;
    }
    expect(seen.map((e) => e.type)).toEqual(['Listened.v1']);
  });
});
