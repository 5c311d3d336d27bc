import fc from 'fast-check';
import { collectPaths, copy, HELD_SIZE, makeFixture, ORIGIN, setAt } from '../../test/bundle-fixture';
import { sealed } from '../../test/streams';
import { computeEventHash, type EventRecord } from '../chain/event-hash';
import { toBase64 } from '../encoding';
import { generateSignerKey, verifierKeyFromSignerKey } from '../note/keys';
import { signCheckpoint } from '../checkpoint/checkpoint';
import type { AuditBundleV1, BundleEvent } from './types';
import { verifyBundle } from './verify-bundle';

const fixture = makeFixture();
const positions = (result: ReturnType<typeof verifyBundle>): string[] => result.failures.map((f) => f.position);

/** The bundle with one event of stream transfer-abc changed. */
function withAbcEvent(revision: number, change: (e: BundleEvent) => BundleEvent): AuditBundleV1 {
  const bundle = copy(fixture.bundle);
  const stream = bundle.streams[0] as AuditBundleV1['streams'][number];
  stream.events = stream.events.map((e) => (e.revision === revision ? change(e) : e));
  return bundle;
}

describe('Audit bundle verification', () => {
  it('accepts an intact bundle and counts its events', () => {
    expect(verifyBundle(fixture.bundle)).toEqual({ ok: true, checkedEvents: 7, failures: [] });
  });

  it('accepts a bundle that extends the checkpoint the verifier holds, or equals it', () => {
    expect(verifyBundle(fixture.bundle, { heldCheckpoint: fixture.heldCheckpoint }).failures).toEqual([]);
    expect(verifyBundle(fixture.bundle, { heldCheckpoint: fixture.bundle.treeHead.checkpoint }).failures).toEqual([]);
    expect(verifyBundle(fixture.bundle, { trustedVerifierKey: fixture.verifierKey }).ok).toBe(true);
  });

  it('names the first edited event and why, then the leaf that no longer matches', () => {
    const result = verifyBundle(withAbcEvent(2, (e) => ({ ...e, data: { ...(e.data as object), note: 'diubah oleh admin' } })));
    expect(result.ok).toBe(false);
    expect(positions(result)).toEqual(['stream transfer-abc revision 2', 'leaf 6']);
    expect(result.failures[0]).toEqual({
      position: 'stream transfer-abc revision 2',
      eventId: 'transfer-abc-e2',
      reason: expect.stringMatching(/^event data or metadata changed: stored hash/),
    });
  });

  it('catches an edit whose chain was recomputed by someone who controls the database', () => {
    const bundle = copy(fixture.bundle);
    const stream = bundle.streams[0] as AuditBundleV1['streams'][number];
    let prevHash: string | undefined;
    stream.events = stream.events.map((e) => {
      const changed = e.revision === 1 ? { ...e, type: 'TransferRejected.v1' } : e;
      const relinked = prevHash === undefined ? changed : { ...changed, metadata: { ...changed.metadata, prevHash } };
      const resealed = sealed(relinked as EventRecord) as BundleEvent;
      prevHash = resealed.metadata['hash'] as string;
      return resealed;
    });
    const result = verifyBundle(bundle);
    expect(positions(result)).toEqual(['leaf 3', 'leaf 6', 'leaf 9']);
    expect(result.failures[0]?.reason).toMatch(/^stream transfer-abc revision 1: not in the signed tree of size 13/);
  });

  it('refuses a bundle with an event left out of a stream', () => {
    const bundle = copy(fixture.bundle);
    const stream = bundle.streams[0] as AuditBundleV1['streams'][number];
    stream.events.splice(1, 1);
    expect(verifyBundle(bundle).failures[0]).toEqual({
      position: 'stream transfer-abc revision 2',
      eventId: 'transfer-abc-e2',
      reason: 'revision 2 follows revision 0, expected 1',
    });
  });

  it('refuses an inclusion proof with a flipped bit, or a leaf outside the tree', () => {
    const flipped = withAbcEvent(3, (e) => {
      const first = Buffer.from(e.inclusionProof[0] as string, 'base64');
      first[0] = (first[0] as number) ^ 1;
      return { ...e, inclusionProof: [toBase64(first), ...e.inclusionProof.slice(1)] };
    });
    expect(positions(verifyBundle(flipped))).toEqual(['leaf 9']);
    expect(positions(verifyBundle(withAbcEvent(3, (e) => ({ ...e, leafIndex: 99 }))))).toEqual(['leaf 99']);
    expect(positions(verifyBundle(withAbcEvent(3, (e) => ({ ...e, leafIndex: 6 }))))).toEqual(['leaf 6']);
  });

  it('refuses a tree head whose fields do not match its signed checkpoint', () => {
    const root = copy(fixture.bundle);
    root.treeHead.rootHash = toBase64(Buffer.alloc(32));
    expect(verifyBundle(root).failures).toEqual([{ position: 'tree head', eventId: null, reason: expect.stringMatching(/not the signed root/) }]);
    const time = copy(fixture.bundle);
    time.treeHead.timestamp = '2025-03-01T10:00:01.000Z';
    expect(positions(verifyBundle(time))).toEqual(['tree head']);
    const origin = copy(fixture.bundle);
    origin.origin = 'elsewhere.example/log';
    expect(positions(verifyBundle(origin))).toEqual(['tree head']);
  });

  it('refuses a checkpoint that does not verify, before anything else', () => {
    const bundle = withAbcEvent(2, (e) => ({ ...e, type: 'Changed.v1' }));
    bundle.treeHead.checkpoint = bundle.treeHead.checkpoint.replace(`\n${bundle.treeHead.treeSize}\n`, '\n12\n');
    const result = verifyBundle(bundle);
    expect(result.failures[0]).toEqual({ position: 'tree head', eventId: null, reason: expect.stringMatching(/does not verify/) });
    expect(positions(result)[1]).toBe('stream transfer-abc revision 2');
  });

  it('refuses a bundle that brings its own key when the verifier trusts another', () => {
    const forger = makeFixture({ signerKey: generateSignerKey(ORIGIN) });
    const result = verifyBundle(forger.bundle, { trustedVerifierKey: fixture.verifierKey });
    expect(positions(result).slice(0, 2)).toEqual(['verifier key', 'tree head']);
  });

  it('refuses a rewritten history against the checkpoint the verifier held before', () => {
    const rewritten = makeFixture({
      signerKey: fixture.signerKey,
      // Leaf 2 belongs to a stream outside the bundle: every stream in the bundle still checks out.
      rewrite: (events) => events.map((e, i) => (i === 2 ? sealed({ ...e, data: { hapus: true } }) : e)),
    });
    const result = verifyBundle(rewritten.bundle, { heldCheckpoint: fixture.heldCheckpoint });
    expect(result.failures).toEqual([
      { position: 'held checkpoint', eventId: null, reason: expect.stringMatching(/does not extend the checkpoint you hold/) },
    ]);
  });

  it('refuses a bundle older than the checkpoint the verifier holds', () => {
    const older = makeFixture({ signerKey: fixture.signerKey, rewrite: (events) => events.slice(0, 9) });
    expect(verifyBundle(older.bundle).ok).toBe(true);
    const result = verifyBundle(older.bundle, { heldCheckpoint: fixture.bundle.treeHead.checkpoint });
    expect(result.failures).toEqual([{ position: 'held checkpoint', eventId: null, reason: expect.stringMatching(/is newer than the bundle's tree head/) }]);
  });

  it('refuses two different signed roots for the same size (a split view)', () => {
    const fork = signCheckpoint(fixture.signerKey, { origin: ORIGIN, treeSize: fixture.ledger.size, rootHash: Buffer.alloc(32, 7), timestamp: new Date() });
    expect(verifyBundle(fixture.bundle, { heldCheckpoint: fork }).failures[0]?.reason).toMatch(/two different signed roots for tree size 13/);
  });

  it('says when no consistency proof reaches the held checkpoint, or it is signed by someone else', () => {
    expect(verifyBundle(fixture.bundle, { heldCheckpoint: fixture.signHead(HELD_SIZE + 1) }).failures[0]?.reason).toMatch(
      /no consistency proof from size 6/,
    );
    const foreign = signCheckpoint(generateSignerKey(ORIGIN), { origin: ORIGIN, treeSize: 3, rootHash: fixture.ledger.root(3), timestamp: new Date() });
    expect(positions(verifyBundle(fixture.bundle, { heldCheckpoint: foreign }))).toEqual(['held checkpoint']);
  });

  it('refuses a consistency proof in the bundle that does not lead to its head', () => {
    const bundle = copy(fixture.bundle);
    (bundle.consistencyProofs[0] as AuditBundleV1['consistencyProofs'][number]).fromRoot = toBase64(Buffer.alloc(32));
    expect(positions(verifyBundle(bundle))).toEqual([`consistency proof from size ${HELD_SIZE}`]);
  });
});

describe('Audit bundle shape', () => {
  it('names the field that does not fit', () => {
    const bad = copy(fixture.bundle) as unknown as { streams: { events: Record<string, unknown>[] }[] };
    (bad.streams[1]?.events[2] as Record<string, unknown>)['leafIndex'] = -1;
    expect(verifyBundle(bad).failures).toEqual([
      { position: 'bundle', eventId: null, reason: 'streams[1].events[2].leafIndex must be a non-negative integer' },
    ]);
    expect(verifyBundle({ ...fixture.bundle, format: 'mutasi-audit-bundle/v2' }).failures[0]?.reason).toMatch(/format is "mutasi-audit-bundle\/v2"/);
  });

  it('never throws on garbage and never accepts it', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = verifyBundle(input);
        expect(result.ok).toBe(false);
        expect(result.failures[0]?.position).toBe('bundle');
      }),
    );
  });

  it('refuses any change to the tree head, the proofs or any field of an event, without throwing', () => {
    const guarded = collectPaths(fixture.bundle).filter(
      (p) => (p.length === 1 && p[0] !== 'streams' && p[0] !== 'consistencyProofs') || p[0] === 'treeHead' || (p[0] === 'streams' && p.length >= 5) || (p[0] === 'consistencyProofs' && p.length >= 3),
    );
    fc.assert(
      fc.property(fc.constantFrom(...guarded), fc.anything(), (path, value) => {
        const bundle = copy(fixture.bundle) as unknown as Record<string, unknown>;
        setAt(bundle, path, value);
        // A replacement with the same JSON (0 for -0, an equal copy) is no change.
        fc.pre(JSON.stringify(bundle) !== JSON.stringify(fixture.bundle));
        expect(verifyBundle(bundle).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a stream listed without events or listed twice', () => {
    const empty = copy(fixture.bundle);
    (empty.streams[1] as AuditBundleV1['streams'][number]).events = [];
    expect(verifyBundle(empty).failures).toEqual([{ position: 'stream transfer-xyz', eventId: null, reason: expect.stringMatching(/no events/) }]);
    const twice = copy(fixture.bundle);
    twice.streams.push(copy(twice.streams[1] as AuditBundleV1['streams'][number]));
    expect(positions(verifyBundle(twice))[0]).toBe('stream transfer-xyz');
  });

  it('still matches the hash it was sealed with after the JSON round trip', () => {
    const event = fixture.bundle.streams[0]?.events[0] as BundleEvent;
    expect(computeEventHash(copy(event))).toBe(event.metadata['hash']);
    expect(verifierKeyFromSignerKey(fixture.signerKey)).toBe(fixture.bundle.verifierKey);
  });
});
