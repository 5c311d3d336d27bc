import { boolean, date, decimal, enumOf, instant, integer, list, named, nullable, object, text } from '@mutasi/platform';

/** The answers of `/api/dashboard/*` and `/api/me/cases` (dashboard-queries.ts), and the live stream's events. */

const STAGES = ['ANALISIS_KEBUTUHAN', 'USULAN', 'SOSIALISASI', 'PERSETUJUAN', 'SK', 'EVALUASI'];
const TASK_KINDS = [
  'STEP',
  'DECREE',
  'NEEDS_APPROVAL',
  'PROPOSAL',
  'REVISION',
  'NOTIFY_EMPLOYEE',
  'ACKNOWLEDGEMENT',
  'OBJECTION_DECISION',
  'SUBMISSION',
  'DOCUMENT_VERIFICATION',
  'APPOINTMENT',
  'EVALUATION',
  'TRAINING',
];

export const Pipeline = named(
  'Pipeline',
  object(
    {
      agencies: nullable(list(text(), 'the agencies counted; null: all')),
      stages: list(object({ stage: enumOf(STAGES), total: integer(), byRoute: list(object({ route: text('a route, or NOT_YET_PROPOSED'), cases: integer() })) })),
    },
    'open cases per stage and route',
  ),
);

export const StageLeadTime = named('StageLeadTime', object({ stage: enumOf(STAGES), completed: integer('stages completed'), medianDays: decimal(), p90Days: decimal() }));

export const PositionWorkload = named(
  'PositionWorkload',
  object({
    agencyId: text(),
    positionId: text(),
    title: text(),
    kebutuhan: integer(),
    bezetting: integer(),
    gap: integer('kebutuhan − bezetting'),
    casesUnderWay: integer(),
  }),
);

export const AgencyTraining = named(
  'AgencyTraining',
  object({
    agencyId: text('the receiving agency'),
    cases: integer(),
    items: integer(),
    completed: integer(),
    waived: integer(),
    overdue: integer(),
    openBeforeTmt: integer('mandatory before-TMT items still holding a decree'),
    completionRate: nullable(decimal('completed ÷ items, 0–1; null without items')),
  }),
);

export const InboxTask = named(
  'InboxTask',
  object(
    {
      caseId: text(),
      taskId: text(),
      kind: enumOf(TASK_KINDS),
      stepId: nullable(text()),
      role: text(),
      agencyId: text(),
      title: text(),
      deadline: nullable(date()),
      overdue: boolean(),
      escalations: integer(),
      position: nullable(text("the target position's title")),
      candidate: nullable(text("the candidate's name")),
      route: nullable(text()),
      status: text(),
    },
    'a task waiting for you',
  ),
);

export const EvaluationOutcomes = named(
  'EvaluationOutcomes',
  object({
    summary: object({ evaluations: integer(), vacancyClosedShare: nullable(decimal()), averageScore: nullable(decimal()), met: integer() }),
    items: list(
      object({
        caseId: text(),
        periodMonths: integer(),
        agencyId: text(),
        skpBefore: text(),
        skpAfter: text(),
        competencyFit: decimal(),
        vacancyClosed: boolean(),
        score: decimal(),
        verdict: enumOf(['MET', 'PARTLY_MET', 'NOT_MET']),
        recordedAt: instant(),
      }),
      'the latest 200',
    ),
  }),
);

export const CaseSummary = named(
  'CaseSummary',
  object(
    {
      caseId: text(),
      targetAgencyId: text(),
      originAgencyId: nullable(text()),
      targetPositionId: text(),
      position: nullable(text("the target position's title")),
      route: nullable(text()),
      stage: enumOf(STAGES),
      status: text(),
      open: boolean(),
      candidate: nullable(object({ nip: text(), name: nullable(text()) })),
      openedAt: nullable(instant()),
      daysInStage: nullable(decimal()),
      updatedAt: instant(),
    },
    'a case as lists show it',
  ),
);

export const CasePage = named('CasePage', object({ items: list(CaseSummary), nextCursor: nullable(text('the last case id of this page; null at the end')) }));

export const MyCases = named('MyCases', object({ items: list(CaseSummary, 'newest first') }));

export const CaseChangeStream = {
  type: 'string',
  description: 'server-sent events `case-changed`, each `data` a JSON `{caseId, type, stage, status, targetAgencyId, originAgencyId, at}`',
};
