import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { addDays, toDate } from '@mutasi/domain';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/** Policy versions and holiday calendars as data: published by ADMIN, effective by date, history never re-ruled. */
describe('policy versions and calendars as data', () => {
  let t: TestApp;
  let http: MutasiHttp;
  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
  });
  afterAll(() => t.close());

  it('lists the versions and calendars to any signed-in user', async () => {
    const list = await http.as(`pns.${DEMO_NIP.internal}`, 'GET', '/api/policies');
    expect(list.body).toEqual([
      expect.objectContaining({ version: 'mutasi-policy/2024.1', source: 'BUILT_IN', inForce: true }),
      expect.objectContaining({ version: 'mutasi-policy/2026.12', effectiveFrom: '2026-12-01', source: 'BUILT_IN', inForce: false }),
    ]);
    const calendars = await http.as('pengusul.kota-bandar-lestari', 'GET', '/api/calendars');
    expect(calendars.body.map((c: { year: number }) => c.year)).toEqual(expect.arrayContaining([2025, 2026]));
  });

  it('refuses a version from anyone but ADMIN (recorded), one with a wrong shape or a past date naming each field; publishes a good one that applies from its date', async () => {
    const current = (await http.as('admin.bkn', 'GET', '/api/policies/current')).body as Record<string, unknown> & { maxYearsInPost: { value: number; legalBasis: string } };
    const today = toDate(t.clock.now().toISOString());
    const next = {
      ...current,
      version: 'mutasi-policy/test.2',
      effectiveFrom: addDays(today, 30),
      description: 'tighter maximum in post',
      maxYearsInPost: { ...current.maxYearsInPost, value: 4 },
    };
    expect((await http.as('pengusul.kota-bandar-lestari', 'POST', '/api/admin/policies', next)).body).toMatchObject({ status: 403, code: 'ROLE_NOT_ALLOWED' });
    const bad = await http.as('admin.bkn', 'POST', '/api/admin/policies', { ...next, maxYearsInPost: { value: 'four' }, unknownThreshold: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['maxYearsInPost.value', 'maxYearsInPost.legalBasis', 'unknownThreshold']));
    expect((await http.as('admin.bkn', 'POST', '/api/admin/policies', { ...next, effectiveFrom: addDays(today, -1) })).body.errors[0]).toMatchObject({ field: 'effectiveFrom' });
    expect((await http.as('admin.bkn', 'POST', '/api/admin/policies', next)).status).toBe(201);
    expect((await http.as('admin.bkn', 'POST', '/api/admin/policies', next)).body.errors[0]).toMatchObject({ field: 'version' });
    const listed = (await http.as('admin.bkn', 'GET', '/api/policies')).body as { version: string; inForce: boolean }[];
    expect(listed.find((p) => p.version === 'mutasi-policy/test.2')).toMatchObject({ inForce: false });

    t.clock.set(new Date(`${addDays(today, 31)}T03:00:00Z`));
    const d = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await d.open();
    const events = (await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}/events`)).body.events as { metadata: { policyVersion: string } }[];
    expect(events[0]?.metadata.policyVersion).toBe('mutasi-policy/test.2');
  });
});
