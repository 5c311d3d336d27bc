import { createHash } from 'node:crypto';
import { canonicalBytes } from '../canonical';

/**
 * An event as the event store keeps it. `metadata.prevHash` is the `hash` of the previous event of the same stream
 * (GENESIS_HASH for revision 0) and `metadata.hash` is {@link computeEventHash} of the event itself.
 */
export type EventRecord = {
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
};

/** The `prevHash` of the first event of every stream: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The hash chained into `metadata.hash`: hex SHA-256 of the RFC 8785 canonical JSON of
 * `{streamId, revision, eventId, type, data, metadata}` with `metadata.hash` left out (whatever its value, so the
 * hash can be recomputed from a stored event). Only these six fields count: extra properties of the record (a
 * bundle's leaf index and proof, a store's position) are not part of the event.
 */
export function computeEventHash(record: EventRecord): string {
  const { hash: _ignored, ...metadata } = record.metadata;
  return createHash('sha256').update(canonicalBytes(eventContent(record, metadata))).digest('hex');
}

/**
 * The data of the event's leaf in the global Merkle ledger: canonical JSON bytes of
 * `{streamId, revision, eventId, type, data, metadata}` with the metadata INCLUDING its hash, so the ledger also
 * commits to the chain link.
 */
export function eventLeafData(record: EventRecord): Buffer {
  return canonicalBytes(eventContent(record, record.metadata));
}

function eventContent(record: EventRecord, metadata: Record<string, unknown>): EventRecord {
  return {
    streamId: record.streamId,
    revision: record.revision,
    eventId: record.eventId,
    type: record.type,
    data: record.data,
    metadata,
  };
}
