import { POSITION_CLASSES, ROUTES } from '@mutasi/domain';
import { decimal, enumOf, integer, json, list, named, nullable, object, optional, text } from '@mutasi/platform';
import { RecordedRuleOutcome } from '../queries/case-events.schema';

/** The answers of the merit and workload reads (the domain's `WorkloadBalance`, `CandidatePool`, `MeritCriteria`). */

const parts = object({ skp: decimal(), competency: decimal(), education: decimal(), timeInPost: decimal(), assessment: optional(decimal('from merit-score/v2')) }, 'each 0–1');
const standing = enumOf(['ELIGIBLE', 'ELIGIBLE_WITH_GROUND', 'NOT_ELIGIBLE']);
const request = (description: string) => object({ method: enumOf(['POST']), path: text(), body: json('the JSON body to send') }, description);

const PositionBalance = named(
  'PositionBalance',
  object({
    positionId: text(),
    agencyId: text(),
    unit: text(),
    title: text(),
    positionClass: enumOf(POSITION_CLASSES),
    kebutuhan: integer(),
    bezetting: integer(),
    incomingUnderWay: integer('open cases that will fill it'),
    outgoingUnderWay: integer('holders whose open case is not yet appointed'),
    gap: integer('kebutuhan − bezetting − incoming + outgoing: above 0 a deficit, below a surplus'),
    status: enumOf(['BALANCED', 'DEFICIT', 'SURPLUS']),
    abk: nullable(object({ workloadHours: decimal(), exactNeed: decimal() })),
    plannedIn: nullable(object({ planId: text(), count: integer() })),
  }),
);

const SuggestedMove = named(
  'SuggestedMove',
  object(
    {
      rank: integer(),
      target: object({ positionId: text(), agencyId: text(), title: text(), gap: integer() }),
      from: object({ positionId: text(), agencyId: text(), title: text(), surplus: integer() }),
      employee: object({
        nip: text(),
        name: text(),
        kind: enumOf(['PNS', 'PPPK']),
        route: nullable(enumOf(ROUTES)),
        standing,
        score: decimal(),
        parts,
        competencyGap: list(text()),
        needsGround: list(text()),
      }),
      opensWith: request('the request that opens the case'),
      proposeWith: request('the request that proposes the employee, once the case is open'),
      notes: list(text()),
    },
    'a surplus → deficit move, ranked by merit',
  ),
);

export const WorkloadBalance = named(
  'WorkloadBalance',
  object({
    policyVersion: text(),
    effectiveHoursPerYear: decimal(),
    agencyIds: list(text()),
    totals: object({ kebutuhan: integer(), bezetting: integer(), deficit: integer(), surplus: integer() }),
    units: list(object({ agencyId: text(), unit: text(), kebutuhan: integer(), bezetting: integer(), gap: integer(), positions: list(PositionBalance) })),
    suggestions: list(SuggestedMove),
  }),
);

export const MutationPlan = named(
  'MutationPlan',
  object({
    id: text(),
    agencyId: text(),
    year: integer(),
    title: text(),
    moves: list(object({ targetPositionId: text(), count: integer(), note: nullable(text()) })),
  }),
);

const PoolCandidate = named(
  'PoolCandidate',
  object({
    nip: text(),
    name: text(),
    agencyId: text(),
    positionId: text(),
    positionTitle: text(),
    kind: enumOf(['PNS', 'PPPK']),
    route: nullable(enumOf(ROUTES)),
    standing,
    rank: nullable(integer()),
    score: decimal(),
    parts,
    blockedBy: list(text(), 'the rules that make the employee not eligible'),
    needsGround: list(text(), 'rules passed only on an exception ground (R-03, R-44)'),
    competencyGap: list(text()),
    outcomes: list(RecordedRuleOutcome),
  }),
);

export const CandidatePool = named(
  'CandidatePool',
  object({
    targetPositionId: text(),
    scoreVersion: text(),
    policyVersion: text(),
    size: integer(),
    eligible: integer(),
    candidates: list(PoolCandidate),
    ranking: object({
      scoreVersion: text(),
      policyVersion: text(),
      entries: list(object({ nip: text(), name: text(), score: decimal(), rank: integer(), parts })),
      poolSize: optional(integer()),
    }),
    emptyBecause: nullable(text()),
    withheld: integer('members blocked only on protected grounds outside your sight'),
    chosen: nullable(object({ nip: text(), recordedRank: nullable(integer()), recordedOf: integer() }, 'the proposed candidate and their rank when proposed')),
  }),
);

const explained = { explanation: text(), legalBasis: text() };

export const MeritCriteria = named(
  'MeritCriteria',
  object(
    {
      policyVersion: text(),
      inForceSince: text(),
      scoreVersion: text(),
      summary: text(),
      criteria: list(object({ part: enumOf(['skp', 'competency', 'education', 'timeInPost', 'assessment']), weight: decimal(), label: text(), explanation: text() })),
      pool: object({ rule: text(), ...explained }),
      eligibility: list(object({ ruleId: text(), ...explained })),
      choosingLowerRanked: text(),
      exceptionGrounds: nullable(list(object({ code: text(), ruleId: text(), label: text(), legalBasis: text() }))),
      legalBasis: text(),
    },
    'in plain words (Bahasa Indonesia)',
  ),
);
