import { arr, bool, date, instant, int, ndate, nstr, num, obj, Schema, sha256, str } from './schema-builders';

/** Topics, with explicit partitions and retention (created by the relay and audit-service at start). */
export const TOPICS = {
  transferEvents: { name: 'mutasi.transfer-events.v1', partitions: 6, config: { 'retention.ms': String(90 * 24 * 3600 * 1000), 'cleanup.policy': 'delete' } },
  auditCheckpoints: { name: 'mutasi.audit-checkpoints.v1', partitions: 1, config: { 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'delete' } },
} as const;

export const SPEC_VERSION = 'mutasi.integration/1';

const stages = ['ANALISIS_KEBUTUHAN', 'USULAN', 'SOSIALISASI', 'PERSETUJUAN', 'SK', 'EVALUASI'];
const candidate = {
  candidateNip: str({ pattern: '^\\d{18}$' }),
  candidateName: str(),
  golongan: str(),
  originAgencyId: str(),
  originPositionId: str(),
  targetPositionId: str(),
  route: str(),
  initiative: str({ enum: ['DINAS', 'PERMINTAAN_SENDIRI'] }),
  meritRank: { type: ['integer', 'null'] },
  meritCandidates: int(),
};
const reference = { reference: str() };
const trainingPlan = { items: int(), completed: int(), waived: int(), overdue: int(), openBeforeTmt: int() };

/** The data of each integration event type, v1. The key is the integration type name. */
export const DATA_SCHEMAS: Readonly<Record<string, Schema>> = {
  'mutasi.transfer.CaseOpened.v1': obj({
    targetAgencyId: str(),
    targetPositionId: str(),
    positionTitle: str(),
    positionClass: str(),
    kebutuhan: int(),
    bezetting: int(),
    planReference: nstr(),
    exceptionReason: nstr(),
  }),
  'mutasi.transfer.NeedsAnalysisApproved.v1': obj({}),
  'mutasi.transfer.CandidateProposed.v1': obj(candidate),
  'mutasi.transfer.ProposalRevised.v1': obj(candidate),
  'mutasi.transfer.EmployeeNotified.v1': obj({ objectionDeadline: date() }),
  'mutasi.transfer.EmployeeAcknowledged.v1': obj({}),
  'mutasi.transfer.ObjectionRaised.v1': obj({ decisionDeadline: date() }),
  'mutasi.transfer.ObjectionResolved.v1': obj({ outcome: str({ enum: ['UPHELD', 'DISMISSED'] }) }),
  'mutasi.transfer.ObjectionWindowClosed.v1': obj({}),
  'mutasi.transfer.ObjectionDecisionOverdue.v1': obj({ decisionDeadline: date() }),
  'mutasi.transfer.DocumentAttached.v1': obj({ documentId: str(), kind: str(), sha256: sha256() }),
  'mutasi.transfer.DocumentVerified.v1': obj({ documentId: str(), status: str({ enum: ['APPROVED', 'REJECTED'] }) }),
  'mutasi.transfer.ApprovalStarted.v1': obj({
    route: str(),
    policyVersion: str(),
    firstDeadline: date(),
    decreeSigner: obj({ role: str(), agencyId: str() }),
    steps: arr(obj({ stepId: str(), kind: str(), role: str(), agencyId: str(), title: str(), dueInDays: int(), ruleIds: arr(str()) })),
  }),
  'mutasi.transfer.ApprovalStepGranted.v1': obj({ stepId: str(), nextStepId: nstr(), nextDeadline: ndate() }),
  'mutasi.transfer.ApprovalStepRejected.v1': obj({ stepId: str() }),
  'mutasi.transfer.ProposalReturned.v1': obj({ stepId: str() }),
  'mutasi.transfer.ApprovalStepEscalated.v1': obj({ stepId: str(), deadline: date(), escalation: int() }),
  'mutasi.transfer.DecreeIssued.v1': obj({
    decreeNumber: str(),
    decreeDate: date(),
    effectiveDate: date(),
    documentSha256: sha256(),
    employeeNip: str(),
    targetPositionId: str(),
    signerRole: str(),
    signerAgencyId: str(),
    appointmentDeadline: date(),
  }),
  'mutasi.transfer.AppointmentRecorded.v1': obj({ appointedOn: date(), evaluationsDue: arr(obj({ periodMonths: int(), dueOn: date() })) }),
  'mutasi.transfer.AppointmentOverdue.v1': obj({ appointmentDeadline: date() }),
  'mutasi.transfer.EvaluationDue.v1': obj({ periodMonths: int(), dueOn: date() }),
  'mutasi.transfer.EvaluationRecorded.v1': obj({
    periodMonths: int(),
    skpBefore: str(),
    skpAfter: str(),
    competencyFit: int(),
    vacancyClosed: bool(),
    score: num(),
    verdict: str({ enum: ['MET', 'PARTLY_MET', 'NOT_MET'] }),
  }),
  'mutasi.transfer.CaseClosed.v1': obj({}),
  'mutasi.transfer.CaseWithdrawn.v1': obj({}),
  'mutasi.transfer.CaseFrozen.v1': obj(reference),
  'mutasi.transfer.CaseUnfrozen.v1': obj(reference),
  'mutasi.transfer.DecreeRevoked.v1': obj(reference),
  'mutasi.transfer.ReplacementReported.v1': obj({ reportedOn: date(), deadline: date() }),
  'mutasi.transfer.ReplacementReportOverdue.v1': obj({ deadline: date() }),
  'mutasi.transfer.TrainingPlanDerived.v1': obj({ gaps: arr(str()), plan: obj(trainingPlan) }),
  'mutasi.transfer.TrainingPlanAdjusted.v1': obj({ removedItemIds: arr(str()), plan: obj(trainingPlan) }),
  'mutasi.transfer.TrainingItemCompleted.v1': obj({ itemId: str(), hours: int(), completedOn: date(), plan: obj(trainingPlan) }),
  'mutasi.transfer.TrainingItemWaived.v1': obj({ itemId: str(), plan: obj(trainingPlan) }),
  'mutasi.transfer.TrainingItemOverdue.v1': obj({ itemId: str(), dueBy: date(), plan: obj(trainingPlan) }),
};

/** The full JSON Schema of one integration event type: the envelope with that type's data. */
export function integrationEventSchema(type: string): Schema {
  const data = DATA_SCHEMAS[type];
  if (!data) throw new Error(`no integration event ${type}`);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://mutasi.example.go.id/schemas/${type}.json`,
    title: type,
    description: `Mutasi integration event ${type} on topic ${TOPICS.transferEvents.name}; message key = caseId. Consumers dedupe by eventId (at-least-once delivery).`,
    ...obj({
      specVersion: str({ const: SPEC_VERSION }),
      eventId: str({ format: 'uuid' }),
      type: str({ const: type }),
      caseId: str(),
      sequence: int({ minimum: 0 }),
      occurredAt: instant(),
      actor: obj({ role: str(), agencyId: str() }),
      case: obj({ stage: str({ enum: stages }), status: str(), route: nstr(), targetAgencyId: str(), originAgencyId: nstr(), targetPositionId: str() }),
      data,
    }),
  };
}

/** The signed tree head message on `mutasi.audit-checkpoints.v1` (key = the ledger origin). */
export const AUDIT_CHECKPOINT_SCHEMA: Schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://mutasi.example.go.id/schemas/mutasi.audit.TreeHeadSigned.v1.json',
  title: 'mutasi.audit.TreeHeadSigned.v1',
  description: `A signed tree head of the Mutasi ledger on topic ${TOPICS.auditCheckpoints.name}, kept forever so anyone can hold the operator to it.`,
  ...obj({
    specVersion: str({ const: SPEC_VERSION }),
    type: str({ const: 'mutasi.audit.TreeHeadSigned.v1' }),
    origin: str(),
    treeSize: int({ minimum: 1 }),
    rootHash: str(),
    timestamp: instant(),
    checkpoint: str(),
    verifierKey: str(),
  }),
};
