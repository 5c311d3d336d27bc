/** Test support: event streams chained the way the event store chains them at append. */
import { computeEventHash, GENESIS_HASH, type EventRecord } from '../src';

/** Sets `metadata.hash` (and keeps `prevHash`) as the store does at append. */
export function sealed(record: EventRecord): EventRecord {
  return { ...record, metadata: { ...record.metadata, hash: computeEventHash(record) } };
}

/** A chained stream of `count` events, revisions 0..count−1. */
export function makeStream(streamId: string, count: number, start = 0): EventRecord[] {
  const records: EventRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let revision = start; revision < start + count; revision += 1) {
    const record = sealed({
      streamId,
      revision,
      eventId: `${streamId}-e${revision}`,
      type: revision === 0 ? 'TransferProposed.v1' : 'ApprovalStepGranted.v1',
      data: { caseId: streamId, step: revision, note: `langkah ${revision}`, amounts: [revision, revision * 1.5] },
      metadata: { prevHash, actorId: `asn-${revision % 3}`, occurredAt: `2025-01-0${1 + (revision % 9)}T08:00:00Z` },
    });
    records.push(record);
    prevHash = record.metadata['hash'] as string;
  }
  return records;
}

/** A copy of the stream with one record replaced. */
export function withRecord(records: readonly EventRecord[], index: number, change: (r: EventRecord) => EventRecord): EventRecord[] {
  return records.map((r, i) => (i === index ? change(r) : r));
}
