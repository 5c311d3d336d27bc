import { DashboardWorkers } from '@mutasi/dashboard';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, planIdFor, positionId, runWorkloadStory, WorkloadStory } from '@mutasi/demo-data';
import { toDate } from '@mutasi/domain';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/**
 * Issue 10 over HTTP at the real clock (policy 2026.12): the workload balance from the ABK with suggested moves, the
 * mutation plan by id, the merit criteria every ASN can read, the full candidate pool, and the story from a suggested
 * surplus → deficit move through its pre-TMT training to an evaluation that shows the gap closed.
 */
describe('workload, merit and training over HTTP', () => {
  let t: TestApp;
  let http: MutasiHttp;
  const KEPALA_PROV = 'pengusul-3.prov-nb';
  const TARGET = positionId(AGENCY.provNb, 'analis-keuangan');

  beforeAll(async () => {
    t = await startTestApp({ now: new Date().toISOString() });
    http = new MutasiHttp(t.url);
  });
  afterAll(() => t.close());

  describe('the workload balance (ABK)', () => {
    it('shows every position with kebutuhan, bezetting, cases under way and the gap, surplus as well as deficit, and suggested moves with what opening them takes', async () => {
      const balance = await http.as(KEPALA_PROV, 'GET', `/api/workload/balance?agencyId=${AGENCY.provNb}`);
      expect(balance.status).toBe(200);
      const positions = (balance.body.units as { positions: { positionId: string; status: string; gap: number; abk: unknown }[] }[]).flatMap((u) => u.positions);
      expect(positions.find((p) => p.positionId === positionId(AGENCY.provNb, 'pengadministrasi'))).toMatchObject({ status: 'SURPLUS' });
      expect(positions.find((p) => p.positionId === TARGET)).toMatchObject({ status: 'DEFICIT', gap: 2, abk: { workloadHours: 5000, exactNeed: 4 } });
      const suggestion = (
        balance.body.suggestions as {
          target: { positionId: string };
          from: { surplus: number; agencyId: string };
          employee: { nip: string };
          opensWith: { path: string; body: { needsAnalysis: { planReference: string } } };
          proposeWith: { path: string };
        }[]
      ).find((s) => s.target.positionId === TARGET);
      expect(suggestion?.from.surplus).toBeGreaterThan(0);
      expect(suggestion?.employee.nip).toBe(DEMO_NIP.surplusFinance);
      expect(suggestion?.opensWith).toMatchObject({
        path: '/api/transfers',
        body: { needsAnalysis: { planReference: planIdFor(AGENCY.provNb, Number(toDate(new Date().toISOString()).slice(0, 4))) } },
      });
      expect(suggestion?.proposeWith.path).toBe('/api/transfers/{caseId}/propose-candidate');
    });

    it('is read within the reader’s scope: a province for its governor, not another agency for a regency official, nothing for an employee, and asks for a filter', async () => {
      const province = await http.as('gubernur.prov-nb', 'GET', '/api/workload/balance?provinceCode=NB');
      expect(province.status).toBe(200);
      expect(province.body.agencyIds).toEqual(expect.arrayContaining([AGENCY.provNb, AGENCY.sukamaju, AGENCY.bandarLestari]));
      expect((await http.as('pengusul.kab-sukamaju', 'GET', `/api/workload/balance?agencyId=${AGENCY.provNb}`)).body).toMatchObject({ status: 403, code: 'AGENCY_NOT_ALLOWED' });
      expect((await http.as(`pns.${DEMO_NIP.internal}`, 'GET', `/api/workload/balance?agencyId=${AGENCY.bandarLestari}`)).body).toMatchObject({ status: 403 });
      expect((await http.as(KEPALA_PROV, 'GET', '/api/workload/balance')).body).toMatchObject({ status: 400, code: 'FILTER_REQUIRED' });
    });

    it('computes kebutuhan from an imported ABK and refuses an import whose stated kebutuhan differs, showing both', async () => {
      const positions = await http.as('admin.bkn', 'GET', `/api/agencies/${AGENCY.provNb}/positions`);
      const current = (positions.body as unknown as Record<string, unknown>[]).find((p) => p.id === TARGET) as Record<string, unknown>;
      const { abkTasks, ...rest } = current;
      const refused = await http.as('admin.bkn', 'POST', '/api/admin/import', { positions: [{ ...rest, kebutuhan: 6, abkTasks }] });
      expect(refused.body).toMatchObject({ status: 400 });
      expect(JSON.stringify(refused.body)).toMatch(/positions\[0\]\.kebutuhan.*kebutuhan 6 berbeda dengan ABK: 5000 jam ÷ 1250 jam kerja efektif = 4 → 4/);
      const more = [
        ...(abkTasks as { task: string; volumePerYear: number; minutesPerUnit: number }[]),
        { task: 'Menyusun laporan keuangan konsolidasi', volumePerYear: 12, minutesPerUnit: 6250 },
      ];
      const { kebutuhan: _k, ...withoutKebutuhan } = rest;
      expect((await http.as('admin.bkn', 'POST', '/api/admin/import', { positions: [{ ...withoutKebutuhan, abkTasks: more }] })).status).toBe(200);
      const after = await http.as('admin.bkn', 'GET', `/api/agencies/${AGENCY.provNb}/positions`);
      expect((after.body as unknown as { id: string; kebutuhan: number }[]).find((p) => p.id === TARGET)?.kebutuhan).toBe(5);
      expect((await http.as('admin.bkn', 'POST', '/api/admin/import', { positions: [{ ...rest, abkTasks }] })).status).toBe(200);
    });
  });

  describe('the mutation plan on record (R-01)', () => {
    it('R-01 refuses a free-text plan reference under 2026.12 and passes the plan on record', async () => {
      const plans = await http.as(KEPALA_PROV, 'GET', `/api/workload/plans?agencyId=${AGENCY.provNb}`);
      const plan = (plans.body as unknown as { id: string; moves: { targetPositionId: string }[] }[])[0];
      expect(plan?.moves.map((m) => m.targetPositionId)).toContain(TARGET);
      const body = (planReference: string) => ({
        targetAgencyId: AGENCY.provNb,
        targetPositionId: TARGET,
        needsAnalysis: { kebutuhan: 4, bezetting: 2, planReference, justification: 'ABK' },
      });
      const refused = await http.as('pengusul.prov-nb', 'POST', '/api/transfers', body('RENCANA-MUTASI-2026'));
      expect(refused.body).toMatchObject({ status: 422, ruleId: 'R-01', code: 'RULE_R01_PLAN_NOT_ON_RECORD' });
      const opened = await http.as('pengusul.prov-nb', 'POST', '/api/transfers', body(plan?.id as string));
      expect(opened.status).toBe(201);
      expect((opened.body.ruleOutcomes as { ruleId: string; outcome: string }[]).find((o) => o.ruleId === 'R-01')?.outcome).toBe('PASS');
      expect((await http.as('pengusul.prov-nb', 'POST', `/api/transfers/${String(opened.body.caseId)}/withdraw`, { reason: 'test over' })).status).toBe(200);
    });
  });

  describe('merit criteria and the candidate pool', () => {
    it('every signed-in user, employees included, reads the criteria, weights and thresholds in force, in Bahasa Indonesia', async () => {
      const merit = await http.as(`pns.${DEMO_NIP.internal}`, 'GET', '/api/policies/current/merit');
      expect(merit.status).toBe(200);
      expect(merit.body).toMatchObject({ policyVersion: 'mutasi-policy/2026.12', inForceSince: '2026-12-01', scoreVersion: 'merit-score/v2' });
      const weights = (merit.body.criteria as { weight: number }[]).reduce((a, c) => a + c.weight, 0);
      expect(weights).toBeCloseTo(1, 9);
      expect(String(merit.body.summary)).toContain('Hasil uji kompetensi');
      expect((merit.body.exceptionGrounds as { code: string }[]).map((g) => g.code)).toContain('R03_PENATAAN_ORGANISASI');
    });

    it('the pool is for the case’s officials and inspectors, not the employee; outsiders get 403', async () => {
      const d = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'analis-sdm'), DEMO_NIP.sameProvince);
      await d.open();
      await d.approveNeeds();
      const pool = await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}/candidates`);
      expect(pool.status).toBe(200);
      expect(pool.body.size).toBeGreaterThan(0);
      for (const c of pool.body.candidates as { outcomes: { ruleId: string }[]; parts: Record<string, number> }[]) {
        expect(c.outcomes.map((o) => o.ruleId)).toEqual(expect.arrayContaining(['R-04', 'R-08', 'R-22', 'R-24', 'M-09']));
        expect(Object.keys(c.parts).sort()).toEqual(['assessment', 'competency', 'education', 'skp', 'timeInPost']);
      }
      expect((await http.as('pengusul.kab-lembah-hijau', 'GET', `/api/transfers/${d.caseId}/candidates`)).body).toMatchObject({ status: 403 });
      await d.end();
    });
  });

  describe('the story: a suggested surplus → deficit move, the top-ranked candidate, pre-TMT training, the gap closed', () => {
    let story: WorkloadStory;

    it('opens from the suggestion, ranks the suggested officer first, derives the training, and holds the decree until it is done (R-09)', async () => {
      story = await runWorkloadStory(http, () => undefined);
      expect(story.suggestion.from).toMatchObject({ agencyId: AGENCY.sukamaju });
      expect(story.pool.ranking.entries[0]?.nip).toBe(DEMO_NIP.surplusFinance);
      expect(story.training).toEqual([expect.objectContaining({ competency: 'PERENCANAAN_ANGGARAN', due: 'BEFORE_TMT', mandatory: true, hours: 20 })]);
      expect(story.refusedBeforeTraining).toEqual({ status: 422, ruleId: 'R-09' });
      expect(story.driver.view.status).toBe('APPOINTED');
      expect((story.driver.view.ruleOutcomes as { ruleId: string; outcome: string }[]).find((o) => o.ruleId === 'M-01')?.outcome).toBe('PASS');
    });

    it('ends in an evaluation showing the gap closed, and the dashboard shows the training completed for the agency', async () => {
      const due = story.driver.evaluationsDue()[0] as { periodMonths: number; dueOn: string };
      t.clock.set(new Date(`${due.dueOn}T03:00:00Z`));
      await story.driver.evaluate(due.periodMonths);
      const evaluation = (story.driver.view.evaluations as { result: { training?: unknown } | null }[])[0];
      expect(evaluation?.result?.training).toEqual([expect.objectContaining({ competency: 'PERENCANAAN_ANGGARAN', status: 'CLOSED', itemIds: ['T1'], hours: 24 })]);
      await t.app.get(DashboardWorkers).runner?.catchUpTo();
      const dashboard = await http.as('inspektur.bkn', 'GET', `/api/dashboard/training?agencyId=${AGENCY.provNb}`);
      expect(dashboard.body).toEqual([expect.objectContaining({ agencyId: AGENCY.provNb, items: 1, completed: 1, openBeforeTmt: 0, completionRate: 1 })]);
    });
  });
});
