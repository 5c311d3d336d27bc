import { randomUUID } from 'node:crypto';
import { AuditWorkers } from '@mutasi/audit';
import { AGENCY, CaseDriver, DEMO_NIP, HttpResult, MutasiHttp, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { addDays, addMonths } from '@mutasi/domain';
import { EventStore } from '@mutasi/event-store';
import { TEST_NOW } from '@mutasi/testing';
import { employeeFile as employeeFileOf, endCasesAfterEach, importAsAdmin as importFileAsAdmin, startTestApp, TestApp } from '@mutasi/testing/app';

const BL = AGENCY.bandarLestari;
const AUDITOR = positionId(BL, 'auditor');
const PROV_SDM = positionId(AGENCY.provNb, 'analis-sdm');

/**
 * The hostile insider's paths over HTTP (issue "Close the insider's paths"): each is refused or flagged with problem
 * details naming the rule, and the honest way through still works.
 */
describe('insider paths over HTTP', () => {
  let t: TestApp;
  let http: MutasiHttp;
  const track = endCasesAfterEach();
  const as = async (principal: { userId: string; agencyId: string; roles: string[]; nip?: string }) => {
    const token = await t.tokenFor({ name: principal.userId, ...principal } as never);
    return (method: string, path: string, body?: unknown) => http.raw(method, path, body, { authorization: `Bearer ${token}` });
  };
  const nipOf = async (userId: string): Promise<string> => {
    const users = await http.raw('GET', '/api/dev/users');
    return (users.body as { userId: string; nip: string }[]).find((u) => u.userId === userId)?.nip as string;
  };
  const flags = async (ruleId: string): Promise<{ caseId: string; reason: string; details: Record<string, unknown> }[]> => {
    await t.app.get(AuditWorkers).catchUp();
    const page = await http.as('inspektur.bkn', 'GET', `/api/audit/flags?ruleId=${ruleId}`);
    if (page.status !== 200) throw new Error(`flags: ${page.status} ${JSON.stringify(page.body)}`);
    return page.body.items;
  };
  const importAsAdmin = (file: unknown): Promise<HttpResult> => importFileAsAdmin(http, file);
  const employeeFile = (nip: string, change: Record<string, unknown>) => employeeFileOf(http, nip, change);

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
  });
  afterAll(() => t.close());

  describe('path 1: backdated SK, and a poison-pill event', () => {
    it('M-06 refuses a decree dated 2019 on a case opened now, and one whose TMT is decades ahead; accepts true dates', async () => {
      const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
      await d.throughApproval();
      const backdated = await d.issueDecree({ decreeDate: '2019-01-01', effectiveDate: '2019-01-02' }, 422);
      expect(backdated.body).toMatchObject({ ruleId: 'M-06', code: 'RULE_M06_DECREE_DATE' });
      const decades = await d.issueDecree({ effectiveDate: '2061-01-01' }, 422);
      expect(decades.body).toMatchObject({ ruleId: 'M-06' });
      await d.issueDecree();
      expect(d.view.status).toBe('DECREED');
    });

    it('S-02: an event the store accepted but a projection cannot apply is quarantined; flags for every other case still flow', async () => {
      const store = t.app.get(EventStore);
      const hostile = `transfer-${randomUUID()}`;
      await store.append(
        hostile,
        [
          {
            eventId: randomUUID(),
            type: 'TransferCaseOpened.v1',
            data: { caseId: hostile.slice(9), targetAgencyId: BL, targetPositionId: `${BL}.not-a-position` },
            metadata: { actor: { userId: 'intruder', role: 'PENGUSUL', agencyId: BL }, recordedAt: new Date().toISOString(), ruleOutcomes: 'not a list' },
          },
        ],
        'no_stream',
      );
      await store.append(
        hostile,
        [
          {
            eventId: randomUUID(),
            type: 'DecreeIssued.v1',
            data: { decreeDate: '2019-01-01', employeeNip: DEMO_NIP.internal },
            metadata: { actor: { userId: 'intruder' }, recordedAt: new Date().toISOString(), policyVersion: 'no-such-policy', ruleOutcomes: [] },
          },
        ],
        0,
      );
      const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
      await d.open({ planReference: undefined, exceptionReason: 'a new inspectorate unit opens this year' });
      const quarantined = await flags('S-02');
      expect(quarantined.some((f) => f.details.streamId === hostile && f.reason.includes('TransferCaseOpened.v1'))).toBe(true);
      expect((await flags('R-01')).some((f) => f.caseId === d.caseId)).toBe(true);
    });
  });

  describe('path 2: one vacancy, many transfers', () => {
    it('R-04: of five concurrent openings on a position with two free places exactly two succeed; the refusals name the cases that hold them', async () => {
      const id = `${BL}.race-position`;
      const position = {
        id,
        agencyId: BL,
        unit: 'Inspektorat',
        title: 'Auditor Ahli Pertama',
        positionClass: 'FUNGSIONAL',
        functionalLevel: 'AHLI_PERTAMA',
        requiredCompetencies: [],
        requiredEducationFields: [],
        kebutuhan: 3,
        bezetting: 1,
        pilkadaScope: false,
      };
      expect((await importAsAdmin({ positions: [position] })).status).toBe(200);
      const body = { targetAgencyId: BL, targetPositionId: id, needsAnalysis: { kebutuhan: 3, bezetting: 1, planReference: 'RENCANA-MUTASI', justification: 'ABK' } };
      const results = await Promise.all(Array.from({ length: 5 }, () => http.as('pengusul.kota-bandar-lestari', 'POST', '/api/transfers', body)));
      const opened = results.filter((r) => r.status === 201).map((r) => r.body.caseId as string);
      const refused = results.filter((r) => r.status === 422);
      expect(opened).toHaveLength(2);
      expect(refused).toHaveLength(3);
      for (const r of refused) {
        expect(r.body).toMatchObject({ ruleId: 'R-04' });
        for (const caseId of opened) expect(r.body.detail).toContain(caseId);
      }
      for (const caseId of opened) expect((await http.as('pengusul.kota-bandar-lestari', 'POST', `/api/transfers/${caseId}/withdraw`, { reason: 'race over' })).status).toBe(200);
      expect((await http.as('pengusul.kota-bandar-lestari', 'POST', '/api/transfers', body)).status).toBe(201);
    });
  });

  describe('path 3: the record follows the person', () => {
    it('an appointment moves the employee and both positions; the filled place and the employee cannot be taken again', async () => {
      const before = (await http.as('pengusul.kota-bandar-lestari', 'GET', `/api/agencies/${BL}/positions`)).body as { id: string; bezetting: number }[];
      const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
      await d.throughApproval();
      await d.issueDecree();
      await d.appoint();
      await d.placed();
      const employee = await http.as('pengusul.kota-bandar-lestari', 'GET', `/api/employees/${DEMO_NIP.internal}`);
      const tmt = (d.view.decree as { effectiveDate: string }).effectiveDate;
      expect(employee.body).toMatchObject({ positionId: AUDITOR, positionSince: tmt, lastTransferDate: tmt });
      expect(employee.body.riwayat).toEqual([
        expect.objectContaining({
          kind: 'APPOINTMENT',
          caseId: d.caseId,
          from: expect.objectContaining({ positionId: positionId(BL, 'pengelola-keuangan') }),
          to: expect.objectContaining({ positionId: AUDITOR }),
          effectiveOn: tmt,
        }),
      ]);
      const after = (await http.as('pengusul.kota-bandar-lestari', 'GET', `/api/agencies/${BL}/positions`)).body as { id: string; bezetting: number }[];
      const count = (list: { id: string; bezetting: number }[], id: string) => list.find((p) => p.id === id)?.bezetting;
      expect(count(after, AUDITOR)).toBe((count(before, AUDITOR) as number) + 1);
      expect(count(after, positionId(BL, 'pengelola-keuangan'))).toBe((count(before, positionId(BL, 'pengelola-keuangan')) as number) - 1);
      const full = await http.as('pengusul.kota-bandar-lestari', 'POST', '/api/transfers', {
        targetAgencyId: BL,
        targetPositionId: AUDITOR,
        needsAnalysis: { kebutuhan: 8, bezetting: count(after, AUDITOR), planReference: 'R', justification: 'x' },
      });
      expect(full.body).toMatchObject({ status: 422, ruleId: 'R-04', code: 'RULE_R04_NO_VACANCY' });
      const elsewhere = track(new CaseDriver(http, positionId(BL, 'pranata-komputer'), DEMO_NIP.internal));
      await elsewhere.open();
      await elsewhere.approveNeeds();
      const moved = await elsewhere.propose({}, 409);
      expect(moved.body).toMatchObject({ code: 'EMPLOYEE_IN_OPEN_CASE', ruleId: 'M-09', openCaseId: d.caseId });
    });
  });

  describe('path 4: the approver signs the decree', () => {
    it('R-06 refuses the step approver as signer under the signer role; another holder of the office signs', async () => {
      const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
      await d.throughApproval();
      const verifier = (d.view.approvalChain as { actor: { userId: string } | null }[])[0]?.actor?.userId as string;
      const signAs = await as({ userId: verifier, agencyId: BL, roles: ['PPK'], nip: await nipOf(verifier) });
      const today = await d.today();
      const decree = {
        decreeNumber: `SK/${d.caseId}`,
        decreeDate: today,
        effectiveDate: today,
        documentSha256: 'e'.repeat(64),
        employeeNip: DEMO_NIP.internal,
        targetPositionId: AUDITOR,
      };
      const refused = await signAs('POST', `/api/transfers/${d.caseId}/issue-decree`, decree);
      expect(refused.body).toMatchObject({ status: 422, ruleId: 'R-06' });
      await d.issueDecree();
      expect(d.view.status).toBe('DECREED');
    });
  });

  describe('path 5: four eyes on documents, objections and evaluations', () => {
    it('R-06 refuses a user holding PENGUSUL and VERIFIKATOR verifying his own document, and a verifier with the candidate’s NIP', async () => {
      const d = track(new CaseDriver(http, PROV_SDM, DEMO_NIP.sameProvince));
      await d.open();
      await d.approveNeeds();
      await d.propose();
      await d.notify();
      await d.acknowledge();
      const both = await as({ userId: 'double-hat.prov-nb', agencyId: AGENCY.provNb, roles: ['PENGUSUL', 'VERIFIKATOR'] });
      const attached = await both('POST', `/api/transfers/${d.caseId}/attach-document`, { kind: 'ANJAB_ABK', title: 'Anjab dan ABK', sha256: 'f'.repeat(64) });
      expect(attached.status).toBe(200);
      const documentId = (attached.body.documents as { documentId: string }[]).at(-1)?.documentId;
      expect((await both('POST', `/api/transfers/${d.caseId}/verify-document`, { documentId, status: 'APPROVED', notes: 'ok' })).body).toMatchObject({
        status: 422,
        ruleId: 'R-06',
      });
      const impostor = await as({ userId: 'verifier-who-is-the-candidate', agencyId: AGENCY.provNb, roles: ['VERIFIKATOR'], nip: DEMO_NIP.sameProvince });
      expect((await impostor('POST', `/api/transfers/${d.caseId}/verify-document`, { documentId, status: 'APPROVED', notes: 'ok' })).body).toMatchObject({
        status: 422,
        ruleId: 'R-06',
      });
      const honest = await http.as('verifikator.prov-nb', 'POST', `/api/transfers/${d.caseId}/verify-document`, { documentId, status: 'APPROVED', notes: 'ok' });
      expect(honest.status).toBe(200);
    });

    it('R-06 refuses a PPK who is the employee’s declared relative deciding the objection; another PPK decides', async () => {
      const relative = 'ppk.kota-bandar-lestari';
      expect((await importAsAdmin(await employeeFile(DEMO_NIP.internal, { relations: [{ nip: await nipOf(relative), name: 'Kepala daerah', relation: 'PAMAN' }] }))).status).toBe(
        200,
      );
      const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
      await d.open();
      await d.approveNeeds();
      await d.propose();
      await d.notify();
      await d.command(`pns.${DEMO_NIP.internal}`, 'raise-objection', { reason: 'alasan keluarga' });
      const refused = await d.command(relative, 'resolve-objection', { outcome: 'DISMISSED', reasoning: 'kebutuhan dinas' }, 422);
      expect(refused.body).toMatchObject({ ruleId: 'R-06' });
      expect(refused.body.detail).toContain('PAMAN');
      await d.command('ppk-2.kota-bandar-lestari', 'resolve-objection', { outcome: 'DISMISSED', reasoning: 'kebutuhan dinas' });
      expect((await importAsAdmin(await employeeFile(DEMO_NIP.internal, { relations: [] }))).status).toBe(200);
    });

    it('the proposer may not record the evaluation, nor anyone type the SKP in; it comes from the record (M-08)', async () => {
      const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
      await d.throughApproval();
      await d.issueDecree();
      await d.appoint();
      const due = (d.view.evaluations as { dueOn: string }[])[0]?.dueOn as string;
      t.clock.set(new Date(`${due}T03:00:00Z`));
      try {
        const typed = await d.command(
          'tim-penilai-kinerja-3.kota-bandar-lestari',
          'record-evaluation',
          { periodMonths: 6, skpBefore: 'SANGAT_BAIK', skpAfter: 'SANGAT_BAIK', competencyFit: 5, vacancyClosed: true },
          400,
        );
        expect(typed.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['skpBefore', 'skpAfter', 'vacancyClosed']));
        const byProposer = await d.command('pengusul.kota-bandar-lestari', 'record-evaluation', { periodMonths: 6, competencyFit: 5 }, 422);
        expect(byProposer.body).toMatchObject({ ruleId: 'R-06' });
        const noRecord = await d.command('tim-penilai-kinerja-3.kota-bandar-lestari', 'record-evaluation', { periodMonths: 6, competencyFit: 5 }, 422);
        expect(noRecord.body).toMatchObject({ ruleId: 'M-08', code: 'RULE_M08_NO_SKP_AFTER' });
        await d.evaluate(6);
        const evaluation = (d.view.evaluations as { result: Record<string, unknown> | null }[])[0]?.result;
        expect(evaluation).toMatchObject({
          skpBefore: 'SANGAT_BAIK',
          skpAfter: 'SANGAT_BAIK',
          vacancyClosed: true,
          evidence: { skpAfter: { source: 'VERIFIED_DOCUMENT' }, vacancyClosed: { source: 'PLACEMENT' } },
        });
        await d.end();
      } finally {
        t.clock.set(new Date(TEST_NOW));
      }
    });
  });

  describe('path 6: eligibility toggled by re-import', () => {
    it('M-05 flags a proposal whose candidate’s discipline record was cleared by an import days before, naming it; the trail keeps every value, comparable', async () => {
      const nip = DEMO_NIP.sameProvince;
      const sanctioned = await importAsAdmin(await employeeFile(nip, { discipline: { activeSanction: true, courtCase: false } }));
      const d = track(new CaseDriver(http, PROV_SDM, nip));
      await d.open();
      await d.approveNeeds();
      expect((await d.propose({}, 422)).body).toMatchObject({ ruleId: 'R-22' });
      const cleared = await importAsAdmin(await employeeFile(nip, { discipline: { activeSanction: false, courtCase: false } }));
      expect(cleared.body).toMatchObject({ changedRecords: 1 });
      await d.propose();
      const m05 = (d.view.ruleOutcomes as { ruleId: string; outcome: string; reason: string }[]).find((o) => o.ruleId === 'M-05');
      expect(m05).toMatchObject({ outcome: 'FLAG' });
      expect(m05?.reason).toContain(String(cleared.body.importId));
      expect(m05?.reason).toContain('discipline');
      expect((await flags('M-05')).some((f) => f.caseId === d.caseId)).toBe(true);
      const back = await importAsAdmin(await employeeFile(nip, { discipline: { activeSanction: true, courtCase: false } }));
      const changes = async (importId: string) =>
        (await t.db.query(`SELECT data FROM event_store.events WHERE type = 'ReferenceRecordsChanged.v1' AND data->>'importId' = $1`, [importId])).rows[0].data.changes[0];
      const [on, off, again] = [await changes(sanctioned.body.importId), await changes(cleared.body.importId), await changes(back.body.importId)];
      expect(off).toMatchObject({ entity: 'employee', key: nip, fields: [{ field: 'discipline', sensitive: true }] });
      expect(off.fields[0].old).toBe(on.fields[0].new);
      expect(again.fields[0].new).toBe(on.fields[0].new);
      expect(off.fields[0].new).not.toBe(off.fields[0].old);
      expect((await importAsAdmin(await employeeFile(nip, { discipline: { activeSanction: false, courtCase: false } }))).status).toBe(200);
    });
  });

  describe('path 7: invented figures and dates', () => {
    it('R-04 refuses a needs analysis of kebutuhan 100000 and bezetting 0 against the record, showing both', async () => {
      const refused = await http.as('pengusul.kota-bandar-lestari', 'POST', '/api/transfers', {
        targetAgencyId: BL,
        targetPositionId: AUDITOR,
        needsAnalysis: { kebutuhan: 100_000, bezetting: 0, planReference: 'R', justification: 'x' },
      });
      expect(refused.body).toMatchObject({ status: 422, ruleId: 'R-04', code: 'RULE_R04_FIGURES_DIFFER' });
      expect(refused.body.detail).toMatch(/kebutuhan 100000 \(tercatat: 8\), bezetting 0 \(tercatat: 7\)/);
    });

    it('M-06 refuses an appointment before the TMT or in the future; M-07 refuses a decree number the signer already used', async () => {
      const d = track(new CaseDriver(http, AUDITOR, DEMO_NIP.internal));
      await d.throughApproval();
      const today = await d.today();
      await d.issueDecree({ decreeNumber: '800/SK-MUT/1/2026', effectiveDate: addDays(today, 3) });
      const ppk = d.person('PPK', BL, 'APPOINTMENT');
      expect((await d.command(ppk, 'record-appointment', { appointedOn: today, reference: 'BA-1' }, 422)).body).toMatchObject({
        ruleId: 'M-06',
        code: 'RULE_M06_APPOINTMENT_DATE',
      });
      expect((await d.command(ppk, 'record-appointment', { appointedOn: addMonths(today, 1), reference: 'BA-1' }, 422)).body).toMatchObject({ ruleId: 'M-06' });
      const other = track(new CaseDriver(http, positionId(BL, 'kabid-perencanaan'), SAMPLE_NIP.clean));
      await other.throughApproval({ meritDeviationJustification: 'the only planner with field experience' });
      const taken = await other.issueDecree({ decreeNumber: ' 800/sk-mut/1/2026 ' }, 422);
      expect(taken.body).toMatchObject({ ruleId: 'M-07', code: 'RULE_M07_DECREE_NUMBER_TAKEN', decreeNumberCaseId: d.caseId });
      await other.issueDecree({ decreeNumber: '800/SK-MUT/2/2026' });
      expect(other.view.status).toBe('DECREED');
    });
  });
});
