import { AllStreamResolvedEvent, ResolvedEvent } from '@eventstore/db-client';
import { GlobalPosition, positionOf, positionParts } from '../position';
import { ExpectedRevision, RecordedEvent } from '../types';

type KurrentExpected = 'no_stream' | 'any' | bigint;

/** Our expected revision in the client's terms. */
export function toKurrentExpected(expected: ExpectedRevision): KurrentExpected {
  return expected === 'no_stream' || expected === 'any' ? expected : BigInt(expected);
}

/** A KurrentDB position as ours (commit, prepare). */
export function toGlobalPosition(position: { commit: bigint; prepare: bigint }): GlobalPosition {
  return positionOf(position.commit, position.prepare);
}

/** Our position as KurrentDB's. */
export function toKurrentPosition(position: GlobalPosition): { commit: bigint; prepare: bigint } {
  return positionParts(position);
}

/** True for KurrentDB's own streams and events ($-prefixed), which are not part of Mutasi's record. */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

/**
 * A resolved event from KurrentDB as a RecordedEvent, or null for system, link or non-JSON events. Positions come
 * from the event itself (reads of $all) or are unknown (0:0) for stream reads of older servers.
 */
export function fromResolved(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null {
  const e = resolved.event;
  if (!e || !e.isJson || isSystemEvent(e.streamId, e.type)) return null;
  const metadata = (e.metadata ?? {}) as RecordedEvent['metadata'];
  const position = e.position ?? { commit: 0n, prepare: 0n };
  return {
    streamId: e.streamId,
    revision: Number(e.revision),
    eventId: e.id,
    type: e.type,
    data: e.data as Record<string, unknown>,
    metadata,
    globalPosition: toGlobalPosition(position),
  };
}
