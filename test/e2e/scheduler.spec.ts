import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { Scheduler, SchedulerWorkers } from '@mutasi/transfers';
import { TEST_NOW } from '@mutasi/testing';
import { startTestApp, TestApp } from '@mutasi/testing/app';

const DAY = 86_400_000;

/** The scheduler turns due dates into commands from a durable table: once, and correctly after a restart. */
describe('scheduler: due dates become commands', () => {
  let t: TestApp;
  let http: MutasiHttp;
  const scheduler = (): Scheduler => t.app.get(Scheduler);
  const project = (): Promise<void> => t.app.get(SchedulerWorkers).runner.catchUpTo();
  const at = (days: number): Date => new Date(Date.parse(TEST_NOW) + days * DAY);

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
  });
  afterAll(async () => {
    await t.close();
  });

  const events = async (caseId: string): Promise<string[]> =>
    (await t.db.query('SELECT type FROM event_store.events WHERE stream_id = $1 ORDER BY revision', [`transfer-${caseId}`])).rows.map((r: { type: string }) => r.type);

  it('closes the objection window after 14 days (R-32), once, and again correctly after a restart', async () => {
    t.clock.set(new Date(TEST_NOW));
    const d = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await d.open();
    await d.approveNeeds();
    await d.propose();
    await d.notify();
    await project();
    const due = await t.db.query(`SELECT kind, due_on::text, status FROM due_work WHERE case_id = $1`, [d.caseId]);
    expect(due.rows).toEqual([{ kind: 'CloseObjectionWindow', due_on: '2026-06-16', status: 'PENDING' }]);
    t.clock.set(at(14));
    expect(await scheduler().runDue()).toBe(0);

    await t.stop();
    t = await startTestApp({ reuse: t, now: at(15).toISOString() });
    http = new MutasiHttp(t.url);
    expect(await scheduler().runDue()).toBe(1);
    expect(await scheduler().runDue()).toBe(0);
    expect((await events(d.caseId)).filter((e) => e === 'ObjectionWindowClosed.v1')).toHaveLength(1);
    const view = await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`);
    expect(view.body).toMatchObject({ status: 'SOCIALISED', socialisation: { outcome: 'WINDOW_CLOSED' } });
    await project();
    expect((await t.db.query(`SELECT status FROM due_work WHERE case_id = $1`, [d.caseId])).rows).toEqual([{ status: 'DONE' }]);
    // The story ends: the place and the employee are free for the next (R-04, M-09).
    expect((await http.as('pengusul.kota-bandar-lestari', 'POST', `/api/transfers/${d.caseId}/withdraw`, { reason: 'next story' })).status).toBe(200);
  });

  it('escalates an overdue step (R-30), again after 7 days, and re-sends a claim left by a crash without appending twice', async () => {
    t.clock.set(at(30));
    const d = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal);
    await d.open();
    await d.approveNeeds();
    await d.propose();
    await d.notify();
    await d.acknowledge();
    await d.submit();
    await project();
    t.clock.set(at(45));
    expect(await scheduler().runDue()).toBe(1);
    await project();
    // A run that crashed after sending but before recording: its claim goes stale and is taken over.
    await t.db.query(`UPDATE due_work SET status = 'CLAIMED', updated_at = now() - interval '10 minutes' WHERE case_id = $1`, [d.caseId]);
    expect(await scheduler().runDue()).toBe(0);
    expect((await events(d.caseId)).filter((e) => e === 'ApprovalStepEscalated.v1')).toHaveLength(1);
    t.clock.set(at(52));
    expect(await scheduler().runDue()).toBe(1);
    expect((await events(d.caseId)).filter((e) => e === 'ApprovalStepEscalated.v1')).toHaveLength(2);
    const view = await http.as('inspektur.bkn', 'GET', `/api/transfers/${d.caseId}`);
    expect(view.body.approvalChain[0]).toMatchObject({ escalations: 2 });
    expect(view.body.flags.filter((f: { ruleId: string }) => f.ruleId === 'R-30')).toHaveLength(2);
  });
});
