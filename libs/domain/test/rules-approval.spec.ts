import { activeStep, addDays, ApprovalChainStarted, innerCase, TransferCommand } from '@mutasi/domain';
import { AGENCY, DEMO_DELEGATION_ID, DEMO_NIP, positionId, SAMPLE_NIP, userIdFor } from '@mutasi/demo-data';
import { CaseJourney, given, World } from '@mutasi/testing';

const world = new World();
const INTERNAL_TARGET = positionId(AGENCY.bandarLestari, 'auditor');
const SAME_PROVINCE_TARGET = positionId(AGENCY.provNb, 'analis-sdm');
const step = (j: CaseJourney) => activeStep(innerCase(j.state)?.approval ?? null);

describe('R-06 conflict of interest and separation of duties', () => {
  it('refuses an approver who already acted on another step of the case', () => {
    const j = new CaseJourney(world, 'r06-a', INTERNAL_TARGET, DEMO_NIP.internal).inApproval();
    const verifier = world.stepActor(j.state);
    j.scenario.run(world.simple('ApproveStep', { stepId: step(j)?.stepId as string, notes: 'ok' }, verifier));
    const next = step(j);
    const sameVerifierAsTeam = { ...world.stepActor(j.state), userId: verifier.userId, nip: verifier.nip as string };
    given(j.events)
      .when(world.simple('ApproveStep', { stepId: next?.stepId as string, notes: 'ok' }, sameVerifierAsTeam))
      .thenRefused({ ruleId: 'R-06', code: 'RULE_R06_CONFLICT_OF_INTEREST' });
  });

  it('refuses an approver who is a declared relative of the employee', () => {
    const j = new CaseJourney(world, 'r06-b', positionId(AGENCY.lembahHijau, 'analis-kebijakan'), DEMO_NIP.interProvince).inApproval();
    const relative = world.actor('PPK', AGENCY.lembahHijau);
    const command = world.simple('ApproveStep', { stepId: step(j)?.stepId as string, notes: 'ok' }, relative);
    const withRelation: TransferCommand = command;
    const events = j.events.map((e) =>
      e.type === 'CandidateProposed.v1'
        ? { ...e, data: { ...e.data, candidate: { ...e.data.candidate, relations: [{ nip: relative.nip ?? null, name: relative.name, relation: 'KAKAK' }] } } }
        : e,
    );
    given(events).when(withRelation).thenRefused({ ruleId: 'R-06' });
  });

  it('refuses the proposer acting as an approver, and the employee proposing themself', () => {
    const j = new CaseJourney(world, 'r06-c', INTERNAL_TARGET, DEMO_NIP.internal).inApproval();
    const proposer = { ...world.stepActor(j.state), userId: world.actor('PENGUSUL', AGENCY.bandarLestari).userId };
    given(j.events)
      .when(world.simple('ApproveStep', { stepId: step(j)?.stepId as string, notes: 'ok' }, proposer))
      .thenRefused({ ruleId: 'R-06' });
    const k = new CaseJourney(world, 'r06-d', INTERNAL_TARGET, DEMO_NIP.internal).needsApproved();
    const self = { ...world.actor('PENGUSUL', AGENCY.bandarLestari), nip: DEMO_NIP.internal };
    given(k.events)
      .when(world.propose(k.state, DEMO_NIP.internal, {}, self))
      .thenRefused({ ruleId: 'R-06' });
  });

  it('lets a different person of the right role and agency approve', () => {
    const j = new CaseJourney(world, 'r06-e', INTERNAL_TARGET, DEMO_NIP.internal).inApproval();
    given(j.events)
      .when(world.simple('ApproveStep', { stepId: step(j)?.stepId as string, notes: 'ok' }, world.stepActor(j.state)))
      .then((events) => {
        expect(events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === 'R-06')?.outcome).toBe('PASS');
      });
  });

  it('refuses a step acted on by the wrong role or agency (403)', () => {
    const j = new CaseJourney(world, 'r06-f', INTERNAL_TARGET, DEMO_NIP.internal).inApproval();
    given(j.events)
      .when(world.simple('ApproveStep', { stepId: step(j)?.stepId as string, notes: 'ok' }, world.actor('VERIFIKATOR', AGENCY.provNb)))
      .thenRefused({ kind: 'FORBIDDEN', code: 'NOT_STEP_ACTOR' });
  });
});

describe('R-50 application and the document checklist', () => {
  it('refuses to start approval of a cross-agency move without the employee’s verified application', () => {
    const j = new CaseJourney(world, 'r50-a', SAME_PROVINCE_TARGET, DEMO_NIP.sameProvince).notified();
    j.scenario.run(world.simple('AcknowledgeTransfer', {}, world.actor(`pns.${DEMO_NIP.sameProvince}`)));
    given(j.events).when(world.submit(j.state)).thenRefused({ ruleId: 'R-50', code: 'RULE_R50_APPLICATION' });
  });

  it('starts approval once every required document is verified', () => {
    const j = new CaseJourney(world, 'r50-b', SAME_PROVINCE_TARGET, DEMO_NIP.sameProvince).socialised();
    given(j.events)
      .when(world.submit(j.state))
      .then((events) => {
        const outcomes = events[0]?.metadata.ruleOutcomes ?? [];
        expect(outcomes.find((o) => o.ruleId === 'R-50')?.outcome).toBe('PASS');
        expect(outcomes.find((o) => o.ruleId === 'DOC-CHECKLIST')?.outcome).toBe('PASS');
      });
  });

  it('an internal move needs no cross-agency documents', () => {
    const j = new CaseJourney(world, 'r50-c', INTERNAL_TARGET, DEMO_NIP.internal).socialised();
    expect(innerCase(j.state)?.documents).toHaveLength(0);
    given(j.events)
      .when(world.submit(j.state))
      .then((events) => expect(events[0]?.type).toBe('ApprovalChainStarted.v1'));
  });
});

describe('R-40 Pilkada freeze', () => {
  const target = positionId(AGENCY.tanjungHarapan, 'kasubbag-kepegawaian');

  it('refuses the decree while Mendagri’s written approval is missing', () => {
    const j = new CaseJourney(world, 'r40-a', target, DEMO_NIP.electionFreeze).inApproval();
    const chain = (j.events.find((e) => e.type === 'ApprovalChainStarted.v1') as ApprovalChainStarted).data;
    expect(chain.steps.map((s) => s.kind)).toEqual(['VERIFICATION', 'CONSIDERATION', 'WRITTEN_APPROVAL', 'DECREE']);
    for (let i = 0; i < 2; i += 1) j.scenario.run(world.simple('ApproveStep', { stepId: step(j)?.stepId as string, notes: 'ok' }, world.stepActor(j.state)));
    given(j.events)
      .when(world.decree(j.state, world.actor('PPK', AGENCY.tanjungHarapan)))
      .thenRefused({ ruleId: 'R-40', code: 'RULE_R40_APPROVAL_MISSING' });
  });

  it('allows the decree after Mendagri’s written approval', () => {
    const j = new CaseJourney(world, 'r40-b', target, DEMO_NIP.electionFreeze).approved();
    given(j.events)
      .when(world.decree(j.state, world.actor('PPK', AGENCY.tanjungHarapan)))
      .then((events) => expect(events[0]?.type).toBe('DecreeIssued.v1'));
  });
});

describe('M-02 decree equals the approved proposal', () => {
  it('refuses a decree naming another employee or position', () => {
    const j = new CaseJourney(world, 'm02-a', INTERNAL_TARGET, DEMO_NIP.internal).approved();
    const signer = world.stepActor(j.state);
    given(j.events)
      .when(world.decree(j.state, signer, { employeeNip: SAMPLE_NIP.clean }))
      .thenRefused({ ruleId: 'M-02', code: 'RULE_M02_DECREE_MISMATCH' });
    given(j.events)
      .when(world.decree(j.state, signer, { targetPositionId: positionId(AGENCY.bandarLestari, 'analis-sdm') }))
      .thenRefused({ ruleId: 'M-02' });
  });

  it('accepts the decree that names exactly the approved employee and position', () => {
    const j = new CaseJourney(world, 'm02-b', INTERNAL_TARGET, DEMO_NIP.internal).approved();
    given(j.events)
      .when(world.decree(j.state, world.stepActor(j.state)))
      .then((events) => expect(events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === 'M-02')?.outcome).toBe('PASS'));
  });
});

describe('R-16 delegation', () => {
  // Built per test (beforeEach runs inside the test), not in the describe body, which mutation testing counts as static.
  let j: CaseJourney;
  beforeEach(() => {
    j = new CaseJourney(world, 'r16', SAME_PROVINCE_TARGET, DEMO_NIP.sameProvince).approved();
  });
  const delegate = world.actor(userIdFor('PPK', AGENCY.provNb, 2));

  it('lets a delegate sign within a valid delegation from the decree signer', () => {
    given(j.events)
      .when(world.decree(j.state, delegate, { delegationId: DEMO_DELEGATION_ID }))
      .then((events) => {
        expect(events[0]?.metadata.ruleOutcomes.find((o) => o.ruleId === 'R-16')?.outcome).toBe('PASS');
        expect((events[0]?.data as { delegationId: string }).delegationId).toBe(DEMO_DELEGATION_ID);
      });
  });

  it('refuses a delegation that has expired or belongs to someone else', () => {
    given(j.events)
      .when(world.decree(j.state, delegate, { delegationId: DEMO_DELEGATION_ID }, `${addDays(world.data.delegations[0]?.validUntil as string, 1)}T02:00:00.000Z`))
      .thenRefused({ ruleId: 'R-16' });
    given(j.events)
      .when(world.decree(j.state, world.actor('PPK', AGENCY.bandarLestari), { delegationId: DEMO_DELEGATION_ID }))
      .thenRefused({ ruleId: 'R-16' });
  });

  it('refuses someone who is neither the signer nor names a delegation (403)', () => {
    given(j.events)
      .when(world.decree(j.state, world.actor('PPK', AGENCY.bandarLestari)))
      .thenRefused({ kind: 'FORBIDDEN', code: 'NOT_DECREE_SIGNER' });
  });
});

describe('R-48 BKN freeze and revocation', () => {
  it('refuses every command on a frozen case until BKN unfreezes it', () => {
    const j = new CaseJourney(world, 'r48-a', INTERNAL_TARGET, DEMO_NIP.internal).inApproval();
    j.scenario.run(world.simple('FreezeCase', { reason: 'audit', reference: 'BKN-AUDIT-7' }, world.actor('KEPALA_BKN', AGENCY.bkn)));
    const approve = () => world.simple('ApproveStep', { stepId: step(j)?.stepId as string, notes: 'ok' }, world.actor('VERIFIKATOR', AGENCY.bandarLestari));
    given(j.events).when(approve()).thenRefused({ ruleId: 'R-48', code: 'CASE_FROZEN' });
    j.scenario.run(world.simple('UnfreezeCase', { reason: 'audit closed', reference: 'BKN-AUDIT-7' }, world.actor('KEPALA_BKN', AGENCY.bkn)));
    expect(j.state.status).toBe('IN_APPROVAL');
  });

  it('revokes a decree; the case ends as REVOKED', () => {
    const j = new CaseJourney(world, 'r48-b', INTERNAL_TARGET, DEMO_NIP.internal).decreed();
    given(j.events)
      .when(world.simple('RevokeDecree', { reason: 'merit violation', reference: 'BKN-REV-1' }, world.actor('KEPALA_BKN', AGENCY.bkn)))
      .then((_, after) => expect(after.status).toBe('REVOKED'));
  });

  it('refuses a revocation when there is no decree', () => {
    const j = new CaseJourney(world, 'r48-c', INTERNAL_TARGET, DEMO_NIP.internal).proposed();
    given(j.events)
      .when(world.simple('RevokeDecree', { reason: 'x', reference: 'y' }, world.actor('KEPALA_BKN', AGENCY.bkn)))
      .thenRefused({ code: 'NO_DECREE' });
  });
});
