import { MutasiHttp } from '@mutasi/demo-data';
import { startTestApp, TestApp } from '@mutasi/testing/app';

const agency = {
  id: 'kab-contoh',
  name: 'Pemerintah Kabupaten Contoh',
  kind: 'KABKOTA',
  provinceCode: 'NB',
  kanregAgencyId: 'kanreg-bkn-nb',
  ppkStatus: 'DEFINITIF',
  headInaugurationDate: '2025-02-20',
  electionCalendar: null,
};
const position = {
  id: 'kab-contoh.analis',
  agencyId: 'kab-contoh',
  unit: 'BKPSDM',
  title: 'Analis SDM',
  positionClass: 'FUNGSIONAL',
  functionalLevel: null,
  requiredCompetencies: ['MANAJEMEN_SDM'],
  requiredEducationFields: ['PSIKOLOGI'],
  kebutuhan: 3,
  bezetting: 1,
  pilkadaScope: false,
};
const employee = {
  nip: '199003152015031002',
  name: 'Contoh Pegawai',
  kind: 'PNS',
  golongan: 'III/b',
  tmtCpns: '2015-03-01',
  tmtPns: '2016-03-01',
  agencyId: 'kab-contoh',
  positionId: 'kab-contoh.analis',
  positionSince: '2022-01-03',
  jptInaugurationDate: null,
  educationField: 'PSIKOLOGI',
  competencies: ['MANAJEMEN_SDM'],
  skp: [{ year: 2025, rating: 'BAIK' }],
  discipline: { activeSanction: false, courtCase: false },
  study: { onStudyAssignment: false, serviceBondUntil: null },
  relations: [],
  lastTransferDate: null,
};

describe('reference data over HTTP', () => {
  let t: TestApp;
  let http: MutasiHttp;
  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists agencies, positions and employees page by page to the roles that may see them', async () => {
    const agencies = await http.as('pns.198804122015031004', 'GET', '/api/agencies');
    expect(agencies.status).toBe(200);
    expect(agencies.body.length).toBeGreaterThanOrEqual(11);
    const positions = await http.as('pengusul.kota-bandar-lestari', 'GET', '/api/agencies/prov-nb/positions');
    expect(positions.body[0]).toMatchObject({ agencyId: 'prov-nb', kebutuhan: expect.any(Number), bezetting: expect.any(Number) });
    expect((await http.as('pengusul.kota-bandar-lestari', 'GET', '/api/agencies/nowhere/positions')).status).toBe(404);
    const first = await http.as('inspektur.bkn', 'GET', '/api/employees');
    expect(first.body.items).toHaveLength(50);
    const second = await http.as('inspektur.bkn', 'GET', `/api/employees?cursor=${String(first.body.nextCursor)}`);
    expect(second.body.items[0].nip > first.body.items[49].nip).toBe(true);
    const byName = await http.as('inspektur.bkn', 'GET', '/api/employees?q=rudi');
    expect(byName.body.items.some((e: { name: string }) => e.name === 'Rudi Hartono')).toBe(true);
    expect((await http.as('pns.198804122015031004', 'GET', '/api/employees')).status).toBe(403);
    expect((await http.as('pns.198804122015031004', 'GET', '/api/employees/198804122015031004')).status).toBe(200);
    expect((await http.as('pengusul.kota-bandar-lestari', 'GET', '/api/employees?cursor=abc')).status).toBe(400);
  });

  it('imports a whole file, and records the change in the audit trail', async () => {
    const result = await http.as('admin.bkn', 'POST', '/api/admin/import', { agencies: [agency], positions: [position], employees: [employee] });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ agencies: 1, positions: 1, employees: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const recorded = await t.db.query(`SELECT data, metadata FROM event_store.events WHERE stream_id = 'reference-data' AND data->>'sha256' = $1`, [result.body.sha256]);
    expect(recorded.rows[0]).toMatchObject({ data: { source: 'api', employees: 1 }, metadata: { actor: { userId: 'admin.bkn', role: 'ADMIN' } } });
  });

  it('refuses a file with any bad record, naming each field, and applies none of it', async () => {
    const bad = {
      agencies: [{ ...agency, id: 'kab-baru' }],
      positions: [
        { ...position, id: 'kab-baru.analis', agencyId: 'kab-baru' },
        { ...position, id: 'kab-x.analis', agencyId: 'kab-tidak-ada' },
      ],
      employees: [
        { ...employee, nip: '199003152015031003', agencyId: 'kab-baru', positionId: 'kab-baru.analis' },
        { ...employee, nip: '199013152015031002', golongan: 'V/a' },
      ],
    };
    const result = await http.as('admin.bkn', 'POST', '/api/admin/import', bad);
    expect(result.status).toBe(400);
    const fields = result.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['positions[1].agencyId', 'employees[1].nip', 'employees[1].golongan']));
    expect((await t.db.query(`SELECT 1 FROM agencies WHERE id = 'kab-baru'`)).rowCount).toBe(0);
    expect((await t.db.query(`SELECT 1 FROM employees WHERE nip = '199003152015031003'`)).rowCount).toBe(0);
  });

  it('refuses a non-admin (403) and records the refusal (M-04)', async () => {
    const result = await http.as('ppk.kota-bandar-lestari', 'POST', '/api/admin/import', { agencies: [agency] });
    expect(result.status).toBe(403);
    const recorded = await t.db.query(`SELECT data FROM event_store.events WHERE type = 'CommandRefused.v1' AND data->>'command' = 'ImportReferenceData'`);
    expect(recorded.rows[0]).toMatchObject({ data: { status: 403, code: 'ROLE_NOT_ALLOWED' } });
  });

  it('serves OpenAPI for every endpoint and health without a token', async () => {
    const docs = await http.raw('GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    const paths = Object.keys(docs.body.paths as Record<string, unknown>);
    for (const path of [
      '/api/transfers',
      '/api/transfers/{caseId}',
      '/api/transfers/{caseId}/events',
      '/api/transfers/{caseId}/approve-step',
      '/api/transfers/{caseId}/issue-decree',
      '/api/agencies',
      '/api/agencies/{agencyId}/positions',
      '/api/employees',
      '/api/employees/{nip}',
      '/api/admin/import',
      '/api/admin/policies',
      '/api/policies',
      '/api/calendars',
      '/api/transfers/{caseId}/report-replacement',
      '/api/transfers/{caseId}/adjust-training-plan',
      '/api/transfers/{caseId}/complete-training',
      '/api/transfers/{caseId}/waive-training',
      '/api/transfers/{caseId}/candidates',
      '/api/workload/balance',
      '/api/workload/plans',
      '/api/policies/current/merit',
      '/api/dashboard/training',
      '/api/health',
      '/api/dev/token',
      '/api/dev/users',
    ]) {
      expect(paths).toContain(path);
    }
    const commands = paths.filter(
      (p) =>
        p.startsWith('/api/transfers/{caseId}/') &&
        !['/api/transfers/{caseId}/events', '/api/transfers/{caseId}/candidates', '/api/transfers/{caseId}/files', '/api/transfers/{caseId}/files/{sha256}'].includes(p),
    );
    expect(commands).toHaveLength(25);
    const health = await http.raw('GET', '/api/health');
    expect(health.body).toMatchObject({ status: 'ok', checks: { eventStore: { status: 'up' }, database: { status: 'up' } } });
  });
});

describe('npm run import -- <file.json>', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('imports a valid file straight into the database, and refuses a bad one without changing anything', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { importFile } = await import('@mutasi/transfers');
    const dir = mkdtempSync(join(tmpdir(), 'mutasi-import-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ agencies: [{ ...agency, id: 'kab-cli' }], positions: [{ ...position, id: 'kab-cli.analis', agencyId: 'kab-cli' }] }));
    expect(await importFile(good, t.databaseUrl)).toMatchObject({ agencies: 1, positions: 1 });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ agencies: [{ ...agency, id: 'kab-cli-2', kind: 'DESA' }] }));
    await expect(importFile(bad, t.databaseUrl)).rejects.toMatchObject({ errors: [{ field: 'agencies[0].kind' }] });
    const http = new MutasiHttp(t.url);
    const agencies = await http.as('admin.bkn', 'GET', '/api/agencies');
    expect(agencies.body.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['kab-cli']));
    expect(agencies.body.map((a: { id: string }) => a.id)).not.toContain('kab-cli-2');
  });
});
