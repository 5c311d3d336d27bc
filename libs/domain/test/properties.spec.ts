import { EmployeeSnapshot, evolve, fold, TRANSFER_EVENT_TYPES, TransferEvent } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId } from '@mutasi/demo-data';
import fc from 'fast-check';
import { CaseJourney, World } from '@mutasi/testing';

/** Real events of several complete and partial cases, to recombine in any order. */
function eventPool(): TransferEvent[] {
  const world = new World();
  const internal = new CaseJourney(world, 'p1', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).appointed();
  const province = new CaseJourney(world, 'p2', positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).decreed();
  const freeze = new CaseJourney(world, 'p3', positionId(AGENCY.tanjungHarapan, 'kasubbag-kepegawaian'), DEMO_NIP.electionFreeze).inApproval();
  freeze.scenario.run(world.simple('FreezeCase', { reason: 'audit', reference: 'A-1' }, world.actor('KEPALA_BKN', AGENCY.bkn)));
  const objection = new CaseJourney(world, 'p4', positionId(AGENCY.lembahHijau, 'analis-kebijakan'), DEMO_NIP.interProvince).notified();
  objection.scenario.run(world.simple('RaiseObjection', { reason: 'x' }, world.actor(`pns.${DEMO_NIP.interProvince}`)));
  objection.scenario.run(world.simple('ResolveObjection', { outcome: 'UPHELD', reasoning: 'y' }, world.person('PPK', AGENCY.lembahHijau, objection.state)));
  const SYSTEM = { userId: 'system:scheduler', name: 'scheduler', role: 'SYSTEM' as const, agencyId: 'system' };
  const later = (days: number) => new Date(Date.parse(world.now) + days * 86_400_000).toISOString();
  freeze.scenario.run(world.simple('UnfreezeCase', { reason: 'closed', reference: 'A-1' }, world.actor('KEPALA_BKN', AGENCY.bkn)));
  freeze.scenario.run(world.simple('EscalateOverdueStep', { stepId: '1-verification' }, SYSTEM, later(20)));
  freeze.scenario.run(world.simple('RejectStep', { stepId: '1-verification', reason: 'incomplete' }, world.actor('VERIFIKATOR', AGENCY.tanjungHarapan), later(21)));
  const returned = new CaseJourney(world, 'p5', positionId(AGENCY.bandarLestari, 'pranata-komputer'), DEMO_NIP.centralToRegional).inApproval();
  returned.scenario.run(world.simple('ReturnForRevision', { stepId: '1-proposal', reason: 'fix' }, world.stepActor(returned.state)));
  returned.scenario.run(world.propose(returned.state, DEMO_NIP.centralToRegional, { justification: 'revised' }, undefined, undefined, true));
  const window = new CaseJourney(world, 'p6', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).notified();
  window.scenario.run(world.simple('CloseObjectionWindow', {}, SYSTEM, later(15)));
  const overdue = new CaseJourney(world, 'p7', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).notified();
  overdue.scenario.run(world.simple('RaiseObjection', { reason: 'x' }, world.actor(`pns.${DEMO_NIP.internal}`)));
  overdue.scenario.run(world.simple('FlagObjectionDecisionOverdue', {}, SYSTEM, later(22)));
  province.scenario.run(world.simple('FlagAppointmentOverdue', {}, SYSTEM, later(60)));
  province.scenario.run(world.simple('RevokeDecree', { reason: 'merit', reference: 'R-1' }, world.actor('KEPALA_BKN', AGENCY.bkn), later(61)));
  const evaluated = internal.state;
  for (const slot of 'evaluations' in evaluated ? evaluated.evaluations : []) {
    internal.scenario.run(world.simple('AnnounceEvaluationDue', { periodMonths: slot.periodMonths }, SYSTEM, `${slot.dueOn}T01:00:00.000Z`));
    internal.scenario.run(
      world.evaluate(internal.state, slot.periodMonths, world.person('PPK', AGENCY.bandarLestari, internal.state, 'EVALUATION'), `${slot.dueOn}T03:00:00.000Z`, {
        competencyFit: 3,
      }),
    );
  }
  internal.scenario.run(world.simple('CloseCase', {}, world.actor('PPK', AGENCY.bandarLestari), '2027-07-01T03:00:00.000Z'));
  const withdrawn = new CaseJourney(world, 'p8', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).proposed();
  withdrawn.scenario.run(world.simple('WithdrawTransfer', { reason: 'budget' }, world.actor('PPK', AGENCY.bandarLestari)));
  // Under the policy of 2026-12 a regional head's decree is reported to Mendagri, on time or flagged overdue.
  const late = new World('2026-12-07T02:00:00.000Z');
  const reported = new CaseJourney(late, 'p9', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).decreed();
  reported.scenario.run(
    late.simple(
      'ReportReplacement',
      { reference: 'LAP-MENDAGRI-1', reportedOn: '2026-12-08' },
      late.person('PPK', AGENCY.bandarLestari, reported.state),
      '2026-12-08T02:00:00.000Z',
    ),
  );
  const unreported = new CaseJourney(late, 'p10', positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).decreed();
  unreported.scenario.run(late.simple('FlagReplacementReportOverdue', {}, SYSTEM, '2026-12-30T02:00:00.000Z'));
  // A candidate who lacks a required competency gets a training plan: adjusted, completed, waived, overdue.
  const gap = { ...late.employee(DEMO_NIP.internal), nip: '198707142011042097', competencies: ['KEUANGAN_DAERAH'] };
  (late.data.employees as EmployeeSnapshot[]).push(gap);
  const trained = new CaseJourney(late, 'p11', positionId(AGENCY.bandarLestari, 'auditor'), gap.nip, { meritDeviationJustification: 'closest fit' }).proposed();
  const ppk = late.person('PPK', AGENCY.bandarLestari, trained.state);
  trained.scenario.run(
    late.simple(
      'AdjustTrainingPlan',
      {
        items: [
          { itemId: 'T1', competency: 'AUDIT', kind: 'PELATIHAN', hours: 20, due: 'BEFORE_TMT', mandatory: true },
          { competency: 'KEUANGAN_DAERAH', kind: 'COACHING', hours: 8, due: 'BEFORE_TMT', mandatory: false },
          { competency: 'AUDIT', kind: 'MENTORING', hours: 8, due: 'AFTER_TMT', mandatory: false },
        ],
        reason: 'three items',
      },
      ppk,
    ),
  );
  trained.scenario.run(
    late.simple(
      'CompleteTrainingItem',
      { itemId: 'T1', certificateSha256: 'c'.repeat(64), hours: 20, provider: 'BPSDM', completedOn: '2026-12-08' },
      late.actor('VERIFIKATOR', AGENCY.bandarLestari),
      '2026-12-09T02:00:00.000Z',
    ),
  );
  trained.scenario.run(late.simple('WaiveTrainingItem', { itemId: 'T3', reason: 'not needed' }, ppk));
  trained.scenario.run(late.simple('FlagTrainingItemOverdue', { itemId: 'T2' }, SYSTEM, '2027-03-01T02:00:00.000Z'));
  return [internal, province, freeze, objection, returned, window, overdue, withdrawn, reported, unreported, trained].flatMap((j) => j.events);
}

describe('decider properties', () => {
  // Each test builds its own pool, inside the test: code run by a describe body or a beforeAll counts as "static" to
  // mutation testing's per-test coverage, so every mutant it touches would reload the file and rerun every test.
  it('the pool holds every event type', () => {
    const pool = eventPool();
    expect([...new Set(pool.map((e) => e.type))].sort()).toEqual([...TRANSFER_EVENT_TYPES].sort());
  });

  it('evolve never throws on any sequence of valid events, in any order', () => {
    const pool = eventPool();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 60 }), (events) => {
        expect(() => fold(events)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('evolve never throws on events with damaged data (a forgiving reader of any stream)', () => {
    const pool = eventPool();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 30 }), fc.nat(), (events, seed) => {
        const damaged = events.map((e, i) =>
          (i + seed) % 5 === 0 ? ({ ...e, data: { ...e.data, stepId: 'nope', documentId: 'nope', periodMonths: -1 } } as unknown as TransferEvent) : e,
        );
        expect(() => fold(damaged)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('folding the events of a case twice gives the same state', () => {
    const pool = eventPool();
    const cases = [...new Set(pool.map((e) => e.metadata.caseId))];
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(), (caseId, cut) => {
        const events = pool.filter((e) => e.metadata.caseId === caseId);
        const prefix = events.slice(0, (cut % events.length) + 1);
        expect(fold(prefix)).toEqual(fold(prefix));
        expect(prefix.reduce(evolve, fold([]))).toEqual(fold(prefix));
      }),
    );
  });
});
