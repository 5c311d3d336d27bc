import { activeStep, addDays, CaseState, evolve, innerCase, SCHEDULER_ACTOR, TransferEvent } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId } from '@mutasi/demo-data';
import { CaseJourney, TEST_NOW, World } from '@mutasi/testing';
import { Notice, noticesFor } from '../src/notices';

const world = new World();
const INTERNAL = positionId(AGENCY.bandarLestari, 'auditor');
const at = (date: string): string => `${date}T03:00:00.000Z`;

/** Every event of a history with the notices it gives, judged as the projection does (state before, state after). */
function noticesOf(events: readonly TransferEvent[]): { type: string; notices: Notice[] }[] {
  let state: CaseState = { status: 'NONE' };
  return events.map((event) => {
    const before = state;
    state = evolve(state, event);
    return { type: event.type, notices: noticesFor(event, before, state) };
  });
}

const topics = (events: readonly TransferEvent[]): string[] => noticesOf(events).flatMap((e) => e.notices.map((n) => n.topic));

describe('notices: every new task and every deadline tells the offices that act on it', () => {
  it('walks an internal case: needs approval, proposal, the employee, socialisation, documents, each step as it becomes active', () => {
    const j = new CaseJourney(world, 'n-internal', INTERNAL, DEMO_NIP.internal).approved();
    expect(topics(j.events)).toEqual([
      'NEEDS_APPROVAL',
      'PROPOSAL',
      'PROPOSED',
      'NOTIFY_EMPLOYEE',
      'ACKNOWLEDGEMENT',
      'SUBMISSION',
      ...(innerCase(j.state)?.documents.map(() => 'DOCUMENT_VERIFICATION') ?? []),
      'STEP',
      'STEP',
      'STEP',
    ]);
    const steps = noticesOf(j.events)
      .flatMap((e) => e.notices)
      .filter((n) => n.topic === 'STEP');
    expect(steps.map((n) => n.audience)).toEqual([
      [{ kind: 'OFFICE', role: 'VERIFIKATOR', agencyId: AGENCY.bandarLestari }],
      [{ kind: 'OFFICE', role: 'TIM_PENILAI_KINERJA', agencyId: AGENCY.bandarLestari }],
      [{ kind: 'OFFICE', role: 'PPK', agencyId: AGENCY.bandarLestari }],
    ]);
    expect(steps.at(-1)).toMatchObject({ kind: 'TASK', title: 'Tugas baru: penetapan SK mutasi' });
  });

  it('tells the employee, by NIP, that they are proposed ("Anda diusulkan…") and when to answer', () => {
    const j = new CaseJourney(world, 'n-employee', INTERNAL, DEMO_NIP.internal).notified();
    const mine = noticesOf(j.events)
      .flatMap((e) => e.notices)
      .filter((n) => n.audience.some((a) => a.kind === 'EMPLOYEE'));
    expect(mine.map((n) => [n.topic, n.audience])).toEqual([
      ['PROPOSED', [{ kind: 'EMPLOYEE', nip: DEMO_NIP.internal }]],
      ['ACKNOWLEDGEMENT', [{ kind: 'EMPLOYEE', nip: DEMO_NIP.internal }]],
    ]);
    expect(mine[0]?.body).toMatch(/^Anda diusulkan untuk mutasi ke jabatan /);
    expect(mine[1]).toMatchObject({ kind: 'TASK', deadline: addDays(TEST_NOW, 14) });
    expect(mine[1]?.body).toContain('paling lambat 15 Juni 2026');
  });

  it('R-30: an escalation tells the holders of the step and the PPK of the step’s agency', () => {
    const j = new CaseJourney(world, 'n-r30', positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).inApproval();
    const step = activeStep(innerCase(j.state)?.approval ?? null);
    if (!step?.deadline) throw new Error('no active step with a deadline');
    j.scenario.run(world.simple('EscalateOverdueStep', { stepId: step.stepId }, SCHEDULER_ACTOR, at(addDays(step.deadline, 1))));
    const last = noticesOf(j.events).at(-1);
    expect(last?.type).toBe('ApprovalStepEscalated.v1');
    expect(last?.notices).toEqual([
      expect.objectContaining({
        kind: 'DEADLINE',
        topic: 'ESCALATION',
        deadline: step.deadline,
        audience: [
          { kind: 'OFFICE', role: step.role, agencyId: step.agencyId },
          { kind: 'OFFICE', role: 'PPK', agencyId: step.agencyId },
        ],
      }),
    ]);
    expect(last?.notices[0]?.body).toContain('eskalasi ke-1, R-30');
  });

  it('a freeze and an unfreeze hand out nothing new', () => {
    const j = new CaseJourney(world, 'n-freeze', INTERNAL, DEMO_NIP.internal).inApproval();
    const bkn = world.actor('KEPALA_BKN', AGENCY.bkn);
    j.scenario.run(world.simple('FreezeCase', { reason: 'audit BKN', reference: 'BKN-1' }, bkn));
    j.scenario.run(world.simple('UnfreezeCase', { reason: 'audit selesai', reference: 'BKN-1' }, bkn));
    expect(
      noticesOf(j.events)
        .slice(-2)
        .flatMap((e) => e.notices),
    ).toEqual([]);
  });

  it('the decree tells the employee it is issued and the receiving PPK to record the appointment', () => {
    const j = new CaseJourney(world, 'n-decree', INTERNAL, DEMO_NIP.internal).decreed();
    expect(
      noticesOf(j.events)
        .at(-1)
        ?.notices.map((n) => [n.topic, n.audience[0]]),
    ).toEqual([
      ['DECREE_ISSUED', { kind: 'EMPLOYEE', nip: DEMO_NIP.internal }],
      ['APPOINTMENT', { kind: 'OFFICE', role: 'PPK', agencyId: AGENCY.bandarLestari }],
    ]);
  });

  it('gives the same notices when judged again (replay)', () => {
    const j = new CaseJourney(world, 'n-twice', INTERNAL, DEMO_NIP.internal).approved();
    expect(noticesOf(j.events)).toEqual(noticesOf(j.events));
  });
});
