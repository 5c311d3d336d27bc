import { DuplicateEventIdError, WrongExpectedRevisionError } from './errors';
import { AppendResult, EventData, ExpectedRevision, RecordedEvent } from './types';

/** Throws WrongExpectedRevisionError unless the stream's last revision (null: no stream) matches `expected`. */
export function checkExpected(streamId: string, expected: ExpectedRevision, actual: number | null): void {
  if (expected === 'any') return;
  if (expected === 'no_stream' ? actual === null : actual === expected) return;
  throw new WrongExpectedRevisionError(streamId, expected, actual ?? 'no_stream');
}

/**
 * The stored result when every event of the append is already stored, in this stream, at consecutive revisions
 * and in the same order: the retry of an earlier append. Null when none is stored. Throws DuplicateEventIdError
 * when only some are, or elsewhere.
 */
export function idempotentReplay(streamId: string, events: readonly EventData[], lookup: (eventId: string) => RecordedEvent | undefined): AppendResult | null {
  const stored = events.map((e) => lookup(e.eventId));
  if (stored.every((s) => s === undefined)) return null;
  const first = stored[0];
  const consistent = first !== undefined && stored.every((s, i) => s !== undefined && s.streamId === streamId && s.revision === first.revision + i && s.type === events[i]?.type);
  if (!consistent) throw new DuplicateEventIdError((events[stored.findIndex((s) => s !== undefined)] as EventData).eventId);
  const recorded = stored as RecordedEvent[];
  return { nextExpectedRevision: (recorded.at(-1) as RecordedEvent).revision, events: recorded, idempotent: true };
}
