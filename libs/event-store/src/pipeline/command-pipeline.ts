import { WrongExpectedRevisionError } from '../errors';
import { EventData, EventStore, ExpectedRevision, RecordedEvent } from '../types';
import { eventIdFor } from './event-ids';

/** A decider in the emmett style: pure functions over commands, events and state. */
export interface Decider<C, E, S> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): E[];
}

/** How domain events are stored and read back (including upcasting of old versions). */
export interface EventMapping<E> {
  toEventData(event: E, eventId: string, envelope: CommandEnvelope): EventData;
  fromRecorded(event: RecordedEvent): E;
}

/** Identity and tracing of one command. */
export interface CommandEnvelope {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** The revision the client last saw (`If-Match`): a different current revision is a conflict, never retried. */
  readonly expectedRevision?: number;
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
 * already handled (same command id in the stream) returns its original events.
 */
export class CommandPipeline<C, E, S> {
  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<C, E, S>,
    private readonly mapping: EventMapping<E>,
    private readonly maxAttempts = 5,
  ) {}

  /** The current state and revision of a stream. */
  async load(streamId: string): Promise<{ state: S; revision: number; events: RecordedEvent[] }> {
    const events = await this.store.readStream(streamId);
    const state = events.reduce((s, e) => this.decider.evolve(s, this.mapping.fromRecorded(e)), this.decider.initialState());
    return { state, revision: events.at(-1)?.revision ?? -1, events };
  }

  /**
   * Handles a command. `command` may be a function of the current state, for commands whose context (reference
   * data the decider needs) depends on the case: it is rebuilt on every retry.
   */
  async handle(streamId: string, command: C | ((state: S) => C | Promise<C>), envelope: CommandEnvelope): Promise<CommandResult<S>> {
    for (let attempt = 1; ; attempt += 1) {
      const { state, revision, events: history } = await this.load(streamId);
      const earlier = history.filter((e) => e.metadata.commandId === envelope.commandId);
      if (earlier.length > 0) return { events: earlier, state, revision, idempotent: true };
      if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
        throw new WrongExpectedRevisionError(streamId, envelope.expectedRevision, revision < 0 ? 'no_stream' : revision);
      }
      const resolved = typeof command === 'function' ? await (command as (state: S) => C | Promise<C>)(state) : command;
      const decided = this.decider.decide(resolved, state);
      if (decided.length === 0) return { events: [], state, revision, idempotent: false };
      const data = decided.map((e, i) => this.mapping.toEventData(e, eventIdFor(envelope.commandId, i), envelope));
      const expected: ExpectedRevision = revision < 0 ? 'no_stream' : revision;
      try {
        const result = await this.store.append(streamId, data, expected);
        const after = decided.reduce((s, e) => this.decider.evolve(s, e), state);
        return { events: result.events, state: after, revision: result.nextExpectedRevision, idempotent: result.idempotent };
      } catch (error) {
        const retry = error instanceof WrongExpectedRevisionError && envelope.expectedRevision === undefined && attempt < this.maxAttempts;
        if (!retry) throw error;
      }
    }
  }
}
