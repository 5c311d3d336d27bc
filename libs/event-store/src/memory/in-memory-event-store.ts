import { catchUpSubscription, NewsLatch } from '../catch-up';
import { DuplicateEventIdError } from '../errors';
import { ChainedEvent, chainEvents, StreamHead } from '../hash-chain';
import { GlobalPosition, positionOf, START } from '../position';
import { AppendResult, EventData, EventStore, ExpectedRevision, ReadAllPage, RecordedEvent, SubscribeOptions } from '../types';
import { DEFAULT_LIMITS, EventLimits, validateAppend } from '../validation';
import { checkExpected, idempotentReplay } from '../store-rules';

/**
 * An event store in memory, for fast unit tests of handlers. It passes the same contract suite as the PostgreSQL and
 * KurrentDB adapters; it keeps nothing after the process ends.
 */
export class InMemoryEventStore implements EventStore {
  readonly kind = 'memory';
  private readonly all: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly latches = new Set<NewsLatch>();

  constructor(private readonly limits: EventLimits = DEFAULT_LIMITS) {}

  async append(streamId: string, events: readonly EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    validateAppend(streamId, events, this.limits);
    const stream = this.streams.get(streamId) ?? [];
    const replay = idempotentReplay(streamId, events, (id) => this.byId.get(id));
    if (replay) return structuredClone(replay);
    for (const event of events) if (this.byId.has(event.eventId)) throw new DuplicateEventIdError(event.eventId);
    const last = stream.at(-1);
    checkExpected(streamId, expected, last === undefined ? null : last.revision);
    const head: StreamHead | null = last === undefined ? null : { revision: last.revision, hash: last.metadata.hash };
    const base = this.all.length;
    const recorded = chainEvents(streamId, head, events).map((e: ChainedEvent, i): RecordedEvent => {
      const n = BigInt(base + i + 1);
      return { ...structuredClone(e), globalPosition: positionOf(n, n) };
    });
    for (const event of recorded) {
      this.all.push(event);
      this.byId.set(event.eventId, event);
    }
    this.streams.set(streamId, [...stream, ...recorded]);
    this.latches.forEach((latch) => latch.notify());
    return { nextExpectedRevision: (recorded.at(-1) as RecordedEvent).revision, events: recorded, idempotent: false };
  }

  async readStream(streamId: string, options: { fromRevision?: number; maxCount?: number } = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const events = (this.streams.get(streamId) ?? []).filter((e) => e.revision >= from);
    return structuredClone(options.maxCount === undefined ? events : events.slice(0, options.maxCount));
  }

  async readAll(options: { after?: GlobalPosition; limit: number }): Promise<ReadAllPage> {
    const after = options.after ?? START;
    const events = this.all.filter((e) => e.globalPosition > after).slice(0, options.limit);
    return { events: structuredClone(events), nextPosition: events.at(-1)?.globalPosition ?? after };
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    const latch = new NewsLatch();
    const latches = this.latches;
    latches.add(latch);
    const inner = catchUpSubscription(
      (after, limit) => this.readAll({ after, limit }),
      (signal) => latch.wait(signal, 1_000),
      options,
    );
    return {
      async *[Symbol.asyncIterator]() {
        try {
          yield* inner;
        } finally {
          latches.delete(latch);
        }
      },
    };
  }

  async headPosition(): Promise<GlobalPosition> {
    return this.all.at(-1)?.globalPosition ?? START;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.latches.forEach((latch) => latch.notify());
  }
}
