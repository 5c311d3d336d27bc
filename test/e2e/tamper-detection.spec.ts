import { AuditWorkers } from '@mutasi/audit';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { computeEventHash, fromBase64, GENESIS_HASH, verifyConsistency } from '@mutasi/integrity';
import { startTestApp, TestApp } from '@mutasi/testing/app';

type Failure = { position: string; eventId: string | null; reason: string };
type Row = { event_id: string; stream_id: string; revision: string; tx_id: string; seq: string; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };

/**
 * Tampering with the stored record — even by someone who controls the whole database — is detected, at the right
 * position and with the right reason: by POST /api/audit/verify, or by a witness holding an older tree head.
 */
describe('tamper detection on a real PostgreSQL', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let cases: CaseDriver[];

  beforeEach(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
    const internal = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await internal.throughApproval();
    const province = new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince);
    await province.throughApproval();
    await internal.issueDecree();
    cases = [internal, province];
    await t.app.get(AuditWorkers).catchUp();
    await http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {});
  });
  afterEach(async () => {
    await t.close();
  });

  const verify = async (checkpoint?: string): Promise<{ ok: boolean; failures: Failure[] }> =>
    (await http.as('inspektur.bkn', 'POST', '/api/audit/verify', checkpoint ? { checkpoint } : {})).body;
  const events = async (streamId: string): Promise<Row[]> =>
    (
      await t.db.query('SELECT event_id::text, stream_id, revision, tx_id::text, seq::text, type, data, metadata FROM event_store.events WHERE stream_id = $1 ORDER BY revision', [
        streamId,
      ])
    ).rows;
  const leafOf = async (eventId: string): Promise<string> => (await t.db.query('SELECT leaf_index::text AS i FROM ledger_leaves WHERE event_id = $1', [eventId])).rows[0].i;
  const stream = (i: number): string => `transfer-${(cases[i] as CaseDriver).caseId}`;

  it('starts from a record that verifies', async () => {
    expect(await verify()).toMatchObject({ ok: true, failures: [] });
  });

  it('an event’s data changed by UPDATE: its stream position and its leaf, "changed"', async () => {
    const target = (await events(stream(0)))[3] as Row;
    await t.db.query(`UPDATE event_store.events SET data = jsonb_set(data, '{message}', '"pesan lain"') WHERE event_id = $1`, [target.event_id]);
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.failures[0]).toMatchObject({ position: `stream ${stream(0)} revision 3`, eventId: target.event_id });
    expect(report.failures[0]?.reason).toMatch(/changed/);
    const leaf = await leafOf(target.event_id);
    expect(report.failures.find((f) => f.position === `leaf ${leaf}`)?.reason).toMatch(/no longer matches the ledger/);
  });

  it('an event deleted: the gap in its stream and the leaf whose event is gone', async () => {
    const target = (await events(stream(1)))[4] as Row;
    const leaf = await leafOf(target.event_id);
    await t.db.query('DELETE FROM event_store.events WHERE event_id = $1', [target.event_id]);
    const report = await verify();
    expect(report.failures.find((f) => f.position.startsWith('stream'))).toMatchObject({ position: `stream ${stream(1)} revision 5` });
    expect(report.failures.find((f) => f.position.startsWith('stream'))?.reason).toMatch(/missing before it/);
    expect(report.failures.find((f) => f.position.startsWith('leaf'))).toMatchObject({ position: `leaf ${leaf}`, eventId: target.event_id });
  });

  it('two events’ positions swapped: the first swapped leaf, "reordered"', async () => {
    const a = (await events(stream(0)))[2] as Row;
    const b = (await events(stream(1)))[2] as Row;
    const [first] = [await leafOf(a.event_id), await leafOf(b.event_id)].sort((x, y) => Number(x) - Number(y));
    // The global order's sequence is an identity column the application can never set; an operator can.
    await t.db.query('ALTER TABLE event_store.events ALTER COLUMN seq DROP IDENTITY');
    await t.db.query('BEGIN');
    await t.db.query(`UPDATE event_store.events SET tx_id = '1'::xid8, seq = -1 WHERE event_id = $1`, [a.event_id]);
    await t.db.query(`UPDATE event_store.events SET tx_id = $2::xid8, seq = $3 WHERE event_id = $1`, [b.event_id, a.tx_id, a.seq]);
    await t.db.query(`UPDATE event_store.events SET tx_id = $2::xid8, seq = $3 WHERE event_id = $1`, [a.event_id, b.tx_id, b.seq]);
    await t.db.query('COMMIT');
    const report = await verify();
    const leafFailure = report.failures.find((f) => f.position.startsWith('leaf'));
    expect(leafFailure?.position).toBe(`leaf ${first}`);
    expect(leafFailure?.reason).toMatch(/reordered/);
  });

  it('the tail of a stream truncated: the ledger still holds those events, "deleted or truncated"', async () => {
    const all = await events(stream(0));
    const tail = all.slice(-2);
    await t.db.query('DELETE FROM event_store.events WHERE event_id = ANY($1)', [tail.map((e) => e.event_id)]);
    const report = await verify();
    const missing = report.failures.filter((f) => /missing from the event store/.test(f.reason));
    expect(missing.map((f) => f.eventId)).toEqual(tail.map((e) => e.event_id));
    expect(report.failures.some((f) => f.position.startsWith('stream'))).toBe(false);
  });

  it('the ledger rewritten and re-rooted consistently: the witnesses refuse to cosign it, and a holder of an older tree head can tell too', async () => {
    const witness = (await http.as('inspektur.bkn', 'GET', '/api/audit/ledger/tree-head')).body as { treeSize: number; rootHash: string; checkpoint: string };
    // Whoever controls the database edits a decision, re-chains its stream, and rebuilds the whole ledger over it.
    const rows = await events(stream(0));
    let prevHash = GENESIS_HASH;
    for (const row of rows) {
      const data = row.type === 'ApprovalStepGranted.v1' ? { ...row.data, notes: 'rewritten' } : row.data;
      const metadata = { ...row.metadata, prevHash };
      const hash = computeEventHash({ streamId: row.stream_id, revision: Number(row.revision), eventId: row.event_id, type: row.type, data, metadata });
      await t.db.query('UPDATE event_store.events SET data = $2, metadata = $3 WHERE event_id = $1', [row.event_id, data, { ...metadata, hash }]);
      prevHash = hash;
    }
    await t.db.query(`TRUNCATE ledger_leaves, ledger_nodes, ledger_tree_heads, ledger_stream_heads, ledger_case_agencies`);
    await t.db.query(`DELETE FROM projection_checkpoints WHERE name = 'ledger'`);
    await t.db.query(`DELETE FROM projection_stream_versions WHERE projection = 'ledger'`);
    await t.app.get(AuditWorkers).catchUp();
    const rewritten = (await http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {})).body as { treeSize: number; rootHash: string };

    // Everything the operator controls agrees with itself; only the witnesses (standalone's two) refuse the new root.
    const own = await verify();
    expect(own.ok).toBe(false);
    expect(own.failures.map((f) => f.position)).toEqual(['witness policy']);
    expect(own.failures[0]?.reason).toMatch(/saksi-inspektorat\.mutasi\.local/);
    const held = await verify(witness.checkpoint);
    expect(held.ok).toBe(false);
    expect(held.failures.map((f) => f.position)).toEqual(['witness policy', 'held tree head']);
    expect(held.failures[1]?.reason).toMatch(/rewritten/);
    const proof = (await http.as('inspektur.bkn', 'GET', `/api/audit/ledger/consistency-proof?from=${witness.treeSize}&to=${rewritten.treeSize}`)).body as { proof: string[] };
    const check = verifyConsistency({
      size1: witness.treeSize,
      size2: rewritten.treeSize,
      root1: fromBase64(witness.rootHash),
      root2: fromBase64(rewritten.rootHash),
      proof: proof.proof.map(fromBase64),
    });
    expect(check.ok).toBe(false);
  });
});
