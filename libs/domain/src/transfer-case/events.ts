import { IsoDate, IsoInstant } from '../shared/dates';
import { Actor } from '../reference/roles';
import { EmployeeSnapshot } from '../reference/employee';
import { Position } from '../reference/position';
import { ChainPlan, DecreeSigner } from '../routes/approval-chain';
import { Route } from '../routes/route';
import { MeritRanking } from '../merit/merit';
import { ExceptionGround, RuleOutcome } from '../rules/outcome';
import { NeedsAnalysis } from '../rules/vacancy-rules';
import { SkpRating } from '../values/skp';
import { DocumentKind, DocumentStatement } from './documents';
import type { PlannedTraining } from './training';

/**
 * Domain metadata every event carries. The event store adds the envelope (event id, correlation and causation
 * ids, hash chain) around it.
 */
export interface EventMetadata {
  readonly caseId: string;
  readonly actor: Actor;
  readonly recordedAt: IsoInstant;
  readonly commandId: string;
  readonly policyVersion: string;
  readonly ruleOutcomes: readonly RuleOutcome[];
}

type Event<T extends string, D> = { readonly type: T; readonly data: Readonly<D>; readonly metadata: EventMetadata };

export interface ProposalData {
  readonly candidate: EmployeeSnapshot;
  readonly originAgencyId: string;
  readonly originPositionId: string;
  readonly originPositionTitle: string;
  readonly originPositionClass: string;
  readonly targetAgencyId: string;
  readonly targetPositionId: string;
  readonly initiative: 'DINAS' | 'PERMINTAAN_SENDIRI';
  readonly justification: string;
  readonly meritDeviationJustification: string | null;
  readonly exceptionGrounds: readonly ExceptionGround[];
  readonly downsizingDecreeReference: string | null;
  readonly route: Route;
  readonly crossAgency: boolean;
  readonly meritRanking: MeritRanking;
}

export interface EvaluationData {
  readonly periodMonths: number;
  readonly skpBefore: SkpRating;
  readonly skpAfter: SkpRating;
  /** Where the two ratings came from (absent on evaluations recorded before M-08: typed in by the evaluator). */
  readonly evidence?: {
    readonly skpBefore: { readonly year: number; readonly source: 'PROPOSAL_SNAPSHOT' };
    readonly skpAfter: { readonly source: 'IMPORTED_SKP'; readonly year: number } | { readonly source: 'VERIFIED_DOCUMENT'; readonly documentId: string; readonly period: string };
    readonly vacancyClosed: { readonly source: 'PLACEMENT'; readonly positionGapAfter: number | null };
  };
  readonly competencyFit: number;
  readonly vacancyClosed: boolean;
  readonly serviceIndicators: Readonly<Record<string, number>> | null;
  readonly notes: string;
  readonly score: number;
  readonly verdict: 'MET' | 'PARTLY_MET' | 'NOT_MET';
  /** Per competency gap of the proposal: whether training closed it (absent before training plans existed). */
  readonly training?: readonly { readonly competency: string; readonly status: 'CLOSED' | 'WAIVED' | 'OPEN'; readonly itemIds: readonly string[]; readonly hours: number }[];
}

export type TransferCaseOpened = Event<
  'TransferCaseOpened.v1',
  { caseId: string; targetAgencyId: string; targetPositionId: string; targetPosition: Position; needsAnalysis: NeedsAnalysis }
>;
export type NeedsAnalysisApproved = Event<'NeedsAnalysisApproved.v1', { notes: string }>;
export type CandidateProposed = Event<'CandidateProposed.v1', ProposalData>;
export type ProposalRevised = Event<'ProposalRevised.v1', ProposalData>;
export type EmployeeNotified = Event<'EmployeeNotified.v1', { message: string; objectionDeadline: IsoDate }>;
export type EmployeeAcknowledged = Event<'EmployeeAcknowledged.v1', { nip: string }>;
export type ObjectionRaised = Event<'ObjectionRaised.v1', { reason: string; decisionDeadline: IsoDate }>;
export type ObjectionResolved = Event<'ObjectionResolved.v1', { outcome: 'UPHELD' | 'DISMISSED'; reasoning: string }>;
export type ObjectionWindowClosed = Event<'ObjectionWindowClosed.v1', { objectionDeadline: IsoDate }>;
export type ObjectionDecisionOverdue = Event<'ObjectionDecisionOverdue.v1', { decisionDeadline: IsoDate }>;
/**
 * v2 (stored-events/transfer-upcasters.ts reads v1): the hash is `documentSha256`, the hash of the document's file, and
 * `statement` is always there, null when the document states nothing.
 */
export type DocumentAttached = Event<
  'DocumentAttached.v2',
  { documentId: string; kind: DocumentKind; title: string; documentSha256: string; agencyId: string; statement: DocumentStatement | null }
>;
export type DocumentVerified = Event<'DocumentVerified.v1', { documentId: string; status: 'APPROVED' | 'REJECTED'; notes: string }>;
export type ApprovalChainStarted = Event<'ApprovalChainStarted.v1', ChainPlan & { firstDeadline: IsoDate }>;
export type ApprovalStepGranted = Event<
  'ApprovalStepGranted.v1',
  { stepId: string; notes: string; consentToPositionId: string | null; nextStepId: string | null; nextDeadline: IsoDate | null }
>;
export type ApprovalStepRejected = Event<'ApprovalStepRejected.v1', { stepId: string; reason: string }>;
export type ProposalReturnedForRevision = Event<'ProposalReturnedForRevision.v1', { stepId: string; reason: string }>;
export type ApprovalStepEscalated = Event<'ApprovalStepEscalated.v1', { stepId: string; deadline: IsoDate; escalation: number; nextEscalationOn: IsoDate }>;
export type DecreeIssued = Event<
  'DecreeIssued.v1',
  {
    decreeNumber: string;
    decreeDate: IsoDate;
    effectiveDate: IsoDate;
    documentSha256: string;
    employeeNip: string;
    targetPositionId: string;
    originPositionId: string;
    signer: DecreeSigner;
    delegationId: string | null;
    appointmentDeadline: IsoDate;
  }
>;
export type AppointmentRecorded = Event<'AppointmentRecorded.v1', { appointedOn: IsoDate; reference: string; evaluationsDue: readonly { periodMonths: number; dueOn: IsoDate }[] }>;
export type AppointmentOverdue = Event<'AppointmentOverdue.v1', { appointmentDeadline: IsoDate }>;
export type EvaluationDue = Event<'EvaluationDue.v1', { periodMonths: number; dueOn: IsoDate }>;
export type EvaluationRecorded = Event<'EvaluationRecorded.v1', EvaluationData>;
export type TransferCaseClosed = Event<'TransferCaseClosed.v1', { outcome: 'COMPLETED' }>;
export type TransferWithdrawn = Event<'TransferWithdrawn.v1', { reason: string }>;
export type CaseFrozen = Event<'CaseFrozen.v1', { reason: string; reference: string }>;
export type CaseUnfrozen = Event<'CaseUnfrozen.v1', { reason: string; reference: string }>;
export type DecreeRevoked = Event<'DecreeRevoked.v1', { reason: string; reference: string }>;
export type ReplacementReported = Event<'ReplacementReported.v1', { reference: string; reportedOn: IsoDate; deadline: IsoDate }>;
export type ReplacementReportOverdue = Event<'ReplacementReportOverdue.v1', { deadline: IsoDate }>;
/** the training plan derived from the competency gap at proposal; `carriedItemIds` keeps items done under an earlier proposal. */
export type TrainingPlanDerived = Event<'TrainingPlanDerived.v1', { gaps: readonly string[]; items: readonly PlannedTraining[]; carriedItemIds: readonly string[] }>;
/** The receiving PPK's adjustment: the planned items after it (done items stay), those removed, and why. */
export type TrainingPlanAdjusted = Event<'TrainingPlanAdjusted.v1', { items: readonly PlannedTraining[]; removedItemIds: readonly string[]; reason: string }>;
export type TrainingItemCompleted = Event<'TrainingItemCompleted.v1', { itemId: string; certificateSha256: string; hours: number; provider: string; completedOn: IsoDate }>;
export type TrainingItemWaived = Event<'TrainingItemWaived.v1', { itemId: string; reason: string }>;
export type TrainingItemOverdue = Event<'TrainingItemOverdue.v1', { itemId: string; dueBy: IsoDate }>;

/** Every event of a transfer case. Stored names are explicit and versioned, never class names. */
export type TransferEvent =
  | TransferCaseOpened
  | NeedsAnalysisApproved
  | CandidateProposed
  | ProposalRevised
  | EmployeeNotified
  | EmployeeAcknowledged
  | ObjectionRaised
  | ObjectionResolved
  | ObjectionWindowClosed
  | ObjectionDecisionOverdue
  | DocumentAttached
  | DocumentVerified
  | ApprovalChainStarted
  | ApprovalStepGranted
  | ApprovalStepRejected
  | ProposalReturnedForRevision
  | ApprovalStepEscalated
  | DecreeIssued
  | AppointmentRecorded
  | AppointmentOverdue
  | EvaluationDue
  | EvaluationRecorded
  | TransferCaseClosed
  | TransferWithdrawn
  | CaseFrozen
  | CaseUnfrozen
  | DecreeRevoked
  | ReplacementReported
  | ReplacementReportOverdue
  | TrainingPlanDerived
  | TrainingPlanAdjusted
  | TrainingItemCompleted
  | TrainingItemWaived
  | TrainingItemOverdue;

export type TransferEventType = TransferEvent['type'];

/** Every transfer event type name at its current version (older versions are upcast on read: stored-events/). */
export const TRANSFER_EVENT_TYPES: readonly TransferEventType[] = [
  'TransferCaseOpened.v1',
  'NeedsAnalysisApproved.v1',
  'CandidateProposed.v1',
  'ProposalRevised.v1',
  'EmployeeNotified.v1',
  'EmployeeAcknowledged.v1',
  'ObjectionRaised.v1',
  'ObjectionResolved.v1',
  'ObjectionWindowClosed.v1',
  'ObjectionDecisionOverdue.v1',
  'DocumentAttached.v2',
  'DocumentVerified.v1',
  'ApprovalChainStarted.v1',
  'ApprovalStepGranted.v1',
  'ApprovalStepRejected.v1',
  'ProposalReturnedForRevision.v1',
  'ApprovalStepEscalated.v1',
  'DecreeIssued.v1',
  'AppointmentRecorded.v1',
  'AppointmentOverdue.v1',
  'EvaluationDue.v1',
  'EvaluationRecorded.v1',
  'TransferCaseClosed.v1',
  'TransferWithdrawn.v1',
  'CaseFrozen.v1',
  'CaseUnfrozen.v1',
  'DecreeRevoked.v1',
  'ReplacementReported.v1',
  'ReplacementReportOverdue.v1',
  'TrainingPlanDerived.v1',
  'TrainingPlanAdjusted.v1',
  'TrainingItemCompleted.v1',
  'TrainingItemWaived.v1',
  'TrainingItemOverdue.v1',
];

/** The event stream of a case (docs/domain.md §3). */
export function caseStreamId(caseId: string): string {
  return `${CASE_STREAM_PREFIX}${caseId}`;
}

/** The prefix of every case stream. */
export const CASE_STREAM_PREFIX = 'transfer-';

/** True for the stream of a case. */
export function isCaseStream(streamId: string): boolean {
  return streamId.startsWith(CASE_STREAM_PREFIX);
}

/** The case id of a case stream, or null for another stream. */
export function caseIdOfStream(streamId: string): string | null {
  return isCaseStream(streamId) ? streamId.slice(CASE_STREAM_PREFIX.length) : null;
}
