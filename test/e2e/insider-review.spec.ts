import { AGENCY, CaseDriver, DEMO_NIP, HttpResult, MutasiHttp, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { EventStore } from '@mutasi/event-store';
import { Clock, RequestValidationError } from '@mutasi/platform';
import { PolicyRegistry, ReadScopes } from '@mutasi/read-models';
import { HolidayCalendars, ReferenceData, ReferenceDataImporter } from '@mutasi/transfers';
import { DataSource } from 'typeorm';
import { employeeFile as employeeFileOf, endCasesAfterEach, importAsAdmin as importFileAsAdmin, startTestApp, TestApp } from '@mutasi/testing/app';

const BL = AGENCY.bandarLestari;
const AUDITOR = positionId(BL, 'auditor');

/**
 * The second hostile-insider pass (an independent review over HTTP): each path it found open is now refused or leaves
 * its trace, and the honest way through still works.
 */
describe('hostile insider, second pass', () => {
  let t: TestApp;
  let http: MutasiHttp;
  const track = endCasesAfterEach();
  const importAsAdmin = (file: unknown): Promise<HttpResult> => importFileAsAdmin(http, file);
  const changesOf = async (importId: string) =>
    (await t.db.query('SELECT entity, key, field, old_value, new_value FROM reference_changes WHERE import_id = $1 ORDER BY entity, key, field', [importId])).rows;
  const employeeFile = (nip: string, change: Record<string, unknown>) => employeeFileOf(http, nip, change);

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
  });
  afterAll(() => t.close());

  it('an import that moves an election calendar (lifting R-40) records the agency field with its old and new value', async () => {
    const agencies = await http.as('admin.bkn', 'GET', '/api/agencies');
    const before = (agencies.body as unknown as { id: string; electionCalendar: unknown }[]).find((a) => a.id === AGENCY.tanjungHarapan)?.electionCalendar;
    const moved = await importAsAdmin({ electionCalendars: [{ agencyId: AGENCY.tanjungHarapan, penetapanPaslonDate: '2031-10-22', endOfTermDate: '2032-02-20' }] });
    expect(moved.body).toMatchObject({ changedRecords: 1 });
    expect(await changesOf(String(moved.body.importId))).toEqual([
      expect.objectContaining({
        entity: 'agency',
        key: AGENCY.tanjungHarapan,
        field: 'electionCalendar',
        old_value: before,
        new_value: { penetapanPaslonDate: '2031-10-22', endOfTermDate: '2032-02-20' },
      }),
    ]);
    const back = before as { penetapanPaslonDate: string; endOfTermDate: string };
    expect((await importAsAdmin({ electionCalendars: [{ agencyId: AGENCY.tanjungHarapan, ...back }] })).body).toMatchObject({ changedRecords: 1 });
  });

  it('an import that creates a login or a delegation records it field by field; demo logins are refused outside standalone demo mode', async () => {
    const file = {
      users: [{ userId: 'shadow.bkn', name: 'Shadow', agencyId: AGENCY.bkn, roles: ['INSPEKTUR'], title: 'x' }],
      delegations: [
        {
          id: 'del-x',
          grantor: { role: 'PPK', agencyId: BL },
          granteeUserId: 'gubernur.prov-nb',
          scope: ['DECREE'],
          validFrom: '2026-01-01',
          validUntil: '2026-12-31',
          legalBasis: 'Keputusan Wali Kota 1/2026',
        },
      ],
    };
    const created = await importAsAdmin(file);
    expect(created.body).toMatchObject({ changedRecords: 2 });
    const entities = (await changesOf(String(created.body.importId))).map((r: { entity: string; key: string }) => `${r.entity}:${r.key}`);
    expect(entities).toEqual(expect.arrayContaining(['delegation:del-x', 'user:shadow.bkn']));
    const g = <T>(token: unknown) => t.app.get(token as never) as T;
    const withoutDemoSignIn = new ReferenceDataImporter(g(DataSource), g(EventStore), g(Clock), g(ReferenceData), g(HolidayCalendars), g(ReadScopes), g(PolicyRegistry), undefined);
    const refused = await withoutDemoSignIn.importJson(file, { userId: 'admin.bkn', name: 'Admin', role: 'ADMIN', agencyId: AGENCY.bkn }, 'api').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RequestValidationError);
    expect(JSON.stringify((refused as RequestValidationError).errors)).toContain('AUTH_DEV_TOKENS=true');
  });

  it('M-05 flags an import that only added a competency to lift R-04; the yearly SKP round of new years is not flagged', async () => {
    const nip = SAMPLE_NIP.shortTenure;
    const target = positionId(AGENCY.lembahHijau, 'pengelola-keuangan');
    const d = track(new CaseDriver(http, target, nip));
    await d.open();
    await d.approveNeeds();
    const grounds = { exceptionGrounds: [{ ruleId: 'R-03', ground: 'restructuring' }], meritDeviationJustification: 'x' };
    expect((await d.propose(grounds, 422)).body).toMatchObject({ ruleId: 'R-04' });
    const record = (await http.as('admin.bkn', 'GET', `/api/employees/${nip}`)).body as { competencies: string[]; skp: { year: number; rating: string }[] };
    const added = await importAsAdmin(await employeeFile(nip, { competencies: [...record.competencies, 'KEUANGAN_DAERAH'] }));
    expect(added.status).toBe(200);
    await d.propose(grounds);
    expect((d.view.ruleOutcomes as { ruleId: string; outcome: string; reason: string }[]).find((o) => o.ruleId === 'M-05')).toMatchObject({ outcome: 'FLAG' });
    await d.end();
    const nextYear = Math.max(...record.skp.map((s) => s.year)) + 1;
    const other = DEMO_NIP.sameProvince;
    const skp = ((await http.as('admin.bkn', 'GET', `/api/employees/${other}`)).body as { skp: { year: number; rating: string }[] }).skp;
    expect((await importAsAdmin(await employeeFile(other, { skp: [...skp, { year: Math.max(nextYear, ...skp.map((s) => s.year + 1)), rating: 'BAIK' }] }))).status).toBe(200);
    const e = track(new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), other));
    await e.open();
    await e.approveNeeds();
    await e.propose();
    expect((e.view.ruleOutcomes as { ruleId: string; outcome: string }[]).find((o) => o.ruleId === 'M-05')?.outcome).toBe('PASS');
  });

  it('R-06 refuses proposing a candidate whose declared relative already decided on the case (the needs approval); a case decided by others goes through', async () => {
    const nip = SAMPLE_NIP.shortTenure;
    const grounds = { exceptionGrounds: [{ ruleId: 'R-03', ground: 'restructuring of the BKPSDM' }], meritDeviationJustification: 'x' };
    const byUncle = track(new CaseDriver(http, positionId(AGENCY.lembahHijau, 'analis-kebijakan'), nip));
    await byUncle.open();
    await byUncle.command('ppk.kab-lembah-hijau', 'approve-needs-analysis', { notes: 'ABK checked' });
    const refused = await byUncle.propose(grounds, 422);
    expect(refused.body).toMatchObject({ ruleId: 'R-06', code: 'RULE_R06_CONFLICT_OF_INTEREST' });
    expect(String(refused.body.detail)).toContain('kerabat calon yang telah dilaporkan (PAMAN)');
    await byUncle.end();
    const byOthers = track(new CaseDriver(http, positionId(BL, 'analis-sdm'), nip));
    await byOthers.open();
    await byOthers.approveNeeds();
    expect((await byOthers.propose(grounds)).status).toBe(200);
  });

  it('M-07 refuses an SK number with an invisible character (400, naming decreeNumber); the plain number goes through', async () => {
    const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
    await d.throughApproval();
    const invisible = await d.issueDecree({ decreeNumber: '800/SK/001\u200b' }, 400);
    expect(JSON.stringify(invisible.body)).toContain('decreeNumber');
    expect((await d.issueDecree({ decreeNumber: '800/SK/001' })).status).toBe(200);
  });

  it('an import may not move a position to another agency while people hold it', async () => {
    const positions = (await http.as('admin.bkn', 'GET', `/api/agencies/${BL}/positions`)).body as unknown as Record<string, unknown>[];
    const auditor = positions.find((p) => p.id === AUDITOR) as Record<string, unknown>;
    const refused = await importAsAdmin({ positions: [{ ...auditor, agencyId: AGENCY.provNb }] });
    expect(refused.body).toMatchObject({ status: 400 });
    expect(JSON.stringify(refused.body)).toMatch(/positions\[0\]\.agencyId.*pegawai mendudukinya/);
  });

  it('a stranger learns nothing from lookups: an unknown delegation or NIP is refused as a permission (403, recorded), not as bad input', async () => {
    const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
    await d.throughApproval();
    expect((await d.issueDecree({ delegationId: 'made-up' }, 403, 'ppk.prov-nb')).body).toMatchObject({ code: 'NOT_DECREE_SIGNER' });
    const unknown = await http.as(`pns.${DEMO_NIP.sameProvince}`, 'POST', `/api/transfers/${d.caseId}/propose-candidate`, {
      employeeNip: '199912312020121999',
      originPositionId: AUDITOR,
      initiative: 'DINAS',
      justification: 'x',
    });
    expect(unknown.body).toMatchObject({ status: 403, code: 'ROLE_NOT_ALLOWED' });
    const refusals = await http.as('inspektur.bkn', 'GET', `/api/audit/refusals?actorId=pns.${DEMO_NIP.sameProvince}`);
    expect(refusals.status).toBe(200);
  });

  it('M-09 tells an agency that cannot see the other case that there is one, not which; an agency that can see it gets its id', async () => {
    const first = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
    await first.open();
    await first.approveNeeds();
    await first.propose();
    const elsewhere = track(new CaseDriver(http, positionId(AGENCY.lembahHijau, 'pengelola-keuangan'), DEMO_NIP.internal));
    await elsewhere.open();
    await elsewhere.approveNeeds();
    const hidden = await elsewhere.propose({ meritDeviationJustification: 'x' }, 409);
    expect(hidden.body).toMatchObject({ code: 'EMPLOYEE_IN_OPEN_CASE', ruleId: 'M-09' });
    expect(JSON.stringify(hidden.body)).not.toContain(first.caseId);
    const own = track(new CaseDriver(http, positionId(BL, 'pranata-komputer'), DEMO_NIP.internal));
    await own.open();
    await own.approveNeeds();
    expect((await own.propose({ meritDeviationJustification: 'x' }, 409)).body).toMatchObject({ openCaseId: first.caseId });
  });

  it('an inspector asking for the employees of an agency outside their scope is refused (403), not answered with an empty page', async () => {
    expect((await http.as('inspektur.prov-nb', 'GET', `/api/employees?agencyId=${AGENCY.lembahHijau}`)).body).toMatchObject({ status: 403, code: 'AGENCY_NOT_ALLOWED' });
    expect((await http.as('inspektur.prov-nb', 'GET', `/api/employees?agencyId=${BL}`)).status).toBe(200);
  });

  it('the employee sees no flagged outcome, so no official’s justification; officials see it', async () => {
    const d = track(new CaseDriver(http, positionId(AGENCY.lembahHijau, 'analis-kebijakan'), SAMPLE_NIP.clean));
    await d.open();
    await d.approveNeeds();
    await d.propose({ meritDeviationJustification: 'loyal to the mayor' });
    const official = await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`);
    const employee = await http.as(`pns.${SAMPLE_NIP.clean}`, 'GET', `/api/transfers/${d.caseId}`);
    expect(JSON.stringify(official.body)).toContain('loyal to the mayor');
    expect(JSON.stringify(employee.body)).not.toContain('loyal to the mayor');
    expect((employee.body.ruleOutcomes as { outcome: string }[]).some((o) => o.outcome === 'FLAG')).toBe(false);
  });
});
