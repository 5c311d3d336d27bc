import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
// The server's own integrity code and its test fixture build the evidence and give the reference verdicts (test
// only: the web app never imports them).
import {
  canonicalJson as serverCanonicalJson,
  cosignatureLine,
  cosignerVerifierKey,
  generateCosignerKey,
  generateSignerKey,
  signCheckpoint,
  toBase64,
  verifierKeyFromSignerKey,
  verifyBundleText,
  type BundleEvent,
  type BundleVerification as NodeVerification,
  type EventRecord,
  type VerifyBundleOptions,
} from '../../../../libs/integrity/src';
import { bundleText, collectPaths, copy, HEAD_TIME, HELD_SIZE, makeFixture, ORIGIN, setAt, type BundleLines } from '../../../../libs/integrity/test/bundle-fixture';
import { sealed } from '../../../../libs/integrity/test/streams';
import { canonicalJson } from './canonical';
import { parseWitnessPolicy, verifyCaseBundle, type BundleVerification, type VerifyOptions } from './verify-case';

const fixture = makeFixture();
type Options = VerifyOptions & Pick<VerifyBundleOptions, 'witnessPolicy' | 'heldCheckpoint'>;

const web = (lines: BundleLines | string, options: Options = {}, key = fixture.verifierKey): Promise<BundleVerification> =>
  verifyCaseBundle(typeof lines === 'string' ? lines : bundleText(lines), key, options);
const node = (lines: BundleLines | string, options: Options = {}, key = fixture.verifierKey): NodeVerification =>
  verifyBundleText(typeof lines === 'string' ? lines : bundleText(lines), {
    trustedVerifierKey: key,
    ...(options.witnessPolicy ? { witnessPolicy: options.witnessPolicy } : {}),
    ...(options.heldCheckpoint ? { heldCheckpoint: options.heldCheckpoint } : {}),
  });

/** The reference verifier's `position` in the words the page shows. */
function place(position: string): string {
  const fixed: Record<string, string> = {
    bundle: 'bundel',
    'verifier key': 'kunci verifikator',
    'tree head': 'kepala pohon',
    'witness policy': 'kebijakan saksi',
    'held checkpoint': 'checkpoint yang disimpan',
  };
  if (fixed[position]) return fixed[position] as string;
  const rules: [RegExp, string][] = [
    [/^consistency proof from size (\d+)$/, 'bukti konsistensi dari ukuran $1'],
    [/^agency (.*)$/, 'instansi $1'],
    [/^stream (.*) revision (\d+)$/, 'aliran $1 revisi $2'],
    [/^stream (.*)$/, 'aliran $1'],
    [/^leaf (\d+)$/, 'daun $1'],
  ];
  for (const [pattern, words] of rules) if (pattern.test(position)) return position.replace(pattern, words);
  return `? ${position}`;
}

/** What both verifiers must agree on: the verdict, what is missing, and every failing place in order. */
const verdictOf = (r: BundleVerification | NodeVerification) => ({
  ok: r.ok,
  unusable: r.unusable !== null,
  missing: r.missing,
  checkedEvents: r.checkedEvents,
  checkedStreams: r.checkedStreams,
  treeSize: r.treeSize,
  cosignedBy: r.cosignedBy,
  places: 'outcome' in r ? r.failures.map((f) => f.place) : r.failures.map((f) => place(f.position)),
  eventIds: r.failures.map((f) => f.eventId),
});

/** Both verifiers on the same text: they must agree; the web verdict is returned. */
async function both(lines: BundleLines | string, options: Options = {}, key = fixture.verifierKey): Promise<BundleVerification> {
  const browser = await web(lines, options, key);
  expect(verdictOf(browser)).toEqual(verdictOf(node(lines, options, key)));
  return browser;
}

const places = (r: BundleVerification): string[] => r.failures.map((f) => f.place);
const codes = (r: BundleVerification): string[] => r.failures.map((f) => f.code);
const eventOf = (l: Record<string, unknown>): BundleEvent | undefined => l['event'] as BundleEvent | undefined;
const endOf = (lines: BundleLines) => (lines.at(-1) as { end: { streams: number; events: number } }).end;

/** The agency bundle with one event of transfer-abc changed. */
function withAbcEvent(revision: number, change: (e: BundleEvent) => BundleEvent): BundleLines {
  return fixture.agencyBundle().map((l) => {
    const e = eventOf(l);
    return e?.streamId === 'transfer-abc' && e.revision === revision ? { event: change(e) } : l;
  });
}

/** Drops the last `n` events of a stream and fixes the end line, as a careful forger would. */
function truncated(lines: BundleLines, streamId: string, n: number): BundleLines {
  const drop = new Set(lines.filter((l) => eventOf(l)?.streamId === streamId).slice(-n));
  const kept = lines.filter((l) => !drop.has(l));
  endOf(kept).events -= n;
  return kept;
}

/** The agency bundle with cosignature lines of these witnesses on its checkpoint. */
function cosigned(...witnesses: string[]): BundleLines {
  const lines = fixture.agencyBundle();
  const head = (lines[0] as { treeHead: { checkpoint: string } }).treeHead;
  const body = head.checkpoint.slice(0, head.checkpoint.indexOf('\n\n') + 1);
  head.checkpoint += witnesses.map((k) => cosignatureLine(k, body, new Date('2025-03-01T10:00:05Z'))).join('');
  return lines;
}

describe('in-browser verifier: WebCrypto and RFC 8785 as the server has them', () => {
  it('has Ed25519 and SHA-256 in WebCrypto here (jsdom with the platform’s crypto.subtle)', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const message = new TextEncoder().encode('mutasi');
    const signature = await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, message);
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, pair.publicKey, signature, message)).toBe(true);
    expect(new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array()))[0]).toBe(0xe3);
  });

  it('writes canonical JSON byte-identical to the server’s (json-canonicalize), for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expect(canonicalJson(value)).toBe(serverCanonicalJson(value))),
      { numRuns: 500 },
    );
    const tricky = { '€': 1, '\u0080': 2, '😀': 3, ﬀ: 4, z: [1e21, 1e-7, -0, 0.1 + 0.2, 'Bandar “Lestari”\u2028\n'], a: { b: null, c: true } };
    expect(canonicalJson(tricky)).toBe(serverCanonicalJson(tricky));
  });
});

describe('in-browser verifier on v2 bundles: the same verdicts as the reference BundleVerifier', () => {
  it('verifies an intact agency bundle and an intact case bundle, with what it checked', async () => {
    expect(await both(fixture.agencyBundle())).toMatchObject({
      ok: true,
      outcome: 'VERIFIED',
      unusable: null,
      checkedEvents: 7,
      checkedStreams: 2,
      treeSize: 13,
      signedAt: HEAD_TIME,
      keyName: ORIGIN,
      scope: { kind: 'agency', agencyId: 'kota-a' },
      witnessPolicy: null,
      cosignedBy: [],
      heldSize: null,
      failures: [],
      missing: [],
    });
    const one = await both(fixture.caseBundle('other'), { caseId: 'other' });
    expect(one).toMatchObject({ ok: true, outcome: 'VERIFIED', checkedEvents: 6, checkedStreams: 1, scope: { kind: 'case', caseId: 'other', streamId: 'transfer-other' } });
    expect(one.checkpoint).toBe(fixture.checkpoint);
  });

  it('Tidak lengkap: names the revisions left out of the tail of a case', async () => {
    const two = await both(truncated(fixture.caseBundle('other'), 'transfer-other', 2));
    expect(two).toMatchObject({ ok: false, outcome: 'INCOMPLETE', missing: [{ streamId: 'transfer-other', from: 4, to: 5 }] });
    expect(two.failures).toEqual([
      {
        place: 'aliran transfer-other',
        code: 'REVISIONS_MISSING',
        eventId: null,
        reason: expect.stringMatching(
          /^revisi 4–5 hilang: checkpoint berukuran 13 menetapkan revisi 5 \(daun \d+\) sebagai peristiwa terakhir aliran ini, tetapi bundel berakhir pada revisi 3$/,
        ),
      },
    ]);
    const last = await both(truncated(fixture.caseBundle('other'), 'transfer-other', 1));
    expect(last.failures[0]?.reason).toMatch(/^revisi 5 hilang:/);
    const none = await both(truncated(fixture.caseBundle('other'), 'transfer-other', 6));
    expect(none).toMatchObject({ outcome: 'INCOMPLETE', missing: [{ streamId: 'transfer-other', from: 0, to: 5 }] });
    expect(none.failures[0]?.reason).toMatch(/bundel berakhir tanpa peristiwa$/);
  });

  it('Tidak lengkap: a download cut off after some lines (no end line) names what did not arrive', async () => {
    const lines = fixture.agencyBundle();
    const cut = await both(lines.slice(0, 4));
    expect(cut.outcome).toBe('INCOMPLETE');
    expect(codes(cut)).toEqual(['REVISIONS_MISSING', 'CUT_SHORT', 'STREAM_LEFT_OUT']);
    expect(cut.missing).toEqual([
      { streamId: 'transfer-abc', from: 2, to: 3 },
      { streamId: 'transfer-xyz', from: 0, to: null },
    ]);
    // Cut in the middle of a line: the last line is no JSON, so nothing can be judged (as the reference says).
    const text = bundleText(lines);
    const half = await both(text.slice(0, text.indexOf('\n', text.length / 2) - 40));
    expect(half).toMatchObject({ ok: false, outcome: 'FAILED', unusable: expect.stringMatching(/^baris \d+ bukan JSON/) });
  });

  it('Tidak lengkap: names a case left out of an agency export', async () => {
    const kept = fixture.agencyBundle().filter((l) => (l['stream'] as { streamId: string } | undefined)?.streamId !== 'transfer-xyz' && eventOf(l)?.streamId !== 'transfer-xyz');
    endOf(kept).streams = 1;
    endOf(kept).events = 4;
    const result = await both(kept);
    expect(result).toMatchObject({ outcome: 'INCOMPLETE', missing: [{ streamId: 'transfer-xyz', from: 0, to: null }] });
    expect(result.failures).toEqual([
      {
        place: 'aliran transfer-xyz',
        code: 'STREAM_LEFT_OUT',
        eventId: null,
        reason: 'checkpoint mencantumkan aliran kasus ini dalam cakupan bundel (instansi kota-a), tetapi bundel tidak memuatnya sama sekali',
      },
    ]);
  });

  it('Gagal verifikasi, not Tidak lengkap, when a truncated bundle is also altered', async () => {
    const lines = truncated(fixture.caseBundle('other'), 'transfer-other', 2);
    const first = eventOf(lines[2] as Record<string, unknown>) as BundleEvent;
    lines[2] = { event: { ...first, data: { diubah: true } } };
    const result = await both(lines);
    expect(result).toMatchObject({ outcome: 'FAILED', missing: [{ streamId: 'transfer-other', from: 4, to: 5 }] });
  });

  it('refuses an agency proof that skips an entry, and a head proof that hides a neighbour', async () => {
    const skipping = fixture.agencyBundle();
    const proof = skipping[0]?.['agencyCases'] as { entries: unknown[] };
    proof.entries = proof.entries.slice(1);
    const skipped = await both(skipping);
    expect(skipped.outcome).toBe('FAILED');
    expect(places(skipped)).toContain('instansi kota-a');
    const hiding = fixture.agencyBundle();
    (hiding[1]?.['stream'] as { head: { after: unknown } }).head.after = null;
    expect((await both(hiding)).failures[0]).toEqual({
      place: 'aliran transfer-abc',
      code: 'HEAD_UNPROVEN',
      eventId: null,
      reason: expect.stringMatching(/^kepala alirannya tidak terbukti: aliran transfer-abc: bukti tidak memuat entri peta \d+, tepat sesudah entrinya$/),
    });
    const swapped = fixture.agencyBundle();
    const head = (swapped[1]?.['stream'] as { head: { head: unknown; before: unknown } }).head;
    [head.head, head.before] = [head.before, head.head];
    expect(codes(await both(swapped))[0]).toBe('HEAD_UNPROVEN');
  });

  it('refuses a checkpoint that commits to no maps: completeness cannot be proven', async () => {
    const lines = fixture.caseBundle('abc');
    (lines[0] as { treeHead: { checkpoint: string } }).treeHead.checkpoint = signCheckpoint(fixture.signerKey, {
      origin: ORIGIN,
      treeSize: 13,
      rootHash: fixture.ledger.root(13),
      timestamp: new Date(HEAD_TIME),
    });
    const result = await both(lines);
    expect(result.failures[0]).toMatchObject({ place: 'kepala pohon', code: 'NO_COMPLETENESS_MAPS' });
    expect(result.outcome).toBe('FAILED');
  });

  it('names the first edited event and why, then the leaf that no longer matches', async () => {
    const result = await both(withAbcEvent(2, (e) => ({ ...e, data: { ...(e.data as object), note: 'diubah oleh admin' } })));
    expect(places(result)).toEqual(['aliran transfer-abc revisi 2', 'daun 6']);
    expect(codes(result)).toEqual(['HASH_MISMATCH', 'NOT_IN_TREE']);
    expect(result.failures[0]).toMatchObject({
      eventId: 'transfer-abc-e2',
      reason: expect.stringMatching(/^isi peristiwa telah diubah: hash tersimpan [0-9a-f]{12}… tetapi isinya ber-hash [0-9a-f]{12}…$/),
    });
    expect(result.failures[1]?.reason).toBe(
      'aliran transfer-abc revisi 2: tidak termuat dalam pohon bertanda tangan berukuran 13: bukti tidak berujung pada akar yang ditandatangani',
    );
  });

  it('catches an edit whose chain was recomputed by someone who controls the database: only the signed tree tells', async () => {
    let prevHash: string | undefined;
    const lines = fixture.caseBundle('abc').map((l) => {
      const e = eventOf(l);
      if (e === undefined) return l;
      const changed = e.revision === 1 ? { ...e, type: 'TransferRejected.v1' } : e;
      const relinked = prevHash === undefined ? changed : { ...changed, metadata: { ...changed.metadata, prevHash } };
      const resealed = sealed(relinked as EventRecord) as BundleEvent;
      prevHash = resealed.metadata['hash'] as string;
      return { event: resealed };
    });
    const result = await both(lines);
    expect(places(result)).toEqual(['daun 3', 'daun 6', 'daun 9', 'aliran transfer-abc']);
    expect(codes(result)).toEqual(['NOT_IN_TREE', 'NOT_IN_TREE', 'NOT_IN_TREE', 'HEAD_MISMATCH']);
  });

  it('catches a removed middle event: the revision gap and the broken link at the next revision', async () => {
    const lines = fixture.caseBundle('other').filter((l) => eventOf(l)?.revision !== 2);
    endOf(lines).events -= 1;
    const result = await both(lines);
    expect(result.failures.slice(0, 2)).toEqual([
      {
        place: 'aliran transfer-other revisi 3',
        code: 'REVISION_GAP',
        eventId: 'transfer-other-e3',
        reason: 'revisi 3 menyusul revisi 1, seharusnya 2: ada peristiwa yang hilang atau disisipkan',
      },
      { place: 'aliran transfer-other revisi 3', code: 'CHAIN_BROKEN', eventId: 'transfer-other-e3', reason: expect.stringMatching(/^tautan ke peristiwa sebelumnya putus/) },
    ]);
    expect(result.outcome).toBe('FAILED');
  });

  it('refuses an inclusion proof with a flipped bit, or a leaf outside the tree', async () => {
    const flipped = withAbcEvent(3, (e) => {
      const first = Buffer.from(e.inclusionProof[0] as string, 'base64');
      first[0] = (first[0] as number) ^ 1;
      return { ...e, inclusionProof: [toBase64(first), ...e.inclusionProof.slice(1)] };
    });
    expect(places(await both(flipped))).toEqual(['daun 9']);
    const outside = await both(withAbcEvent(3, (e) => ({ ...e, leafIndex: 99 })));
    expect(places(outside)).toEqual(['daun 99', 'aliran transfer-abc']);
    expect(outside.failures[0]?.reason).toMatch(/daun 99 berada di luar pohon berukuran 13$/);
  });

  it('never trusts the bundle’s own key: a forger’s bundle with its own key fails, and so does a key that is not the pinned one', async () => {
    const forger = makeFixture({ signerKey: generateSignerKey(ORIGIN) });
    const forged = await both(forger.agencyBundle());
    expect(codes(forged).slice(0, 2)).toEqual(['KEY_NOT_PINNED', 'CHECKPOINT_SIGNATURE']);
    expect(forged.failures[1]?.reason).toMatch(
      /^checkpoint tidak sah dengan kunci yang Anda sematkan: ditandatangani oleh kunci lain bernama mutasi\.example\/ledger \(id [0-9a-f]{8}\), bukan oleh kunci yang Anda sematkan \(id [0-9a-f]{8}\)$/,
    );
    expect(forged.treeSize).toBeNull();
    const other = verifierKeyFromSignerKey(generateSignerKey(ORIGIN));
    const wrongPin = await both(fixture.agencyBundle(), {}, other);
    expect(places(wrongPin)).toEqual(['kunci verifikator', 'kepala pohon']);
    expect(wrongPin.failures[0]?.reason).toMatch(/^bundel menyebut kunci operator .*, bukan kunci yang Anda sematkan; hanya kunci yang disematkan yang dipercaya$/);
    const stranger = fixture.agencyBundle();
    (stranger[0] as { treeHead: { checkpoint: string } }).treeHead.checkpoint = signCheckpoint(generateSignerKey('saksi.example'), {
      origin: ORIGIN,
      treeSize: 13,
      rootHash: fixture.ledger.root(13),
      timestamp: new Date(HEAD_TIME),
    });
    expect((await both(stranger)).failures[0]?.reason).toMatch(/tidak ada tanda tangan dari mutasi\.example\/ledger; hanya dari saksi\.example$/);
  });

  it('reads a pinned key pasted with spaces or a line break around it, and refuses a malformed one saying what is wrong', async () => {
    expect((await web(fixture.agencyBundle(), {}, ` ${fixture.verifierKey}\n`)).ok).toBe(true);
    const [name, id, key] = [ORIGIN, fixture.verifierKey.split('+')[1] as string, fixture.verifierKey.split('+').slice(2).join('+')];
    const reason = async (pinned: string) => {
      const r = await web(fixture.agencyBundle(), {}, pinned);
      expect(r).toMatchObject({ ok: false, outcome: 'FAILED', checkedEvents: 0, treeSize: null, keyName: null });
      expect(r.failures.map((f) => [f.place, f.code])).toEqual([['kunci yang disematkan', 'PINNED_KEY_INVALID']]);
      return r.failures[0]?.reason;
    };
    expect(await reason('')).toBe('kunci verifikator tidak berbentuk <nama>+<id>+<kunci>');
    expect(await reason(`${name}+${id}+${key.slice(0, 10)}!${key.slice(11)}`)).toBe('bagian kunci dari kunci verifikator bukan base64 yang sah');
    expect(await reason(`${name}+${id}+${key.slice(0, -4)}`)).toBe('kunci verifikator bukan kunci Ed25519 (0x01 ‖ 32 bita)');
    expect(await reason(`${name}+${id.slice(1)}+${key}`)).toBe('id kunci verifikator bukan 8 digit heksadesimal');
    expect(await reason(`${name}+${id.replace(/^./, (c) => (c === '0' ? '1' : '0'))}+${key}`)).toBe('id kunci verifikator tidak cocok dengan kuncinya (salah salin?)');
    expect(await reason(`mutasi ledger+${id}+${key}`)).toBe('nama kunci verifikator kosong atau memuat spasi');
    expect(await reason(`PRIVATE+KEY+${name}+${id}+${key}`)).toMatch(/^ini kunci penanda tangan yang rahasia/);
    expect(await reason(cosignerVerifierKey(generateCosignerKey('saksi.example')))).toMatch(/^ini kunci saksi/);
  });

  it('refuses tree head fields that are not the signed ones, and a checkpoint whose text was changed', async () => {
    const header = (lines: BundleLines) => lines[0] as { treeHead: { rootHash: string; timestamp: string; checkpoint: string }; origin: string };
    const root = fixture.agencyBundle();
    header(root).treeHead.rootHash = toBase64(Buffer.alloc(32, 7));
    expect((await both(root)).failures.map((f) => [f.place, f.code])).toEqual([['kepala pohon', 'TREE_HEAD_MISMATCH']]);
    const size = fixture.agencyBundle();
    header(size).treeHead.checkpoint = header(size).treeHead.checkpoint.replace('\n13\n', '\n12\n');
    expect((await both(size)).failures[0]?.reason).toMatch(/tanda tangan mutasi\.example\/ledger \(id [0-9a-f]{8}\) tidak sah: isi checkpoint diubah/);
    const time = fixture.agencyBundle();
    header(time).treeHead.timestamp = '2025-03-01T10:00:01.000Z';
    expect((await both(time)).failures).toEqual([
      {
        place: 'kepala pohon',
        code: 'TREE_HEAD_MISMATCH',
        eventId: null,
        reason: 'treeHead.timestamp 2025-03-01T10:00:01.000Z bukan waktu yang ditandatangani 2025-03-01T10:00:00.000Z',
      },
    ]);
    const crlf = fixture.agencyBundle();
    header(crlf).treeHead.checkpoint = header(crlf).treeHead.checkpoint.replace(/\n/g, '\r\n');
    expect((await both(crlf)).failures[0]?.reason).toMatch(/karakter kendali selain baris baru/);
  });

  it('refuses a bundle of another case than the one asked about (a check the page adds: it knows the case)', async () => {
    expect((await web(fixture.caseBundle('other'), { caseId: 'abc' })).failures).toEqual([
      {
        place: 'kasus abc',
        code: 'NOT_THE_CASE',
        eventId: null,
        reason: 'yang diminta kasus abc (aliran transfer-abc), tetapi bundel ini mencakup kasus other (aliran transfer-other)',
      },
    ]);
    expect((await web(fixture.agencyBundle(), { caseId: 'abc' })).failures[0]?.code).toBe('NOT_THE_CASE');
  });

  it('checks the bundle against the checkpoint held from before: a rewritten history, a fork, a missing proof', async () => {
    const rewritten = makeFixture({ signerKey: fixture.signerKey, rewrite: (events) => events.map((e, i) => (i === 2 ? sealed({ ...e, data: { hapus: true } }) : e)) });
    const refused = await both(rewritten.agencyBundle(), { heldCheckpoint: fixture.heldCheckpoint });
    expect(refused.failures).toEqual([
      {
        place: 'checkpoint yang disimpan',
        code: 'HELD_CHECKPOINT',
        eventId: null,
        reason: expect.stringMatching(/^kepala pohon bundel tidak melanjutkan checkpoint yang Anda simpan \(riwayat diubah\)/),
      },
    ]);
    expect(await both(fixture.agencyBundle(), { heldCheckpoint: fixture.heldCheckpoint })).toMatchObject({ ok: true, heldSize: HELD_SIZE });
    expect(await both(fixture.agencyBundle(), { heldCheckpoint: fixture.checkpoint })).toMatchObject({ ok: true, heldSize: 13 });
    const fork = signCheckpoint(fixture.signerKey, { origin: ORIGIN, treeSize: 13, rootHash: Buffer.alloc(32, 7), timestamp: new Date() });
    expect((await both(fixture.agencyBundle(), { heldCheckpoint: fork })).failures[0]?.reason).toMatch(/dua akar bertanda tangan yang berbeda untuk ukuran pohon 13/);
    expect((await both(fixture.agencyBundle(), { heldCheckpoint: fixture.signHead(HELD_SIZE + 1) })).failures[0]?.reason).toMatch(/tidak memuat bukti konsistensi dari ukuran 6/);
    const older = makeFixture({ signerKey: fixture.signerKey });
    expect((await both(older.agencyBundle(), { heldCheckpoint: fixture.signHead(13, '2025-03-02T00:00:00Z') })).ok).toBe(true);
    const consistency = fixture.agencyBundle();
    (consistency[0] as { consistencyProofs: { fromRoot: string }[] }).consistencyProofs[0]!.fromRoot = toBase64(Buffer.alloc(32));
    expect(places(await both(consistency))).toEqual([`bukti konsistensi dari ukuran ${HELD_SIZE}`]);
  });
});

describe('in-browser verifier: witness cosignatures (cosignature/v1 in WebCrypto) under a k-of-n policy', () => {
  const [a, b] = [generateCosignerKey('witness.a.example'), generateCosignerKey('witness.b.example')];
  const policy = { threshold: 2, witnesses: [cosignerVerifierKey(a), cosignerVerifierKey(b)] };

  it('a checkpoint cosigned by both witnesses meets a 2-of-2 policy, and says who witnessed it and when', async () => {
    const result = await both(cosigned(a, b), { witnessPolicy: policy });
    expect(result).toMatchObject({
      ok: true,
      outcome: 'VERIFIED',
      witnessPolicy: { threshold: 2, witnesses: 2 },
      cosignedBy: [
        { name: 'witness.a.example', time: '2025-03-01T10:00:05.000Z' },
        { name: 'witness.b.example', time: '2025-03-01T10:00:05.000Z' },
      ],
    });
    // Without a policy the cosignatures are not judged (and the log's signature still verifies beside them).
    expect(await both(cosigned(a, b))).toMatchObject({ ok: true, witnessPolicy: null, cosignedBy: [] });
  });

  it('a checkpoint cosigned by one of the two misses the 2-of-2 policy, naming the witness that did not cosign', async () => {
    const short = await both(cosigned(a), { witnessPolicy: policy });
    expect(short).toMatchObject({ ok: false, outcome: 'FAILED', cosignedBy: [{ name: 'witness.a.example' }] });
    expect(short.failures).toEqual([
      { place: 'kebijakan saksi', code: 'WITNESS_POLICY', eventId: null, reason: 'hanya 1 dari 2 kesaksian yang diminta kebijakan: tidak ada kesaksian dari witness.b.example' },
    ]);
    expect((await both(cosigned(a), { witnessPolicy: { ...policy, threshold: 1 } })).ok).toBe(true);
    expect(codes(await both(fixture.agencyBundle(), { witnessPolicy: policy }))).toEqual(['WITNESS_POLICY']);
  });

  it('refuses a cosignature whose time or signature was changed, and one by another key of the same name', async () => {
    const lines = cosigned(a, b);
    const head = (lines[0] as { treeHead: { checkpoint: string } }).treeHead;
    const [text, block] = head.checkpoint.split('\n\n') as [string, string];
    const [log, first, second] = block.trimEnd().split('\n') as [string, string, string];
    const bytes = Buffer.from(second.split(' ')[2] as string, 'base64');
    bytes[11] = (bytes[11] as number) ^ 1;
    head.checkpoint = `${text}\n\n${log}\n${first}\n${second.split(' ').slice(0, 2).join(' ')} ${bytes.toString('base64')}\n`;
    expect((await both(lines, { witnessPolicy: policy })).failures[0]?.reason).toMatch(/kesaksian witness\.b\.example \(id [0-9a-f]{8}\) tidak sah/);
    const impostor = generateCosignerKey('witness.b.example');
    expect((await both(cosigned(a, impostor), { witnessPolicy: policy })).failures[0]?.reason).toMatch(/ditandatangani kunci lain bernama witness\.b\.example/);
    // The log's own note key never passes for a witness.
    expect((await both(cosigned(a, b), { witnessPolicy: { threshold: 1, witnesses: [fixture.verifierKey] } })).failures[0]?.reason).toMatch(
      /kunci penanda tangan catatan \(tipe 0x01, kunci log\), bukan kunci saksi/,
    );
  });

  it('reads a policy as the server’s parseWitnessPolicy does: "<k> of <keys>", with comments; empty is no policy', async () => {
    const [ka, kb] = policy.witnesses as [string, string];
    expect(await parseWitnessPolicy(`2 of\n  ${ka}   # Inspektorat\n  ${kb}, # BKN\n`)).toEqual({ threshold: 2, witnesses: [ka, kb] });
    expect(await parseWitnessPolicy(' \n# tanpa saksi\n')).toBeNull();
    await expect(parseWitnessPolicy(`dua dari ${ka}`)).rejects.toThrow(/seharusnya "<k> of <kunci saksi>/);
    await expect(parseWitnessPolicy(`3 of ${ka} ${kb}`)).rejects.toThrow(/k harus antara 1 dan 2/);
    await expect(parseWitnessPolicy(`1 of ${ka} ${ka}`)).rejects.toThrow(/saksi witness\.a\.example tercantum dua kali/);
    await expect(parseWitnessPolicy(`1 of ${fixture.verifierKey}`)).rejects.toThrow(/kunci saksi ke-1: kunci saksi tidak sah: ini kunci penanda tangan catatan/);
    await expect(parseWitnessPolicy('1 of')).rejects.toThrow(/tidak ada kunci saksi/);
  });
});

describe('in-browser verifier on input that is no bundle', () => {
  it('calls it unusable as the reference does, naming the line; a v1 bundle too', async () => {
    expect((await both('not json\n')).unusable).toMatch(/^baris 1 bukan JSON/);
    expect((await both('')).unusable).toBe('berkas kosong: tidak ada kepala bundel');
    expect((await both('{"format":"mutasi-audit-bundle/v1"}')).unusable).toMatch(/^ini bundel versi 1/);
    expect((await both('{"format":"mutasi-audit-bundle/v2"}')).unusable).toMatch(/^kepala bundel cacat: origin harus teks yang tidak kosong$/);
    const broken = bundleText(fixture.agencyBundle()).replace(/\n([^\n]*)\n$/, '\n{broken\n');
    expect((await both(broken)).unusable).toMatch(/^baris \d+ bukan JSON/);
    expect((await both(bundleText(fixture.agencyBundle()).replace(/\n/g, '\r\n'))).ok).toBe(true);
  });

  it('refuses a bundle without its end line, an end line that miscounts, and lines after it', async () => {
    const noEnd = await both(fixture.caseBundle('other').slice(0, -1));
    expect(noEnd).toMatchObject({ outcome: 'INCOMPLETE', missing: [] });
    expect(noEnd.failures.map((f) => f.code)).toEqual(['CUT_SHORT']);
    const miscount = fixture.agencyBundle();
    endOf(miscount).events = 99;
    expect(await both(miscount)).toMatchObject({ outcome: 'FAILED', failures: [{ code: 'END_MISCOUNT' }] });
    expect(codes(await both([...fixture.caseBundle('other'), { end: { streams: 1, events: 6 } }]))).toEqual(['LINE_MALFORMED']);
  });

  it('never throws on garbage lines and never accepts them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 4 }), async (values) => {
        const text = values.map((v) => JSON.stringify(v)).join('\n');
        expect((await both(text)).ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});

describe('in-browser verifier and the reference agree on altered bundles', () => {
  const original = fixture.agencyBundle();

  it('on any one field of any line replaced by any JSON value', async () => {
    const fields = collectPaths(original).filter((p) => p.length >= 2);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.jsonValue(), async (path, value) => {
        const lines = copy(original);
        setAt(lines, path, value);
        const result = await both(lines);
        // Consistency proofs are optional (a bundle without them proves its own tree head): dropping them all is no change.
        const dropsProofs = path.join('.') === '0.consistencyProofs' && Array.isArray(value) && value.length === 0;
        if (JSON.stringify(lines) !== JSON.stringify(original) && !dropsProofs) expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('on one byte of the exported text changed', async () => {
    const text = bundleText(original);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: text.length - 1 }), fc.integer({ min: 32, max: 126 }), async (at, code) => {
        await both(`${text.slice(0, at)}${String.fromCharCode(code)}${text.slice(at + 1)}`);
      }),
      { numRuns: 200 },
    );
  });

  it('on lines left out, repeated or reordered, with the missing revisions named alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: original.length - 1 }), { minLength: 1, maxLength: original.length + 2 }), fc.boolean(), async (picks, fixEnd) => {
        const lines = picks.map((i) => copy(original[i] as Record<string, unknown>));
        if (fixEnd) lines.push({ end: { streams: lines.filter((l) => 'stream' in l).length, events: lines.filter((l) => 'event' in l).length } });
        await both(lines);
      }),
      { numRuns: 200 },
    );
  });

  it('on a cosigned checkpoint under random policies of the two witnesses and a stranger', async () => {
    const keys = [generateCosignerKey('witness.a.example'), generateCosignerKey('witness.b.example'), generateCosignerKey('witness.c.example')];
    await fc.assert(
      fc.asyncProperty(fc.subarray(keys), fc.subarray(keys, { minLength: 1 }), fc.nat(), async (signers, named, k) => {
        const witnessPolicy = { threshold: 1 + (k % named.length), witnesses: named.map(cosignerVerifierKey) };
        await both(cosigned(...signers), { witnessPolicy });
      }),
      { numRuns: 40 },
    );
  });
});
