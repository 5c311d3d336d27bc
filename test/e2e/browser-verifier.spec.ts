import { AuditWorkers } from '@mutasi/audit';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import {
  computeEventHash,
  cosignatureLine,
  cosignerVerifierKey,
  generateCosignerKey,
  generateSignerKey,
  GENESIS_HASH,
  verifierKeyFromSignerKey,
  verifyBundleText,
  type BundleVerification as ServerVerification,
} from '@mutasi/integrity';
import { startTestApp, TestApp } from '@mutasi/testing/app';
// The web app's in-browser verifier, run here on Node's WebCrypto (the same standard API) against real exports.
import { verifyCaseBundle, type BundleVerification, type VerifyOptions } from '../../apps/web/src/verify/verify-case';

type Row = { event_id: string; stream_id: string; revision: number; type: string; data: Record<string, unknown>; metadata: Record<string, unknown> };

/** The server verifier's `position` in the words the web verifier uses for the same place. */
function place(position: string): string {
  const fixed: Record<string, string> = {
    bundle: 'bundel',
    'verifier key': 'kunci verifikator',
    'tree head': 'kepala pohon',
    'witness policy': 'kebijakan saksi',
    'held checkpoint': 'checkpoint yang disimpan',
  };
  return (
    fixed[position] ??
    position
      .replace(/^consistency proof from size (\d+)$/, 'bukti konsistensi dari ukuran $1')
      .replace(/^agency (.*)$/, 'instansi $1')
      .replace(/^stream (.*) revision (\d+)$/, 'aliran $1 revisi $2')
      .replace(/^stream (.*)$/, 'aliran $1')
      .replace(/^leaf (\d+)$/, 'daun $1')
  );
}

const verdict = (r: BundleVerification | ServerVerification) => ({
  ok: r.ok,
  unusable: r.unusable !== null,
  missing: r.missing,
  checkedEvents: r.checkedEvents,
  treeSize: r.treeSize,
  cosignedBy: r.cosignedBy.map((c) => c.name),
  places: 'outcome' in r ? r.failures.map((f) => f.place) : r.failures.map((f) => place(f.position)),
});

/**
 * The web app's verifier on bundles the server really exports (GET /api/audit/export?caseId=, mutasi-audit-bundle/v2
 * as JSON lines), before and after the stored record is altered in PostgreSQL, always agreeing with the server's own
 * verifier (verifyBundleText with the trusted key) on the verdict, the missing revisions and every failing place.
 * The verifier key reaches the inspector out of band (GET /api/ledger/public-key), never from the bundle.
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
    verifierKey = ((await http.raw('GET', '/api/ledger/public-key')).body as { verifierKey: string }).verifierKey;
  });
  afterEach(async () => {
    await t.close();
  });

  const streamId = (): string => `transfer-${internal.caseId}`;
  /** The case's export as the browser reads it: the body as text, one JSON value per line. */
  const exported = async (): Promise<string> => {
    const res = await fetch(`${t.url}/api/audit/export?caseId=${internal.caseId}`, { headers: { authorization: `Bearer ${await http.token('inspektur.bkn')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    return res.text();
  };
  const rows = async (): Promise<Row[]> =>
    (await t.db.query('SELECT event_id::text, stream_id, revision::int, type, data, metadata FROM event_store.events WHERE stream_id = $1 ORDER BY revision', [streamId()])).rows;
  /** Both verifiers on a text (the case's current export by default): they must agree. */
  const both = async (options: { key?: string; text?: string; witnessPolicy?: VerifyOptions['witnessPolicy'] } = {}) => {
    const text = options.text ?? (await exported());
    const key = options.key ?? verifierKey;
    const browser = await verifyCaseBundle(text, key, { caseId: internal.caseId, ...(options.witnessPolicy ? { witnessPolicy: options.witnessPolicy } : {}) });
    const server = verifyBundleText(text, {
      trustedVerifierKey: key,
      ...(options.witnessPolicy ? { witnessPolicy: { threshold: options.witnessPolicy.threshold, witnesses: [...options.witnessPolicy.witnesses] } } : {}),
    });
    expect(verdict(browser)).toEqual(verdict(server));
    return browser;
  };

  it('verifies the export of a decreed case: every event of its stream, complete, under the signed tree head', async () => {
    const browser = await both();
    const events = await rows();
    expect(browser).toMatchObject({
      ok: true,
      outcome: 'VERIFIED',
      failures: [],
      missing: [],
      checkedEvents: events.length,
      checkedStreams: 1,
      keyName: verifierKey.split('+')[0],
      scope: { kind: 'case', caseId: internal.caseId, streamId: streamId() },
    });
    const head = (await http.as('inspektur.bkn', 'GET', '/api/audit/ledger/tree-head')).body as { treeSize: number; timestamp: string };
    expect(browser.treeSize).toBe(head.treeSize);
    expect(browser.signedAt).toBe(new Date(Math.floor(Date.parse(head.timestamp) / 1000) * 1000).toISOString());
  });

  it('an event’s data changed by UPDATE: refused at that revision and at its leaf', async () => {
    const target = (await rows()).find((r) => r.type === 'EmployeeNotified.v1') as Row;
    await t.db.query(`UPDATE event_store.events SET data = jsonb_set(data, '{message}', '"pesan lain"') WHERE event_id = $1`, [target.event_id]);
    const browser = await both();
    expect(browser.outcome).toBe('FAILED');
    expect(browser.failures.map((f) => [f.place, f.code])).toEqual([
      [`aliran ${streamId()} revisi ${target.revision}`, 'HASH_MISMATCH'],
      [expect.stringMatching(/^daun \d+$/), 'NOT_IN_TREE'],
    ]);
    expect(browser.failures[0]).toMatchObject({ eventId: target.event_id, reason: expect.stringMatching(/^isi peristiwa telah diubah/) });
  });

  it('a middle event deleted: refused at the gap', async () => {
    const target = (await rows())[4] as Row;
    await t.db.query('DELETE FROM event_store.events WHERE event_id = $1', [target.event_id]);
    const browser = await both();
    expect(browser.failures[0]).toMatchObject({
      place: `aliran ${streamId()} revisi 5`,
      code: 'REVISION_GAP',
      reason: 'revisi 5 menyusul revisi 3, seharusnya 4: ada peristiwa yang hilang atau disisipkan',
    });
  });

  it('the last two events deleted: Tidak lengkap, naming the revisions the signed stream-heads map still proves', async () => {
    const all = await rows();
    const last = all.length - 1;
    await t.db.query('DELETE FROM event_store.events WHERE event_id = ANY($1::uuid[])', [all.slice(-2).map((r) => r.event_id)]);
    const browser = await both();
    expect(browser).toMatchObject({ ok: false, outcome: 'INCOMPLETE', checkedEvents: all.length - 2, missing: [{ streamId: streamId(), from: last - 1, to: last }] });
    expect(browser.failures).toEqual([
      {
        place: `aliran ${streamId()}`,
        code: 'REVISIONS_MISSING',
        eventId: null,
        reason: expect.stringMatching(new RegExp(`^revisi ${last - 1}–${last} hilang: checkpoint berukuran \\d+ menetapkan revisi ${last}`)),
      },
    ]);
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
    const browser = await both();
    expect(browser.ok).toBe(false);
    expect(browser.failures.length).toBeGreaterThan(0);
    expect(new Set(browser.failures.map((f) => f.code))).toEqual(new Set(['NOT_IN_TREE', 'HEAD_MISMATCH']));
  });

  it('a pinned key that is not the operator’s is refused though the bundle carries the operator’s own', async () => {
    const browser = await both({ key: verifierKeyFromSignerKey(generateSignerKey(verifierKey.split('+')[0] as string)) });
    expect(browser.failures.map((f) => f.place)).toEqual(['kunci verifikator', 'kepala pohon']);
  });

  it('a real export cosigned by two witnesses meets a 2-of-2 policy, and misses it with one cosignature', async () => {
    const [a, b] = [generateCosignerKey('saksi.inspektorat.example'), generateCosignerKey('saksi.ombudsman.example')];
    const witnessPolicy = { threshold: 2, witnesses: [cosignerVerifierKey(a), cosignerVerifierKey(b)] };
    const text = await exported();
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as { treeHead: { checkpoint: string } };
    const cosign = (...keys: string[]): string => {
      const note = header.treeHead.checkpoint;
      const body = note.slice(0, note.indexOf('\n\n') + 1);
      const signed = { ...header, treeHead: { ...header.treeHead, checkpoint: note + keys.map((k) => cosignatureLine(k, body, new Date())).join('') } };
      return `${JSON.stringify(signed)}${text.slice(text.indexOf('\n'))}`;
    };
    expect(await both({ text: cosign(a, b), witnessPolicy })).toMatchObject({
      ok: true,
      outcome: 'VERIFIED',
      cosignedBy: [{ name: 'saksi.inspektorat.example' }, { name: 'saksi.ombudsman.example' }],
    });
    const one = await both({ text: cosign(a), witnessPolicy });
    expect(one.failures.map((f) => [f.place, f.code])).toEqual([['kebijakan saksi', 'WITNESS_POLICY']]);
    expect(one.failures[0]?.reason).toMatch(/saksi\.ombudsman\.example/);
  });
});
