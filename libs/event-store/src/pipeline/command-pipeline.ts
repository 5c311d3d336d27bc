import { WrongExpectedRevisionError } from '../errors';
import { AppendResult, EventData, EventStore, ExpectedRevision, RecordedEvent } from '../types';
import { eventIdFor } from './event-ids';
import { CachedState, StateCache } from './state-cache';

/** A decider in the emmett style: pure functions over commands, events and state. */
export interface Decider<C, E, S> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): E[];
}

/** How domain events are stored and read back (including upcasting of old versions). */
export interface EventMapping<E> {
  toEventData(event: E, eventId: string, envelope: CommandEnvelope): EventData;
  /** The domain event of a stored one, at its current version; null for a type the decider does not know (skipped). */
  fromRecorded(event: RecordedEvent): E | null;
}

/**
 * Appends a command's events: by default straight to the store; an application may wrap the append to keep
 * invariants that span streams (a unique decree number, the places of a position) in the same transaction.
 * `decided` are the domain events the stored ones were mapped from.
 */
export type Appender<E> = (streamId: string, events: readonly EventData[], expected: ExpectedRevision, decided: readonly E[]) => Promise<AppendResult>;

/** Identity and tracing of one command. */
export interface CommandEnvelope {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** The revision the client last saw (`If-Match`): a different current revision is a conflict, never retried. */
  readonly expectedRevision?: number;
  /**
   * The command creates its stream (a new case under a fresh id): the first attempt decides on the initial state
   * without reading and appends expecting no stream. Should the stream exist after all (a retry under an id derived
   * from an idempotency key), that append fails and the command is handled as any other, on the stream read back.
   * (A stream this process has seen is decided on its remembered state the same way, with or without this.)
   */
  readonly expectsNewStream?: boolean;
}

export interface CommandResult<S> {
  readonly events: readonly RecordedEvent[];
  readonly state: S;
  /** Revision of the stream after the command; -1 for a stream that still does not exist. */
  readonly revision: number;
  /** True when the command had already been handled: its stored events are returned and nothing is appended. */
  readonly idempotent: boolean;
}

/**
 * The one command pipeline: read the stream, fold it, decide, append with the expected revision. A concurrent
 * writer makes the append fail; the pipeline then re-reads and decides again, a bounded number of times. A command
 * already handled (same command id in the stream) returns its original events. A stream this process has seen, or
 * one the command creates, is first decided on the state remembered without a read: the expected revision of the
 * append is what catches a change since.
 */
export class CommandPipeline<C, E, S> {
  private readonly cache = new StateCache<S>();
  private readonly append: Appender<E>;

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<C, E, S>,
    private readonly mapping: EventMapping<E>,
    private readonly maxAttempts = 5,
    appender?: Appender<E>,
  ) {
    this.append = appender ?? ((streamId, events, expected) => store.append(streamId, events, expected));
  }

  /** The current state and revision of a stream, with every event. */
  async load(streamId: string): Promise<{ state: S; revision: number; events: RecordedEvent[] }> {
    const events = await this.store.readStream(streamId);
    const state = this.fold(this.decider.initialState(), events);
    const revision = events.at(-1)?.revision ?? -1;
    this.remember(streamId, state, revision, new Set(events.map((e) => String(e.metadata.commandId))));
    return { state, revision, events };
  }

  /** The current state and revision, reading only the events after the cached state. */
  private async current(streamId: string): Promise<{ state: S; revision: number; commandIds: ReadonlySet<string> }> {
    const cached = this.cache.get(streamId);
    if (!cached) return this.load(streamId).then(({ state, revision, events }) => ({ state, revision, commandIds: new Set(events.map((e) => String(e.metadata.commandId))) }));
    const newer = await this.store.readStream(streamId, { fromRevision: cached.revision + 1 });
    if (newer.length === 0) return cached;
    const state = this.fold(cached.state, newer);
    const commandIds = new Set([...cached.commandIds, ...newer.map((e) => String(e.metadata.commandId))]);
    const revision = (newer.at(-1) as RecordedEvent).revision;
    this.remember(streamId, state, revision, commandIds);
    return { state, revision, commandIds };
  }

  /** The state after `events`, each read through the mapping (old versions upcast, unknown types skipped). */
  private fold(state: S, events: readonly RecordedEvent[]): S {
    return events.reduce((s, e) => {
      const event = this.mapping.fromRecorded(e);
      return event === null ? s : this.decider.evolve(s, event);
    }, state);
  }

  private remember(streamId: string, state: S, revision: number, commandIds: ReadonlySet<string>): void {
    if (revision >= 0) this.cache.set(streamId, { state, revision, commandIds });
  }

  /**
   * Handles a command. `command` may be a function of the current state, for commands whose context (reference
   * data the decider needs) depends on the case: it is rebuilt on every retry.
   */
  async handle(streamId: string, command: C | ((state: S) => C | Promise<C>), envelope: CommandEnvelope): Promise<CommandResult<S>> {
    const remembered = this.remembered(streamId, envelope);
    if (remembered) {
      const done = await this.attemptUnread(streamId, command, envelope, remembered);
      if (done) return done;
    }
    for (let attempt = 1; ; attempt += 1) {
      const { state, revision, commandIds } = await this.current(streamId);
      if (commandIds.has(envelope.commandId)) {
        const history = (await this.load(streamId)).events;
        return { events: history.filter((e) => e.metadata.commandId === envelope.commandId), state, revision, idempotent: true };
      }
      if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
        throw new WrongExpectedRevisionError(streamId, envelope.expectedRevision, revision < 0 ? 'no_stream' : revision);
      }
      try {
        return await this.decideAndAppend(streamId, command, envelope, state, revision, commandIds);
      } catch (error) {
        const retry = error instanceof WrongExpectedRevisionError && envelope.expectedRevision === undefined && attempt < this.maxAttempts;
        if (!retry) throw error;
      }
    }
  }

  /**
   * What a command may be decided on without reading its stream: the state this process last saw of it (the
   * append then expects exactly that revision, so any change since makes it conflict), or, for a command that creates
   * its stream, the initial state. None for a command this process already handled on it (answered from the stream)
   * or an `If-Match` other than the remembered revision.
   */
  private remembered(streamId: string, envelope: CommandEnvelope): CachedState<S> | null {
    const cached = this.cache.get(streamId);
    if (cached) return cached.commandIds.has(envelope.commandId) || (envelope.expectedRevision !== undefined && envelope.expectedRevision !== cached.revision) ? null : cached;
    return envelope.expectsNewStream && envelope.expectedRevision === undefined ? { state: this.decider.initialState(), revision: -1, commandIds: new Set() } : null;
  }

  /**
   * The first attempt of a command, decided on a remembered state without a read. Null when that is not the answer:
   * the stream has moved on (the append conflicts, or finds the command's events already stored), or the decision
   * refuses or decides nothing, which the stream as it is may answer otherwise. The command is then handled on the
   * stream read back.
   */
  private async attemptUnread(
    streamId: string,
    command: C | ((state: S) => C | Promise<C>),
    envelope: CommandEnvelope,
    remembered: CachedState<S>,
  ): Promise<CommandResult<S> | null> {
    try {
      const result = await this.decideAndAppend(streamId, command, envelope, remembered.state, remembered.revision, remembered.commandIds);
      return result.idempotent || result.events.length === 0 ? null : result;
    } catch {
      return null;
    }
  }

  private async decideAndAppend(
    streamId: string,
    command: C | ((state: S) => C | Promise<C>),
    envelope: CommandEnvelope,
    state: S,
    revision: number,
    commandIds: ReadonlySet<string>,
  ): Promise<CommandResult<S>> {
    const resolved = typeof command === 'function' ? await (command as (state: S) => C | Promise<C>)(state) : command;
    const decided = this.decider.decide(resolved, state);
    if (decided.length === 0) return { events: [], state, revision, idempotent: false };
    const data = decided.map((e, i) => this.mapping.toEventData(e, eventIdFor(envelope.commandId, i), envelope));
    const expected: ExpectedRevision = revision < 0 ? 'no_stream' : revision;
    const result = await this.append(streamId, data, expected, decided);
    const after = this.fold(state, result.events);
    if (!result.idempotent) this.remember(streamId, after, result.nextExpectedRevision, new Set([...commandIds, envelope.commandId]));
    return { events: result.events, state: after, revision: result.nextExpectedRevision, idempotent: result.idempotent };
  }
}
