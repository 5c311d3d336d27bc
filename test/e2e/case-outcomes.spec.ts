import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { endCasesAfterEach, startTestApp, TestApp } from '@mutasi/testing/app';

const AUDITOR = positionId(AGENCY.bandarLestari, 'auditor');
const PROV_SDM = positionId(AGENCY.provNb, 'analis-sdm');

/** Objections, rejection, return for revision, refused decrees, concurrency and idempotency over HTTP. */
describe('case outcomes over HTTP', () => {
  let t: TestApp;
  let http: MutasiHttp;
  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
  });
  afterAll(async () => {
    await t.close();
  });
  const track = endCasesAfterEach();

  const refusals = async (code: string): Promise<{ data: Record<string, unknown>; metadata: Record<string, unknown> }[]> =>
    (await t.db.query(`SELECT data, metadata FROM event_store.events WHERE type = 'CommandRefused.v1' AND data->>'code' = $1`, [code])).rows;
  const eventCount = async (caseId: string): Promise<number> =>
    Number((await t.db.query('SELECT count(*) FROM event_store.events WHERE stream_id = $1', [`transfer-${caseId}`])).rows[0].count);

  it('an objection upheld sends the proposal back for revision; the revised proposal is socialised again', async () => {
    const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
    await d.open();
    await d.approveNeeds();
    await d.propose();
    await d.notify();
    await d.command(`pns.${DEMO_NIP.internal}`, 'raise-objection', { reason: 'merawat orang tua' });
    expect(d.view.status).toBe('OBJECTION_RAISED');
    await d.command('ppk.kota-bandar-lestari', 'resolve-objection', { outcome: 'UPHELD', reasoning: 'alasan keluarga dapat diterima' });
    expect(d.view).toMatchObject({ status: 'RETURNED_FOR_REVISION', stage: 'USULAN' });
    await d.propose({ justification: 'revised after the objection' }, 200, 'revise-proposal');
    expect(d.view).toMatchObject({ status: 'PROPOSED', candidate: { proposalVersion: 2 } });
  });

  it('an objection dismissed lets the case continue to approval', async () => {
    const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
    await d.open();
    await d.approveNeeds();
    await d.propose();
    await d.notify();
    await d.command(`pns.${DEMO_NIP.internal}`, 'raise-objection', { reason: 'ingin tetap' });
    await d.command('ppk.kota-bandar-lestari', 'resolve-objection', { outcome: 'DISMISSED', reasoning: 'kebutuhan organisasi' });
    expect(d.view).toMatchObject({ status: 'SOCIALISED', socialisation: { outcome: 'OBJECTION_DISMISSED' } });
    await d.submit();
    expect(d.view.stage).toBe('PERSETUJUAN');
  });

  it('a rejection ends the case; a return for revision reopens the proposal with the chain kept in history', async () => {
    const rejected = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
    await rejected.open();
    await rejected.approveNeeds();
    await rejected.propose();
    await rejected.notify();
    await rejected.acknowledge();
    await rejected.submit();
    await rejected.command('verifikator.kota-bandar-lestari', 'reject-step', { stepId: '1-verification', reason: 'berkas tidak sah' });
    expect(rejected.view).toMatchObject({ status: 'REJECTED', ended: { outcome: 'REJECTED', reason: 'berkas tidak sah' } });
    await rejected.command('pengusul.kota-bandar-lestari', 'notify-employee', { message: 'x' }, 409);

    const fresh = track(new CaseDriver(http, PROV_SDM, DEMO_NIP.sameProvince));
    await fresh.open();
    await fresh.approveNeeds();
    await fresh.propose();
    await fresh.notify();
    await fresh.acknowledge();
    await fresh.completeDocuments();
    await fresh.submit();
    await fresh.command('ppk.prov-nb', 'return-for-revision', { stepId: '1-proposal', reason: 'lengkapi justifikasi' });
    expect(fresh.view).toMatchObject({ status: 'RETURNED_FOR_REVISION', approvalChain: [] });
    expect((fresh.view.pastChains as unknown[]).length).toBe(1);
  });

  it('M-02: a decree that differs from the approved proposal is refused (422) and recorded; the right one passes', async () => {
    const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
    await d.throughApproval();
    const before = await eventCount(d.caseId);
    const refused = await d.issueDecree({ employeeNip: SAMPLE_NIP.clean }, 422);
    expect(refused.body).toMatchObject({ status: 422, ruleId: 'M-02', code: 'RULE_M02_DECREE_MISMATCH' });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await eventCount(d.caseId)).toBe(before);
    const recorded = await refusals('RULE_M02_DECREE_MISMATCH');
    expect(recorded.at(-1)).toMatchObject({
      data: { command: 'IssueDecree', caseId: d.caseId, ruleId: 'M-02', status: 422 },
      metadata: { actor: { userId: 'ppk.kota-bandar-lestari' } },
    });
    await d.issueDecree();
    expect(d.view.status).toBe('DECREED');
  });

  it('R-21: a self-requested move to another agency within ten years is refused and recorded (M-04)', async () => {
    const d = track(new CaseDriver(http, positionId(AGENCY.bandarLestari, 'analis-sdm'), SAMPLE_NIP.tenYearLock));
    await d.open();
    await d.approveNeeds();
    const refused = await d.propose({ initiative: 'PERMINTAAN_SENDIRI' }, 422);
    expect(refused.body).toMatchObject({ ruleId: 'R-21', legalBasis: 'PermenPAN-RB 6/2024 Pasal 59' });
    expect((await refusals('RULE_R21_TEN_YEAR_LOCK')).some((r) => r.data.caseId === d.caseId)).toBe(true);
  });

  it('a stale If-Match is a conflict (409) and appends nothing; the current ETag works', async () => {
    const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
    await d.open();
    await d.command('ppk.kota-bandar-lestari', 'approve-needs-analysis', { notes: 'x' }, 409, { 'If-Match': '"7"' });
    expect(await eventCount(d.caseId)).toBe(1);
    await d.command('ppk.kota-bandar-lestari', 'approve-needs-analysis', { notes: 'x' }, 400, { 'If-Match': 'banana' });
    await d.command('ppk.kota-bandar-lestari', 'approve-needs-analysis', { notes: 'x' }, 200, { 'If-Match': '"0"' });
    expect(d.view.revision).toBe(1);
  });

  it('an Idempotency-Key retry returns the original result and appends nothing; reusing it for another request is a 409', async () => {
    const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
    await d.open();
    const key = { 'Idempotency-Key': `approve-${d.caseId}` };
    const first = await d.command('ppk.kota-bandar-lestari', 'approve-needs-analysis', { notes: 'once' }, 200, key);
    const again = await d.command('ppk.kota-bandar-lestari', 'approve-needs-analysis', { notes: 'once' }, 200, key);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await eventCount(d.caseId)).toBe(2);
    await d.command('ppk.kota-bandar-lestari', 'approve-needs-analysis', { notes: 'other' }, 409, key);
  });

  it('20 concurrent approve-step calls on one step: exactly one succeeds, the rest get 409, one event is appended', async () => {
    const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
    await d.open();
    await d.approveNeeds();
    await d.propose();
    await d.notify();
    await d.acknowledge();
    await d.submit();
    const before = await eventCount(d.caseId);
    const token = await http.token('verifikator.kota-bandar-lestari');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        http.raw('POST', `/api/transfers/${d.caseId}/approve-step`, { stepId: '1-verification', notes: 'race' }, { authorization: `Bearer ${token}` }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect(await eventCount(d.caseId)).toBe(before + 1);
  });
});
