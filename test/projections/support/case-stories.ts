import { activeStep, addDays, innerCase, TransferEvent } from '@mutasi/domain';
import { AGENCY, DEMO_NIP, positionId } from '@mutasi/demo-data';
import { CaseJourney, World } from '@mutasi/testing';

/** One case as the decider wrote it: the events a projection is given. */
export interface CaseStory {
  readonly caseId: string;
  readonly nip: string;
  readonly targetPositionId: string;
  readonly events: readonly TransferEvent[];
}

function story(journey: CaseJourney): CaseStory {
  return { caseId: journey.caseId, nip: journey.nip, targetPositionId: journey.targetPositionId, events: [...journey.events] };
}

function activeStepId(journey: CaseJourney): string {
  const step = activeStep(innerCase(journey.state)?.approval ?? null);
  if (!step) throw new Error(`${journey.caseId} has no active step`);
  return step.stepId;
}

/**
 * The endings projections must handle, each a real case history made by the decider from the demo world, each with
 * its own employee and position so that no two stories claim the same place or person.
 */
export function caseStories(world: World, prefix: string) {
  const appointed = new CaseJourney(world, `${prefix}-appointed`, positionId(AGENCY.bandarLestari, 'auditor'), DEMO_NIP.internal).appointed();

  const revoked = new CaseJourney(world, `${prefix}-revoked`, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince).appointed();
  revoked.scenario.run(world.simple('RevokeDecree', { reason: 'merit violation found by BKN', reference: 'BKN-REV-7' }, world.actor('KEPALA_BKN', AGENCY.bkn)));

  const withdrawn = new CaseJourney(world, `${prefix}-withdrawn`, positionId(AGENCY.bandarLestari, 'pranata-komputer'), DEMO_NIP.centralToRegional).proposed();
  withdrawn.scenario.run(world.simple('WithdrawTransfer', { reason: 'position frozen by the budget' }, world.actor('PPK', AGENCY.bandarLestari)));

  const returned = new CaseJourney(world, `${prefix}-returned`, positionId(AGENCY.lembahHijau, 'analis-kebijakan'), DEMO_NIP.interProvince).inApproval();
  // Returned the next day, so that the stage it goes back to is entered again at an instant of its own.
  const nextDay = `${addDays(String(returned.events.at(-1)?.metadata.recordedAt).slice(0, 10), 1)}T02:00:00.000Z`;
  returned.scenario.run(
    world.simple('ReturnForRevision', { stepId: activeStepId(returned), reason: 'the justification names no ABK figure' }, world.stepActor(returned.state), nextDay),
  );

  const rejected = new CaseJourney(world, `${prefix}-rejected`, positionId(AGENCY.tanjungHarapan, 'kasubbag-kepegawaian'), DEMO_NIP.electionFreeze).inApproval();
  rejected.scenario.run(world.simple('RejectStep', { stepId: activeStepId(rejected), reason: 'file inconsistent' }, world.stepActor(rejected.state)));

  return { appointed: story(appointed), revoked: story(revoked), withdrawn: story(withdrawn), returned: story(returned), rejected: story(rejected) };
}

export type CaseStories = ReturnType<typeof caseStories>;

/** The first event of `type` in a history (a spec's expected rows come from the events it was given). */
export function eventOf<T extends TransferEvent['type']>(events: readonly TransferEvent[], type: T): Extract<TransferEvent, { type: T }> {
  const event = events.find((e): e is Extract<TransferEvent, { type: T }> => e.type === type);
  if (!event) throw new Error(`no ${type} in the history`);
  return event;
}
