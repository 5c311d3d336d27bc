import {
  AllStreamResolvedEvent,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  Position,
  ReadPosition,
  START as KURRENT_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../errors';
import { chainEvents, StreamHead } from '../hash-chain';
import { HeadCache } from '../postgres/head-cache';
import { GlobalPosition, START } from '../position';
import { checkExpected, idempotentReplay } from '../store-rules';
import { AppendResult, EventData, EventStore, ExpectedRevision, ReadAllPage, RecordedEvent, SubscribeOptions } from '../types';
import { DEFAULT_LIMITS, EventLimits, validateAppend } from '../validation';
import { fromResolved, toGlobalPosition, toKurrentExpected, toKurrentPosition } from './mapping';

/** How far back an append looks for the events of an earlier, identical append (idempotent retries). */
const REPLAY_WINDOW = 200;

/**
 * The event store on KurrentDB (EventStoreDB) through `@eventstore/db-client`. KurrentDB keeps the global order
 * itself; this adapter adds the hash chain, the shared validation and idempotency, and hides system events.
 * KurrentDB has no index of event ids across streams, so reuse of an id in another stream is not detected here
 * (the command pipeline derives ids from the stream's command, so it cannot produce one).
 */
export class KurrentDbEventStore implements EventStore {
  readonly kind = 'kurrentdb';
  private readonly heads = new HeadCache(10_000);

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly limits: EventLimits = DEFAULT_LIMITS,
  ) {}

  /** Connects with a KurrentDB connection string (`esdb://host:2113?tls=false`). */
  static connect(connectionString: string): KurrentDbEventStore {
    return new KurrentDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async append(streamId: string, events: readonly EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    validateAppend(streamId, events, this.limits);
    for (let attempt = 0; ; attempt += 1) {
      const tail = await this.tail(streamId, events.length + REPLAY_WINDOW);
      const replay = idempotentReplay(streamId, events, (id) => tail.find((e) => e.eventId === id));
      if (replay) return replay;
      const last = tail.at(-1);
      const head: StreamHead | null = last ? { revision: last.revision, hash: last.metadata.hash } : null;
      checkExpected(streamId, expected, head?.revision ?? null);
      const chained = chainEvents(streamId, head, events);
      try {
        const result = await this.client.appendToStream(
          streamId,
          chained.map((e) => jsonEvent({ id: e.eventId, type: e.type, data: { ...e.data }, metadata: { ...e.metadata } })),
          { expectedRevision: toKurrentExpected(head === null ? 'no_stream' : head.revision) },
        );
        const lastChained = chained.at(-1);
        if (lastChained) this.heads.set(streamId, { revision: lastChained.revision, hash: lastChained.metadata.hash });
        const stored = await this.client.readStream(streamId, { fromRevision: BigInt(chained[0]?.revision ?? 0), maxCount: chained.length, direction: FORWARDS });
        const recorded: RecordedEvent[] = [];
        for await (const resolved of stored) {
          const e = fromResolved(resolved);
          if (e) recorded.push(e);
        }
        return { nextExpectedRevision: Number(result.nextExpectedRevision), events: recorded, idempotent: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        this.heads.delete(streamId);
        if (expected !== 'any' || attempt >= 5) {
          const actual = (await this.tail(streamId, 1)).at(-1)?.revision;
          throw new WrongExpectedRevisionError(streamId, expected, actual ?? 'no_stream');
        }
      }
    }
  }

  /** The last `count` events of a stream, oldest first. */
  private async tail(streamId: string, count: number): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: END, direction: BACKWARDS, maxCount: count })) {
        const e = fromResolved(resolved);
        if (e) out.unshift(e);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return out;
  }

  async readStream(streamId: string, options: { fromRevision?: number; maxCount?: number } = {}): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        fromRevision: BigInt(options.fromRevision ?? 0),
        direction: FORWARDS,
        ...(options.maxCount ? { maxCount: options.maxCount } : {}),
      });
      for await (const resolved of read) {
        const e = fromResolved(resolved);
        if (e) out.push(e);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return out;
  }

  async readAll(options: { after?: GlobalPosition; limit: number }): Promise<ReadAllPage> {
    const after = options.after ?? START;
    const fromPosition: ReadPosition = after === START ? KURRENT_START : toKurrentPosition(after);
    const events: RecordedEvent[] = [];
    let lastSeen = after;
    // Reads from `after` inclusive and skips system events, so it may need more than one request for a full page.
    for (let from: ReadPosition = fromPosition, round = 0; events.length < options.limit && round < 50; round += 1) {
      let read = 0;
      const page: AsyncIterable<AllStreamResolvedEvent> = this.client.readAll({ fromPosition: from, maxCount: options.limit + 1, direction: FORWARDS });
      for await (const resolved of page) {
        read += 1;
        const position: Position | undefined = resolved.event?.position;
        if (!position) continue;
        const e = fromResolved(resolved);
        const here = toGlobalPosition(position);
        if (here <= lastSeen) continue;
        lastSeen = here;
        from = position;
        if (e) events.push(e);
        if (events.length === options.limit) break;
      }
      if (read <= 1) break;
    }
    return { events, nextPosition: events.at(-1)?.globalPosition ?? after };
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const client = this.client;
    return {
      async *[Symbol.asyncIterator]() {
        const after = options.after ?? START;
        const subscription = client.subscribeToAll({ fromPosition: after === START ? KURRENT_START : toKurrentPosition(after), filter: excludeSystemEvents() });
        const stop = (): void => void subscription.unsubscribe();
        options.signal?.addEventListener('abort', stop, { once: true });
        try {
          if (options.signal?.aborted) return;
          for await (const resolved of subscription) {
            const e = fromResolved(resolved);
            if (e && e.globalPosition > after) yield e;
          }
        } finally {
          options.signal?.removeEventListener('abort', stop);
          await subscription.unsubscribe();
        }
      },
    };
  }

  async headPosition(): Promise<GlobalPosition> {
    for await (const resolved of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 50 })) {
      const e = fromResolved(resolved);
      if (e) return e.globalPosition;
    }
    return START;
  }

  async ping(): Promise<void> {
    await this.readStream('mutasi-ping', { maxCount: 1 });
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
