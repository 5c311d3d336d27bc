import { makeStream, sealed, withRecord } from '../../test/streams';
import type { EventRecord } from './event-hash';
import { ChainCursor, verifyStreamChain, type ChainFailure } from './verify-chain';

// What the chain checker says is what an inspector reads: each test pins the whole failure (stream, revision, event,
// code and the exact reason, with the hashes it quotes), not only the code.
const short = (hash: unknown): string => `${String(hash).slice(0, 12)}…`;
const hashOf = (r: EventRecord | undefined): string => String(r?.metadata['hash']);

describe('Chain failures name the event, the code and the reason', () => {
  it('an edited event: the stored hash and the hash its content has now', () => {
    const stream = makeStream('transfer-abc', 4);
    const edited = withRecord(stream, 2, (r) => ({ ...r, data: { note: 'diubah' } }));
    const now = hashOf(sealed(edited[2] as EventRecord));
    expect(verifyStreamChain(edited)).toEqual<ChainFailure[]>([
      {
        streamId: 'transfer-abc',
        revision: 2,
        eventId: 'transfer-abc-e2',
        code: 'HASH_MISMATCH',
        reason: `event data or metadata changed: stored hash ${short(hashOf(stream[2]))} but content hashes to ${short(now)}`,
      },
    ]);
  });

  it('a removed event: the revision gap and the broken link, both at the event after it', () => {
    const stream = makeStream('transfer-abc', 4);
    expect(verifyStreamChain([stream[0], stream[2], stream[3]] as EventRecord[])).toEqual<ChainFailure[]>([
      { streamId: 'transfer-abc', revision: 2, eventId: 'transfer-abc-e2', code: 'REVISION_GAP', reason: 'revision 2 follows revision 0, expected 1' },
      {
        streamId: 'transfer-abc',
        revision: 2,
        eventId: 'transfer-abc-e2',
        code: 'CHAIN_BROKEN',
        reason: `prevHash ${short(stream[2]?.metadata['prevHash'])} is not the hash ${short(hashOf(stream[0]))} of the preceding event: an event was removed, inserted or re-hashed`,
      },
    ]);
  });

  it('a stream that does not start at 0 when the whole stream is expected; a tail is accepted otherwise', () => {
    const tail = makeStream('transfer-abc', 4).slice(1);
    expect(verifyStreamChain(tail, { expectFromStart: true })).toEqual<ChainFailure[]>([
      { streamId: 'transfer-abc', revision: 1, eventId: 'transfer-abc-e1', code: 'REVISION_GAP', reason: 'stream starts at revision 1, expected 0: earlier events are missing' },
    ]);
    expect(verifyStreamChain(tail)).toEqual([]);
    expect(verifyStreamChain(tail, { expectFromStart: false })).toEqual([]);
  });

  it('a first event not linked to the genesis hash, quoting what it links to', () => {
    const stream = makeStream('transfer-abc', 1);
    const relinked = withRecord(stream, 0, (r) => sealed({ ...r, metadata: { ...r.metadata, prevHash: 'ab'.repeat(32) } }));
    expect(verifyStreamChain(relinked)).toEqual<ChainFailure[]>([
      {
        streamId: 'transfer-abc',
        revision: 0,
        eventId: 'transfer-abc-e0',
        code: 'CHAIN_BROKEN',
        reason: "first event's prevHash is abababababab…, expected the genesis hash (64 zeros)",
      },
    ]);
  });

  it('an event of another stream, described safely; the expected stream defaults to the first record’s', () => {
    const stream = makeStream('transfer-abc', 2);
    const foreign = withRecord(stream, 1, (r) => sealed({ ...r, streamId: 'transfer-xyz' }));
    expect(verifyStreamChain(foreign)).toEqual<ChainFailure[]>([
      { streamId: 'transfer-xyz', revision: 1, eventId: 'transfer-abc-e1', code: 'STREAM_MISMATCH', reason: 'event belongs to stream "transfer-xyz", not "transfer-abc"' },
    ]);
    expect(verifyStreamChain(stream, { streamId: 'transfer-other' }).map((f) => f.reason)).toEqual([
      'event belongs to stream "transfer-abc", not "transfer-other"',
      'event belongs to stream "transfer-abc", not "transfer-other"',
    ]);
  });

  it('malformed records: each reason says what is missing, and the next record is still checked', () => {
    const stream = makeStream('transfer-abc', 3);
    const reasonFor = (change: (r: EventRecord) => EventRecord): string[] => verifyStreamChain(withRecord(stream, 1, change)).map((f) => `${f.revision}:${f.code}:${f.reason}`);
    expect(reasonFor((r) => ({ ...r, revision: 1.5 }))).toEqual(['1.5:MALFORMED_RECORD:revision 1.5 is not a non-negative integer']);
    expect(reasonFor((r) => ({ ...r, metadata: [] as unknown as Record<string, unknown> }))).toEqual(['1:MALFORMED_RECORD:metadata is missing or not an object']);
    expect(reasonFor((r) => ({ ...r, metadata: { ...r.metadata, prevHash: 'A'.repeat(64) } }))).toEqual([
      '1:MALFORMED_RECORD:metadata.prevHash is missing or not 64 lowercase hex characters',
    ]);
    expect(reasonFor((r) => ({ ...r, metadata: { ...r.metadata, hash: 'a'.repeat(63) } }))).toEqual([
      '1:MALFORMED_RECORD:metadata.hash is missing or not 64 lowercase hex characters',
    ]);
    // A malformed revision leaves the next one unjudged; a well-formed hash of a malformed record still links the next.
    expect(reasonFor((r) => ({ ...r, revision: -1 }))).toEqual(['-1:MALFORMED_RECORD:revision -1 is not a non-negative integer']);
    const renumbered = withRecord(stream, 1, (r) => ({ ...r, revision: 'one' as unknown as number }));
    expect(verifyStreamChain(renumbered).map((f) => f.code)).toEqual(['MALFORMED_RECORD']);
  });

  it('content with no JSON form is malformed evidence, not a crash', () => {
    const stream = makeStream('transfer-abc', 2);
    const unhashable = withRecord(stream, 1, (r) => ({ ...r, data: { n: Number.NaN } }));
    expect(verifyStreamChain(unhashable)).toEqual<ChainFailure[]>([
      { streamId: 'transfer-abc', revision: 1, eventId: 'transfer-abc-e1', code: 'MALFORMED_RECORD', reason: 'event content is not JSON and cannot be hashed' },
    ]);
  });

  it('the cursor remembers the last well-formed revision and hash, and nothing before the first record', () => {
    const stream = makeStream('transfer-abc', 2);
    const cursor = new ChainCursor({ streamId: 'transfer-abc' });
    expect(cursor.last).toBeUndefined();
    expect(cursor.next(stream[0] as EventRecord)).toEqual([]);
    expect(cursor.last).toEqual({ revision: 0, hash: hashOf(stream[0]) });
    cursor.next({ ...(stream[1] as EventRecord), metadata: { ...stream[1]?.metadata, hash: 'bad' } });
    expect(cursor.last).toEqual({ revision: 1, hash: undefined });
  });
});
