import fc from 'fast-check';
import { bundleText, collectPaths, copy, HELD_SIZE, makeFixture, ORIGIN, setAt, type BundleLines, type Fixture } from '../../test/bundle-fixture';
import { sealed } from '../../test/streams';
import type { EventRecord } from '../chain/event-hash';
import { toBase64 } from '../encoding';
import { generateSignerKey } from '../note/keys';
import { cosignatureLine, cosignerVerifierKey, generateCosignerKey } from '../note/cosignature';
import { signCheckpoint } from '../checkpoint/checkpoint';
import { verifyBundleText } from './bundle-verifier';
import type { BundleEvent, BundleVerification } from './types';

// Built per test (beforeEach runs inside each test): a fixture built while the file loads would make every line of
// the verifier it exercises a "static" mutant, rerun with every test of the suite.
let fixture: Fixture;
let trusted: { trustedVerifierKey: string };
beforeEach(() => {
  fixture = makeFixture();
  trusted = { trustedVerifierKey: fixture.verifierKey };
});
const verify = (lines: BundleLines, options: Parameters<typeof verifyBundleText>[1] = trusted): BundleVerification => verifyBundleText(bundleText(lines), options);
const positions = (result: BundleVerification): string[] => result.failures.map((f) => f.position);
const eventLines = (lines: BundleLines, streamId: string): Record<string, unknown>[] => lines.filter((l) => (l['event'] as BundleEvent | undefined)?.streamId === streamId);

/** The agency bundle with one event of transfer-abc changed. */
function withAbcEvent(revision: number, change: (e: BundleEvent) => BundleEvent): BundleLines {
  return fixture.agencyBundle().map((l) => {
    const e = l['event'] as BundleEvent | undefined;
    return e?.streamId === 'transfer-abc' && e.revision === revision ? { event: change(e) } : l;
  });
}

/** Drops the last `n` events of a stream (and fixes the end line, as a careful forger would). */
function truncated(lines: BundleLines, streamId: string, n: number): BundleLines {
  const drop = new Set(eventLines(lines, streamId).slice(-n));
  const kept = lines.filter((l) => !drop.has(l));
  const end = kept.at(-1) as { end: { streams: number; events: number } };
  end.end.events -= n;
  return kept;
}

describe('Audit bundle verification (v2, JSON lines)', () => {
  it('accepts an intact agency bundle and an intact case bundle, and counts what it checked', () => {
    const agency = verify(fixture.agencyBundle());
    expect(agency).toMatchObject({
      ok: true,
      unusable: null,
      checkedEvents: 7,
      checkedStreams: 2,
      treeSize: 13,
      scope: { kind: 'agency', agencyId: 'kota-a' },
      failures: [],
      missing: [],
    });
    expect(verify(fixture.caseBundle('other'))).toMatchObject({ ok: true, checkedEvents: 6, checkedStreams: 1 });
  });

  it('completeness: names the revisions left out of the tail of a case', () => {
    const result = verify(truncated(fixture.caseBundle('other'), 'transfer-other', 2));
    expect(result.ok).toBe(false);
    expect(result.missing).toEqual([{ streamId: 'transfer-other', from: 4, to: 5 }]);
    expect(result.failures).toEqual([
      { position: 'stream transfer-other', eventId: null, reason: expect.stringMatching(/^revisions 4–5 are missing: the checkpoint of size 13 commits to revision 5/) },
    ]);
  });

  it('completeness: names a case left out of an agency export', () => {
    const lines = fixture.agencyBundle();
    const kept = lines.filter(
      (l) => (l['stream'] as { streamId: string } | undefined)?.streamId !== 'transfer-xyz' && (l['event'] as BundleEvent | undefined)?.streamId !== 'transfer-xyz',
    );
    (kept.at(-1) as { end: { streams: number; events: number } }).end = { streams: 1, events: 4 };
    const result = verify(kept);
    expect(result.missing).toEqual([{ streamId: 'transfer-xyz', from: 0, to: null }]);
    expect(result.failures).toEqual([
      {
        position: 'stream transfer-xyz',
        eventId: null,
        reason: expect.stringMatching(/lists this case stream in the bundle's scope \(agency kota-a\), but the bundle leaves it out/),
      },
    ]);
  });

  it('completeness: refuses an agency proof that skips an entry, and a head proof that hides a neighbour', () => {
    const skipping = fixture.agencyBundle();
    const proof = skipping[0]?.['agencyCases'] as { entries: unknown[] };
    proof.entries = proof.entries.slice(1);
    expect(positions(verify(skipping))).toContain('agency kota-a');
    const hiding = fixture.agencyBundle();
    const head = (hiding[1]?.['stream'] as { head: { before: unknown; after: unknown } }).head;
    head.after = null;
    expect(verify(hiding).failures[0]).toEqual({
      position: 'stream transfer-abc',
      eventId: null,
      reason: expect.stringMatching(/its head is not proven: stream transfer-abc: the proof lacks map entry/),
    });
  });

  it('completeness: refuses a checkpoint that commits to no maps', () => {
    const lines = fixture.caseBundle('abc');
    const header = lines[0] as { treeHead: { checkpoint: string } };
    header.treeHead.checkpoint = signCheckpoint(fixture.signerKey, {
      origin: ORIGIN,
      treeSize: 13,
      rootHash: fixture.ledger.root(13),
      timestamp: new Date('2025-03-01T10:00:00Z'),
    });
    expect(verify(lines).failures[0]?.reason).toMatch(/commits to no stream heads/);
  });

  it('names the first edited event and why, then the leaf that no longer matches', () => {
    const result = verify(withAbcEvent(2, (e) => ({ ...e, data: { ...(e.data as object), note: 'diubah oleh admin' } })));
    expect(positions(result)).toEqual(['stream transfer-abc revision 2', 'leaf 6']);
    expect(result.failures[0]).toEqual({
      position: 'stream transfer-abc revision 2',
      eventId: 'transfer-abc-e2',
      reason: expect.stringMatching(/^event data or metadata changed: stored hash/),
      code: 'HASH_MISMATCH',
    });
  });

  it('catches an edit whose chain was recomputed by someone who controls the database', () => {
    let prevHash: string | undefined;
    const lines = fixture.caseBundle('abc').map((l) => {
      const e = l['event'] as BundleEvent | undefined;
      if (e === undefined) return l;
      const changed = e.revision === 1 ? { ...e, type: 'TransferRejected.v1' } : e;
      const relinked = prevHash === undefined ? changed : { ...changed, metadata: { ...changed.metadata, prevHash } };
      const resealed = sealed(relinked as EventRecord) as BundleEvent;
      prevHash = resealed.metadata['hash'] as string;
      return { event: resealed };
    });
    const result = verify(lines);
    expect(positions(result)).toEqual(['leaf 3', 'leaf 6', 'leaf 9', 'stream transfer-abc']);
  });

  it('refuses an inclusion proof with a flipped bit, or a leaf outside the tree', () => {
    const flipped = withAbcEvent(3, (e) => {
      const first = Buffer.from(e.inclusionProof[0] as string, 'base64');
      first[0] = (first[0] as number) ^ 1;
      return { ...e, inclusionProof: [toBase64(first), ...e.inclusionProof.slice(1)] };
    });
    expect(positions(verify(flipped))).toEqual(['leaf 9']);
    expect(positions(verify(withAbcEvent(3, (e) => ({ ...e, leafIndex: 99 }))))).toEqual(['leaf 99', 'stream transfer-abc']);
  });

  it('never trusts the bundle’s own key silently: it needs the trusted key, or an explicit trust of the bundle’s', () => {
    expect(verify(fixture.agencyBundle(), {}).failures[0]).toEqual({ position: 'verifier key', eventId: null, reason: expect.stringMatching(/no trusted verifier key was given/) });
    expect(verify(fixture.agencyBundle(), { trustBundleKey: true }).ok).toBe(true);
    const forger = makeFixture({ signerKey: generateSignerKey(ORIGIN) });
    expect(positions(verify(forger.agencyBundle())).slice(0, 2)).toEqual(['verifier key', 'tree head']);
  });

  it('refuses a rewritten history against the checkpoint the verifier held before, and an older bundle', () => {
    const rewritten = makeFixture({ signerKey: fixture.signerKey, rewrite: (events) => events.map((e, i) => (i === 2 ? sealed({ ...e, data: { hapus: true } }) : e)) });
    expect(verify(rewritten.agencyBundle(), { ...trusted, heldCheckpoint: fixture.heldCheckpoint }).failures).toEqual([
      { position: 'held checkpoint', eventId: null, reason: expect.stringMatching(/does not extend the checkpoint you hold/) },
    ]);
    expect(verify(fixture.agencyBundle(), { ...trusted, heldCheckpoint: fixture.checkpoint }).ok).toBe(true);
    const fork = signCheckpoint(fixture.signerKey, { origin: ORIGIN, treeSize: 13, rootHash: Buffer.alloc(32, 7), timestamp: new Date() });
    expect(verify(fixture.agencyBundle(), { ...trusted, heldCheckpoint: fork }).failures[0]?.reason).toMatch(/two different signed roots for tree size 13/);
    expect(verify(fixture.agencyBundle(), { ...trusted, heldCheckpoint: fixture.signHead(HELD_SIZE + 1) }).failures[0]?.reason).toMatch(/no consistency proof from size 6/);
  });

  it('applies a witness policy: k of n cosignatures on the checkpoint', () => {
    const [a, b] = [generateCosignerKey('witness.a.example'), generateCosignerKey('witness.b.example')];
    const policy = { threshold: 2, witnesses: [cosignerVerifierKey(a), cosignerVerifierKey(b)] };
    const body = fixture.checkpoint.slice(0, fixture.checkpoint.indexOf('\n\n') + 1);
    const withCosignatures = (...keys: string[]): BundleLines => {
      const lines = fixture.agencyBundle();
      const head = (lines[0] as { treeHead: { checkpoint: string } }).treeHead;
      head.checkpoint = head.checkpoint + keys.map((k) => cosignatureLine(k, body, new Date('2025-03-01T10:00:05Z'))).join('');
      return lines;
    };
    expect(verify(withCosignatures(a, b), { ...trusted, witnessPolicy: policy })).toMatchObject({
      ok: true,
      cosignedBy: [{ name: 'witness.a.example' }, { name: 'witness.b.example' }],
    });
    const short = verify(withCosignatures(a), { ...trusted, witnessPolicy: policy });
    expect(short.failures).toEqual([{ position: 'witness policy', eventId: null, reason: expect.stringMatching(/witness\.b\.example/) }]);
    expect(verify(withCosignatures(a), { ...trusted, witnessPolicy: { ...policy, threshold: 1 } }).ok).toBe(true);
  });
});

describe('Audit bundle input', () => {
  it('calls input that is no bundle unusable, naming the line; and a v1 bundle too', () => {
    expect(verifyBundleText('not json\n', trusted).unusable).toMatch(/^line 1 is not JSON/);
    expect(verifyBundleText('', trusted).unusable).toMatch(/empty/);
    expect(verifyBundleText('{"format":"mutasi-audit-bundle/v1"}', trusted).unusable).toMatch(/version 1 bundle/);
    const text = bundleText(fixture.agencyBundle()).replace(/\n([^\n]*)\n$/, '\n{broken\n');
    expect(verifyBundleText(text, trusted).unusable).toMatch(/^line \d+ is not JSON/);
  });

  it('refuses a bundle cut short (no end line) and an end line that miscounts', () => {
    expect(verify(fixture.agencyBundle().slice(0, -1)).failures[0]?.reason).toMatch(/cut short/);
    const lines = fixture.agencyBundle();
    (lines.at(-1) as { end: { events: number } }).end.events = 99;
    expect(verify(lines).failures[0]?.reason).toMatch(/end line counts/);
  });

  it('never throws on garbage lines and never accepts them', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 4 }), (values) => {
        const result = verifyBundleText(values.map((v) => JSON.stringify(v)).join('\n'), trusted);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('refuses any change to the header, the proofs or any field of an event, without throwing', () => {
    const original = fixture.agencyBundle();
    const guarded = collectPaths(original).filter((p) => p.length >= 2);
    fc.assert(
      fc.property(fc.constantFrom(...guarded), fc.jsonValue(), (path, value) => {
        const lines = copy(original);
        setAt(lines, path, value);
        fc.pre(JSON.stringify(lines) !== JSON.stringify(original));
        expect(verify(lines).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
