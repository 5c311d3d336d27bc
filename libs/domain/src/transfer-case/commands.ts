import { HolidayCalendar } from '../shared/calendar';
import { IsoDate, IsoInstant } from '../shared/dates';
import { Policy } from '../policy/policy';
import { Actor } from '../reference/roles';
import { Agency, ChainAuthorities } from '../reference/agency';
import { Delegation, EmployeeSnapshot } from '../reference/employee';
import { Position } from '../reference/position';
import { ExceptionGround } from '../rules/outcome';
import { EligibilityChange } from '../rules/evidence-rules';
import { HeldPlaces, NeedsAnalysis } from '../rules/vacancy-rules';
import { SkpRating } from '../values/skp';
import { MutationPlan } from '../workload/abk';
import type { PoolMember } from '../merit/pool';
import type { TrainingDue, TrainingKind } from './training';
import { DocumentKind, DocumentStatement } from './documents';

/** What every command carries besides its body: who, when, under which policy, and its id for idempotency. */
export interface CommandMetadata {
  readonly commandId: string;
  readonly actor: Actor;
  readonly now: IsoInstant;
  readonly policy: Policy;
  /** The holiday calendars on record, for working-day deadlines. */
  readonly calendar: HolidayCalendar;
}

/**
 * A command: `data` is what the user asked for; `context` is the reference data the application looked up for
 * it (agencies, positions, the employee), so that `decide` stays pure.
 */
type Command<T extends string, D, C = Record<string, never>> = {
  readonly type: T;
  readonly data: Readonly<D>;
  readonly context: Readonly<C>;
  readonly metadata: CommandMetadata;
};

export interface ProposalInput {
  readonly employeeNip: string;
  readonly originPositionId: string;
  readonly initiative: 'DINAS' | 'PERMINTAAN_SENDIRI';
  readonly justification: string;
  readonly meritDeviationJustification: string | null;
  readonly exceptionGrounds: readonly ExceptionGround[];
  readonly downsizingDecreeReference: string | null;
}

/** The facts a proposal is checked against. */
export interface ProposalContext {
  readonly employee: EmployeeSnapshot;
  readonly originAgency: Agency;
  readonly originPosition: Position;
  readonly targetAgency: Agency;
  readonly targetPosition: Position;
  /** The M-01 pool of the target position (`candidatePool`): every employee the proposing agency may draw on. */
  readonly meritPool: readonly PoolMember[];
  /** The places of the target position other cases under way hold. */
  readonly placesHeld: HeldPlaces;
  /** Another open case the employee is already in (M-09), if any. */
  readonly employeeOpenCase: string | null;
  /** Imports that changed the employee's eligibility inputs within the policy window (M-05). */
  readonly eligibilityChanges: readonly EligibilityChange[];
}

export interface ApprovalContext {
  readonly originAgency: Agency;
  readonly originPosition: Position;
  readonly targetAgency: Agency;
  readonly targetPosition: Position;
  readonly authorities: ChainAuthorities;
}

/** What the record says about the places of a position. */
export interface PlacesContext {
  readonly placesHeld: HeldPlaces;
}

/** `plan`: the mutation plan the needs analysis names, as the record holds it (null when none is named or found; R-01). */
export type OpenTransferCase = Command<
  'OpenTransferCase',
  { caseId: string; targetAgencyId: string; targetPositionId: string; needsAnalysis: NeedsAnalysis },
  { targetAgency: Agency; targetPosition: Position; plan: MutationPlan | null } & PlacesContext
>;
export type ApproveNeedsAnalysis = Command<'ApproveNeedsAnalysis', { notes: string }>;
export type ProposeCandidate = Command<'ProposeCandidate', ProposalInput, ProposalContext>;
export type ReviseProposal = Command<'ReviseProposal', ProposalInput, ProposalContext>;
export type NotifyEmployee = Command<'NotifyEmployee', { message: string }>;
export type AcknowledgeTransfer = Command<'AcknowledgeTransfer', Record<string, never>>;
export type RaiseObjection = Command<'RaiseObjection', { reason: string }>;
export type ResolveObjection = Command<'ResolveObjection', { outcome: 'UPHELD' | 'DISMISSED'; reasoning: string }>;
export type AttachDocument = Command<'AttachDocument', { kind: DocumentKind; title: string; sha256: string; statement: DocumentStatement | null }>;
export type VerifyDocument = Command<'VerifyDocument', { documentId: string; status: 'APPROVED' | 'REJECTED'; notes: string }>;
/** `context` null: the case has no proposal, so there is nothing to look up (decide refuses it on the case's status). */
export type SubmitForApproval = Command<'SubmitForApproval', Record<string, never>, ApprovalContext | null>;
/** `consentToPositionId`: on the releasing PPK's consent, the position consented to, stated by the PPK. */
export type ApproveStep = Command<'ApproveStep', { stepId: string; notes: string; consentToPositionId?: string | null }>;
export type RejectStep = Command<'RejectStep', { stepId: string; reason: string }>;
export type ReturnForRevision = Command<'ReturnForRevision', { stepId: string; reason: string }>;
export type IssueDecree = Command<
  'IssueDecree',
  {
    decreeNumber: string;
    decreeDate: IsoDate;
    effectiveDate: IsoDate;
    documentSha256: string;
    employeeNip: string;
    targetPositionId: string;
    delegationId: string | null;
  },
  { delegation: Delegation | null; targetAgency: Agency }
>;
export type RecordAppointment = Command<'RecordAppointment', { appointedOn: IsoDate; reference: string }>;
/** What the record says about the employee after the move, looked up by the application for an evaluation (M-08). */
export interface EvaluationContext {
  /** The placement the appointment made, as the placement projection holds it; null if it is not (yet) on record. */
  readonly placement: { readonly holdsTargetPosition: boolean; readonly positionGapAfter: number } | null;
  /** The imported SKP rating of the first year after TMT, when it is on record. */
  readonly importedSkpAfter: { readonly year: number; readonly rating: SkpRating } | null;
}

export type RecordEvaluation = Command<
  'RecordEvaluation',
  {
    periodMonths: number;
    competencyFit: number;
    skpAfterDocumentId: string | null;
    serviceIndicators: Readonly<Record<string, number>> | null;
    notes: string;
  },
  EvaluationContext
>;
export type CloseCase = Command<'CloseCase', Record<string, never>>;
/** the regional head's office records the report of the replacement to Mendagri. */
export type ReportReplacement = Command<'ReportReplacement', { reference: string; reportedOn: IsoDate }>;
export type WithdrawTransfer = Command<'WithdrawTransfer', { reason: string }>;
export type FreezeCase = Command<'FreezeCase', { reason: string; reference: string }>;
export type UnfreezeCase = Command<'UnfreezeCase', { reason: string; reference: string }>;
export type RevokeDecree = Command<'RevokeDecree', { reason: string; reference: string }>;
/** Scheduler commands: the process manager turns due dates into these. */
export type EscalateOverdueStep = Command<'EscalateOverdueStep', { stepId: string }>;
export type CloseObjectionWindow = Command<'CloseObjectionWindow', Record<string, never>>;
export type FlagObjectionDecisionOverdue = Command<'FlagObjectionDecisionOverdue', Record<string, never>>;
export type FlagAppointmentOverdue = Command<'FlagAppointmentOverdue', Record<string, never>>;
export type AnnounceEvaluationDue = Command<'AnnounceEvaluationDue', { periodMonths: number }>;
export type FlagReplacementReportOverdue = Command<'FlagReplacementReportOverdue', Record<string, never>>;
/** One item of an adjusted training plan: `itemId` names a planned item to keep or change; without it the item is new. */
export interface TrainingItemInput {
  readonly itemId?: string | null;
  readonly competency: string;
  readonly kind: TrainingKind;
  readonly hours: number;
  readonly due: TrainingDue;
  readonly mandatory: boolean;
}
export type AdjustTrainingPlan = Command<'AdjustTrainingPlan', { items: readonly TrainingItemInput[]; reason: string }>;
export type CompleteTrainingItem = Command<'CompleteTrainingItem', { itemId: string; certificateSha256: string; hours: number; provider: string; completedOn: IsoDate }>;
export type WaiveTrainingItem = Command<'WaiveTrainingItem', { itemId: string; reason: string }>;
export type FlagTrainingItemOverdue = Command<'FlagTrainingItemOverdue', { itemId: string }>;

export type TransferCommand =
  | OpenTransferCase
  | ApproveNeedsAnalysis
  | ProposeCandidate
  | ReviseProposal
  | NotifyEmployee
  | AcknowledgeTransfer
  | RaiseObjection
  | ResolveObjection
  | AttachDocument
  | VerifyDocument
  | SubmitForApproval
  | ApproveStep
  | RejectStep
  | ReturnForRevision
  | IssueDecree
  | RecordAppointment
  | RecordEvaluation
  | CloseCase
  | WithdrawTransfer
  | FreezeCase
  | UnfreezeCase
  | RevokeDecree
  | EscalateOverdueStep
  | CloseObjectionWindow
  | FlagObjectionDecisionOverdue
  | FlagAppointmentOverdue
  | AnnounceEvaluationDue
  | ReportReplacement
  | FlagReplacementReportOverdue
  | AdjustTrainingPlan
  | CompleteTrainingItem
  | WaiveTrainingItem
  | FlagTrainingItemOverdue;

export type TransferCommandType = TransferCommand['type'];
