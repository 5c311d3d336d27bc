import { EventMetadata, POLICY_2024_1, r01AnnualPlan, r04NeedsFigures, r04Vacancy, r06ConflictOfInterest, RuleOutcome, TransferCommand, TransferEvent } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId } from '@mutasi/demo-data';
import { CaseJourney, given, TEST_NOW, World } from '@mutasi/testing';

// The decider's events are the record: each test asserts the exact events (type, full data, full metadata), with the
// rule outcomes they carry recomputed from the rules themselves on the same facts.
const BL = AGENCY.bandarLestari;
const TARGET = positionId(BL, 'auditor');

/** The metadata every event of `command` carries. */
const metadataOf = (command: TransferCommand, caseId: string, ruleOutcomes: RuleOutcome[]): EventMetadata => ({
  caseId,
  actor: command.metadata.actor,
  recordedAt: command.metadata.now,
  commandId: command.metadata.commandId,
  policyVersion: 'mutasi-policy/2024.1',
  ruleOutcomes,
});

describe('decider: the exact events of stage 1', () => {
  it('OpenTransferCase records the position, the needs analysis as decided and the R-01 and R-04 outcomes', () => {
    const world = new World();
    const command = world.open('x-open', TARGET);
    if (command.type !== 'OpenTransferCase') throw new Error('world.open builds an OpenTransferCase');
    const { targetPosition, plan, placesHeld } = command.context;
    const needsAnalysis = { ...command.data.needsAnalysis };
    const events = given([]).when(command).thenEvents();
    expect(events).toEqual<TransferEvent[]>([
      {
        type: 'TransferCaseOpened.v1',
        data: { caseId: 'x-open', targetAgencyId: BL, targetPositionId: TARGET, targetPosition, needsAnalysis },
        metadata: metadataOf(command, 'x-open', [
          r01AnnualPlan(needsAnalysis, plan, targetPosition, TEST_NOW, POLICY_2024_1),
          r04NeedsFigures(targetPosition, needsAnalysis, POLICY_2024_1),
          r04Vacancy(targetPosition, placesHeld),
        ]),
      },
    ]);
    expect(events[0]?.metadata.ruleOutcomes.map((o) => `${o.ruleId}:${o.outcome}`)).toEqual(['R-01:PASS', 'R-04:PASS', 'R-04:PASS']);
  });

  it('OpenTransferCase trims the free texts and stores blank plan and exception as null', () => {
    const world = new World();
    const command = world.open('x-trim', TARGET, undefined, undefined, { planReference: 'RM-2026  ', exceptionReason: '   ', justification: '  the ABK shows a gap  ' });
    const [event] = given([]).when(command).thenEvents();
    expect(event?.data).toMatchObject({ needsAnalysis: { planReference: 'RM-2026', exceptionReason: null, justification: 'the ABK shows a gap' } });
  });

  it('ApproveNeedsAnalysis records the notes and the R-06 outcome of the approver', () => {
    const world = new World();
    const j = new CaseJourney(world, 'x-na', TARGET, DEMO_NIP.internal).opened();
    const approver = world.actor('TIM_PENILAI_KINERJA', BL);
    const command = world.simple('ApproveNeedsAnalysis', { notes: 'sesuai ABK' }, approver);
    expect(given(j.events).when(command).thenEvents()).toEqual<TransferEvent[]>([
      {
        type: 'NeedsAnalysisApproved.v1',
        data: { notes: 'sesuai ABK' },
        metadata: metadataOf(command, 'x-na', [r06ConflictOfInterest(approver, null, [], 'NEEDS_APPROVAL')]),
      },
    ]);
  });
});

describe('decider: the exact events of BKN oversight (R-48)', () => {
  it('R-48 FreezeCase records the reason, the reference and the R-48 flag; UnfreezeCase the reason and the reference', () => {
    const world = new World();
    const j = new CaseJourney(world, 'x-freeze', TARGET, DEMO_NIP.internal).proposed();
    const bkn = world.actor('KEPALA_BKN', AGENCY.bkn);
    const freeze = world.simple('FreezeCase', { reason: 'audit', reference: 'BKN-AUDIT-7' }, bkn);
    const frozen = given(j.events).when(freeze).thenEvents();
    expect(frozen).toEqual([
      {
        type: 'CaseFrozen.v1',
        data: { reason: 'audit', reference: 'BKN-AUDIT-7' },
        metadata: metadataOf(freeze, 'x-freeze', [
          {
            ruleId: 'R-48',
            outcome: 'FLAG',
            reason: 'frozen under BKN audit BKN-AUDIT-7: audit',
            legalBasis: 'Perpres 116/2022',
            inputs: { reason: 'audit', reference: 'BKN-AUDIT-7' },
          },
        ]),
      },
    ]);
    const unfreeze = world.simple('UnfreezeCase', { reason: 'closed', reference: 'BKN-AUDIT-7' }, bkn);
    expect(
      given([...j.events, ...frozen])
        .when(unfreeze)
        .thenEvents(),
    ).toEqual([{ type: 'CaseUnfrozen.v1', data: { reason: 'closed', reference: 'BKN-AUDIT-7' }, metadata: metadataOf(unfreeze, 'x-freeze', []) }]);
  });

  it('WithdrawTransfer records the reason', () => {
    const world = new World();
    const j = new CaseJourney(world, 'x-withdraw', TARGET, DEMO_NIP.internal).proposed();
    const command = world.simple('WithdrawTransfer', { reason: 'budget' }, world.actor('PPK', BL));
    const events = given(j.events).when(command).thenEvents();
    expect(events).toEqual([{ type: 'TransferWithdrawn.v1', data: { reason: 'budget' }, metadata: metadataOf(command, 'x-withdraw', []) }]);
  });
});
