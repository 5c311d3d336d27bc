import { describeValue, isIndex, isRecord, shortHash } from '../encoding';
import { IntegrityError } from '../errors';
import { computeEventHash, GENESIS_HASH, type EventRecord } from './event-hash';

/** Why one event of a stream fails its chain check. */
export type ChainFailureCode =
  /** The stored `metadata.hash` is not the hash of the event's content: the event was edited. */
  | 'HASH_MISMATCH'
  /** `metadata.prevHash` is not the previous event's hash: an event was removed, inserted, or re-hashed. */
  | 'CHAIN_BROKEN'
  /** The revision does not follow the previous one (or the stream does not start at 0 when it should). */
  | 'REVISION_GAP'
  /** The event belongs to another stream than the one being checked. */
  | 'STREAM_MISMATCH'
  /** The record cannot be checked at all: hashes missing or not 64 lowercase hex characters, bad revision. */
  | 'MALFORMED_RECORD';

/** One failing event, with a reason an inspector can read. */
export interface ChainFailure {
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly code: ChainFailureCode;
  readonly reason: string;
}

/** Options of {@link verifyStreamChain}. */
export interface ChainOptions {
  /** The records must start at revision 0 (a whole stream rather than a tail of it). */
  readonly expectFromStart?: boolean;
  /** The stream the records must belong to; defaults to the first record's `streamId`. */
  readonly streamId?: string;
}

const HEX_HASH = /^[0-9a-f]{64}$/;

/**
 * Checks the hash chain of one stream. `records` are one stream's events in revision order; they may be a tail of
 * the stream (then the first record's `prevHash` cannot be checked) unless `expectFromStart` is set.
 *
 * For each record, in order: the stream id, revision contiguity (from the first record's revision, or 0 with
 * `expectFromStart`), the `prevHash` link (GENESIS_HASH at revision 0, else the previous record's stored hash),
 * and the stored hash against the recomputed one. Returns every failure in record order (empty when intact), so
 * the first element is the first place where the history was changed.
 */
export function verifyStreamChain(records: readonly EventRecord[], options: ChainOptions = {}): ChainFailure[] {
  const cursor = new ChainCursor({ ...options, streamId: options.streamId ?? records[0]?.streamId });
  return records.flatMap((record) => cursor.next(record));
}

/**
 * The chain check one record at a time, holding only the previous record's revision and hash: what a streaming
 * verifier needs to check a stream of any length in flat memory. {@link verifyStreamChain} is this over a list.
 */
export class ChainCursor {
  // What the previous record claims; a field is undefined when that record was too malformed to tell.
  private previous: { revision: number | undefined; hash: string | undefined } | undefined;

  constructor(private readonly options: ChainOptions) {}

  /** The revision and stored hash of the last record seen, when it was well-formed. */
  get last(): { revision: number | undefined; hash: string | undefined } | undefined {
    return this.previous;
  }

  /** Checks the next record of the stream; returns its failures (empty when it is intact). */
  next(record: EventRecord): ChainFailure[] {
    const failures: ChainFailure[] = [];
    const { streamId, expectFromStart } = this.options;
    const previous = this.previous;
    const fail = (code: ChainFailureCode, reason: string): void => {
      failures.push({ streamId: text(record.streamId), revision: record.revision, eventId: text(record.eventId), code, reason });
    };
    if (record.streamId !== streamId) {
      fail('STREAM_MISMATCH', `event belongs to stream ${describeValue(record.streamId)}, not ${describeValue(streamId)}`);
    }
    const malformed = malformation(record);
    if (malformed !== undefined) {
      fail('MALFORMED_RECORD', malformed);
      this.previous = { revision: isIndex(record.revision) ? record.revision : undefined, hash: hashField(record, 'hash') };
      return failures;
    }
    const prevHash = record.metadata['prevHash'] as string;
    const stored = record.metadata['hash'] as string;
    if (previous === undefined) {
      if (expectFromStart && record.revision !== 0) {
        fail('REVISION_GAP', `stream starts at revision ${record.revision}, expected 0: earlier events are missing`);
      }
      if (record.revision === 0 && prevHash !== GENESIS_HASH) {
        fail('CHAIN_BROKEN', `first event's prevHash is ${shortHash(prevHash)}, expected the genesis hash (64 zeros)`);
      }
    } else {
      if (previous.revision !== undefined && record.revision !== previous.revision + 1) {
        fail('REVISION_GAP', `revision ${record.revision} follows revision ${previous.revision}, expected ${previous.revision + 1}`);
      }
      if (previous.hash !== undefined && prevHash !== previous.hash) {
        fail('CHAIN_BROKEN', `prevHash ${shortHash(prevHash)} is not the hash ${shortHash(previous.hash)} of the preceding event: an event was removed, inserted or re-hashed`);
      }
    }
    const actual = contentHash(record);
    if (actual === undefined) {
      fail('MALFORMED_RECORD', 'event content is not JSON and cannot be hashed');
    } else if (actual !== stored) {
      fail('HASH_MISMATCH', `event data or metadata changed: stored hash ${shortHash(stored)} but content hashes to ${shortHash(actual)}`);
    }
    this.previous = { revision: record.revision, hash: stored };
    return failures;
  }
}

/** The metadata hash field when it is well-formed. */
function hashField(record: EventRecord, field: 'hash' | 'prevHash'): string | undefined {
  const value = isRecord(record.metadata) ? record.metadata[field] : undefined;
  return typeof value === 'string' && HEX_HASH.test(value) ? value : undefined;
}

/** Identifiers as given when they are text; a description otherwise (records may come from untrusted files). */
function text(value: unknown): string {
  return typeof value === 'string' ? value : describeValue(value);
}

/** Why a record cannot be checked, or undefined when it has the fields the chain needs. */
function malformation(record: EventRecord): string | undefined {
  if (!isIndex(record.revision)) return `revision ${JSON.stringify(record.revision)} is not a non-negative integer`;
  if (!isRecord(record.metadata)) return 'metadata is missing or not an object';
  for (const field of ['prevHash', 'hash'] as const) {
    if (hashField(record, field) === undefined) return `metadata.${field} is missing or not 64 lowercase hex characters`;
  }
  return undefined;
}

function contentHash(record: EventRecord): string | undefined {
  try {
    return computeEventHash(record);
  } catch (error: unknown) {
    // Only content that has no JSON form is a property of the evidence; anything else is a bug to surface.
    if (error instanceof IntegrityError) return undefined;
    throw error;
  }
}
