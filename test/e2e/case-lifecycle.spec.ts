import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { TEST_NOW } from '@mutasi/testing';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/** One complete case per route family, through all six stages, over HTTP on a real PostgreSQL. */
describe('a complete transfer case per route family', () => {
  let t: TestApp;
  let http: MutasiHttp;
  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
  });
  afterAll(() => t.close());

  it.each([
    ['internal', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal, 'INTERNAL', ['VERIFICATION', 'CONSIDERATION', 'DECREE']],
    ['same province', positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince, 'KABKOTA_TO_PROVINSI', ['PROPOSAL', 'CONSENT', 'FORWARDING', 'PERTEK', 'DECREE']],
    ['inter-province', positionId(AGENCY.lembahHijau, 'analis-kebijakan'), DEMO_NIP.interProvince, 'INTER_PROVINCE', ['PROPOSAL', 'CONSENT', 'COORDINATION', 'PERTEK', 'DECREE']],
    ['central → regional', positionId(AGENCY.bandarLestari, 'pranata-komputer'), DEMO_NIP.centralToRegional, 'PUSAT_TO_DAERAH', ['PROPOSAL', 'CONSENT', 'PERTEK', 'DECREE']],
  ])('%s: needs analysis, proposal, socialisation, approval, decree, evaluation, closed', async (_label, target, nip, route, chain) => {
    t.clock.set(new Date(TEST_NOW));
    const d = new CaseDriver(http, target, nip);
    await d.open();
    expect(d.view).toMatchObject({ stage: 'ANALISIS_KEBUTUHAN', status: 'NEEDS_ANALYSIS_SUBMITTED', revision: 0 });
    await d.approveNeeds();
    await d.propose();
    expect(d.view).toMatchObject({ stage: 'USULAN', route });
    await d.notify();
    await d.acknowledge();
    expect(d.view.stage).toBe('SOSIALISASI');
    await d.completeDocuments();
    await d.submit();
    expect(d.view.stage).toBe('PERSETUJUAN');
    expect((d.view.approvalChain as { kind: string }[]).map((s) => s.kind)).toEqual(chain);
    await d.approveChain();
    expect(d.view.stage).toBe('SK');
    await d.issueDecree();
    expect(d.view).toMatchObject({ stage: 'SK', status: 'DECREED' });
    await d.appoint();
    expect(d.view.stage).toBe('EVALUASI');
    for (const due of d.evaluationsDue()) {
      t.clock.set(new Date(`${due.dueOn}T03:00:00Z`));
      await d.evaluate(due.periodMonths);
    }
    await d.close();
    expect(d.view.status).toBe('COMPLETED');
    const read = await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(`"${String(read.body.revision)}"`);
    expect(read.body.evaluations.every((e: { result: unknown }) => e.result !== null)).toBe(true);
  });
});
