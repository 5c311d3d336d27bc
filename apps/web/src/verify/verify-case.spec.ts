import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
// The server's own integrity code builds the evidence the browser checks (test only: the web app never imports it).
import {
  AUDIT_BUNDLE_FORMAT,
  buildConsistencyProof,
  buildInclusionProof,
  canonicalJson as serverCanonicalJson,
  computeEventHash,
  eventLeafData,
  generateSignerKey,
  GENESIS_HASH,
  leafHash,
  newNodesOnAppend,
  nodeKeyString,
  rootFromNodes,
  signCheckpoint,
  toBase64,
  verifierKeyFromSignerKey,
  verifyBundle,
  type AuditBundleV1,
  type BundleEvent,
  type EventRecord,
  type NodeKey,
} from '../../../../libs/integrity/src';
import { canonicalJson } from './canonical';
import { AuditBundle, CaseVerification, verifyCaseBundle } from './verify-case';

const ORIGIN = 'mutasi.bkn.go.id/ledger';
const HEAD_TIME = '2026-03-02T03:04:05.000Z';
const CASE = '3f0c2a9e-5b7d-4c1e-9a26-7d1f0b8e4c21';
const OTHER_CASE = 'b2d4f6a8-0c1e-4a3b-8d5f-6e7a9b0c1d2e';
const STREAM = `transfer-${CASE}`;

/** Perfect-subtree hashes appended with newNodesOnAppend, as the ledger projection stores them. */
class Ledger {
  private readonly nodes = new Map<string, Buffer>();
  size = 0;
  readonly lookup = (key: NodeKey): Buffer | undefined => this.nodes.get(nodeKeyString(key));
  append(data: Uint8Array): number {
    for (const node of newNodesOnAppend(this.size, leafHash(data), this.lookup)) this.nodes.set(nodeKeyString(node.key), node.hash);
    return this.size++;
  }
}

/** A case's stream as the event store chains it: metadata.prevHash links, metadata.hash = computeEventHash. */
function chain(streamId: string, events: readonly { type: string; data: unknown; actorId: string }[], day = 2): EventRecord[] {
  let prevHash = GENESIS_HASH;
  return events.map((e, revision) => {
    const record: EventRecord = {
      streamId, revision, eventId: `${streamId.slice(9, 17)}-0000-4000-8000-${String(revision).padStart(12, '0')}`, type: e.type, data: e.data,
      metadata: { prevHash, actorId: e.actorId, role: 'PENGUSUL', agencyId: 'kab-bandar-lestari', occurredAt: `2026-03-0${day}T0${revision % 10}:15:00.000Z`, correlationId: `req-${revision}` },
    };
    const sealed = { ...record, metadata: { ...record.metadata, hash: computeEventHash(record) } };
    prevHash = sealed.metadata['hash'] as string;
    return sealed;
  });
}

const CASE_EVENTS = [
  { type: 'TransferCaseOpened.v1', actorId: 'pengusul.kab-bandar-lestari', data: { caseId: CASE, targetAgencyId: 'kab-bandar-lestari', targetPositionId: 'kab-bandar-lestari.auditor', targetPosition: { title: 'Auditor Ahli Pertama', grade: 'III/a', kebutuhan: 4, bezetting: 3 }, needsAnalysis: { kebutuhan: 4, bezetting: 3, justification: 'ABK menunjukkan kekurangan satu auditor — “mendesak”', exceptionReason: null } } },
  { type: 'NeedsAnalysisApproved.v1', actorId: 'penilai.kab-bandar-lestari', data: { notes: 'ABK sudah diperiksa' } },
  { type: 'CandidateProposed.v1', actorId: 'pengusul.kab-bandar-lestari', data: { employeeNip: '198703152010011002', originPositionId: 'kab-bandar-lestari.analis', initiative: 'DINAS', justification: 'kompetensi audit sesuai', meritScore: 87.5, rank: 1, weights: [0.4, 0.35, 0.25] } },
  { type: 'EmployeeNotified.v1', actorId: 'pengusul.kab-bandar-lestari', data: { message: 'Anda diusulkan menjadi auditor', objectionDeadline: '2026-03-12' } },
  { type: 'EmployeeAcknowledged.v1', actorId: 'pns.198703152010011002', data: { nip: '198703152010011002' } },
  { type: 'DocumentAttached.v1', actorId: 'pengusul.kab-bandar-lestari', data: { documentId: 'doc-1', kind: 'EMPLOYEE_APPLICATION', title: 'Surat permohonan', sha256: 'a'.repeat(64), agencyId: 'kab-bandar-lestari', statement: null } },
  { type: 'ApprovalStepGranted.v1', actorId: 'sekda.kab-bandar-lestari', data: { stepId: 'step-1', notes: 'disetujui', consentToPositionId: null, nextStepId: 'step-2', nextDeadline: '2026-03-20' } },
  { type: 'DecreeIssued.v1', actorId: 'bupati.kab-bandar-lestari', data: { decreeNumber: '800/SK-MUT/3f0c2a9e', decreeDate: '2026-03-02', effectiveDate: '2026-03-02', documentSha256: 'b'.repeat(64), employeeNip: '198703152010011002', targetPositionId: 'kab-bandar-lestari.auditor', originPositionId: 'kab-bandar-lestari.analis', signer: { role: 'PPK', userId: 'bupati.kab-bandar-lestari' }, delegationId: null, appointmentDeadline: '2026-04-01' } },
];

const OTHER_EVENTS = Array.from({ length: 6 }, (_, i) => ({ type: i === 0 ? 'TransferCaseOpened.v1' : 'ApprovalStepGranted.v1', actorId: `asn-${i}`, data: { caseId: OTHER_CASE, step: i, note: `langkah ${i}`, ratio: i / 3 } }));

interface Fixture {
  readonly bundle: AuditBundleV1;
  readonly signerKey: string;
  readonly verifierKey: string;
  /** Signs a checkpoint of this ledger with any key. */
  sign(key: string, fields?: Partial<{ treeSize: number; origin: string; time: string }>): string;
}

/**
 * A ledger where the case's events interleave with another case's (so its leaves are not contiguous), signed tree
 * heads at size 5 and at the end, and the bundle GET /api/audit/export?caseId= would give for the case.
 */
function makeFixture(streams: readonly EventRecord[][] = [chain(STREAM, CASE_EVENTS), chain(`transfer-${OTHER_CASE}`, OTHER_EVENTS, 3)], signerKey = generateSignerKey(ORIGIN)): Fixture {
  const ledger = new Ledger();
  const leafOf = new Map<string, number>();
  for (let i = 0; streams.some((s) => i < s.length); i += 1) {
    for (const s of streams) if (s[i]) leafOf.set((s[i] as EventRecord).eventId, ledger.append(eventLeafData(s[i] as EventRecord)));
  }
  const size = ledger.size;
  const root = (n: number) => rootFromNodes(n, ledger.lookup);
  const sign = (key: string, fields: Partial<{ treeSize: number; origin: string; time: string }> = {}) =>
    signCheckpoint(key, { origin: fields.origin ?? ORIGIN, treeSize: fields.treeSize ?? size, rootHash: root(fields.treeSize ?? size), timestamp: new Date(fields.time ?? HEAD_TIME) });
  const held = Math.min(5, size);
  const bundle: AuditBundleV1 = {
    format: AUDIT_BUNDLE_FORMAT,
    origin: ORIGIN,
    verifierKey: verifierKeyFromSignerKey(signerKey),
    treeHead: { treeSize: size, rootHash: toBase64(root(size)), timestamp: HEAD_TIME, checkpoint: sign(signerKey) },
    streams: [{
      streamId: (streams[0] as EventRecord[])[0]?.streamId as string,
      events: (streams[0] as EventRecord[]).map((e): BundleEvent => {
        const leafIndex = leafOf.get(e.eventId) as number;
        return { ...e, leafIndex, inclusionProof: buildInclusionProof(leafIndex, size, ledger.lookup).map(toBase64) };
      }),
    }],
    consistencyProofs: held < size ? [{ fromSize: held, fromRoot: toBase64(root(held)), proof: buildConsistencyProof(held, size, ledger.lookup).map(toBase64) }] : [],
  };
  return { bundle, signerKey, verifierKey: bundle.verifierKey, sign };
}

const fixture = makeFixture();
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const places = (r: CaseVerification) => r.failures.map((f) => f.place);

/** The fixture's bundle with one event of the case changed. */
function withEvent(revision: number, change: (e: BundleEvent) => BundleEvent | null): AuditBundleV1 {
  const bundle = copy(fixture.bundle);
  const stream = bundle.streams[0] as AuditBundleV1['streams'][number];
  stream.events = stream.events.flatMap((e) => (e.revision === revision ? (change(e) ?? []) : [e]));
  return bundle;
}

const check = (bundle: unknown, key = fixture.verifierKey) => verifyCaseBundle(bundle, key, { caseId: CASE });

describe('in-browser verifier: WebCrypto and RFC 8785 as the server has them', () => {
  it('has Ed25519 and SHA-256 in WebCrypto here (jsdom with the platform’s crypto.subtle)', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const message = new TextEncoder().encode('mutasi');
    const signature = await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, message);
    expect(await crypto.subtle.verify({ name: 'Ed25519' }, pair.publicKey, signature, message)).toBe(true);
    expect(new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array()))[0]).toBe(0xe3);
  });

  it('writes canonical JSON byte-identical to the server’s (json-canonicalize), for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(canonicalJson(value)).toBe(serverCanonicalJson(value))), { numRuns: 500 });
    const tricky = { '€': 1, '\u0080': 2, '😀': 3, 'ﬀ': 4, z: [1e21, 1e-7, -0, 0.1 + 0.2, 'Bandar “Lestari”\u2028\n'], a: { b: null, c: true } };
    expect(canonicalJson(tricky)).toBe(serverCanonicalJson(tricky));
  });
});

describe('in-browser verifier: a case bundle against the pinned key', () => {
  it('verifies a good bundle: every event checked, the signed tree size and time, no failures (and the server agrees)', async () => {
    expect(await check(fixture.bundle)).toEqual({ ok: true, checkedEvents: CASE_EVENTS.length, treeSize: 14, signedAt: HEAD_TIME, keyName: ORIGIN, failures: [] });
    expect(verifyBundle(fixture.bundle, { trustedVerifierKey: fixture.verifierKey })).toMatchObject({ ok: true, checkedEvents: CASE_EVENTS.length });
  });

  it('reads a pinned key whose base64 holds "+" and one pasted with spaces or a line break around it', async () => {
    let signerKey = generateSignerKey(ORIGIN);
    while (!verifierKeyFromSignerKey(signerKey).split('+').slice(2).join('+').includes('+')) signerKey = generateSignerKey(ORIGIN);
    const f = makeFixture(undefined, signerKey);
    expect((await verifyCaseBundle(f.bundle, f.verifierKey, { caseId: CASE })).ok).toBe(true);
    expect((await verifyCaseBundle(f.bundle, ` ${f.verifierKey}\n`, { caseId: CASE })).ok).toBe(true);
  });

  it('catches one changed byte in an event’s data: that revision’s hash, then its leaf', async () => {
    const r = await check(withEvent(3, (e) => ({ ...e, data: { ...(e.data as object), message: 'Anda diusulkan menjadi auditoR' } })));
    expect(r.ok).toBe(false);
    expect(r.checkedEvents).toBe(CASE_EVENTS.length);
    const leaf = fixture.bundle.streams[0]?.events[3]?.leafIndex as number;
    expect(places(r)).toEqual([`${STREAM} revisi 3`, `${STREAM} revisi 3 (daun ${leaf})`]);
    expect(r.failures[0]?.reason).toMatch(/^isi peristiwa telah diubah: hash tersimpan [0-9a-f]{12}… tetapi isinya ber-hash [0-9a-f]{12}…$/);
    expect(r.failures[0]?.eventId).toBe(fixture.bundle.streams[0]?.events[3]?.eventId);
    expect(r.failures[1]?.reason).toMatch(/^tidak termuat dalam pohon bertanda tangan berukuran 14: bukti tidak berujung pada akar yang ditandatangani$/);
  });

  it('catches an edit whose chain was re-hashed by someone who controls the database: only the signed tree can tell', async () => {
    const bundle = copy(fixture.bundle);
    const stream = bundle.streams[0] as AuditBundleV1['streams'][number];
    let prevHash = GENESIS_HASH;
    stream.events = stream.events.map((e) => {
      const changed = e.revision === 1 ? { ...e, data: { notes: 'ABK tidak diperiksa' } } : e;
      const { hash: _old, ...rest } = changed.metadata;
      const relinked = { ...changed, metadata: { ...rest, prevHash } };
      const hash = computeEventHash(relinked);
      prevHash = hash;
      return { ...relinked, metadata: { ...relinked.metadata, hash } };
    });
    const r = await check(bundle);
    expect(r.ok).toBe(false);
    expect(places(r).every((p) => /\(daun \d+\)$/.test(p))).toBe(true);
    expect(places(r)[0]).toMatch(new RegExp(`^${STREAM} revisi 1 \\(daun`));
  });

  it('catches a removed middle event: the revision gap and the broken link at the next revision', async () => {
    const r = await check(withEvent(4, () => null));
    expect(r.ok).toBe(false);
    expect(r.failures).toEqual([
      { place: `${STREAM} revisi 5`, eventId: fixture.bundle.streams[0]?.events[5]?.eventId, reason: 'revisi 5 menyusul revisi 3, seharusnya 4: ada peristiwa yang hilang atau disisipkan' },
      { place: `${STREAM} revisi 5`, eventId: fixture.bundle.streams[0]?.events[5]?.eventId, reason: expect.stringMatching(/^tautan ke peristiwa sebelumnya putus: prevHash [0-9a-f]{12}… bukan hash [0-9a-f]{12}… peristiwa sebelumnya/) },
    ]);
    expect(r.checkedEvents).toBe(CASE_EVENTS.length - 1);
    const first = await check(withEvent(0, () => null));
    expect(first.failures[0]).toMatchObject({ place: `${STREAM} revisi 1`, reason: 'aliran dimulai pada revisi 1, bukan 0: peristiwa sebelumnya hilang' });
  });

  it('catches a wrong inclusion proof: a flipped bit, a missing hash, a leaf index moved or outside the tree', async () => {
    const leaf = fixture.bundle.streams[0]?.events[2]?.leafIndex as number;
    const flipped = await check(withEvent(2, (e) => {
      const first = Buffer.from(e.inclusionProof[0] as string, 'base64');
      first[7] = (first[7] as number) ^ 0x10;
      return { ...e, inclusionProof: [first.toString('base64'), ...e.inclusionProof.slice(1)] };
    }));
    expect(flipped.failures).toEqual([{ place: `${STREAM} revisi 2 (daun ${leaf})`, eventId: expect.any(String), reason: 'tidak termuat dalam pohon bertanda tangan berukuran 14: bukti tidak berujung pada akar yang ditandatangani' }]);
    expect((await check(withEvent(2, (e) => ({ ...e, inclusionProof: e.inclusionProof.slice(1) })))).failures[0]?.reason).toMatch(/bukti lebih pendek daripada kedalaman pohon$/);
    expect(places(await check(withEvent(2, (e) => ({ ...e, leafIndex: leaf + 1 }))))).toEqual([`${STREAM} revisi 2 (daun ${leaf + 1})`]);
    expect((await check(withEvent(2, (e) => ({ ...e, leafIndex: 99 })))).failures[0]?.reason).toMatch(/daun 99 berada di luar pohon berukuran 14$/);
  });

  it('catches a checkpoint signed by another key of the same name, even when the bundle brings that key along', async () => {
    const intruder = generateSignerKey(ORIGIN);
    const bundle = copy(fixture.bundle);
    bundle.treeHead.checkpoint = fixture.sign(intruder);
    const r = await check(bundle);
    expect(r.failures).toEqual([{ place: 'checkpoint', eventId: null, reason: expect.stringMatching(/^tanda tangan kepala pohon tidak sah dengan kunci yang Anda sematkan: ditandatangani oleh kunci lain bernama mutasi\.bkn\.go\.id\/ledger \(id [0-9a-f]{8}\), bukan oleh kunci yang Anda sematkan \(id [0-9a-f]{8}\)$/) }]);
    expect(r.treeSize).toBeNull();
    bundle.verifierKey = verifierKeyFromSignerKey(intruder);
    expect(places(await check(bundle))).toEqual(['kunci verifikator', 'checkpoint']);
    const stranger = copy(fixture.bundle);
    stranger.treeHead.checkpoint = fixture.sign(generateSignerKey('saksi.example'));
    expect((await check(stranger)).failures[0]?.reason).toMatch(/tidak ada tanda tangan dari mutasi\.bkn\.go\.id\/ledger; hanya dari saksi\.example$/);
  });

  it('refuses when the pinned key is not the operator’s, although the bundle carries the operator’s own key', async () => {
    const other = verifierKeyFromSignerKey(generateSignerKey(ORIGIN));
    const r = await check(fixture.bundle, other);
    expect(r.ok).toBe(false);
    expect(places(r)).toEqual(['kunci verifikator', 'checkpoint']);
    expect(r.failures[0]?.reason).toMatch(/^bundel menyebut kunci operator .*, bukan kunci yang Anda sematkan; hanya kunci yang disematkan yang dipercaya$/);
    expect(r.failures[1]?.reason).toMatch(/kunci lain bernama/);
    expect(verifyBundle(fixture.bundle, { trustedVerifierKey: other }).ok).toBe(false);
  });

  it('refuses a malformed pinned key, saying what is wrong with it', async () => {
    const [name, id, key] = [ORIGIN, fixture.verifierKey.split('+')[1] as string, fixture.verifierKey.split('+').slice(2).join('+')];
    const reason = async (pinned: string) => {
      const r = await check(fixture.bundle, pinned);
      expect(r).toMatchObject({ ok: false, checkedEvents: 0, treeSize: null });
      expect(places(r)).toEqual(['kunci yang disematkan']);
      return r.failures[0]?.reason;
    };
    expect(await reason('')).toBe('kunci verifikator tidak berbentuk <nama>+<id>+<kunci>');
    expect(await reason('tempel-di-sini')).toBe('kunci verifikator tidak berbentuk <nama>+<id>+<kunci>');
    expect(await reason(`${name}+${id}+${key.slice(0, 10)}!${key.slice(11)}`)).toBe('bagian kunci dari kunci verifikator bukan base64 yang sah');
    expect(await reason(`${name}+${id}+${key.slice(0, -4)}`)).toBe('kunci verifikator bukan kunci Ed25519 (0x01 ‖ 32 bita)');
    expect(await reason(`${name}+${id}+${key.slice(0, -1)}`)).toBe('bagian kunci dari kunci verifikator bukan base64 yang sah');
    expect(await reason(`${name}+${id.slice(1)}+${key}`)).toBe('id kunci verifikator bukan 8 digit heksadesimal');
    expect(await reason(`${name}+${id.replace(/^./, (c) => (c === '0' ? '1' : '0'))}+${key}`)).toBe('id kunci verifikator tidak cocok dengan kuncinya (salah salin?)');
    expect(await reason(`mutasi ledger+${id}+${key}`)).toBe('nama kunci verifikator kosong atau memuat spasi');
    expect(await reason(`${name}+${id}+${toBase64(Buffer.concat([Buffer.from([2]), Buffer.from(key, 'base64').subarray(1)]))}`)).toBe('kunci verifikator bukan kunci Ed25519 (0x01 ‖ 32 bita)');
    expect(await reason(`PRIVATE+KEY+${name}+${id}+${key}`)).toMatch(/^ini kunci penanda tangan yang rahasia, bukan kunci verifikator/);
  });

  it('refuses tree head fields that are not the signed ones, and a checkpoint whose text was changed', async () => {
    const root = copy(fixture.bundle);
    root.treeHead.rootHash = toBase64(Buffer.alloc(32, 7));
    expect(places(await check(root))).toEqual(['kepala pohon']);
    const size = copy(fixture.bundle);
    size.treeHead.checkpoint = size.treeHead.checkpoint.replace('\n14\n', '\n13\n');
    expect((await check(size)).failures[0]?.reason).toMatch(/tanda tangan mutasi\.bkn\.go\.id\/ledger \(id [0-9a-f]{8}\) tidak sah: isi checkpoint diubah/);
    const time = copy(fixture.bundle);
    time.treeHead.timestamp = '2026-03-02T03:04:06.000Z';
    expect((await check(time)).failures).toEqual([{ place: 'kepala pohon', eventId: null, reason: 'treeHead.timestamp 2026-03-02T03:04:06.000Z bukan waktu yang ditandatangani 2026-03-02T03:04:05.000Z' }]);
    const origin = copy(fixture.bundle);
    origin.treeHead.checkpoint = fixture.sign(fixture.signerKey, { origin: 'lain.example/ledger' });
    expect((await check(origin)).failures[0]?.reason).toBe('checkpoint untuk origin "lain.example/ledger", bukan "mutasi.bkn.go.id/ledger"');
  });

  it('refuses a bundle of another case than the one asked about, and a tampered consistency proof', async () => {
    expect((await verifyCaseBundle(fixture.bundle, fixture.verifierKey, { caseId: OTHER_CASE })).failures).toEqual([
      { place: `kasus ${OTHER_CASE}`, eventId: null, reason: `bundel tidak memuat aliran peristiwa kasus ini (transfer-${OTHER_CASE})` },
    ]);
    const bundle = copy(fixture.bundle);
    (bundle.consistencyProofs[0] as AuditBundleV1['consistencyProofs'][number]).fromRoot = toBase64(Buffer.alloc(32));
    expect(places(await check(bundle))).toEqual(['bukti konsistensi dari ukuran 5']);
  });

  it('never throws on garbage and never accepts it, naming the field that does not fit', async () => {
    await fc.assert(fc.asyncProperty(fc.anything(), async (input) => {
      const r = await check(input);
      expect(r.ok).toBe(false);
      expect(r.failures[0]?.place).toBe('bundel');
    }), { numRuns: 200 });
    const bad = copy(fixture.bundle) as unknown as { streams: { events: Record<string, unknown>[] }[] };
    (bad.streams[0]?.events[2] as Record<string, unknown>)['leafIndex'] = -1;
    expect((await check(bad)).failures).toEqual([{ place: 'bundel', eventId: null, reason: 'streams[0].events[2].leafIndex harus bilangan bulat tak negatif' }]);
    expect((await check({ ...fixture.bundle, format: 'mutasi-audit-bundle/v2' })).failures[0]?.reason).toBe('format bundel "mutasi-audit-bundle/v2", seharusnya "mutasi-audit-bundle/v1"');
  });
});

/** Every path to a value inside a JSON document. */
function paths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([k, v]) => paths(v, [...path, k]))].filter((p) => p.length > 0);
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
}

const serverSays = (bundle: unknown, key: string) => verifyBundle(bundle, { trustedVerifierKey: key }).ok;

describe('in-browser verifier and the server’s verifyBundle agree', () => {
  // Replacing the whole list of streams is left out: a bundle of no events is "nothing wrong" to the server, and
  // nothing verified to the browser, which checks a case.
  const fields = paths(fixture.bundle).filter((p) => !(p.length === 1 && p[0] === 'streams'));

  it('on any one field of the bundle replaced by any value (an altered export)', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...fields), fc.anything(), async (path, value) => {
      const bundle = copy(fixture.bundle);
      setAt(bundle, path, value);
      const browser = (await verifyCaseBundle(bundle, fixture.verifierKey)).ok;
      expect({ path, browser }).toEqual({ path, browser: serverSays(bundle, fixture.verifierKey) });
    }), { numRuns: 400 });
  });

  it('on one byte of the exported JSON changed', async () => {
    const json = JSON.stringify(fixture.bundle);
    await fc.assert(fc.asyncProperty(fc.nat({ max: json.length - 1 }), fc.integer({ min: 32, max: 126 }), async (at, code) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(`${json.slice(0, at)}${String.fromCharCode(code)}${json.slice(at + 1)}`);
      } catch {
        return; // not JSON any more: the page's fetch would refuse it before any check
      }
      const browser = await verifyCaseBundle(parsed, fixture.verifierKey);
      expect(browser.ok).toBe(serverSays(parsed, fixture.verifierKey));
      // The checkpoint signs whole seconds: a changed millisecond of treeHead.timestamp is the same signed time.
      const head = (parsed as AuditBundleV1 | null)?.treeHead;
      const sameSecond = typeof head?.timestamp === 'string' && Math.floor(Date.parse(head.timestamp) / 1000) === Math.floor(Date.parse(HEAD_TIME) / 1000)
        && JSON.stringify({ ...(parsed as AuditBundleV1), treeHead: { ...head, timestamp: HEAD_TIME } }) === json;
      if (JSON.stringify(parsed) !== json && !sameSecond) expect(browser.ok).toBe(false);
    }), { numRuns: 300 });
  });

  it('on random cases and ledgers, good and with one event edited, removed or reordered, and with the right or a wrong key', async () => {
    const stranger = verifierKeyFromSignerKey(generateSignerKey(ORIGIN));
    const story = fc.array(fc.record({ type: fc.constantFrom('ApprovalStepGranted.v1', 'DocumentAttached.v1', 'EmployeeNotified.v1'), actorId: fc.string({ minLength: 1, maxLength: 12 }), data: fc.jsonValue() }), { minLength: 1, maxLength: 9 });
    await fc.assert(fc.asyncProperty(story, fc.array(story, { maxLength: 3 }), fc.nat(), fc.constantFrom('none', 'edit', 'remove', 'swap', 'wrong key'), async (mine, others, pick, how) => {
      const f = makeFixture([chain(STREAM, mine), ...others.map((s, i) => chain(`transfer-${i}${OTHER_CASE.slice(1)}`, s))]);
      const bundle = copy(f.bundle);
      const events = (bundle.streams[0] as AuditBundleV1['streams'][number]).events;
      const i = pick % events.length;
      // A bundle that stops early is still whole as far as it goes: no bundle verifier can see a cut-off tail.
      const tailCut = how === 'remove' && events.length > 1 && i === events.length - 1;
      if (how === 'edit') (events[i] as BundleEvent).data = { diubah: (events[i] as BundleEvent).data ?? null };
      if (how === 'remove' && events.length > 1) events.splice(i, 1);
      if (how === 'swap' && events.length > 1) events.splice(i, 2, ...events.slice(i, i + 2).reverse());
      const key = how === 'wrong key' ? stranger : f.verifierKey;
      const browser = await verifyCaseBundle(bundle, key, { caseId: CASE });
      expect(browser.ok).toBe(serverSays(bundle, key));
      expect(browser.ok).toBe((JSON.stringify(bundle) === JSON.stringify(f.bundle) || tailCut) && key === f.verifierKey);
    }), { numRuns: 120 });
  });
});

// The bundle type of the web app and the server's are the same JSON (a compile-time check).
const _sameShape: AuditBundle = fixture.bundle;
void _sameShape;
