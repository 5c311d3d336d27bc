import { ActingReader, Actor, availableActions, innerCase, toDate } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId } from '@mutasi/demo-data';
import { CaseJourney, World } from '@mutasi/testing';

/** The action panel's list: what the status, the reader's roles and agency, and R-06 allow, and nothing else. */
const world = new World();
const BL = AGENCY.bandarLestari;
const INTERNAL = positionId(BL, 'auditor');
const reader = (a: Actor, ...more: Actor['role'][]): ActingReader => ({
  userId: a.userId,
  name: a.name,
  roles: [a.role, ...more] as ActingReader['roles'],
  agencyId: a.agencyId,
  ...(a.nip ? { nip: a.nip } : {}),
});
const today = (j: CaseJourney) => toDate(innerCase(j.state)?.updatedAt ?? '2026-06-01');
const commands = (j: CaseJourney, r: ActingReader) => availableActions(j.state, r, today(j)).map((a) => a.command);

describe('available actions', () => {
  it('offers the needs approval to the PPK of the receiving agency, not to the opener (R-06) nor to another agency', () => {
    const j = new CaseJourney(world, 'aa-needs', INTERNAL, DEMO_NIP.internal).opened();
    expect(commands(j, reader(world.actor('PPK', BL)))).toContain('ApproveNeedsAnalysis');
    const opener = world.actor('PENGUSUL', BL);
    expect(commands(j, { ...reader(world.actor('PPK', BL)), userId: opener.userId })).not.toContain('ApproveNeedsAnalysis');
    expect(commands(j, reader(world.actor('PPK', AGENCY.provNb)))).toEqual([]);
  });

  it('offers the employee acknowledgement and objection on their own case only', () => {
    const j = new CaseJourney(world, 'aa-notified', INTERNAL, DEMO_NIP.internal).notified();
    const employee = world.actor(`pns.${DEMO_NIP.internal}`);
    expect(commands(j, reader(employee))).toEqual(expect.arrayContaining(['AcknowledgeTransfer', 'RaiseObjection']));
    expect(commands(j, { ...reader(employee), nip: DEMO_NIP.sameProvince, userId: `pns.${DEMO_NIP.sameProvince}` })).not.toContain('AcknowledgeTransfer');
  });

  it('offers the active step to its office only, with its step id', () => {
    const j = new CaseJourney(world, 'aa-step', INTERNAL, DEMO_NIP.internal).inApproval();
    const holder = world.stepActor(j.state);
    const offered = availableActions(j.state, reader(holder), today(j));
    const step = innerCase(j.state)?.approval?.steps.find((s) => s.status === 'ACTIVE');
    expect(offered).toEqual(
      expect.arrayContaining([
        { command: 'ApproveStep', stepId: step?.stepId },
        { command: 'RejectStep', stepId: step?.stepId },
        { command: 'ReturnForRevision', stepId: step?.stepId },
      ]),
    );
    expect(commands(j, reader(world.actor('PENGUSUL', BL)))).not.toContain('ApproveStep');
  });
});
