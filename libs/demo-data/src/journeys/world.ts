import {
  Actor,
  addDays,
  CaseState,
  poolMembers,
  chainAuthorities,
  CommandMetadata,
  decide,
  DEFAULT_POLICIES,
  evolve,
  IsoInstant,
  MutationPlan,
  policyAt,
  ProposalContext,
  recordedFigures,
  ProposalInput,
  TransferCommand,
  TransferEvent,
  toDate,
  innerCase,
  activeStep,
} from '@mutasi/domain';
import { buildDemoData, ReferenceDataSet } from '../dataset';
import { holdersOf, userIdFor } from '../users';
import { demoPlans, planIdFor } from '../workload';
import { DecisionRole, HolidayCalendar, holidayCalendarOf, HumanRole, PUBLISHED_HOLIDAYS, samePerson, stepRole } from '@mutasi/domain';

/** The fixed clock of domain tests: Monday 1 June 2026, 09:00 WIB (the simulation passes its own clock). */
export const TEST_NOW: IsoInstant = '2026-06-01T02:00:00.000Z';

type Body<T extends TransferCommand['type']> = Extract<TransferCommand, { type: T }>['data'];

/**
 * The demo reference data plus command builders that look up the context the application would, so domain tests
 * read as the story they tell.
 */
export class World {
  readonly data: ReferenceDataSet;
  readonly calendar: HolidayCalendar = holidayCalendarOf(PUBLISHED_HOLIDAYS);
  private sequence = 0;

  constructor(readonly now: IsoInstant = TEST_NOW) {
    this.data = buildDemoData(toDate(now));
  }

  /** The actor of a demo user id (first role), or of a role in an agency. */
  actor(userIdOrRole: string, agencyId?: string): Actor {
    const id = agencyId === undefined ? userIdOrRole : userIdFor(userIdOrRole as HumanRole, agencyId);
    const user = this.data.users.find((u) => u.userId === id);
    if (!user) throw new Error(`no demo user ${id}`);
    const role = user.roles[0];
    if (role === undefined) throw new Error(`demo user ${id} has no role`);
    return { userId: user.userId, name: user.name, role, agencyId: user.agencyId, ...(user.nip ? { nip: user.nip } : {}) };
  }

  /**
   * The first demo holder of `role` in `agencyId` who has taken no decision on the case yet (R-06: one person, one
   * decision role), so a journey needs no bookkeeping of who acted where.
   */
  person(role: HumanRole, agencyId: string, state: CaseState, decision?: DecisionRole): Actor {
    const taken = innerCase(state)?.decisions ?? [];
    for (const id of holdersOf(role, agencyId)) {
      const candidate = this.actor(id);
      if (!taken.some((d) => samePerson(d, candidate) && d.role !== decision)) return candidate;
    }
    throw new Error(`every ${role} of ${agencyId} has already taken a decision on the case`);
  }

  meta(actor: Actor, at: IsoInstant = this.now): CommandMetadata {
    this.sequence += 1;
    return { commandId: `cmd-${this.sequence}`, actor, now: at, policy: policyAt(DEFAULT_POLICIES, toDate(at)), calendar: this.calendar };
  }

  agency(id: string) {
    const a = this.data.agencies.find((x) => x.id === id);
    if (!a) throw new Error(`no agency ${id}`);
    return a;
  }

  position(id: string) {
    const p = this.data.positions.find((x) => x.id === id);
    if (!p) throw new Error(`no position ${id}`);
    return p;
  }

  employee(nip: string) {
    const e = this.data.employees.find((x) => x.nip === nip);
    if (!e) throw new Error(`no employee ${nip}`);
    return e;
  }

  open(
    caseId: string,
    targetPositionId: string,
    actor?: Actor,
    at?: IsoInstant,
    analysis: Partial<Body<'OpenTransferCase'>['needsAnalysis']> = {},
    placesHeldBy: readonly string[] = [],
  ): TransferCommand {
    const position = this.position(targetPositionId);
    const by = actor ?? this.actor('PENGUSUL', position.agencyId);
    const metadata = this.meta(by, at);
    const figures = recordedFigures(position, metadata.policy);
    const needsAnalysis = {
      ...figures,
      planReference: planIdFor(position.agencyId, Number(toDate(metadata.now).slice(0, 4))),
      exceptionReason: null,
      justification: `${position.title} memiliki lowongan menurut ABK`,
      ...analysis,
    };
    const plan = this.plans(toDate(metadata.now)).find((p) => p.id === needsAnalysis.planReference) ?? null;
    return {
      type: 'OpenTransferCase',
      data: { caseId, targetAgencyId: position.agencyId, targetPositionId, needsAnalysis },
      context: { targetAgency: this.agency(position.agencyId), targetPosition: position, placesHeld: { count: placesHeldBy.length, caseIds: placesHeldBy }, plan },
      metadata,
    };
  }

  /** The mutation plans of a year as the demo draws them up: a planned move into every position with a deficit now. */
  plans(on: string): MutationPlan[] {
    return demoPlans(this.data.positions, new Map(this.data.agencies.map((a) => [a.id, a.name])), Number(on.slice(0, 4)));
  }

  /** A proposal command for the case's target position, with the context and merit pool the application builds. */
  propose(
    state: CaseState,
    nip: string,
    input: Partial<ProposalInput> = {},
    actor?: Actor,
    at?: IsoInstant,
    revise = false,
    facts: Partial<ProposalContext> = {},
  ): TransferCommand {
    const c = innerCase(state);
    if (!c) throw new Error('no case');
    const employee = this.employee(nip);
    const target = this.position(c.targetPosition.id);
    const metadata = this.meta(actor ?? this.actor('PENGUSUL', c.targetAgencyId), at);
    const source = {
      employees: this.data.employees,
      positionTitle: (id: string) => this.data.positions.find((p) => p.id === id)?.title,
      agencies: this.data.agencies,
      openCaseOf: () => null,
    };
    const meritPool = poolMembers(source, target, this.agency(target.agencyId), employee.agencyId, metadata.policy).filter((m) => m.employee.nip !== nip);
    const data: ProposalInput = {
      employeeNip: nip,
      originPositionId: employee.positionId,
      initiative: 'DINAS',
      justification: 'mengisi lowongan dengan pegawai yang memenuhi syarat',
      meritDeviationJustification: null,
      exceptionGrounds: [],
      downsizingDecreeReference: null,
      ...input,
    };
    const context = {
      employee,
      originAgency: this.agency(employee.agencyId),
      originPosition: this.position(employee.positionId),
      targetAgency: this.agency(target.agencyId),
      targetPosition: target,
      meritPool,
      placesHeld: { count: 0, caseIds: [] },
      employeeOpenCase: null,
      eligibilityChanges: [],
      ...facts,
    };
    return { type: revise ? 'ReviseProposal' : 'ProposeCandidate', data, context, metadata };
  }

  /** A command that needs no context. */
  simple<T extends TransferCommand['type']>(type: T, data: Body<T>, actor: Actor, at?: IsoInstant): TransferCommand {
    return { type, data, context: {}, metadata: this.meta(actor, at) } as TransferCommand;
  }

  submit(state: CaseState, actor?: Actor, at?: IsoInstant): TransferCommand {
    const c = innerCase(state);
    if (!c?.proposal) throw new Error('no proposal');
    const context = {
      originAgency: this.agency(c.proposal.originAgencyId),
      originPosition: this.position(c.proposal.originPositionId),
      targetAgency: this.agency(c.targetAgencyId),
      targetPosition: this.position(c.targetPosition.id),
      authorities: chainAuthorities(this.data.agencies),
    };
    return { type: 'SubmitForApproval', data: {}, context, metadata: this.meta(actor ?? this.actor('PENGUSUL', c.targetAgencyId), at) };
  }

  decree(state: CaseState, actor: Actor, overrides: Partial<Body<'IssueDecree'>> = {}, at?: IsoInstant): TransferCommand {
    const c = innerCase(state);
    if (!c?.proposal) throw new Error('no proposal');
    const when = at ?? this.now;
    const data = {
      decreeNumber: '800/SK-MUT/001/2026',
      decreeDate: toDate(when),
      effectiveDate: addDays(when, 7),
      documentSha256: 'a'.repeat(64),
      employeeNip: c.proposal.candidate.nip,
      targetPositionId: c.targetPosition.id,
      delegationId: null,
      ...overrides,
    };
    const delegation = this.data.delegations.find((d) => d.id === data.delegationId) ?? null;
    return { type: 'IssueDecree', data, context: { delegation, targetAgency: this.agency(c.targetAgencyId) }, metadata: this.meta(actor, at) };
  }

  /** A demo holder of the active step's office who has taken no other decision on the case. */
  stepActor(state: CaseState): Actor {
    const step = activeStep(innerCase(state)?.approval ?? null);
    if (!step) throw new Error('no active step');
    return this.person(step.role, step.agencyId, state, stepRole(step));
  }

  /** A command on the case's evaluation with the record the application would look up. */
  evaluate(
    state: CaseState,
    periodMonths: number,
    actor: Actor,
    at: IsoInstant,
    data: Partial<Body<'RecordEvaluation'>> = {},
    context: Partial<Extract<TransferCommand, { type: 'RecordEvaluation' }>['context']> = {},
  ): TransferCommand {
    const c = innerCase(state);
    const year = Number((c?.decree?.effectiveDate ?? toDate(at)).slice(0, 4)) + 1;
    const body = { periodMonths, competencyFit: 4, skpAfterDocumentId: null, serviceIndicators: null, notes: 'sudah dievaluasi', ...data };
    const record = { placement: { holdsTargetPosition: true, positionGapAfter: 0 }, importedSkpAfter: { year, rating: 'SANGAT_BAIK' as const }, ...context };
    return { type: 'RecordEvaluation', data: body, context: record, metadata: this.meta(actor, at) };
  }
}

/** Runs commands through decide and evolve, keeping the history, like the command pipeline does. */
export class Scenario {
  readonly events: TransferEvent[] = [];
  state: CaseState = { status: 'NONE' };

  run(command: TransferCommand): TransferEvent[] {
    const events = decide(command, this.state);
    this.events.push(...events);
    this.state = events.reduce(evolve, this.state);
    return events;
  }
}
