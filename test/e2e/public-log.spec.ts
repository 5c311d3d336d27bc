import { createHash, randomUUID } from 'node:crypto';
import { AuditWorkers } from '@mutasi/audit';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { EventStore } from '@mutasi/event-store';
import { fromBase64, verifyCheckpoint, verifyConsistency, verifyInclusion } from '@mutasi/integrity';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/**
 * What a witness or a citizen sees of the ledger with no account (docs/ledger-public.md): the signed checkpoint, the
 * hash tiles of c2sp.org/tlog-tiles and RFC 6962 proofs. The checks below recompute the root from the tile bytes with
 * SHA-256 alone, written here and not taken from the ledger's code, so the server cannot agree with itself.
 */

const sha256 = (...parts: Uint8Array[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafOf = (data: Uint8Array): Buffer => sha256(Buffer.from([0]), data);
const parentOf = (left: Uint8Array, right: Uint8Array): Buffer => sha256(Buffer.from([1]), left, right);

/** RFC 6962 MTH over leaf hashes: split at the largest power of two below n. */
function treeHash(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 1) return hashes[0] as Buffer;
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return parentOf(treeHash(hashes.slice(0, k)), treeHash(hashes.slice(k)));
}

/** The tile index as c2sp.org/tlog-tiles writes it: 3-digit elements, all but the last after an `x`. */
function indexPath(n: number): string {
  const groups = [String(n % 1000).padStart(3, '0')];
  for (let rest = Math.floor(n / 1000); rest > 0; rest = Math.floor(rest / 1000)) groups.unshift(`x${String(rest % 1000).padStart(3, '0')}`);
  return groups.join('/');
}

const splitHashes = (bytes: Buffer): Buffer[] => Array.from({ length: bytes.length / 32 }, (_, i) => bytes.subarray(i * 32, (i + 1) * 32));

/** The entries of an entry bundle: each after its big-endian uint16 length. */
function splitEntries(bytes: Buffer): Buffer[] {
  const entries: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const length = bytes.readUInt16BE(at);
    entries.push(bytes.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return entries;
}

interface Fetched {
  readonly status: number;
  readonly type: string;
  readonly cache: string;
  readonly bytes: Buffer;
}

describe('the ledger in public, in the C2SP tlog-tiles shape, on a real PostgreSQL', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let decreed: CaseDriver;
  let firstHead: { treeSize: number; rootHash: string };

  /** A GET with no token (or the given one), as bytes. */
  const get = async (path: string, token?: string): Promise<Fetched> => {
    const response = await fetch(`${t.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      cache: response.headers.get('cache-control') ?? '',
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };
  const json = async (path: string): Promise<{ status: number; body: any }> => {
    const answer = await get(path);
    return { status: answer.status, body: JSON.parse(answer.bytes.toString('utf8')) };
  };
  const checkpoint = async () => {
    const key = (await json('/api/ledger/public-key')).body as { verifierKey: string; origin: string };
    const text = (await get('/api/ledger/checkpoint')).bytes.toString('utf8');
    const check = verifyCheckpoint(text, key.verifierKey);
    if (!check.ok) throw new Error(`the checkpoint does not verify: ${check.reason}`);
    return check.checkpoint;
  };

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
    decreed = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await decreed.throughApproval();
    await decreed.issueDecree();
    await t.app.get(AuditWorkers).catchUp();
    firstHead = (await http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {})).body;
    // Refused commands are events too (M-04): enough of them to fill a whole tile and start the next.
    for (let i = 0; i < 300; i += 1) expect((await http.as('pengusul.kota-bandar-lestari', 'POST', '/api/admin/policies', { version: `coba-${i}` })).status).toBe(403);
    await t.app.get(AuditWorkers).catchUp();
    await http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {});
  }, 300_000);
  afterAll(() => t.close());

  it('serves the checkpoint as text/plain to anyone, briefly cacheable, signed by the key served at /api/ledger/public-key', async () => {
    const answer = await get('/api/ledger/checkpoint');
    expect(answer).toMatchObject({ status: 200, type: 'text/plain; charset=utf-8' });
    expect(Number(/max-age=(\d+)/.exec(answer.cache)?.[1])).toBeLessThanOrEqual(10);
    const key = await json('/api/ledger/public-key');
    expect(key).toMatchObject({ status: 200, body: { verifierKey: expect.any(String), origin: expect.any(String) } });
    const check = verifyCheckpoint(answer.bytes.toString('utf8'), key.body.verifierKey);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.checkpoint.origin).toBe(key.body.origin);
    expect(check.checkpoint.treeSize).toBeGreaterThan(256);
    expect(check.checkpoint.treeSize % 256).toBeGreaterThan(0);
    // The old address of the key is public too, and the same key.
    expect(await json('/api/audit/ledger/public-key')).toEqual(key);
  });

  it('serves the tiles of the checkpoint size to anyone, and they rebuild its root with SHA-256 alone', async () => {
    const head = await checkpoint();
    const size = head.treeSize;
    const leaves: Buffer[] = [];
    for (let n = 0; n * 256 < size; n += 1) {
      const width = Math.min(256, size - n * 256);
      const tile = await get(`/api/ledger/tile/0/${indexPath(n)}${width < 256 ? `.p/${width}` : ''}`);
      expect({ n, status: tile.status, type: tile.type, length: tile.bytes.length }).toEqual({ n, status: 200, type: 'application/octet-stream', length: width * 32 });
      expect(tile.cache).toMatch(/immutable/);
      leaves.push(...splitHashes(tile.bytes));
    }
    expect(treeHash(leaves).equals(head.rootHash)).toBe(true);
    // Tile level 1 holds MTH of each full run of 256 leaves: with them, the root needs only the leaves after the last full run.
    const upper = Math.floor(size / 256);
    const level1 = await get(`/api/ledger/tile/1/000.p/${upper}`);
    expect(level1.status).toBe(200);
    const runs = splitHashes(level1.bytes);
    expect(runs.map((h) => h.toString('hex'))).toEqual(Array.from({ length: upper }, (_, i) => treeHash(leaves.slice(i * 256, (i + 1) * 256)).toString('hex')));
    // A partial tile stays served after the tree grew past it: the tiles of the first signed size rebuild its root too.
    const old = await get(`/api/ledger/tile/0/000.p/${firstHead.treeSize}`);
    expect(treeHash(splitHashes(old.bytes)).toString('base64')).toBe(firstHead.rootHash);
  });

  it('serves inclusion and consistency proofs to anyone, and they verify against the checkpoint', async () => {
    const head = await checkpoint();
    const leaf = (await t.db.query('SELECT event_id::text, leaf_index::int FROM ledger_leaves WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1', [`transfer-${decreed.caseId}`]))
      .rows[0] as { event_id: string; leaf_index: number };
    const inclusion = await json(`/api/ledger/inclusion-proof?eventId=${leaf.event_id}&treeSize=${head.treeSize}`);
    expect(inclusion.status).toBe(200);
    expect(inclusion.body.leafIndex).toBe(leaf.leaf_index);
    const tile = await get(`/api/ledger/tile/0/${indexPath(Math.floor(leaf.leaf_index / 256))}`);
    expect(splitHashes(tile.bytes)[leaf.leaf_index % 256]?.toString('base64')).toBe(inclusion.body.leafHash);
    const claim = {
      leafIndex: leaf.leaf_index,
      treeSize: head.treeSize,
      leafHash: fromBase64(inclusion.body.leafHash),
      proof: (inclusion.body.proof as string[]).map(fromBase64),
      root: head.rootHash,
    };
    expect(verifyInclusion(claim)).toEqual({ ok: true });
    const consistency = await json(`/api/ledger/consistency-proof?from=${firstHead.treeSize}&to=${head.treeSize}`);
    expect(consistency.status).toBe(200);
    expect(
      verifyConsistency({
        size1: firstHead.treeSize,
        size2: head.treeSize,
        root1: fromBase64(firstHead.rootHash),
        root2: head.rootHash,
        proof: (consistency.body.proof as string[]).map(fromBase64),
      }),
    ).toEqual({ ok: true });
    expect((await json(`/api/ledger/inclusion-proof?eventId=${randomUUID()}`)).status).toBe(404);
    expect((await json('/api/ledger/inclusion-proof?eventId=not-a-uuid')).status).toBe(400);
  });

  it('keeps entry bundles (whole events: personnel records) from the public and from inspectors of one province', async () => {
    const anonymous = await get('/api/ledger/tile/entries/000');
    expect(anonymous.status).toBe(401);
    expect(anonymous.bytes.toString('utf8')).not.toContain('eventId');
    expect((await get('/api/ledger/tile/entries/000', 'not-a-token')).status).toBe(401);
    expect((await get('/api/ledger/tile/entries/000', await http.token('pengusul.kota-bandar-lestari'))).status).toBe(403);
    expect((await get('/api/ledger/tile/entries/000', await http.token('inspektur.prov-nb'))).status).toBe(403);
  });

  it('gives a national inspector the entry bundles, whose entries hash to the level-0 tiles', async () => {
    const size = (await checkpoint()).treeSize;
    const token = await http.token('inspektur.bkn');
    for (const [n, width] of [
      [0, 256],
      [1, size - 256],
    ] as const) {
      const suffix = width < 256 ? `.p/${width}` : '';
      const bundle = await get(`/api/ledger/tile/entries/${indexPath(n)}${suffix}`, token);
      expect({ status: bundle.status, type: bundle.type }).toEqual({ status: 200, type: 'application/octet-stream' });
      expect(bundle.cache).toMatch(/private/);
      const entries = splitEntries(bundle.bytes);
      expect(entries).toHaveLength(width);
      const tile = splitHashes((await get(`/api/ledger/tile/0/${indexPath(n)}${suffix}`)).bytes);
      expect(entries.map((e) => leafOf(e).toString('hex'))).toEqual(tile.map((h) => h.toString('hex')));
      const ids = (
        await t.db.query('SELECT event_id::text FROM ledger_leaves WHERE leaf_index >= $1 AND leaf_index < $2 ORDER BY leaf_index', [n * 256, n * 256 + width])
      ).rows.map((r: { event_id: string }) => r.event_id);
      expect(entries.map((e) => (JSON.parse(e.toString('utf8')) as { eventId: string }).eventId)).toEqual(ids);
    }
  });

  it('answers a bad tile path 400 and a tile the ledger does not hold 404, never 500', async () => {
    const size = (await checkpoint()).treeSize;
    const bad = [
      '0/05',
      '0/5',
      '00/000',
      '01/000',
      '64/000',
      '0/000.p/0',
      '0/000.p/256',
      '0/000.p/05',
      '0/001/234',
      '0/x001',
      '0/x000/001',
      '0/000/',
      'x/000',
      '0/%30%30%30',
      '0/..%2F000',
      '0/%ZZ',
      '0//000',
      '0/000.p/1.p/2',
      'entries',
    ];
    for (const path of bad) {
      const answer = await get(`/api/ledger/tile/${path}`);
      expect({ path, status: answer.status, type: answer.type }).toEqual({ path, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
    }
    const token = await http.token('inspektur.bkn');
    expect((await get('/api/ledger/tile/entries/00', token)).status).toBe(400);
    const missing = ['0/001', `0/001.p/${size - 256 + 1}`, '0/002.p/1', '0/x001/000', '1/000', '2/000.p/1', '0/x999/x999/x999/x999/x999/x999/999'];
    for (const path of missing) expect({ path, status: (await get(`/api/ledger/tile/${path}`)).status }).toEqual({ path, status: 404 });
    expect((await get(`/api/ledger/tile/entries/001.p/${size - 256 + 1}`, token)).status).toBe(404);
  });
});

describe('the public ledger before its first checkpoint, and a leaf too large for an entry bundle', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers 404 in plain text while no tree head is signed, then serves the checkpoint', async () => {
    const before = await fetch(`${t.url}/api/ledger/checkpoint`);
    expect({ status: before.status, type: before.headers.get('content-type') }).toEqual({ status: 404, type: 'text/plain; charset=utf-8' });
    expect(await before.text()).toMatch(/no checkpoint/);
    await t.app.get(AuditWorkers).catchUp();
    expect((await fetch(`${t.url}/api/ledger/checkpoint`)).status).toBe(200);
  });

  it('refuses (422) the bundle of a leaf over 65,535 bytes, naming the leaf, and still serves its hash tile', async () => {
    // The store takes events up to 256 KB; one this large cannot be stated in an entry bundle's two-byte length.
    const appended = await t.app
      .get(EventStore)
      .append(`ledger-probe-${randomUUID()}`, [{ eventId: randomUUID(), type: 'LedgerProbe.v1', data: { text: 'x'.repeat(70_000) }, metadata: {} }], 'no_stream');
    await t.app.get(AuditWorkers).catchUp();
    const leaf = (await t.db.query('SELECT leaf_index::int FROM ledger_leaves WHERE event_id = $1', [appended.events[0]?.eventId])).rows[0].leaf_index as number;
    const size = leaf + 1;
    const http = new MutasiHttp(t.url);
    const answer = await http.as('inspektur.bkn', 'GET', `/api/ledger/tile/entries/000.p/${size}`);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'ENTRY_TOO_LARGE', leafIndex: leaf });
    expect(answer.body.detail).toMatch(/65535/);
    expect((await fetch(`${t.url}/api/ledger/tile/0/000.p/${size}`)).status).toBe(200);
    expect((await http.as('inspektur.bkn', 'GET', `/api/ledger/tile/entries/000.p/${leaf}`)).status).toBe(200);
  });
});
