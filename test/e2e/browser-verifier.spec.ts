import { AuditWorkers } from '@mutasi/audit';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { computeEventHash, generateSignerKey, GENESIS_HASH, verifierKeyFromSignerKey, verifyBundle } from '@mutasi/integrity';
import { startTestApp, TestApp } from '@mutasi/testing/app';
// The web app's in-browser verifier, run here on Node's WebCrypto (the same standard API) against real exports.
import { verifyCaseBundle } from '../../apps/web/src/verify/verify-case';

type Row = { event_id: string; stream_id: string; revision: number; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };

/**
 * The web app's verifier on bundles the server really exports (GET /api/audit/export?caseId=), before and after the
 * stored record is altered in PostgreSQL, always agreeing with the server's own offline verifier (verifyBundle with
 * the trusted key) and naming the altered place. The verifier key reaches the inspector out of band
 * (GET /api/audit/ledger/public-key), never from the bundle.
 */
describe('the in-browser verifier on bundles exported by a real server', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let internal: CaseDriver;
  let verifierKey: string;

  beforeEach(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
    internal = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await internal.throughApproval();
    // A second case interleaves its events with the first in the ledger's global order.
    const province = new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince);
    await province.throughApproval();
    await internal.issueDecree();
    await t.app.get(AuditWorkers).catchUp();
    await http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {});
    verifierKey = ((await http.as('inspektur.bkn', 'GET', '/api/audit/ledger/public-key')).body as { verifierKey: string }).verifierKey;
  });
  afterEach(async () => {
    await t.close();
  });

  const streamId = (): string => `transfer-${internal.caseId}`;
  const exported = async (): Promise<unknown> => {
    const answer = await http.as('inspektur.bkn', 'GET', `/api/audit/export?caseId=${internal.caseId}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const rows = async (): Promise<Row[]> => (await t.db.query('SELECT event_id::text, stream_id, revision::int, type, data, metadata FROM event_store.events WHERE stream_id = $1 ORDER BY revision', [streamId()])).rows;
  /** Both verifiers on the case's current export. */
  const both = async (key = verifierKey) => {
    const bundle = await exported();
    const browser = await verifyCaseBundle(bundle, key, { caseId: internal.caseId });
    const server = verifyBundle(bundle, { trustedVerifierKey: key });
    expect(browser.ok).toBe(server.ok);
    return { browser, server };
  };

  it('verifies the export of a decreed case: every event of its stream, under the signed tree head', async () => {
    const { browser, server } = await both();
    const events = await rows();
    expect(browser).toMatchObject({ ok: true, failures: [], checkedEvents: events.length, keyName: verifierKey.split('+')[0] });
    expect(server.ok).toBe(true);
    const head = (await http.as('inspektur.bkn', 'GET', '/api/audit/ledger/tree-head')).body as { treeSize: number; timestamp: string };
    expect(browser.treeSize).toBe(head.treeSize);
    expect(browser.signedAt).toBe(new Date(Math.floor(Date.parse(head.timestamp) / 1000) * 1000).toISOString());
  });

  it('an event’s data changed by UPDATE: refused at that revision and at its leaf', async () => {
    const target = (await rows()).find((r) => r.type === 'EmployeeNotified.v1') as Row;
    await t.db.query(`UPDATE event_store.events SET data = jsonb_set(data, '{message}', '"pesan lain"') WHERE event_id = $1`, [target.event_id]);
    const { browser } = await both();
    expect(browser.ok).toBe(false);
    expect(browser.failures.map((f) => f.place)).toEqual([`${streamId()} revisi ${target.revision}`, expect.stringMatching(new RegExp(`^${streamId()} revisi ${target.revision} \\(daun \\d+\\)$`))]);
    expect(browser.failures[0]).toMatchObject({ eventId: target.event_id, reason: expect.stringMatching(/^isi peristiwa telah diubah/) });
  });

  it('a middle event deleted: refused at the gap', async () => {
    const target = (await rows())[4] as Row;
    await t.db.query('DELETE FROM event_store.events WHERE event_id = $1', [target.event_id]);
    const { browser } = await both();
    expect(browser.failures[0]).toMatchObject({ place: `${streamId()} revisi 5`, reason: 'revisi 5 menyusul revisi 3, seharusnya 4: ada peristiwa yang hilang atau disisipkan' });
  });

  it('a decision rewritten and its stream re-chained by someone who controls the database: the signed tree still tells', async () => {
    let prevHash = GENESIS_HASH;
    for (const row of await rows()) {
      const data = row.type === 'ApprovalStepGranted.v1' ? { ...row.data, notes: 'ditulis ulang' } : row.data;
      const { hash: _old, ...rest } = row.metadata;
      const metadata = { ...rest, prevHash };
      const hash = computeEventHash({ streamId: row.stream_id, revision: row.revision, eventId: row.event_id, type: row.type, data, metadata });
      await t.db.query('UPDATE event_store.events SET data = $2, metadata = $3 WHERE event_id = $1', [row.event_id, data, { ...metadata, hash }]);
      prevHash = hash;
    }
    const { browser } = await both();
    expect(browser.ok).toBe(false);
    expect(browser.failures.length).toBeGreaterThan(0);
    expect(browser.failures.every((f) => /\(daun \d+\)$/.test(f.place) && /tidak termuat dalam pohon bertanda tangan/.test(f.reason))).toBe(true);
  });

  it('a pinned key that is not the operator’s is refused though the bundle carries the operator’s own', async () => {
    const { browser } = await both(verifierKeyFromSignerKey(generateSignerKey(verifierKey.split('+')[0] as string)));
    expect(browser.failures.map((f) => f.place)).toEqual(['kunci verifikator', 'checkpoint']);
  });
});
