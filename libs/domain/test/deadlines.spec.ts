import { activeStep, addDays, innerCase, scheduledWork } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId } from '@mutasi/demo-data';
import { CaseJourney, given, TEST_NOW, World } from '@mutasi/testing';

const world = new World();
const TARGET = positionId(AGENCY.bandarLestari, 'auditor');
const SYSTEM = { userId: 'system:scheduler', name: 'Mutasi scheduler', role: 'SYSTEM' as const, agencyId: 'system' };
const at = (date: string) => `${date}T03:00:00.000Z`;

describe('R-32 objection window and decision', () => {
  it('refuses an objection after the 14-day window', () => {
    const j = new CaseJourney(world, 'r32-a', TARGET, DEMO_NIP.internal).notified();
    const late = at(addDays(TEST_NOW, 15));
    given(j.events)
      .when(world.simple('RaiseObjection', { reason: 'family' }, world.actor(`pns.${DEMO_NIP.internal}`), late))
      .thenRefused({ ruleId: 'R-32', code: 'RULE_R32_OBJECTION_WINDOW_CLOSED' });
  });

  it('accepts an objection on the last day and sets the 21-day decision deadline', () => {
    const j = new CaseJourney(world, 'r32-b', TARGET, DEMO_NIP.internal).notified();
    given(j.events)
      .when(world.simple('RaiseObjection', { reason: 'family' }, world.actor(`pns.${DEMO_NIP.internal}`), at(addDays(TEST_NOW, 14))))
      .then((events) => {
        expect(events[0]?.data).toMatchObject({ decisionDeadline: addDays(TEST_NOW, 35) });
      });
  });

  it('the scheduler closes the window only after it ended: the employee is deemed to accept', () => {
    const j = new CaseJourney(world, 'r32-c', TARGET, DEMO_NIP.internal).notified();
    expect(scheduledWork(j.state)).toEqual([{ kind: 'CloseObjectionWindow', dueOn: addDays(TEST_NOW, 15) }]);
    given(j.events)
      .when(world.simple('CloseObjectionWindow', {}, SYSTEM, at(addDays(TEST_NOW, 14))))
      .thenRefused({ code: 'NOT_DUE' });
    given(j.events)
      .when(world.simple('CloseObjectionWindow', {}, SYSTEM, at(addDays(TEST_NOW, 15))))
      .then((_, after) => {
        expect(after.status).toBe('SOCIALISED');
        expect(innerCase(after)?.socialisation.outcome).toBe('WINDOW_CLOSED');
      });
  });

  it('flags an objection not decided within 21 days', () => {
    const j = new CaseJourney(world, 'r32-d', TARGET, DEMO_NIP.internal).notified();
    j.scenario.run(world.simple('RaiseObjection', { reason: 'family' }, world.actor(`pns.${DEMO_NIP.internal}`)));
    given(j.events)
      .when(world.simple('FlagObjectionDecisionOverdue', {}, SYSTEM, at(addDays(TEST_NOW, 21))))
      .thenRefused({ code: 'NOT_DUE' });
    given(j.events)
      .when(world.simple('FlagObjectionDecisionOverdue', {}, SYSTEM, at(addDays(TEST_NOW, 22))))
      .then((events) => {
        expect(events[0]?.metadata.ruleOutcomes[0]).toMatchObject({ ruleId: 'R-32', outcome: 'FLAG' });
      });
  });
});

describe('R-30 step deadlines and escalation', () => {
  it('gives every active step a deadline and escalates it once overdue, then again every 7 days', () => {
    const j = new CaseJourney(world, 'r30', TARGET, DEMO_NIP.internal).inApproval();
    const first = activeStep(innerCase(j.state)?.approval ?? null);
    expect(first?.deadline).toBe(addDays(TEST_NOW, 14));
    const due = addDays(TEST_NOW, 15);
    expect(scheduledWork(j.state)).toEqual([{ kind: 'EscalateOverdueStep', stepId: first?.stepId, dueOn: due }]);
    given(j.events)
      .when(world.simple('EscalateOverdueStep', { stepId: first?.stepId as string }, SYSTEM, at(addDays(TEST_NOW, 14))))
      .thenRefused({ code: 'NOT_DUE' });
    j.scenario.run(world.simple('EscalateOverdueStep', { stepId: first?.stepId as string }, SYSTEM, at(due)));
    expect(j.events.at(-1)?.metadata.ruleOutcomes[0]).toMatchObject({ ruleId: 'R-30', outcome: 'FLAG' });
    expect(scheduledWork(j.state)).toEqual([{ kind: 'EscalateOverdueStep', stepId: first?.stepId, dueOn: addDays(due, 7) }]);
  });

  it('gives the BKN pertek 15 days (R-30)', () => {
    const j = new CaseJourney(world, 'r30-pertek', positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).inApproval();
    const pertek = innerCase(j.state)?.approval?.steps.find((s) => s.kind === 'PERTEK');
    expect(pertek?.dueInDays).toBe(15);
  });
});

describe('R-31 appointment within 30 working days of the decree', () => {
  it('sets the appointment deadline in working days and flags a late appointment', () => {
    const j = new CaseJourney(world, 'r31-a', TARGET, DEMO_NIP.internal).decreed();
    const decree = innerCase(j.state)?.decree;
    expect(decree?.appointmentDeadline).toBe('2026-07-14');
    const late = world.simple('RecordAppointment', { appointedOn: '2026-07-20', reference: 'BA-01' }, world.person('PPK', AGENCY.bandarLestari, j.state), at('2026-07-20'));
    given(j.events)
      .when(late)
      .then((events) => expect(events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === 'R-31')).toMatchObject({ outcome: 'FLAG' }));
    const onTime = world.simple('RecordAppointment', { appointedOn: '2026-06-08', reference: 'BA-01' }, world.person('PPK', AGENCY.bandarLestari, j.state), at('2026-06-15'));
    given(j.events)
      .when(onTime)
      .then((events) => expect(events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === 'R-31')).toMatchObject({ outcome: 'PASS' }));
  });

  it('the scheduler flags an appointment still missing after the deadline', () => {
    const j = new CaseJourney(world, 'r31-b', TARGET, DEMO_NIP.internal).decreed();
    expect(scheduledWork(j.state)).toEqual([{ kind: 'FlagAppointmentOverdue', dueOn: '2026-07-15' }]);
    given(j.events)
      .when(world.simple('FlagAppointmentOverdue', {}, SYSTEM, at('2026-07-14')))
      .thenRefused({ code: 'NOT_DUE' });
    given(j.events)
      .when(world.simple('FlagAppointmentOverdue', {}, SYSTEM, at('2026-07-15')))
      .then((events) => expect(events[0]?.type).toBe('AppointmentOverdue.v1'));
  });
});

describe('post-transfer evaluation schedule', () => {
  it('schedules evaluations 6 and 12 months after TMT and refuses one before it is due', () => {
    const j = new CaseJourney(world, 'eval', TARGET, DEMO_NIP.internal).appointed();
    const effective = innerCase(j.state)?.decree?.effectiveDate as string;
    expect(scheduledWork(j.state).map((w) => w.kind)).toEqual(['AnnounceEvaluationDue', 'AnnounceEvaluationDue']);
    const evaluation = (date: string) => world.evaluate(j.state, 6, world.person('PPK', AGENCY.bandarLestari, j.state), at(date));
    given(j.events).when(evaluation('2026-12-01')).thenRefused({ code: 'EVALUATION_NOT_DUE' });
    given(j.events)
      .when(evaluation('2026-12-15'))
      .then((events) => {
        expect(effective).toBe('2026-06-08');
        expect(events[0]?.data).toMatchObject({ score: 94, verdict: 'MET' });
      });
  });
});
