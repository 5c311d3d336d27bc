import { addDays } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId } from '@mutasi/demo-data';
import { CaseJourney } from '@mutasi/testing';
import { SchedulerProjection } from '@mutasi/transfers';
import { caseStories, CaseStories, eventOf } from './support/case-stories';
import { itIsIdempotentAndRebuildable, projectionFixture, ProjectionFixture } from './support/projection-fixture';

type DueRow = { case_id: string; kind: string; work_key: string; due_on: string; status: string };

/** The durable due-date table the scheduler sends its commands from (R-30 escalations, R-32 objection window, evaluations). */
describe('projection scheduler-due-work', () => {
  let f: ProjectionFixture;
  let s: CaseStories;
  let inApproval: CaseJourney;
  let notified: CaseJourney;
  const dueWork = (caseId?: string): Promise<DueRow[]> =>
    f.rows<DueRow>(
      `SELECT case_id, kind, work_key, due_on::text AS due_on, status FROM due_work ${caseId ? 'WHERE case_id = $1' : ''} ORDER BY case_id, kind, work_key, due_on`,
      caseId ? [caseId] : [],
    );

  beforeAll(async () => {
    f = await projectionFixture((store) => new SchedulerProjection(store));
    s = caseStories(f.world, 'sched');
    inApproval = new CaseJourney(f.world, 'sched-in-approval', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).inApproval();
    notified = new CaseJourney(f.world, 'sched-notified', positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).notified();
    for (const story of [...Object.values(s), inApproval, notified]) await f.appendCase(story.caseId, story.events);
    await f.project();
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  it('holds the work each case is waiting for: the active step’s escalation, the objection window, both evaluations', async () => {
    const chain = eventOf(inApproval.events, 'ApprovalChainStarted.v1').data;
    const objection = eventOf(notified.events, 'EmployeeNotified.v1').data;
    const evaluations = eventOf(s.appointed.events, 'AppointmentRecorded.v1').data.evaluationsDue;
    expect(evaluations.length).toBe(2);
    expect(await dueWork()).toEqual([
      ...evaluations
        .map((e) => ({ case_id: s.appointed.caseId, kind: 'AnnounceEvaluationDue', work_key: String(e.periodMonths), due_on: e.dueOn, status: 'PENDING' }))
        .sort((a, b) => a.work_key.localeCompare(b.work_key)),
      { case_id: 'sched-in-approval', kind: 'EscalateOverdueStep', work_key: chain.steps[0]?.stepId, due_on: addDays(chain.firstDeadline, 1), status: 'PENDING' },
      { case_id: 'sched-notified', kind: 'CloseObjectionWindow', work_key: '-', due_on: addDays(objection.objectionDeadline, 1), status: 'PENDING' },
    ]);
  });

  it('holds nothing for a case returned for revision, rejected, withdrawn or whose decree was revoked', async () => {
    for (const ended of [s.returned, s.rejected, s.withdrawn, s.revoked])
      expect({ caseId: ended.caseId, rows: await dueWork(ended.caseId) }).toEqual({ caseId: ended.caseId, rows: [] });
  });

  it('drops the pending escalation of a case withdrawn while in approval, and keeps work the scheduler already did', async () => {
    await f.db.query(`UPDATE due_work SET status = 'DONE' WHERE case_id = 'sched-notified'`);
    const withdrawal = f.world.simple('WithdrawTransfer', { reason: 'the position was abolished' }, f.world.actor('PPK', AGENCY.bandarLestari));
    inApproval.scenario.run(withdrawal);
    const objectionClosed = f.world.simple('AcknowledgeTransfer', {}, f.world.actor(`pns.${DEMO_NIP.sameProvince}`));
    notified.scenario.run(objectionClosed);
    await f.appendCase(inApproval.caseId, inApproval.events);
    await f.appendCase(notified.caseId, notified.events);
    await f.project();
    expect(await dueWork(inApproval.caseId)).toEqual([]);
    expect((await dueWork(notified.caseId)).map((r) => [r.kind, r.status])).toEqual([['CloseObjectionWindow', 'DONE']]);
  });

  it('a projection never stops for one event: an unknown type is ignored, a malformed payload quarantined, later cases still projected', async () => {
    const meta = s.appointed.events[0]?.metadata as unknown as Record<string, unknown>;
    const before = await dueWork(s.appointed.caseId);
    await f.appendRaw(`transfer-${s.appointed.caseId}`, [{ type: 'Hostile.v9', data: { steps: 'drop table due_work' }, metadata: meta }]);
    const opened = new CaseJourney(f.world, 'sched-poisoned', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).inApproval();
    await f.appendCase(opened.caseId, opened.events.slice(0, 6));
    await f.appendRaw('transfer-sched-poisoned', [
      { type: 'ApprovalChainStarted.v1', data: { steps: 'not a list', firstDeadline: 'soon' }, metadata: { ...meta, caseId: 'sched-poisoned' } },
    ]);
    const later = new CaseJourney(f.world, 'sched-later', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).notified();
    await f.appendCase(later.caseId, later.events);
    await f.project();
    expect(await dueWork(s.appointed.caseId)).toEqual(before);
    expect(await f.quarantined()).toEqual([{ projection: 'scheduler-due-work', streamId: 'transfer-sched-poisoned', revision: 6, type: 'ApprovalChainStarted.v1' }]);
    expect((await dueWork('sched-later')).map((r) => r.kind)).toEqual(['CloseObjectionWindow']);
  });

  // What the projection owns is the pending work; rows the scheduler has done are its own history, which a rebuild
  // does not restore (the events that did the work already took it out of the case's due work).
  itIsIdempotentAndRebuildable(
    () => f,
    async () => ({ due_work: (await dueWork()).filter((r) => r.status === 'PENDING') }),
  );
});
