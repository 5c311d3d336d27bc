import { AuditWorkers } from '@mutasi/audit';
import { DashboardWorkers } from '@mutasi/dashboard';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { eventually } from '@mutasi/testing';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/**
 * Path 8 (UU 27/2022 PDP): who reads which case, dashboard, audit trail and employee record follows one table
 * (docs/access.md), tested here as a matrix over HTTP.
 */
describe('read scope over HTTP, as a matrix', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let nb: CaseDriver;
  let st: CaseDriver;

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
    nb = new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince);
    await nb.open();
    await nb.approveNeeds();
    await nb.propose({ meritDeviationJustification: 'internal note: the other candidates lack field experience' });
    st = new CaseDriver(http, positionId(AGENCY.tanjungHarapan, 'kasubbag-kepegawaian'), DEMO_NIP.electionFreeze);
    await st.open();
    await st.approveNeeds();
    await st.propose();
    await t.app.get(AuditWorkers).catchUp();
    await t.app.get(DashboardWorkers).runner?.catchUpTo();
    // Who takes part in a case (case_parties) comes from the placements projection, which follows the store in the
    // background: wait until it has both proposals (under a loaded CI it was not there yet).
    for (const c of [nb, st]) {
      await eventually(
        async () => ((await t.db.query('SELECT 1 FROM case_parties WHERE case_id = $1 AND candidate_nip IS NOT NULL', [c.caseId])).rowCount ? true : undefined),
        30_000,
        `the case parties of ${c.caseId}`,
      );
    }
  });
  afterAll(() => t.close());

  // reader → [sees the Nusantara Barat case, sees the Sentosa Timur case]
  const CASES: readonly [string, boolean, boolean][] = [
    ['kepala-bkn.bkn', true, true],
    ['inspektur.bkn', true, true],
    ['inspektur.prov-nb', true, false],
    ['mendagri.kemendagri', true, true],
    ['gubernur.prov-nb', true, false],
    ['gubernur.prov-st', false, true],
    ['kanreg-bkn.kanreg-bkn-nb', true, false],
    ['kanreg-bkn.kanreg-bkn-st', false, true],
    ['pengusul.kota-bandar-lestari', true, false],
    ['ppk.prov-nb', true, false],
    ['verifikator.kab-tanjung-harapan', false, true],
    ['pengusul.kab-lembah-hijau', false, false],
    ['admin.bkn', false, false],
    [`pns.${DEMO_NIP.sameProvince}`, true, false],
    [`pns.${DEMO_NIP.internal}`, false, false],
  ];

  it.each(CASES)('%s reads the NB case: %s, the ST case: %s', async (reader, seesNb, seesSt) => {
    const status = async (d: CaseDriver) => (await http.as(reader, 'GET', `/api/transfers/${d.caseId}`)).status;
    expect([await status(nb), await status(st)]).toEqual([seesNb ? 200 : 403, seesSt ? 200 : 403]);
  });

  it.each(CASES)('%s sees the same cases on the dashboard (employees and administrators have none)', async (reader, seesNb, seesSt) => {
    const list = await http.as(reader, 'GET', '/api/dashboard/cases');
    if (reader.startsWith('admin') || reader.startsWith('pns')) {
      expect(list.status).toBe(403);
      return;
    }
    expect(list.status).toBe(200);
    const ids = (list.body.items as { caseId: string }[]).map((c) => c.caseId);
    expect([ids.includes(nb.caseId), ids.includes(st.caseId)]).toEqual([seesNb, seesSt]);
  });

  it('a provincial inspector’s audit queries stay in its province; the national oversight sees both', async () => {
    expect((await http.as('inspektur.prov-nb', 'GET', `/api/audit/cases/${nb.caseId}/trail`)).status).toBe(200);
    expect((await http.as('inspektur.prov-nb', 'GET', `/api/audit/cases/${st.caseId}/trail`)).body).toMatchObject({ status: 403, code: 'CASE_NOT_VISIBLE' });
    const events = await http.as('inspektur.prov-nb', 'GET', '/api/audit/events');
    expect((events.body.items as { caseId: string | null }[]).some((e) => e.caseId === st.caseId)).toBe(false);
    expect((await http.as('inspektur.prov-nb', 'GET', `/api/audit/events?agencyId=${AGENCY.tanjungHarapan}`)).status).toBe(403);
    expect((await http.as('inspektur.prov-nb', 'GET', `/api/audit/export?caseId=${st.caseId}`)).status).toBe(403);
    expect((await http.as('inspektur.bkn', 'GET', `/api/audit/cases/${st.caseId}/trail`)).status).toBe(200);
  });

  it('employee search is limited to the own agency and the candidates of the cases one takes part in', async () => {
    const pengusul = await http.as('pengusul.kota-bandar-lestari', 'GET', '/api/employees');
    expect((pengusul.body.items as { agencyId: string }[]).every((e) => e.agencyId === AGENCY.bandarLestari)).toBe(true);
    const governor = await http.as('gubernur.prov-nb', 'GET', `/api/employees?q=${DEMO_NIP.sameProvince}`);
    expect(governor.body.items).toHaveLength(1);
    const provincialInspector = await http.as('inspektur.prov-nb', 'GET', `/api/employees?q=${DEMO_NIP.electionFreeze}`);
    expect(provincialInspector.body.items).toHaveLength(0);
    expect((await http.as('pengusul.kota-bandar-lestari', 'GET', `/api/employees/${DEMO_NIP.electionFreeze}`)).body).toMatchObject({ status: 403, code: 'EMPLOYEE_NOT_VISIBLE' });
    expect((await http.as(`pns.${DEMO_NIP.internal}`, 'GET', '/api/employees')).status).toBe(403);
  });

  it('discipline, court and relations only to the roles that decide on them, and to the employee themself', async () => {
    const decider = await http.as('ppk.prov-nb', 'GET', `/api/employees/${DEMO_NIP.sameProvince}`);
    expect(decider.body.discipline).toEqual({ activeSanction: false, courtCase: false });
    const governor = await http.as('gubernur.prov-nb', 'GET', `/api/employees/${DEMO_NIP.sameProvince}`);
    expect(governor.status).toBe(200);
    expect(governor.body.discipline).toBeUndefined();
    expect(governor.body.relations).toBeUndefined();
    expect(governor.body.withheld).toEqual(['discipline', 'relations']);
    const own = await http.as(`pns.${DEMO_NIP.sameProvince}`, 'GET', `/api/employees/${DEMO_NIP.sameProvince}`);
    expect(own.body.discipline).toBeDefined();
  });

  it('the employee sees their own rank and score, never another candidate’s identity, the internal notes or the flags', async () => {
    const own = (await http.as(`pns.${DEMO_NIP.sameProvince}`, 'GET', `/api/transfers/${nb.caseId}`)).body;
    expect(own.candidate.merit).toEqual({ scoreVersion: expect.any(String), candidates: expect.any(Number), chosenRank: expect.any(Number), chosenScore: expect.any(Number) });
    expect(JSON.stringify(own)).not.toContain('internal note');
    expect(own.flags).toEqual([]);
    expect(own.needsApproval.notes).toBeUndefined();
    const official = (await http.as('ppk.prov-nb', 'GET', `/api/transfers/${nb.caseId}`)).body;
    expect(official.candidate.merit.top.length).toBeGreaterThan(0);
    expect(official.candidate.meritDeviationJustification).toContain('internal note');
  });
});
