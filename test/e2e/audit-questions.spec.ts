import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditWorkers } from '@mutasi/audit';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { fromBase64, verifyBundleText, verifyCheckpoint, verifyInclusion } from '@mutasi/integrity';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/** A full case's audit trail answers each question of docs/domain.md §7. */
describe('what inspectors must be able to answer (docs/domain.md §7)', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let frozenCase: CaseDriver;
  let penjabatCase: CaseDriver;
  let full: CaseDriver;
  const inspector = 'inspektur.bkn';
  const get = async (path: string) => http.as(inspector, 'GET', path);

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
    full = new CaseDriver(http, positionId(AGENCY.lembahHijau, 'analis-kebijakan'), SAMPLE_NIP.clean);
    await full.throughApproval({ meritDeviationJustification: 'regional-language skills needed in Lembah Hijau' });
    await full.issueDecree();
    frozenCase = new CaseDriver(http, positionId(AGENCY.tanjungHarapan, 'kasubbag-kepegawaian'), DEMO_NIP.electionFreeze);
    await frozenCase.open();
    await frozenCase.approveNeeds();
    await frozenCase.propose();
    penjabatCase = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'analis-sdm'), SAMPLE_NIP.tenYearLock);
    await penjabatCase.open();
    await penjabatCase.approveNeeds();
    await penjabatCase.propose({ initiative: 'PERMINTAAN_SENDIRI' }, 422);
    await penjabatCase.propose();
    await penjabatCase.notify();
    await penjabatCase.acknowledge();
    await penjabatCase.completeDocuments();
    await penjabatCase.submit();
    await penjabatCase.approveChain();
    await t.app.get(AuditWorkers).catchUp();
  });
  afterAll(() => t.close());

  it('who did what, when, in which role and agency, and why — for any case', async () => {
    const trail = await get(`/api/audit/cases/${full.caseId}/trail`);
    expect(trail.status).toBe(200);
    const events = trail.body.events as {
      type: string;
      time: string;
      actor: { id: string; role: string; agencyId: string };
      what: string;
      justification: string | null;
      ruleOutcomes: { ruleId: string }[];
      hash: string;
    }[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['TransferCaseOpened.v1', 'CandidateProposed.v1', 'ApprovalChainStarted.v1', 'DecreeIssued.v1']));
    const proposal = events.find((e) => e.type === 'CandidateProposed.v1');
    expect(proposal).toMatchObject({ actor: { id: 'pengusul.kab-lembah-hijau', role: 'PENGUSUL', agencyId: AGENCY.lembahHijau } });
    expect(proposal?.justification).toContain('regional-language skills');
    expect(proposal?.ruleOutcomes.map((o) => o.ruleId)).toEqual(expect.arrayContaining(['R-03', 'R-21', 'M-01']));
    // the Mendagri official who coordinated may not also sign; another holder of the office signs the SK.
    expect(events.find((e) => e.type === 'ApprovalStepGranted.v1' && e.actor.role === 'MENDAGRI')).toMatchObject({ actor: { id: 'mendagri.kemendagri' } });
    expect(events.find((e) => e.type === 'DecreeIssued.v1')).toMatchObject({ actor: { id: 'mendagri-2.kemendagri', role: 'MENDAGRI' } });
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash) && e.time)).toBe(true);
  });

  it('all actions of one actor', async () => {
    const page = await get('/api/audit/events?actorId=mendagri.kemendagri');
    const types = page.body.items.map((e: { type: string; caseId: string }) => `${e.caseId === full.caseId ? 'full' : 'other'}:${e.type}`);
    expect(types).toEqual(['full:ApprovalStepGranted.v1', 'other:ApprovalStepGranted.v1']);
    const agency = await get(`/api/audit/events?agencyId=${AGENCY.tanjungHarapan}`);
    expect(agency.body.items.every((e: { caseId: string }) => e.caseId === frozenCase.caseId)).toBe(true);
    expect((await get('/api/audit/events?type=DecreeIssued.v1')).body.items).toHaveLength(1);
  });

  it('all cases touched during a Pilkada or inauguration window', async () => {
    const flags = await get('/api/audit/flags?ruleId=R-40');
    const cases = new Set(flags.body.items.filter((f: { pattern: string }) => f.pattern === 'ACTION_IN_WINDOW').map((f: { caseId: string }) => f.caseId));
    expect([...cases]).toEqual([frozenCase.caseId]);
  });

  it('all overrides and merit deviations, and decisions under a PENJABAT head', async () => {
    const merit = await get('/api/audit/flags?ruleId=M-01');
    expect(merit.body.items[0]).toMatchObject({ pattern: 'MERIT_DEVIATION', caseId: full.caseId, eventIds: [expect.any(String)] });
    expect(merit.body.items[0].reason).toContain('regional-language');
    const penjabat = await get('/api/audit/flags?ruleId=R-45');
    expect(penjabat.body.items.some((f: { pattern: string; caseId: string }) => f.pattern === 'PENJABAT_DECISION' && f.caseId === penjabatCase.caseId)).toBe(true);
    const r21 = await get('/api/audit/flags?ruleId=R-21');
    expect(r21.body.items.map((f: { caseId: string }) => f.caseId)).toContain(penjabatCase.caseId);
  });

  it('all refused attempts (M-04)', async () => {
    const refusals = await get('/api/audit/refusals?actorId=pengusul.kota-bandar-lestari');
    expect(refusals.body.items[0]).toMatchObject({ command: 'ProposeCandidate', caseId: penjabatCase.caseId, status: 422, ruleId: 'R-21', actor: { role: 'PENGUSUL' } });
    expect((await get('/api/audit/flags?ruleId=M-04')).body.items.length).toBeGreaterThan(0);
  });

  it('whether the record is complete and unaltered, provably: verify, inclusion proof, signed tree head, offline bundle', async () => {
    const verify = await http.as(inspector, 'POST', '/api/audit/verify', {});
    expect(verify.body).toMatchObject({ ok: true, failures: [], unledgered: 0 });
    const head = (await get('/api/audit/ledger/tree-head')).body;
    const { verifierKey } = (await get('/api/audit/ledger/public-key')).body;
    expect(verifyCheckpoint(head.checkpoint, verifierKey).ok).toBe(true);
    const decree = (await get(`/api/audit/cases/${full.caseId}/trail`)).body.events.find((e: { type: string }) => e.type === 'DecreeIssued.v1');
    const proof = (await get(`/api/audit/ledger/inclusion-proof?eventId=${decree.eventId}`)).body;
    expect(
      verifyInclusion({
        leafIndex: proof.leafIndex,
        treeSize: proof.treeSize,
        leafHash: fromBase64(proof.leafHash),
        proof: proof.proof.map(fromBase64),
        root: fromBase64(head.rootHash),
      }),
    ).toEqual({ ok: true });
    const bundle = (await get(`/api/audit/export?caseId=${full.caseId}`)).body as string;
    expect(verifyBundleText(bundle, { trustedVerifierKey: verifierKey, heldCheckpoint: head.checkpoint })).toMatchObject({ ok: true, failures: [], missing: [] });
    const dir = mkdtempSync(join(tmpdir(), 'mutasi-bundle-'));
    writeFileSync(join(dir, 'bundle.jsonl'), bundle);
    writeFileSync(join(dir, 'head.txt'), head.checkpoint);
    const { runVerify } = await import('../../apps/cli/src/verify-command');
    const printed: string[] = [];
    const out = { stdout: (text: string) => void printed.push(text), stderr: (text: string) => void printed.push(text) };
    expect(await runVerify([join(dir, 'bundle.jsonl'), '--tree-head', join(dir, 'head.txt'), '--key', verifierKey], out)).toBe(0);
    expect(printed.join('')).toMatch(/^OK: \d+ events in 1 streams verified and complete for case /);
    const lines = bundle
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { event?: { revision: number; data: Record<string, unknown> } });
    (lines.find((l) => l.event?.revision === 2)?.event as { data: Record<string, unknown> }).data['notes'] = 'edited afterwards';
    writeFileSync(join(dir, 'tampered.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    printed.length = 0;
    expect(await runVerify([join(dir, 'tampered.jsonl'), '--key', verifierKey], out)).toBe(1);
    expect(printed.join('')).toMatch(/^FAILED at stream transfer-\S+ revision 2 .*changed/);
  });

  it('is for inspectors and BKN only', async () => {
    expect((await http.as('ppk.kota-bandar-lestari', 'GET', '/api/audit/flags')).status).toBe(403);
    expect((await http.as('kepala-bkn.bkn', 'GET', '/api/audit/flags')).status).toBe(200);
    expect((await get('/api/audit/events?cursor=bad')).status).toBe(400);
  });
});
