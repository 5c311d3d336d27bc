import { DOCUMENT_KINDS, PERMISSIONS, POSITION_CLASSES, ROLES, ROUTES, SKP_RATINGS, TRAINING_KINDS } from '@mutasi/domain';
import { boolean, date, decimal, enumOf, instant, integer, list, named, nullable, object, optional, record, Schema, text } from '@mutasi/platform';

/** The OpenAPI schema of `caseView` (case-view.ts): keep the two together. */

const officialsOnly = (schema: Schema): Schema => optional(schema);

const actedBy = { userId: text(), name: text(), role: enumOf([...ROLES, 'SYSTEM']), agencyId: text(), at: instant() };

/** Who did something on the case, and when. */
export const ActedBy = named('ActedBy', object(actedBy));

/** Who decided, when, and (officials only) their notes. */
export const ActedWithNotes = named('ActedWithNotes', object({ ...actedBy, notes: officialsOnly(text('officials only')) }));

/** An actor as the domain records one (the scheduler is `SYSTEM`). */
export const Actor = named('Actor', object({ userId: text(), name: text(), role: enumOf([...ROLES, 'SYSTEM']), agencyId: text(), nip: optional(text()) }));

export const RuleOutcomeView = named(
  'RuleOutcomeView',
  object(
    {
      ruleId: text('e.g. R-21'),
      outcome: enumOf(['PASS', 'BLOCK', 'FLAG', 'REQUIRES_STEP']),
      reason: text(),
      legalBasis: text(),
    },
    'what a rule decided on the case (its inputs are in the events)',
  ),
);

export const CaseFlag = named('CaseFlag', object({ ruleId: text(), reason: text(), raisedAt: instant(), commandId: text() }, 'an interference or deadline flag for inspectors'));

const CaseStep = named(
  'CaseStep',
  object(
    {
      stepId: text(),
      kind: enumOf(['VERIFICATION', 'CONSIDERATION', 'PROPOSAL', 'CONSENT', 'FORWARDING', 'COORDINATION', 'WRITTEN_APPROVAL', 'PERTEK', 'DECREE']),
      title: text(),
      role: enumOf(ROLES),
      agencyId: text(),
      status: enumOf(['WAITING', 'ACTIVE', 'APPROVED', 'REJECTED', 'RETURNED', 'DONE']),
      deadline: nullable(date()),
      ruleIds: list(text(), 'the rules that put the step in the chain'),
      escalations: integer(),
      actor: nullable(ActedWithNotes),
    },
    'one step of an approval chain',
  ),
);

const CaseDocument = named(
  'CaseDocument',
  object({
    documentId: text(),
    kind: enumOf(DOCUMENT_KINDS),
    title: text(),
    sha256: text(),
    agencyId: text(),
    status: enumOf(['PENDING', 'APPROVED', 'REJECTED']),
    statement: nullable(object({ skpRating: enumOf(SKP_RATINGS), period: text() }, 'what the document states, verified with it')),
    attached: ActedBy,
    verification: nullable(ActedWithNotes),
  }),
);

const CaseCandidate = named(
  'CaseCandidate',
  object({
    nip: text(),
    name: text(),
    kind: enumOf(['PNS', 'PPPK']),
    golongan: text('e.g. III/c'),
    originAgencyId: text(),
    originPositionId: text(),
    originPositionTitle: text(),
    initiative: enumOf(['DINAS', 'PERMINTAAN_SENDIRI']),
    justification: text(),
    meritDeviationJustification: officialsOnly(nullable(text('why not the top-ranked candidate (M-01); officials only'))),
    exceptionGrounds: list(object({ ruleId: text(), ground: text(), groundCode: optional(text()) })),
    proposalVersion: integer('1, then +1 for each revision'),
    proposedBy: ActedBy,
    merit: object({
      scoreVersion: text('e.g. merit-score/v2'),
      candidates: integer(),
      chosenRank: nullable(integer()),
      chosenScore: nullable(decimal()),
      top: officialsOnly(list(object({ nip: text(), name: text(), score: decimal(), rank: integer() }), 'the three best-ranked; officials only')),
    }),
  }),
);

const Socialisation = object({
  notifiedAt: nullable(instant()),
  objectionDeadline: nullable(date()),
  acknowledgedAt: nullable(instant()),
  objection: nullable(object({ reason: text(), raisedAt: instant(), decisionDeadline: date(), decisionOverdue: boolean() })),
  resolution: nullable(object({ outcome: enumOf(['UPHELD', 'DISMISSED']), reasoning: text(), by: Actor, at: instant() })),
  outcome: nullable(enumOf(['ACKNOWLEDGED', 'OBJECTION_DISMISSED', 'WINDOW_CLOSED'])),
});

const Decree = object({
  decreeNumber: text(),
  decreeDate: date(),
  effectiveDate: date('TMT'),
  documentSha256: text(),
  employeeNip: text(),
  targetPositionId: text(),
  signedBy: ActedBy,
  delegationId: nullable(text()),
  appointmentDeadline: date(),
  appointmentOverdue: boolean(),
  replacementReport: nullable(object({ deadline: date(), reportedOn: nullable(date()), reference: nullable(text()), overdue: boolean() }, 'R-33, when the policy asks for one')),
});

const EvaluationResult = object({
  periodMonths: integer(),
  skpBefore: enumOf(SKP_RATINGS),
  skpAfter: enumOf(SKP_RATINGS),
  evidence: optional(
    object(
      {
        skpBefore: object({ year: integer(), source: enumOf(['PROPOSAL_SNAPSHOT']) }),
        skpAfter: object({ source: enumOf(['IMPORTED_SKP', 'VERIFIED_DOCUMENT']), year: optional(integer()), documentId: optional(text()), period: optional(text()) }),
        vacancyClosed: object({ source: enumOf(['PLACEMENT']), positionGapAfter: nullable(integer()) }),
      },
      'where the ratings came from (M-08); absent on older evaluations',
    ),
  ),
  competencyFit: decimal(),
  vacancyClosed: boolean(),
  serviceIndicators: nullable(record(decimal())),
  notes: text(),
  score: decimal(),
  verdict: enumOf(['MET', 'PARTLY_MET', 'NOT_MET']),
  training: optional(list(object({ competency: text(), status: enumOf(['CLOSED', 'WAIVED', 'OPEN']), itemIds: list(text()), hours: decimal() }))),
  recordedBy: ActedBy,
});

const Training = object(
  {
    derivedAt: instant(),
    gaps: list(text(), 'required competencies the candidate lacked at proposal'),
    adjustments: integer(),
    summary: object({
      items: integer(),
      completed: integer(),
      waived: integer(),
      overdue: integer(),
      openBeforeTmt: integer('mandatory before-TMT items still open: each holds the decree back'),
    }),
    items: list(
      object({
        itemId: text(),
        competency: text(),
        kind: enumOf(TRAINING_KINDS),
        hours: decimal(),
        due: enumOf(['BEFORE_TMT', 'AFTER_TMT']),
        mandatory: boolean(),
        dueBy: nullable(date()),
        status: enumOf(['PLANNED', 'COMPLETED', 'WAIVED']),
        overdue: boolean(),
        completion: nullable(object({ certificateSha256: text(), hours: decimal(), provider: text(), completedOn: date(), recordedBy: text('user id') })),
        waiver: nullable(object({ by: text('user id'), at: instant(), notes: officialsOnly(text('the reason; officials only')) })),
      }),
    ),
  },
  'the training plan (R-09)',
);

/** A command the reader may send now, with what it is about. */
export const AvailableAction = named(
  'AvailableAction',
  object({
    command: enumOf(Object.keys(PERMISSIONS)),
    stepId: optional(text()),
    documentId: optional(text()),
    itemId: optional(text()),
    periodMonths: optional(integer()),
  }),
);

/** `GET /api/transfers/{caseId}` and every case command's answer (docs/api.md). */
export const CaseView = named(
  'CaseView',
  object(
    {
      caseId: text(),
      stage: enumOf(['ANALISIS_KEBUTUHAN', 'USULAN', 'SOSIALISASI', 'PERSETUJUAN', 'SK', 'EVALUASI']),
      status: text('NEEDS_ANALYSIS_SUBMITTED … APPOINTED, FROZEN, or how it ended (COMPLETED, REJECTED, WITHDRAWN, REVOKED)'),
      route: nullable(enumOf(ROUTES)),
      revision: integer('the ETag, unquoted'),
      target: object({ agencyId: text(), positionId: text(), title: text(), positionClass: enumOf(POSITION_CLASSES) }),
      needsAnalysis: object({
        kebutuhan: integer(),
        bezetting: integer(),
        workloadHours: nullable(decimal()),
        planReference: nullable(text()),
        exceptionReason: nullable(text()),
        justification: text(),
      }),
      needsApproval: nullable(ActedWithNotes),
      candidate: nullable(CaseCandidate),
      socialisation: Socialisation,
      requiredDocuments: list(
        object({ kind: enumOf(DOCUMENT_KINDS), title: text(), status: enumOf(['MISSING', 'PENDING', 'APPROVED', 'REJECTED']) }),
        'the checklist of the route (R-50)',
      ),
      documents: list(CaseDocument),
      approvalChain: list(CaseStep),
      chainPolicyVersion: nullable(text()),
      pastChains: list(list(CaseStep), 'chains ended by a return for revision'),
      decreeSigner: nullable(object({ role: enumOf(ROLES), agencyId: text() })),
      decree: nullable(Decree),
      appointment: nullable(object({ appointedOn: date(), reference: text(), recordedBy: ActedBy })),
      evaluations: list(object({ periodMonths: integer(), dueOn: date(), result: nullable(EvaluationResult) })),
      training: nullable(Training),
      ruleOutcomes: list(RuleOutcomeView, 'the employee sees no flagged outcomes'),
      flags: list(CaseFlag, 'officials only (empty for the employee)'),
      decisions: list(
        object({ role: text('e.g. PROPOSAL, STEP:PERTEK:KEPALA_BKN@bkn'), userId: text(), name: text(), office: object({ role: text(), agencyId: text() }), at: instant() }),
        'R-06: one person, one decision role',
      ),
      frozen: nullable(object({ reason: text(), reference: text(), by: ActedBy })),
      ended: nullable(object({ outcome: enumOf(['COMPLETED', 'REJECTED', 'WITHDRAWN', 'REVOKED']), reason: text(), reference: nullable(text()), by: ActedBy })),
      openedAt: instant(),
      openedBy: ActedBy,
      updatedAt: instant(),
      actions: optional(list(AvailableAction, 'on GET: the commands you may send now')),
    },
    'a transfer case folded from its events, as the reader may see it',
  ),
);
