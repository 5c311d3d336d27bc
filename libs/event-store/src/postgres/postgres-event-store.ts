import { randomUUID } from 'node:crypto';
import { Client, DatabaseError, Pool, PoolClient } from 'pg';
import { catchUpSubscription, NewsLatch } from '../catch-up';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import { chainEvents, StreamHead } from '../hash-chain';
import { GlobalPosition, positionOf, positionParts, START } from '../position';
import { checkExpected, idempotentReplay } from '../store-rules';
import { AppendResult, EventData, EventStore, ExpectedRevision, ReadAllPage, RecordedEvent, SubscribeOptions } from '../types';
import { DEFAULT_LIMITS, EventLimits, validatedDataJson } from '../validation';
import { HeadCache } from './head-cache';
import { EVENT_STORE_MIGRATIONS, migrate, schemaIdentifier } from './migrations';
import { AppendedRow, EventRow, sql } from './sql';

export interface PostgresEventStoreOptions {
  /** PostgreSQL schema holding the event store tables (default `event_store`). */
  readonly schema?: string;
  readonly limits?: EventLimits;
  /** Safety-net poll interval of live subscriptions, in ms (notifications wake them sooner). */
  readonly pollIntervalMs?: number;
}

type Queryable = Pick<Pool | PoolClient, 'query'>;

/** How long appends are gathered before one NOTIFY tells other processes. */
const NOTIFY_GATHER_MS = 20;

function toRecorded(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    globalPosition: positionOf(BigInt(row.tx_id), BigInt(row.seq)),
  };
}

/**
 * The event store on PostgreSQL. Appends are one conditional INSERT guarded by a unique (stream, revision) index;
 * the global order is (transaction id, sequence) and readers only see transactions older than every running one,
 * so no event is ever skipped by a reader of the global order.
 */
/** How long the LISTEN connection may take to connect before the subscription goes on by polling alone. */
const LISTEN_CONNECT_TIMEOUT_MS = 10_000;

export class PostgresEventStore implements EventStore {
  readonly kind = 'postgres';
  private readonly s: string;
  private readonly channel: string;
  private readonly heads = new HeadCache(10_000);
  private readonly latches = new Set<NewsLatch>();
  private listener: Promise<Client> | null = null;
  private notifying = false;
  private notifyAgain = false;
  private readonly instanceId = randomUUID();

  private constructor(
    private readonly pool: Pool,
    private readonly ownsPool: boolean,
    private readonly options: PostgresEventStoreOptions,
  ) {
    this.s = schemaIdentifier(options.schema ?? 'event_store');
    this.channel = `${this.s}_events`;
  }

  /** Connects, applies the schema migrations, and returns the store. Pass a pool to share it (the caller closes it). */
  static async create(connection: string | Pool, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const owns = typeof connection === 'string';
    const pool = typeof connection === 'string' ? new Pool({ connectionString: connection, max: 20 }) : connection;
    const store = new PostgresEventStore(pool, owns, options);
    await migrate(pool, store.s, EVENT_STORE_MIGRATIONS);
    return store;
  }

  get schema(): string {
    return this.s;
  }

  append(streamId: string, events: readonly EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    return this.appendUsing(this.pool, streamId, events, expected);
  }

  /**
   * Appends within the caller's connection, e.g. inside a transaction it controls: the events commit with it.
   * Readers of the global order will not pass them until that transaction ends.
   */
  async appendUsing(db: Queryable, streamId: string, events: readonly EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    const dataJson = validatedDataJson(streamId, events, this.options.limits ?? DEFAULT_LIMITS);
    for (let attempt = 0; ; attempt += 1) {
      const head = await this.headFor(db, streamId, expected);
      try {
        checkExpected(streamId, expected, head?.revision ?? null);
      } catch (conflict) {
        const replay = await this.replay(db, streamId, events);
        if (replay) return replay;
        throw conflict;
      }
      const chained = chainEvents(streamId, head, events);
      // Inside the caller's transaction a failed INSERT would abort it: a savepoint keeps it usable for the replay.
      const inTransaction = db !== this.pool;
      try {
        // A new stream needs no check (its revision 0 is unique); an existing one is checked in the same statement.
        const values: unknown[] = head === null ? [streamId] : [streamId, head.revision];
        chained.forEach((e, i) => values.push(e.eventId, e.type, dataJson[i], JSON.stringify(e.metadata)));
        if (inTransaction) await db.query('SAVEPOINT mutasi_append');
        const result = await db.query<AppendedRow>(
          head === null
            ? { name: `${this.s}-append-new-${chained.length}`, text: sql.appendNew(this.s, chained.length), values }
            : { name: `${this.s}-append-after-${chained.length}`, text: sql.appendAfter(this.s, chained.length), values },
        );
        if (inTransaction) await db.query('RELEASE SAVEPOINT mutasi_append');
        const appended = result.rows[0];
        if (appended && appended.seqs.length === chained.length) {
          const commit = BigInt(appended.tx_id);
          const recorded = chained.map((e, i): RecordedEvent => ({ ...e, globalPosition: positionOf(commit, BigInt(appended.seqs[i] ?? '0')) }));
          const last = recorded.at(-1) as RecordedEvent;
          // A caller's transaction may still roll back: only a committed append may seed the head cache.
          if (inTransaction) this.heads.delete(streamId);
          else this.heads.set(streamId, { revision: last.revision, hash: last.metadata.hash });
          if (db === this.pool) this.announce();
          return { nextExpectedRevision: last.revision, events: recorded, idempotent: false };
        }
      } catch (error) {
        if (inTransaction) await db.query('ROLLBACK TO SAVEPOINT mutasi_append');
        if (!(error instanceof DatabaseError) || error.code !== '23505') throw error;
        if (error.constraint === 'events_event_id') return this.replayOrFail(db, streamId, events);
      }
      this.heads.delete(streamId);
      const replay = await this.replay(db, streamId, events);
      if (replay) return replay;
      if (expected !== 'any' || attempt >= 5) {
        const actual = await db.query<{ revision: number }>(sql.head(this.s), [streamId]);
        throw new WrongExpectedRevisionError(streamId, expected, actual.rows[0]?.revision ?? 'no_stream');
      }
    }
  }

  private async headFor(db: Queryable, streamId: string, expected: ExpectedRevision): Promise<StreamHead | null> {
    if (expected === 'no_stream') return null;
    const cached = this.heads.get(streamId);
    if (cached && typeof expected === 'number' && cached.revision === expected) return cached;
    const row = (await db.query<{ revision: number; hash: string }>({ name: `${this.s}-head`, text: sql.head(this.s), values: [streamId] })).rows[0];
    return row ? { revision: row.revision, hash: row.hash } : null;
  }

  private async replay(db: Queryable, streamId: string, events: readonly EventData[]): Promise<AppendResult | null> {
    const rows = (await db.query<EventRow>(sql.byIds(this.s), [events.map((e) => e.eventId)])).rows.map(toRecorded);
    return idempotentReplay(streamId, events, (id) => rows.find((r) => r.eventId === id));
  }

  private async replayOrFail(db: Queryable, streamId: string, events: readonly EventData[]): Promise<AppendResult> {
    const replay = await this.replay(db, streamId, events);
    if (!replay) throw new DuplicateEventIdError(events[0]?.eventId ?? '');
    return replay;
  }

  async readStream(streamId: string, options: { fromRevision?: number; maxCount?: number } = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? 1_000_000;
    const rows = (await this.pool.query<EventRow>({ name: `${this.s}-read-stream`, text: sql.readStream(this.s), values: [streamId, options.fromRevision ?? 0, limit] })).rows;
    const events = rows.map(toRecorded);
    const last = events.at(-1);
    if (last && events.length < limit) this.heads.set(streamId, { revision: last.revision, hash: last.metadata.hash });
    return events;
  }

  async readAll(options: { after?: GlobalPosition; limit: number }): Promise<ReadAllPage> {
    const after = options.after ?? START;
    const { commit, prepare } = positionParts(after);
    const rows = (await this.pool.query<EventRow>({ name: `${this.s}-read-all`, text: sql.readAll(this.s), values: [commit.toString(), prepare.toString(), options.limit] })).rows;
    const events = rows.map(toRecorded);
    return { events, nextPosition: events.at(-1)?.globalPosition ?? after };
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const latch = new NewsLatch();
    const poll = this.options.pollIntervalMs ?? 500;
    // The iterator's own `this` is the iterable, so the store is named for the generator inside.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const store = this;
    return {
      async *[Symbol.asyncIterator]() {
        // Notifications only wake the subscription sooner; without them it polls. A listener that cannot connect now
        // (PostgreSQL down or restarting) must not stop the subscription: the next subscription tries again.
        await store.listen().catch(() => undefined);
        store.latches.add(latch);
        try {
          yield* catchUpSubscription(
            (after, limit) => store.readAll({ after, limit }),
            (signal) => latch.wait(signal, poll),
            options,
          );
        } finally {
          store.latches.delete(latch);
        }
      },
    };
  }

  /**
   * Tells subscribers that events were committed: this process's at once, other processes through one NOTIFY,
   * sent outside the append (NOTIFY serialises committing transactions) and coalesced while one is in flight.
   * Appends through the pool announce themselves; a caller that appended in its own transaction calls this once it
   * has committed.
   */
  announce(): void {
    this.latches.forEach((latch) => latch.notify());
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    this.notifyAgain = false;
    // A short delay gathers a burst of appends into one NOTIFY; this process's subscribers were woken already.
    setTimeout(() => {
      this.pool
        .query({ name: 'mutasi-notify', text: 'SELECT pg_notify($1, $2)', values: [this.channel, this.instanceId] })
        .catch(() => undefined)
        .finally(() => {
          this.notifying = false;
          if (this.notifyAgain) this.announce();
        });
    }, NOTIFY_GATHER_MS).unref();
  }

  /**
   * One LISTEN connection per store wakes every live subscription when another process announces events. A connection
   * that fails or ends is forgotten, and so is one that could not be made (PostgreSQL down): the next subscription,
   * when its loop restarts, connects again. Remembering the failed attempt left every later subscription failing on it
   * after an outage, so projections never resumed.
   */
  private listen(): Promise<Client> {
    if (this.listener) return this.listener;
    const attempt = (async () => {
      // Bounded: a connection attempt that never completes (a restart under load) must not hold a subscription.
      const client = new Client({ ...this.pool.options, connectionTimeoutMillis: LISTEN_CONNECT_TIMEOUT_MS });
      const forget = (): void => {
        if (this.listener === attempt) this.listener = null;
      };
      client.on('error', forget);
      client.on('end', forget);
      try {
        await client.connect();
        client.on('notification', (message) => {
          if (message.payload !== this.instanceId) this.latches.forEach((latch) => latch.notify());
        });
        await client.query(`LISTEN ${this.channel}`);
        return client;
      } catch (error) {
        forget();
        await client.end().catch(() => undefined);
        throw error;
      }
    })();
    this.listener = attempt;
    return attempt;
  }

  async headPosition(): Promise<GlobalPosition> {
    const rows = (
      await this.pool.query<{ tx_id: string; seq: string }>(`SELECT e.tx_id::text AS tx_id, e.seq::text AS seq FROM ${this.s}.events e ORDER BY e.tx_id DESC, e.seq DESC LIMIT 1`)
    ).rows;
    return rows[0] ? positionOf(BigInt(rows[0].tx_id), BigInt(rows[0].seq)) : START;
  }

  /** How many events the store holds (for progress lines; a full count, so not for hot paths). */
  async count(): Promise<number> {
    const rows = (await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${this.s}.events`)).rows;
    return Number(rows[0]?.n ?? 0);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    this.latches.forEach((latch) => latch.notify());
    const listener = this.listener;
    this.listener = null;
    if (listener) await listener.then((client) => client.end()).catch(() => undefined);
    if (this.ownsPool) await this.pool.end();
  }
}
