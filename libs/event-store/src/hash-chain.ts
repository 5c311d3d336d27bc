import { computeEventHash, GENESIS_HASH } from '@mutasi/integrity';
import { ChainedEvent, EventData } from './types';

export type { ChainedEvent };

/** The hash and revision of a stream's last event, or null for a stream that does not exist yet. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/**
 * Sets the per-stream hash chain (docs/architecture.md, "Integrity" 1): each event's `prevHash` is the previous event's
 * `hash` (64 zeros for the first), and `hash` covers the event with `metadata.hash` left out.
 */
export function chainEvents(streamId: string, head: StreamHead | null, events: readonly EventData[]): ChainedEvent[] {
  let prevHash = head?.hash ?? GENESIS_HASH;
  let revision = head === null ? 0 : head.revision + 1;
  return events.map((event) => {
    const { hash: _clientHash, prevHash: _clientPrev, ...metadata } = event.metadata as Record<string, unknown>;
    const unsigned = { streamId, revision, eventId: event.eventId, type: event.type, data: event.data, metadata: { ...metadata, prevHash } };
    const hash = computeEventHash(unsigned);
    const chained: ChainedEvent = { ...unsigned, metadata: { ...unsigned.metadata, prevHash, hash } };
    prevHash = hash;
    revision += 1;
    return chained;
  });
}
