import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { makeStream, sealed, withRecord } from '../../test/streams';
import { computeEventHash, eventLeafData, GENESIS_HASH, type EventRecord } from './event-hash';
import { verifyStreamChain } from './verify-chain';

const summary = (records: EventRecord[], options = {}): [number, string][] => verifyStreamChain(records, options).map((f) => [f.revision, f.code]);

describe('Event hash (docs/architecture.md, Integrity 1)', () => {
  const record: EventRecord = {
    streamId: 'transfer-abc',
    revision: 0,
    eventId: 'e1',
    type: 'TransferProposed.v1',
    data: { b: 1, a: 2 },
    metadata: { prevHash: GENESIS_HASH, hash: 'whatever', actorId: 'u1' },
  };
  // Written out by hand: sorted keys, no whitespace, metadata without its hash.
  const canonical = `{"data":{"a":2,"b":1},"eventId":"e1","metadata":{"actorId":"u1","prevHash":"${GENESIS_HASH}"},"revision":0,"streamId":"transfer-abc","type":"TransferProposed.v1"}`;

  it('is the hex SHA-256 of the canonical JSON of the event without metadata.hash', () => {
    expect(computeEventHash(record)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('does not depend on the stored hash value, or on fields outside the event', () => {
    const other = { ...record, metadata: { ...record.metadata, hash: 'f'.repeat(64) }, leafIndex: 7 } as EventRecord;
    expect(computeEventHash(other)).toBe(computeEventHash(record));
  });

  it('makes the leaf data from the event including metadata.hash', () => {
    expect(eventLeafData(record).toString('utf8')).toBe(canonical.replace('"actorId":"u1",', '"actorId":"u1","hash":"whatever",'));
  });
});

describe('Per-stream hash chain', () => {
  // Made per test (beforeEach runs inside the test), not in the describe body, which mutation testing counts as static.
  let stream: ReturnType<typeof makeStream>;
  beforeEach(() => {
    stream = makeStream('transfer-abc', 6);
  });

  it('accepts an intact stream', () => {
    expect(verifyStreamChain(stream, { expectFromStart: true })).toEqual([]);
  });

  it('refuses an event whose data was edited, at that revision, saying so', () => {
    const edited = withRecord(stream, 3, (r) => ({ ...r, data: { ...(r.data as object), note: 'diubah' } }));
    const failures = verifyStreamChain(edited);
    expect(failures.map((f) => [f.revision, f.code])).toEqual([[3, 'HASH_MISMATCH']]);
    expect(failures[0]?.eventId).toBe('transfer-abc-e3');
    expect(failures[0]?.reason).toMatch(/^event data or metadata changed: stored hash [0-9a-f]{12}… but content hashes to [0-9a-f]{12}…$/);
  });

  it('refuses an edit that was re-hashed, where the next event still points at the old hash', () => {
    const rehashed = withRecord(stream, 2, (r) => sealed({ ...r, type: 'TransferRejected.v1' }));
    expect(summary(rehashed)).toEqual([[3, 'CHAIN_BROKEN']]);
  });

  it('refuses a removed event', () => {
    expect(summary([...stream.slice(0, 2), ...stream.slice(3)])).toEqual([
      [3, 'REVISION_GAP'],
      [3, 'CHAIN_BROKEN'],
    ]);
  });

  it('refuses swapped events', () => {
    const swapped = [stream[0], stream[2], stream[1], ...stream.slice(3)] as EventRecord[];
    expect(summary(swapped)[0]).toEqual([2, 'REVISION_GAP']);
  });

  it('refuses a first event that does not link to the genesis hash', () => {
    const first = withRecord(stream, 0, (r) => sealed({ ...r, metadata: { ...r.metadata, prevHash: 'a'.repeat(64) } }));
    expect(summary(first)).toEqual([
      [0, 'CHAIN_BROKEN'],
      [1, 'CHAIN_BROKEN'],
    ]);
  });

  it('refuses a stream that lost its first events when the whole stream is expected', () => {
    expect(summary(stream.slice(2), { expectFromStart: true })).toEqual([[2, 'REVISION_GAP']]);
  });

  it('accepts the tail of a stream when only a tail is expected', () => {
    expect(verifyStreamChain(stream.slice(2))).toEqual([]);
  });

  it('refuses an event of another stream slipped in', () => {
    const foreign = withRecord(stream, 4, (r) => sealed({ ...r, streamId: 'transfer-xyz' }));
    expect(summary(foreign, { streamId: 'transfer-abc' })).toEqual([
      [4, 'STREAM_MISMATCH'],
      [5, 'CHAIN_BROKEN'],
    ]);
  });

  it('reports malformed records without throwing and keeps checking the rest', () => {
    const broken = withRecord(stream, 1, (r) => ({ ...r, metadata: null as unknown as Record<string, unknown> }));
    expect(summary(broken)).toEqual([[1, 'MALFORMED_RECORD']]);
    const badHash = withRecord(stream, 2, (r) => ({ ...r, metadata: { ...r.metadata, hash: 'XYZ' } }));
    // The next link cannot be judged against an unreadable hash; the damage is reported where it is.
    expect(summary(badHash)).toEqual([[2, 'MALFORMED_RECORD']]);
    const badRevision = withRecord(stream, 4, (r) => ({ ...r, revision: -1 }));
    expect(summary(badRevision)).toEqual([[-1, 'MALFORMED_RECORD']]);
  });

  it('puts the edited revision first, whatever field of whichever event is changed', () => {
    const field = fc.constantFrom('streamId', 'revision', 'eventId', 'type', 'data', 'metadata');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(), field, fc.jsonValue(), (count, pick, name, value) => {
        const records = makeStream('transfer-prop', count);
        const index = pick % count;
        const original = records[index] as EventRecord;
        const changed: EventRecord =
          name === 'metadata'
            ? { ...original, metadata: { ...original.metadata, actorId: value } }
            : name === 'revision'
              ? { ...original, revision: original.revision + 1 + (pick % 5) }
              : { ...original, [name]: name === 'data' ? value : `${String(original[name as 'type'])}x` };
        fc.pre(computeEventHash(changed) !== computeEventHash(original) || changed.revision !== original.revision);
        const failures = verifyStreamChain(
          withRecord(records, index, () => changed),
          { streamId: 'transfer-prop', expectFromStart: true },
        );
        expect(failures[0]?.eventId).toBe(changed.eventId);
      }),
    );
  });
});
