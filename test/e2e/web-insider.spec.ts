import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { endCasesAfterEach, importAsAdmin, startTestApp, TestApp } from '@mutasi/testing/app';

/**
 * The hostile-insider pass over the web app's new surface (files, the employee's own file, the action panel, static
 * serving): each path it found is closed, and the honest way through still works.
 */
describe('hostile insider, web app surface', () => {
  let t: TestApp;
  let http: MutasiHttp;
  const track = endCasesAfterEach();

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
  });
  afterAll(() => t.close());

  const upload = async (userId: string, caseId: string, body: Buffer | string, type: string) => {
    const res = await fetch(`${t.url}/api/transfers/${caseId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await http.token(userId)}`, 'content-type': type, 'x-file-name': encodeURIComponent('surat\u202Efdp.exe') },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, connection: res.headers.get('connection') };
  };

  it('an upload sent as JSON is refused at once (415), never left hanging; a PDF from an official who may attach is stored', async () => {
    const d = track(new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal));
    await d.open();
    await d.approveNeeds();
    await d.propose();
    const json = await upload('pengusul.kota-bandar-lestari', d.caseId, JSON.stringify({ big: 'x'.repeat(100_000) }), 'application/json');
    expect(json).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_FILE_TYPE' } });
    const pdf = await upload('pengusul.kota-bandar-lestari', d.caseId, '%PDF-1.4 surat', 'application/pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body.fileName).toBe('suratfdp.exe');
  });

  it('only someone who may now record a file uploads: a step-less Kepala BKN and anyone on an ended case are refused', async () => {
    const d = track(new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal));
    await d.open();
    await d.approveNeeds();
    await d.propose();
    expect(await upload('kepala-bkn.bkn', d.caseId, '%PDF x', 'application/pdf')).toMatchObject({ status: 403, body: { code: 'UPLOAD_NOT_ALLOWED' } });
    await d.end('withdrawn for the test');
    expect(await upload('pengusul.kota-bandar-lestari', d.caseId, '%PDF y', 'application/pdf')).toMatchObject({ status: 403, body: { code: 'UPLOAD_NOT_ALLOWED' } });
  });

  it('past 10 MB the answer is 413 and the connection is closed', async () => {
    const d = track(new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal));
    await d.open();
    await d.approveNeeds();
    await d.propose();
    const big = await upload('pengusul.kota-bandar-lestari', d.caseId, Buffer.alloc(11 * 1024 * 1024, 1), 'application/pdf');
    expect(big).toMatchObject({ status: 413, connection: 'close' });
  });

  it('an official who is the candidate reads their case as the employee and attaches only their application; a multi-role official acts on a step in the role it names', async () => {
    const nip = DEMO_NIP.sameProvince;
    const imported = await importAsAdmin(http, {
      users: [
        { userId: 'peng-cand.kota-bandar-lestari', name: 'Pengusul yang juga kandidat', agencyId: AGENCY.bandarLestari, roles: ['PENGUSUL'], nip, title: 'Analis SDM' },
        { userId: 'multi.prov-nb', name: 'Verifikator dan PPK', agencyId: AGENCY.provNb, roles: ['VERIFIKATOR', 'PPK'], title: 'Pejabat rangkap' },
      ],
    });
    expect(imported.status).toBe(200);
    const d = track(new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), nip));
    await d.open();
    await d.approveNeeds();
    await d.propose({ meritDeviationJustification: 'catatan internal pejabat' });
    const seen = (await http.as('peng-cand.kota-bandar-lestari', 'GET', `/api/transfers/${d.caseId}`)).body as { candidate: Record<string, unknown> };
    expect(seen.candidate.meritDeviationJustification).toBeUndefined();
    expect((await http.as('peng-cand.kota-bandar-lestari', 'GET', `/api/transfers/${d.caseId}/candidates`)).status).toBe(403);
    expect((await http.as('peng-cand.kota-bandar-lestari', 'GET', `/api/transfers/${d.caseId}/events`)).status).toBe(403);
    const statement = await http.as('peng-cand.kota-bandar-lestari', 'POST', `/api/transfers/${d.caseId}/attach-document`, {
      kind: 'NO_DISCIPLINE_STATEMENT',
      title: 'x',
      sha256: 'a'.repeat(64),
    });
    expect(statement.status).toBe(403);
    await d.notify();
    await d.acknowledge();
    await d.completeDocuments();
    await d.submit();
    const step = d.activeStep();
    expect(step).toMatchObject({ role: 'PPK', agencyId: AGENCY.provNb });
    const offered = (await http.as('multi.prov-nb', 'GET', `/api/transfers/${d.caseId}`)).body as { actions: { command: string }[] };
    expect(offered.actions.map((a) => a.command)).toContain('ApproveStep');
    const approved = await http.as('multi.prov-nb', 'POST', `/api/transfers/${d.caseId}/approve-step`, { stepId: step?.stepId, notes: 'setuju' });
    expect(approved.status).toBe(200);
  });

  it('the web app answers a path that is not valid percent-encoding with a 400 problem, not a 500', async () => {
    const res = await fetch(`${t.url}/app/%25`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('content-security-policy') ?? "connect-src 'self'").not.toContain('*');
  });
});
