import { GlobalPosition } from './position';

/** An event to append. `eventId` makes the append idempotent; `type` is an explicit versioned name (`X.v1`). */
export interface EventData {
  readonly eventId: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * An event as stored: its place in its stream and in the global order, and the metadata with the hash chain
 * (`prevHash`, `hash`) set by the store at append.
 */
export interface RecordedEvent extends ChainedEvent {
  readonly globalPosition: GlobalPosition;
}

/** An event with its stream, revision and hash chain set, before the backend gives it a global position. */
export interface ChainedEvent {
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>> & { readonly prevHash: string; readonly hash: string };
}

/**
 * What the appender believes about the stream: it must not exist, anything goes, or its last revision is exactly
 * this number.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  readonly nextExpectedRevision: number;
  /** The events as stored (for an idempotent retry: as stored the first time). */
  readonly events: readonly RecordedEvent[];
  /** True when every event id was already stored by an earlier, identical append. */
  readonly idempotent: boolean;
}

export interface ReadAllPage {
  readonly events: readonly RecordedEvent[];
  /** Pass as `after` to read on; equals `after` when nothing new was found. */
  readonly nextPosition: GlobalPosition;
}

export interface SubscribeOptions {
  /** Deliver events after this position (default: from the start). */
  readonly after?: GlobalPosition;
  /** Events fetched per read while catching up. */
  readonly batchSize?: number;
  /** Stops the subscription: the iterator returns. */
  readonly signal?: AbortSignal;
}

/**
 * The event store port. Implementations: PostgreSQL, KurrentDB and in-memory; all pass one contract suite.
 * Streams are append-only; nothing is ever updated or deleted through this port. (An abstract class rather than an
 * interface so that it can serve as its own dependency-injection token.)
 */
export abstract class EventStore {
  /** A short name for logs and health ("postgres", "kurrentdb", "memory"). */
  abstract readonly kind: string;
  /**
   * Appends events atomically if the stream is at the expected revision, setting the per-stream hash chain.
   * Idempotent by event id: repeating an append whose events are all stored returns the stored result.
   * @throws WrongExpectedRevisionError when the stream is elsewhere; EventRejectedError for bad events.
   */
  abstract append(streamId: string, events: readonly EventData[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The events of a stream in revision order, from `fromRevision` (default 0); empty when the stream does not exist. */
  abstract readStream(streamId: string, options?: { fromRevision?: number; maxCount?: number }): Promise<RecordedEvent[]>;
  /**
   * A page of every stream's events in global order, after `after`. Never skips an event whose transaction commits
   * later than an event already returned: an event appears only once everything before it is visible.
   */
  abstract readAll(options: { after?: GlobalPosition; limit: number }): Promise<ReadAllPage>;
  /**
   * Catch-up subscription to all events: delivers in global order from `after`, then switches to live. Pull-based,
   * so a slow consumer slows the reads (backpressure). Use with `for await`.
   */
  abstract subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;
  /**
   * The position of the newest event appended, committed or not yet visible to readers (START when empty): how far a
   * reader of the global order has to go to have seen everything appended so far.
   */
  abstract headPosition(): Promise<GlobalPosition>;
  /** Checks the backend answers (for health). */
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
}
