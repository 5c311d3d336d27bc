import { activeStep, canViewCase, HumanRole, innerCase, readScope, TransferCommand } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId } from '@mutasi/demo-data';
import { CaseJourney, given, TEST_NOW, World } from '@mutasi/testing';

const world = new World();
const TARGET = positionId(AGENCY.bandarLestari, 'auditor');
const BL = AGENCY.bandarLestari;
const pns = () => world.actor(`pns.${DEMO_NIP.internal}`);
const journey = (id: string) => new CaseJourney(world, id, TARGET, DEMO_NIP.internal);

describe('every command of a transfer case', () => {
  it('OpenTransferCase: the target agency’s PENGUSUL opens the case in needs analysis', () => {
    given([])
      .when(world.open('c-open', TARGET))
      .then((events, after) => {
        expect(events.map((e) => e.type)).toEqual(['TransferCaseOpened.v1']);
        expect(after.status).toBe('NEEDS_ANALYSIS_SUBMITTED');
        expect(events[0]?.metadata).toMatchObject({ caseId: 'c-open', recordedAt: TEST_NOW, actor: { userId: `pengusul.${BL}` } });
      });
  });

  it('OpenTransferCase: refuses a PENGUSUL of another agency (403) and a second opening (409)', () => {
    given([])
      .when(world.open('c-open2', TARGET, world.actor('PENGUSUL', AGENCY.provNb)))
      .thenRefused({ kind: 'FORBIDDEN', code: 'AGENCY_NOT_ALLOWED' });
    const j = journey('c-open3').opened();
    given(j.events).when(world.open('c-open3', TARGET)).thenRefused({ kind: 'CONFLICT', code: 'CASE_ALREADY_EXISTS' });
  });

  it('ApproveNeedsAnalysis: PPK or the performance-assessment team; refused for a PENGUSUL (403)', () => {
    const j = journey('c-na').opened();
    given(j.events)
      .when(world.simple('ApproveNeedsAnalysis', { notes: '' }, world.actor('TIM_PENILAI_KINERJA', BL)))
      .then((_, after) => expect(after.status).toBe('AWAITING_PROPOSAL'));
    given(j.events)
      .when(world.simple('ApproveNeedsAnalysis', { notes: '' }, world.actor('PENGUSUL', BL)))
      .thenRefused({ kind: 'FORBIDDEN', code: 'ROLE_NOT_ALLOWED' });
  });

  it('ProposeCandidate: refused before the needs analysis is approved (409)', () => {
    const j = journey('c-prop').opened();
    given(j.events).when(world.propose(j.state, DEMO_NIP.internal)).thenRefused({ kind: 'CONFLICT', code: 'INVALID_CASE_STATE' });
  });

  it('NotifyEmployee, AcknowledgeTransfer: the employee alone acknowledges their own case', () => {
    const j = journey('c-ack').notified();
    given(j.events)
      .when(world.simple('AcknowledgeTransfer', {}, world.actor(`pns.${DEMO_NIP.sameProvince}`)))
      .thenRefused({ kind: 'FORBIDDEN', code: 'NOT_THE_EMPLOYEE' });
    given(j.events)
      .when(world.simple('AcknowledgeTransfer', {}, pns()))
      .then((_, after) => expect(after.status).toBe('SOCIALISED'));
  });

  it('RaiseObjection and ResolveObjection UPHELD: back to revision; ReviseProposal restarts socialisation', () => {
    const j = journey('c-obj-up').notified();
    j.scenario.run(world.simple('RaiseObjection', { reason: 'caring for a parent' }, pns()));
    j.scenario.run(world.simple('ResolveObjection', { outcome: 'UPHELD', reasoning: 'valid family grounds' }, world.person('PPK', BL, j.state)));
    expect(j.state.status).toBe('RETURNED_FOR_REVISION');
    given(j.events)
      .when(world.propose(j.state, DEMO_NIP.internal, {}, undefined, undefined, true))
      .then((events, after) => {
        expect(events[0]?.type).toBe('ProposalRevised.v1');
        expect(after.status).toBe('PROPOSED');
        expect(innerCase(after)?.proposal?.version).toBe(2);
      });
  });

  it('ResolveObjection DISMISSED: socialisation completes; reasoning is required', () => {
    const j = journey('c-obj-dis').notified();
    j.scenario.run(world.simple('RaiseObjection', { reason: 'prefer to stay' }, pns()));
    given(j.events)
      .when(world.simple('ResolveObjection', { outcome: 'DISMISSED', reasoning: '' }, world.person('PPK', BL, j.state)))
      .thenRefused({ kind: 'VALIDATION', code: 'FIELD_REQUIRED' });
    given(j.events)
      .when(world.simple('ResolveObjection', { outcome: 'DISMISSED', reasoning: 'service need outweighs preference' }, world.person('PPK', BL, j.state)))
      .then((_, after) => {
        expect(after.status).toBe('SOCIALISED');
        expect(innerCase(after)?.socialisation.outcome).toBe('OBJECTION_DISMISSED');
      });
  });

  it('AttachDocument and VerifyDocument: by hash, verified once, bad hashes refused', () => {
    const j = journey('c-doc').proposed();
    const attach = (sha256: string): TransferCommand =>
      world.simple('AttachDocument', { kind: 'TRAINING_PLAN', title: 'Rencana pelatihan', sha256, statement: null }, world.actor('PENGUSUL', BL));
    given(j.events).when(attach('not-a-hash')).thenRefused({ kind: 'VALIDATION', code: 'INVALID_SHA256' });
    j.scenario.run(attach('b'.repeat(64)));
    given(j.events)
      .when(attach('b'.repeat(64)))
      .thenRefused({ kind: 'CONFLICT', code: 'DUPLICATE_DOCUMENT' });
    j.scenario.run(world.simple('VerifyDocument', { documentId: 'doc-1', status: 'APPROVED', notes: '' }, world.actor('VERIFIKATOR', BL)));
    given(j.events)
      .when(world.simple('VerifyDocument', { documentId: 'doc-1', status: 'REJECTED', notes: 'x' }, world.actor('VERIFIKATOR', BL)))
      .thenRefused({ code: 'DOCUMENT_ALREADY_VERIFIED' });
    given(j.events)
      .when(world.simple('VerifyDocument', { documentId: 'doc-9', status: 'APPROVED', notes: '' }, world.actor('VERIFIKATOR', BL)))
      .thenRefused({ kind: 'VALIDATION', code: 'UNKNOWN_DOCUMENT' });
  });

  it('SubmitForApproval: only after socialisation', () => {
    const j = journey('c-sub').notified();
    given(j.events).when(world.submit(j.state)).thenRefused({ kind: 'CONFLICT', code: 'INVALID_CASE_STATE' });
  });

  it('ApproveStep through the chain, then IssueDecree, RecordAppointment, RecordEvaluation ×2 and CloseCase', () => {
    const j = journey('c-full').appointed();
    const slots = innerCase(j.state)?.evaluations ?? [];
    for (const slot of slots) {
      j.scenario.run(
        world.evaluate(j.state, slot.periodMonths, world.person('TIM_PENILAI_KINERJA', BL, j.state, 'EVALUATION'), `${slot.dueOn}T03:00:00.000Z`, {
          serviceIndicators: { layananSelesaiTepatWaktu: 0.92 },
          notes: 'fits well',
        }),
      );
    }
    given(j.events)
      .when(world.simple('CloseCase', {}, world.actor('PPK', BL), '2027-06-20T03:00:00.000Z'))
      .then((events, after) => {
        expect(events[0]?.type).toBe('TransferCaseClosed.v1');
        expect(after.status).toBe('COMPLETED');
      });
  });

  it('CloseCase: refused while evaluations are pending', () => {
    const j = journey('c-close').appointed();
    given(j.events)
      .when(world.simple('CloseCase', {}, world.actor('PPK', BL)))
      .thenRefused({ code: 'EVALUATIONS_PENDING' });
  });

  it('RejectStep ends the case; ReturnForRevision sends it back with the chain kept in history', () => {
    const j = journey('c-rej').inApproval();
    const stepId = activeStep(innerCase(j.state)?.approval ?? null)?.stepId as string;
    given(j.events)
      .when(world.simple('RejectStep', { stepId, reason: 'file inconsistent' }, world.stepActor(j.state)))
      .then((_, after) => expect(after.status).toBe('REJECTED'));
    given(j.events)
      .when(world.simple('ReturnForRevision', { stepId, reason: 'fix the justification' }, world.stepActor(j.state)))
      .then((_, after) => {
        expect(after.status).toBe('RETURNED_FOR_REVISION');
        expect(innerCase(after)?.pastChains).toHaveLength(1);
      });
  });

  it('WithdrawTransfer: before the decree only', () => {
    const j = journey('c-wd').proposed();
    given(j.events)
      .when(world.simple('WithdrawTransfer', { reason: 'position frozen by budget' }, world.actor('PPK', BL)))
      .then((_, after) => expect(after.status).toBe('WITHDRAWN'));
    const k = journey('c-wd2').decreed();
    given(k.events)
      .when(world.simple('WithdrawTransfer', { reason: 'too late' }, world.actor('PPK', BL)))
      .thenRefused({ code: 'DECREE_ALREADY_ISSUED' });
  });

  it('refuses any command on an ended case (409) and on a case that does not exist (404)', () => {
    const j = journey('c-end').proposed();
    j.scenario.run(world.simple('WithdrawTransfer', { reason: 'x' }, world.actor('PPK', BL)));
    given(j.events)
      .when(world.simple('NotifyEmployee', { message: 'x' }, world.actor('PENGUSUL', BL)))
      .thenRefused({ kind: 'CONFLICT', code: 'CASE_ENDED' });
    given([])
      .when(world.simple('NotifyEmployee', { message: 'x' }, world.actor('PENGUSUL', BL)))
      .thenRefused({ kind: 'NOT_FOUND' });
  });

  it('Freeze, Unfreeze and Revoke are for KEPALA_BKN only', () => {
    const j = journey('c-bkn').proposed();
    given(j.events)
      .when(world.simple('FreezeCase', { reason: 'x', reference: 'y' }, world.actor('PPK', BL)))
      .thenRefused({ kind: 'FORBIDDEN' });
    given(j.events)
      .when(world.simple('UnfreezeCase', { reason: 'x', reference: 'y' }, world.actor('KEPALA_BKN', AGENCY.bkn)))
      .thenRefused({ code: 'NOT_FROZEN' });
  });
});

describe('read scope (docs/access.md)', () => {
  // The journey is built inside the test, not in this describe body (which would make it static to mutation testing).
  let j: CaseJourney;
  beforeEach(() => {
    j = journey('c-read').inApproval();
  });
  const sees = (userId: string): boolean => {
    const actor = world.actor(userId);
    return canViewCase(readScope({ roles: [actor.role as HumanRole], agencyId: actor.agencyId, ...(actor.nip ? { nip: actor.nip } : {}) }, world.data.agencies), j.state);
  };

  it('national oversight and BKN see every case; a provincial inspector the cases of its province; agencies the cases that involve them; an employee their own', () => {
    expect(sees('inspektur.bkn')).toBe(true);
    expect(sees('kepala-bkn.bkn')).toBe(true);
    expect(sees('inspektur.prov-nb')).toBe(true);
    expect(sees('pengusul.kota-bandar-lestari')).toBe(true);
    expect(sees('pengusul.kab-lembah-hijau')).toBe(false);
    expect(sees('gubernur.prov-nb')).toBe(true);
    expect(sees('gubernur.prov-st')).toBe(false);
    expect(sees('mendagri.kemendagri')).toBe(true);
    expect(sees('kanreg-bkn.kanreg-bkn-nb')).toBe(true);
    expect(sees('kanreg-bkn.kanreg-bkn-st')).toBe(false);
    expect(sees('admin.bkn')).toBe(false);
    expect(sees(`pns.${DEMO_NIP.internal}`)).toBe(true);
    expect(sees(`pns.${DEMO_NIP.sameProvince}`)).toBe(false);
  });
});
