import { IsoDate, IsoInstant } from '../shared/dates';
import { Actor } from '../reference/roles';
import { Position } from '../reference/position';
import { DecreeSigner, PlannedStep } from '../routes/approval-chain';
import { Route } from '../routes/route';
import { RuleOutcome } from '../rules/outcome';
import { NeedsAnalysis } from '../rules/vacancy-rules';
import { DocumentKind, DocumentStatement } from './documents';
import { Decision } from './decisions';
import type { TrainingPlan } from './training';
import { EvaluationData, ProposalData } from './events';

export type Stage = 'ANALISIS_KEBUTUHAN' | 'USULAN' | 'SOSIALISASI' | 'PERSETUJUAN' | 'SK' | 'EVALUASI';
export type TerminalStatus = 'COMPLETED' | 'REJECTED' | 'WITHDRAWN' | 'REVOKED';

export interface Acted {
  readonly actor: Actor;
  readonly at: IsoInstant;
}

export interface ProposalRecord extends ProposalData {
  readonly proposedBy: Actor;
  readonly proposedAt: IsoInstant;
  /** 1 for the first proposal, +1 for each revision. */
  readonly version: number;
  /** Documents the proposal's rules asked for besides the route's, from its recorded outcomes. */
  readonly askedDocuments: readonly DocumentKind[];
}

export interface Socialisation {
  readonly notifiedAt: IsoInstant | null;
  readonly objectionDeadline: IsoDate | null;
  readonly acknowledgedAt: IsoInstant | null;
  readonly objection: { readonly reason: string; readonly raisedAt: IsoInstant; readonly decisionDeadline: IsoDate; readonly decisionOverdue: boolean } | null;
  readonly resolution: { readonly outcome: 'UPHELD' | 'DISMISSED'; readonly reasoning: string; readonly by: Actor; readonly at: IsoInstant } | null;
  readonly outcome: 'ACKNOWLEDGED' | 'OBJECTION_DISMISSED' | 'WINDOW_CLOSED' | null;
}

export interface DocumentRecord {
  readonly documentId: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly sha256: string;
  readonly agencyId: string;
  /** What the document states (a periodic performance evaluation's rating), verified with the document. */
  readonly statement: DocumentStatement | null;
  readonly attached: Acted;
  readonly status: 'PENDING' | 'APPROVED' | 'REJECTED';
  readonly verification: (Acted & { readonly notes: string }) | null;
}

export type StepStatus = 'WAITING' | 'ACTIVE' | 'APPROVED' | 'REJECTED' | 'RETURNED' | 'DONE';

export interface StepState extends PlannedStep {
  readonly status: StepStatus;
  readonly deadline: IsoDate | null;
  readonly acted: (Acted & { readonly notes: string }) | null;
  readonly escalations: number;
  readonly nextEscalationOn: IsoDate | null;
}

export interface ApprovalState {
  readonly route: Route;
  readonly steps: readonly StepState[];
  readonly decreeSigner: DecreeSigner;
  readonly policyVersion: string;
  readonly startedAt: IsoInstant;
}

export interface DecreeRecord {
  readonly decreeNumber: string;
  readonly decreeDate: IsoDate;
  readonly effectiveDate: IsoDate;
  readonly documentSha256: string;
  readonly employeeNip: string;
  readonly targetPositionId: string;
  readonly signedBy: Actor;
  readonly delegationId: string | null;
  readonly appointmentDeadline: IsoDate;
  readonly appointmentOverdue: boolean;
  /** the report of the replacement to Mendagri, when the policy asked for one. */
  readonly replacementReport: { readonly deadline: IsoDate; readonly reportedOn: IsoDate | null; readonly reference: string | null; readonly overdue: boolean } | null;
}

export interface EvaluationSlot {
  readonly periodMonths: number;
  readonly dueOn: IsoDate;
  readonly announced: boolean;
  readonly result: (EvaluationData & Acted) | null;
}

export interface Flag {
  readonly ruleId: string;
  readonly reason: string;
  readonly raisedAt: IsoInstant;
  readonly commandId: string;
}

/** What every open case knows, whatever its status. */
export interface CaseCore {
  readonly caseId: string;
  readonly opened: Acted;
  readonly targetAgencyId: string;
  readonly targetPosition: Position;
  readonly needsAnalysis: NeedsAnalysis;
  readonly needsApproval: (Acted & { readonly notes: string }) | null;
  readonly proposal: ProposalRecord | null;
  readonly socialisation: Socialisation;
  readonly documents: readonly DocumentRecord[];
  readonly approval: ApprovalState | null;
  /** Chains ended by a return for revision, kept so the view shows the whole history. */
  readonly pastChains: readonly ApprovalState[];
  readonly decree: DecreeRecord | null;
  readonly appointment: (Acted & { readonly appointedOn: IsoDate; readonly reference: string }) | null;
  readonly evaluations: readonly EvaluationSlot[];
  /** Latest outcome of each rule that ran on the case. */
  readonly ruleOutcomes: readonly RuleOutcome[];
  readonly flags: readonly Flag[];
  /** The training plan derived from the competency gap at proposal; null before a proposal. */
  readonly training: TrainingPlan | null;
  /** Every human decision taken on the case, in order (R-06: one person, one decision role). */
  readonly decisions: readonly Decision[];
  readonly updatedAt: IsoInstant;
}

type Proposed = CaseCore & { readonly proposal: ProposalRecord };
type InApproval = Proposed & { readonly approval: ApprovalState };
type Decreed = InApproval & { readonly decree: DecreeRecord };

/** A case that still moves through its stages. */
export type ActiveCase =
  | (CaseCore & { readonly status: 'NEEDS_ANALYSIS_SUBMITTED' | 'AWAITING_PROPOSAL' })
  | (Proposed & { readonly status: 'PROPOSED' | 'EMPLOYEE_NOTIFIED' | 'OBJECTION_RAISED' | 'SOCIALISED' | 'RETURNED_FOR_REVISION' })
  | (InApproval & { readonly status: 'IN_APPROVAL' })
  | (Decreed & { readonly status: 'DECREED' })
  | (Decreed & { readonly status: 'APPOINTED'; readonly appointment: NonNullable<CaseCore['appointment']> });

export type ActiveStatus = ActiveCase['status'];

/** An active case narrowed to some statuses, with the fields those statuses guarantee. */
export type CaseIn<S extends ActiveStatus> = ActiveCase & { readonly status: S };

export interface FrozenCase {
  readonly status: 'FROZEN';
  readonly freeze: Acted & { readonly reason: string; readonly reference: string };
  readonly case: ActiveCase;
}

export interface EndedCase {
  readonly status: TerminalStatus;
  readonly ending: Acted & { readonly reason: string; readonly reference: string | null };
  readonly case: ActiveCase;
}

/** The state of a transfer case, keyed on `status`. */
export type CaseState = { readonly status: 'NONE' } | ActiveCase | FrozenCase | EndedCase;

/** The state before the first event. */
export function initialState(): CaseState {
  return { status: 'NONE' };
}

/** The stage a case is in (docs/domain.md §3). */
export function stageOf(state: ActiveCase): Stage {
  switch (state.status) {
    case 'NEEDS_ANALYSIS_SUBMITTED':
      return 'ANALISIS_KEBUTUHAN';
    case 'AWAITING_PROPOSAL':
    case 'PROPOSED':
    case 'RETURNED_FOR_REVISION':
      return 'USULAN';
    case 'EMPLOYEE_NOTIFIED':
    case 'OBJECTION_RAISED':
    case 'SOCIALISED':
      return 'SOSIALISASI';
    case 'IN_APPROVAL':
      return activeStep(state.approval)?.kind === 'DECREE' ? 'SK' : 'PERSETUJUAN';
    case 'DECREED':
      return 'SK';
    case 'APPOINTED':
      return 'EVALUASI';
  }
}

/** The step that may be acted on now, if any. */
export function activeStep(approval: ApprovalState | null): StepState | undefined {
  return approval?.steps.find((s) => s.status === 'ACTIVE');
}

/** The active case inside any state (the case itself, or the one a freeze or an ending wraps). */
export function innerCase(state: CaseState): ActiveCase | null {
  if (state.status === 'NONE') return null;
  if ('case' in state) return state.case;
  return state;
}
