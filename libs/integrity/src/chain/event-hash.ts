import { createHash } from 'node:crypto';
import { canonicalBytes, canonicalJson } from '../canonical';

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
  return createHash('sha256')
    .update(canonicalBytes(eventContent(record, metadata)))
    .digest('hex');
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

/**
 * {@link computeEventHash} and {@link eventLeafData} together, canonicalising each member once: the verifier's hot
 * path. Byte-identical to the two functions (a property test holds it to that).
 */
export function hashAndLeaf(record: EventRecord): { hash: string; leafData: Buffer } {
  const { hash: stored, ...rest } = record.metadata;
  const fields = [record.data, record.eventId, record.revision, record.streamId, record.type];
  if (fields.some((f) => f === undefined)) return { hash: computeEventHash(record), leafData: eventLeafData(record) };
  const members = Object.keys(rest)
    .filter((k) => rest[k] !== undefined)
    .sort()
    .map((k) => ({ key: k, text: `${JSON.stringify(k)}:${canonicalJson(rest[k])}` }));
  const object = (list: readonly { text: string }[]): string => `{${list.map((m) => m.text).join(',')}}`;
  const wrap = (metadata: string): string =>
    `{"data":${canonicalJson(record.data)},"eventId":${canonicalJson(record.eventId)},"metadata":${metadata},"revision":${canonicalJson(record.revision)},"streamId":${canonicalJson(record.streamId)},"type":${canonicalJson(record.type)}}`;
  const hash = createHash('sha256')
    .update(wrap(object(members)), 'utf8')
    .digest('hex');
  if (stored === undefined) return { hash, leafData: Buffer.from(wrap(object(members)), 'utf8') };
  const withHash = [...members, { key: 'hash', text: `"hash":${canonicalJson(stored)}` }].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { hash, leafData: Buffer.from(wrap(object(withHash)), 'utf8') };
}
