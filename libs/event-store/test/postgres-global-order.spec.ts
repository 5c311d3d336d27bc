import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { EventData, GlobalPosition, PostgresEventStore, RecordedEvent, START } from '@mutasi/event-store';
import { dropSchema, testPool, uniqueSchema } from '@mutasi/testing';
import { readAllFrom, readAllThrough } from './contract';

const one = (type: string): EventData[] => [{ eventId: randomUUID(), type, data: {}, metadata: {} }];

/**
 * The reader of the global order must never skip an event whose transaction commits after a later one. Writers
 * hold their transactions open (commit delayed) while others commit; a reader polling the whole time must see
 * every event exactly once, in an order that never goes back.
 */
describe('PostgreSQL global order with delayed commits', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const schema = uniqueSchema('es_order');

  beforeAll(async () => {
    pool = testPool(40);
    store = await PostgresEventStore.create(pool, { schema });
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(pool, schema);
    await pool.end();
  });

  it('holds the reader back behind an open transaction, then delivers it before what committed after it', async () => {
    const slow = await pool.connect();
    let fast: GlobalPosition;
    try {
      await slow.query('BEGIN');
      await store.appendUsing(slow, `slow-${randomUUID()}`, one('SlowWriterAppended.v1'), 'no_stream');
      fast = (await store.append(`fast-${randomUUID()}`, one('FastWriterAppended.v1'), 'no_stream')).events[0]?.globalPosition as GlobalPosition;
      expect((await readAllFrom(store, START)).map((e) => e.type)).toEqual([]);
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
    expect((await readAllThrough(store, START, fast)).map((e) => e.type)).toEqual(['SlowWriterAppended.v1', 'FastWriterAppended.v1']);
  });

  it('never skips an event while 8 writers commit in random order and a reader polls throughout', async () => {
    const start = await store.headPosition();
    const seen: RecordedEvent[] = [];
    let reading = true;
    const reader = (async () => {
      let after = start;
      while (reading || seen.length < 80) {
        const page = await store.readAll({ after, limit: 7 });
        for (const e of page.events) {
          expect(e.globalPosition > after).toBe(true);
          after = e.globalPosition;
          seen.push(e);
        }
        if (page.events.length === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const writer = async (w: number): Promise<void> => {
      for (let i = 0; i < 10; i += 1) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await store.appendUsing(client, `writer-${w}-${i}`, one(`Writer${w}Wrote.v1`), 'no_stream');
          // Hold the transaction open across other writers' commits, for a random number of round trips.
          for (let k = (w * 7 + i * 3) % 5; k > 0; k -= 1) await client.query('SELECT 1');
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    reading = false;
    await reader;
    const ids = seen.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(80);
    expect(seen).toHaveLength(80);
    const everything = await readAllThrough(store, start, seen.at(-1)?.globalPosition as GlobalPosition);
    expect(everything.map((e) => e.eventId)).toEqual(ids);
  });

  it('wakes a live subscription when an append commits', async () => {
    const start = await store.headPosition();
    const controller = new AbortController();
    const iterator = store.subscribeToAll({ after: start, signal: controller.signal })[Symbol.asyncIterator]();
    const next = iterator.next();
    await store.append(`live-${randomUUID()}`, one('LiveArrived.v1'), 'no_stream');
    expect(((await next).value as RecordedEvent).type).toBe('LiveArrived.v1');
    controller.abort();
    await iterator.return?.();
  });

  it('wakes a subscription of another store instance (another process) through NOTIFY', async () => {
    const other = await PostgresEventStore.create(pool, { schema, pollIntervalMs: 60_000 });
    const start = await store.headPosition();
    const controller = new AbortController();
    const iterator = other.subscribeToAll({ after: start, signal: controller.signal })[Symbol.asyncIterator]();
    const next = iterator.next();
    await store.append(`remote-${randomUUID()}`, one('RemoteArrived.v1'), 'no_stream');
    expect(((await next).value as RecordedEvent).type).toBe('RemoteArrived.v1');
    controller.abort();
    await iterator.return?.();
    await other.close();
  });

  it('keeps the order across a digit boundary of the sequence (9999 → 10000)', async () => {
    const start = await store.headPosition();
    await pool.query(`ALTER TABLE ${schema}.events ALTER COLUMN seq RESTART WITH 9990`);
    const streams = [randomUUID(), randomUUID()].map((id) => `digits-${id}`);
    let last = start;
    for (const id of streams)
      last = (
        await store.append(
          id,
          Array.from({ length: 12 }, (_, i) => ({ eventId: randomUUID(), type: 'DigitStep.v1', data: { i }, metadata: {} })),
          'no_stream',
        )
      ).events.at(-1)?.globalPosition as GlobalPosition;
    const seen = await readAllThrough(store, start, last, 5);
    for (const id of streams) expect(seen.filter((e) => e.streamId === id).map((e) => e.revision)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(seen).toHaveLength(24);
    expect(await store.headPosition()).toBe(seen.at(-1)?.globalPosition);
    expect((await store.readStream(streams[1] as string)).map((e) => e.revision)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('applies its migrations once: creating the store again changes nothing', async () => {
    const again = await PostgresEventStore.create(pool, { schema });
    const migrations = await pool.query(`SELECT id FROM ${schema}.schema_migrations`);
    expect(migrations.rows.map((r: { id: string }) => r.id)).toEqual(['001-events']);
    await again.close();
  });
});
