import { DashboardWorkers } from '@mutasi/dashboard';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { TEST_NOW } from '@mutasi/testing';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/** Standalone: the dashboard read models fed in process from the event store, through integration events. */
describe('dashboard (standalone, in-process feed)', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let done: CaseDriver;
  let waiting: CaseDriver;
  const feed = () => t.app.get(DashboardWorkers).runner?.catchUpTo() as Promise<void>;

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
    done = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await done.throughApproval();
    await done.issueDecree();
    await done.appoint();
    for (const due of done.evaluationsDue()) {
      t.clock.set(new Date(`${due.dueOn}T03:00:00Z`));
      await done.evaluate(due.periodMonths);
    }
    await done.close();
    t.clock.set(new Date(TEST_NOW));
    waiting = new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince);
    await waiting.open();
    await waiting.approveNeeds();
    await waiting.propose();
    await waiting.notify();
    await waiting.acknowledge();
    await waiting.completeDocuments();
    await waiting.submit();
    await feed();
  });
  afterAll(() => t.close());

  const get = async (user: string, path: string) => (await http.as(user, 'GET', path)).body;

  it('pipeline: open cases per stage and route', async () => {
    const all = await get('inspektur.bkn', '/api/dashboard/pipeline');
    expect(all.stages.find((s: { stage: string }) => s.stage === 'PERSETUJUAN')).toEqual({ stage: 'PERSETUJUAN', total: 1, byRoute: [{ route: 'KABKOTA_TO_PROVINSI', cases: 1 }] });
    expect(all.stages.reduce((n: number, s: { total: number }) => n + s.total, 0)).toBe(1);
    const own = await get('pengusul.kab-lembah-hijau', '/api/dashboard/pipeline');
    expect(own.stages.every((s: { total: number }) => s.total === 0)).toBe(true);
    expect((await http.as('pengusul.kab-lembah-hijau', 'GET', `/api/dashboard/pipeline?agencyId=${AGENCY.provNb}`)).status).toBe(403);
  });

  it('inbox: the caller’s pending step with its deadline', async () => {
    const inbox = await get('ppk.prov-nb', '/api/dashboard/inbox');
    expect(inbox).toEqual([expect.objectContaining({ caseId: waiting.caseId, stepId: '1-proposal', role: 'PPK', deadline: '2026-06-15', overdue: false })]);
    expect(await get('ppk.kota-bandar-lestari', '/api/dashboard/inbox')).toEqual([]);
  });

  it('lead times per stage, workload balance and evaluation outcomes', async () => {
    const lead = await get('inspektur.bkn', '/api/dashboard/lead-times');
    expect(lead.find((r: { stage: string }) => r.stage === 'EVALUASI')).toMatchObject({ completed: 1, medianDays: expect.any(Number) });
    const workload = await get('inspektur.bkn', `/api/dashboard/workload-balance?agencyId=${AGENCY.provNb}`);
    expect(workload).toEqual([expect.objectContaining({ positionId: positionId(AGENCY.provNb, 'analis-sdm'), gap: 1, casesUnderWay: 1 })]);
    const evaluations = await get('inspektur.bkn', '/api/dashboard/evaluations');
    expect(evaluations.summary).toMatchObject({ evaluations: 2, vacancyClosedShare: 1 });
    const cases = await get('inspektur.bkn', '/api/dashboard/cases?stage=PERSETUJUAN');
    expect(cases.items.map((c: { caseId: string }) => c.caseId)).toEqual([waiting.caseId]);
  });

  it('applies each integration event once, even when fed twice (rebuild from zero gives the same)', async () => {
    const before = JSON.stringify(await get('inspektur.bkn', '/api/dashboard/cases'));
    const runner = t.app.get(DashboardWorkers).runner;
    await runner?.reset();
    await runner?.catchUpTo();
    expect(JSON.stringify(await get('inspektur.bkn', '/api/dashboard/cases'))).toBe(before);
  });

  it('streams changes as server-sent events; the old page leads to the web app', async () => {
    const token = await http.token('inspektur.bkn');
    const controller = new AbortController();
    const response = await fetch(`${t.url}/api/dashboard/stream?access_token=${token}`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await waiting.approveChain(1);
    await feed();
    let text = '';
    while (!text.includes('ApprovalStepGranted')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`"caseId":"${waiting.caseId}"`);
    controller.abort();
    const page = await fetch(`${t.url}/dashboard`, { redirect: 'manual' });
    expect(page.status).toBe(301);
    expect(page.headers.get('location')).toBe('/app/dasbor');
  });
});
