import { evolveTraining } from './training-evolve';
import { withTmt } from './training';
import { addDays, IsoDate, IsoInstant } from '../shared/dates';
import { RuleOutcome } from '../rules/outcome';
import { ActiveCase, ApprovalState, CaseCore, CaseState, Flag, ProposalRecord, StepState } from './state';
import { ProposalData, TransferEvent } from './events';
import { decisionBy, DecisionRole, stepRole } from './decisions';
import { isDocumentKind } from './documents';

/**
 * Folds one event into the state. Forgiving by design: an event that does not fit the state (which `decide` never
 * produces, but a corrupted or foreign stream could hold) leaves the state unchanged instead of throwing, so a
 * case can always be read and inspected.
 */
export function evolve(state: CaseState, event: TransferEvent): CaseState {
  if (event.type === 'TransferCaseOpened.v1') return state.status === 'NONE' ? opened(event) : state;
  if (state.status === 'NONE') return state;
  if (state.status === 'FROZEN') {
    if (event.type === 'CaseUnfrozen.v1') return state.case;
    if (event.type === 'DecreeRevoked.v1') return end(state.case, 'REVOKED', event.metadata.actor, event.metadata.recordedAt, event.data.reason, event.data.reference);
    return state;
  }
  if ('case' in state) return state;
  const before = touched(state, event);
  const after = evolveActive(before, event);
  return after === before ? after : withDecision(state, after, event);
}

/** The decision role an event records, judged on the state before it; null for events that decide nothing. */
function decisionRoleOf(state: ActiveCase, event: TransferEvent): DecisionRole | null {
  if (event.metadata.actor.role === 'SYSTEM') return null;
  switch (event.type) {
    case 'CandidateProposed.v1':
    case 'ProposalRevised.v1':
    case 'EmployeeNotified.v1':
    case 'ApprovalChainStarted.v1':
      return 'PROPOSAL';
    case 'NeedsAnalysisApproved.v1':
      return 'NEEDS_APPROVAL';
    case 'ObjectionResolved.v1':
      return 'OBJECTION_DECISION';
    case 'DocumentVerified.v1':
      return 'DOCUMENT_VERIFICATION';
    case 'ApprovalStepGranted.v1':
    case 'ApprovalStepRejected.v1':
    case 'ProposalReturnedForRevision.v1': {
      const step = state.approval?.steps.find((s) => s.stepId === event.data.stepId);
      return step ? stepRole(step) : null;
    }
    case 'DecreeIssued.v1':
      return 'DECREE';
    case 'AppointmentRecorded.v1':
      return 'APPOINTMENT';
    case 'EvaluationRecorded.v1':
      return 'EVALUATION';
    default:
      return null;
  }
}

/** Adds the decision `event` took to the case after it, wrapped or not (a rejection ends the case). */
function withDecision(before: ActiveCase, after: CaseState, event: TransferEvent): CaseState {
  const role = decisionRoleOf(before, event);
  if (role === null) return after;
  const decision = decisionBy(event.metadata.actor, role, event.metadata.recordedAt);
  const add = (c: ActiveCase): ActiveCase => ({ ...c, decisions: [...c.decisions, decision] });
  if (after.status === 'NONE') return after;
  if ('case' in after) return { ...after, case: add(after.case) } as CaseState;
  return add(after);
}

function opened(event: Extract<TransferEvent, { type: 'TransferCaseOpened.v1' }>): CaseState {
  const { data, metadata } = event;
  const core: CaseCore = {
    caseId: data.caseId,
    opened: { actor: metadata.actor, at: metadata.recordedAt },
    targetAgencyId: data.targetAgencyId,
    targetPosition: data.targetPosition,
    needsAnalysis: data.needsAnalysis,
    needsApproval: null,
    proposal: null,
    socialisation: { notifiedAt: null, objectionDeadline: null, acknowledgedAt: null, objection: null, resolution: null, outcome: null },
    documents: [],
    approval: null,
    pastChains: [],
    decree: null,
    appointment: null,
    evaluations: [],
    training: null,
    ruleOutcomes: metadata.ruleOutcomes,
    flags: flagsFrom(metadata.ruleOutcomes, metadata.recordedAt, metadata.commandId),
    decisions: metadata.actor.role === 'SYSTEM' ? [] : [decisionBy(metadata.actor, 'PROPOSAL', metadata.recordedAt)],
    updatedAt: metadata.recordedAt,
  };
  return { ...core, status: 'NEEDS_ANALYSIS_SUBMITTED' };
}

function flagsFrom(outcomes: readonly RuleOutcome[], at: IsoInstant, commandId: string): Flag[] {
  return outcomes.filter((o) => o.outcome === 'FLAG').map((o) => ({ ruleId: o.ruleId, reason: o.reason, raisedAt: at, commandId }));
}

/** Records the event's rule outcomes (latest per rule) and flags, and the time of the last change. */
function touched(state: ActiveCase, event: TransferEvent): ActiveCase {
  const outcomes = event.metadata.ruleOutcomes;
  if (outcomes.length === 0) return { ...state, updatedAt: event.metadata.recordedAt };
  const replaced = new Set(outcomes.map((o) => o.ruleId));
  return {
    ...state,
    ruleOutcomes: [...state.ruleOutcomes.filter((o) => !replaced.has(o.ruleId)), ...outcomes],
    flags: [...state.flags, ...flagsFrom(outcomes, event.metadata.recordedAt, event.metadata.commandId)],
    updatedAt: event.metadata.recordedAt,
  };
}

function end(
  state: ActiveCase,
  status: 'COMPLETED' | 'REJECTED' | 'WITHDRAWN' | 'REVOKED',
  actor: ActiveCase['opened']['actor'],
  at: IsoInstant,
  reason: string,
  reference: string | null,
): CaseState {
  return { status, ending: { actor, at, reason, reference }, case: state };
}

function proposalRecord(data: ProposalData, event: TransferEvent, version: number): ProposalRecord {
  const askedDocuments = event.metadata.ruleOutcomes.map((o) => o.inputs.requiredDocument).filter(isDocumentKind);
  return { ...data, proposedBy: event.metadata.actor, proposedAt: event.metadata.recordedAt, version, askedDocuments };
}

function withSteps(approval: ApprovalState, change: (step: StepState, index: number) => StepState): ApprovalState {
  return { ...approval, steps: approval.steps.map(change) };
}

function evolveActive(state: ActiveCase, event: TransferEvent): CaseState {
  const { actor, recordedAt: at } = event.metadata;
  switch (event.type) {
    case 'TransferCaseOpened.v1':
      return state;
    case 'NeedsAnalysisApproved.v1':
      return state.status === 'NEEDS_ANALYSIS_SUBMITTED' ? { ...state, status: 'AWAITING_PROPOSAL', needsApproval: { actor, at, notes: event.data.notes } } : state;
    case 'CandidateProposed.v1':
      return state.status === 'AWAITING_PROPOSAL' ? { ...state, status: 'PROPOSED', proposal: proposalRecord(event.data, event, 1) } : state;
    case 'ProposalRevised.v1': {
      if (state.status !== 'RETURNED_FOR_REVISION') return state;
      const socialisation = { notifiedAt: null, objectionDeadline: null, acknowledgedAt: null, objection: null, resolution: null, outcome: null };
      return { ...state, status: 'PROPOSED', proposal: proposalRecord(event.data, event, state.proposal.version + 1), socialisation };
    }
    case 'EmployeeNotified.v1':
      return state.status === 'PROPOSED'
        ? { ...state, status: 'EMPLOYEE_NOTIFIED', socialisation: { ...state.socialisation, notifiedAt: at, objectionDeadline: event.data.objectionDeadline } }
        : state;
    case 'EmployeeAcknowledged.v1':
      return state.status === 'EMPLOYEE_NOTIFIED'
        ? { ...state, status: 'SOCIALISED', socialisation: { ...state.socialisation, acknowledgedAt: at, outcome: 'ACKNOWLEDGED' } }
        : state;
    case 'ObjectionRaised.v1':
      return state.status === 'EMPLOYEE_NOTIFIED'
        ? {
            ...state,
            status: 'OBJECTION_RAISED',
            socialisation: {
              ...state.socialisation,
              objection: { reason: event.data.reason, raisedAt: at, decisionDeadline: event.data.decisionDeadline, decisionOverdue: false },
            },
          }
        : state;
    case 'ObjectionResolved.v1': {
      if (state.status !== 'OBJECTION_RAISED') return state;
      const resolution = { outcome: event.data.outcome, reasoning: event.data.reasoning, by: actor, at };
      return event.data.outcome === 'UPHELD'
        ? { ...state, status: 'RETURNED_FOR_REVISION', socialisation: { ...state.socialisation, resolution } }
        : { ...state, status: 'SOCIALISED', socialisation: { ...state.socialisation, resolution, outcome: 'OBJECTION_DISMISSED' } };
    }
    case 'ObjectionWindowClosed.v1':
      return state.status === 'EMPLOYEE_NOTIFIED' ? { ...state, status: 'SOCIALISED', socialisation: { ...state.socialisation, outcome: 'WINDOW_CLOSED' } } : state;
    case 'ObjectionDecisionOverdue.v1': {
      const objection = state.socialisation.objection;
      return state.status === 'OBJECTION_RAISED' && objection ? { ...state, socialisation: { ...state.socialisation, objection: { ...objection, decisionOverdue: true } } } : state;
    }
    case 'DocumentAttached.v2': {
      const { documentSha256, ...document } = event.data;
      if (state.documents.some((d) => d.documentId === document.documentId)) return state;
      return { ...state, documents: [...state.documents, { ...document, sha256: documentSha256, attached: { actor, at }, status: 'PENDING', verification: null }] };
    }
    case 'DocumentVerified.v1':
      return {
        ...state,
        documents: state.documents.map((d) =>
          d.documentId === event.data.documentId ? { ...d, status: event.data.status, verification: { actor, at, notes: event.data.notes } } : d,
        ),
      };
    case 'ApprovalChainStarted.v1':
      return state.status === 'SOCIALISED' ? { ...state, status: 'IN_APPROVAL', approval: startedChain(event.data, at) } : state;
    case 'ApprovalStepGranted.v1':
      return state.status === 'IN_APPROVAL'
        ? { ...state, approval: granted(state.approval, event.data.stepId, event.data.nextDeadline, { actor, at, notes: event.data.notes }) }
        : state;
    case 'ApprovalStepRejected.v1':
      return state.status === 'IN_APPROVAL'
        ? end(
            { ...state, approval: closeStep(state.approval, event.data.stepId, 'REJECTED', { actor, at, notes: event.data.reason }) },
            'REJECTED',
            actor,
            at,
            event.data.reason,
            null,
          )
        : state;
    case 'ProposalReturnedForRevision.v1': {
      if (state.status !== 'IN_APPROVAL') return state;
      const returned = closeStep(state.approval, event.data.stepId, 'RETURNED', { actor, at, notes: event.data.reason });
      return { ...state, status: 'RETURNED_FOR_REVISION', approval: null, pastChains: [...state.pastChains, returned] };
    }
    case 'ApprovalStepEscalated.v1':
      return state.status === 'IN_APPROVAL'
        ? {
            ...state,
            approval: withSteps(state.approval, (s) =>
              s.stepId === event.data.stepId ? { ...s, escalations: event.data.escalation, nextEscalationOn: event.data.nextEscalationOn } : s,
            ),
          }
        : state;
    case 'DecreeIssued.v1': {
      if (state.status !== 'IN_APPROVAL') return state;
      const approval = withSteps(state.approval, (s) => (s.kind === 'DECREE' ? { ...s, status: 'DONE', acted: { actor, at, notes: event.data.decreeNumber } } : s));
      const { decreeNumber, decreeDate, effectiveDate, documentSha256, employeeNip, targetPositionId, delegationId, appointmentDeadline } = event.data;
      const reportDeadline = event.metadata.ruleOutcomes.find((o) => o.ruleId === 'R-33')?.inputs.reportDeadline;
      const replacementReport = typeof reportDeadline === 'string' ? { deadline: reportDeadline, reportedOn: null, reference: null, overdue: false } : null;
      const decree = {
        decreeNumber,
        decreeDate,
        effectiveDate,
        documentSha256,
        employeeNip,
        targetPositionId,
        delegationId,
        appointmentDeadline,
        signedBy: actor,
        appointmentOverdue: false,
        replacementReport,
      };
      return { ...state, status: 'DECREED', approval, decree, training: state.training === null ? null : withTmt(state.training, effectiveDate) };
    }
    case 'AppointmentRecorded.v1': {
      if (state.status !== 'DECREED') return state;
      const evaluations = event.data.evaluationsDue.map((e) => ({ periodMonths: e.periodMonths, dueOn: e.dueOn, announced: false, result: null }));
      return { ...state, status: 'APPOINTED', appointment: { actor, at, appointedOn: event.data.appointedOn, reference: event.data.reference }, evaluations };
    }
    case 'ReplacementReported.v1':
    case 'ReplacementReportOverdue.v1': {
      if (state.decree === null || state.decree.replacementReport === null) return state;
      const report = state.decree.replacementReport;
      const next = event.type === 'ReplacementReported.v1' ? { ...report, reportedOn: event.data.reportedOn, reference: event.data.reference } : { ...report, overdue: true };
      return { ...state, decree: { ...state.decree, replacementReport: next } } as ActiveCase;
    }
    case 'AppointmentOverdue.v1':
      return state.status === 'DECREED' ? { ...state, decree: { ...state.decree, appointmentOverdue: true } } : state;
    case 'EvaluationDue.v1':
      return { ...state, evaluations: state.evaluations.map((e) => (e.periodMonths === event.data.periodMonths ? { ...e, announced: true } : e)) };
    case 'EvaluationRecorded.v1':
      return { ...state, evaluations: state.evaluations.map((e) => (e.periodMonths === event.data.periodMonths ? { ...e, result: { ...event.data, actor, at } } : e)) };
    case 'TransferCaseClosed.v1':
      return state.status === 'APPOINTED' ? end(state, 'COMPLETED', actor, at, 'seluruh evaluasi sudah dicatat', null) : state;
    case 'TransferWithdrawn.v1':
      return end(state, 'WITHDRAWN', actor, at, event.data.reason, null);
    case 'CaseFrozen.v1':
      return { status: 'FROZEN', freeze: { actor, at, reason: event.data.reason, reference: event.data.reference }, case: state };
    case 'CaseUnfrozen.v1':
      return state;
    case 'DecreeRevoked.v1':
      return state.decree !== null ? end(state, 'REVOKED', actor, at, event.data.reason, event.data.reference) : state;
    case 'TrainingPlanDerived.v1':
    case 'TrainingPlanAdjusted.v1':
    case 'TrainingItemCompleted.v1':
    case 'TrainingItemWaived.v1':
    case 'TrainingItemOverdue.v1':
      return { ...state, training: evolveTraining(state.training, event) } as ActiveCase;
  }
}

function startedChain(data: Extract<TransferEvent, { type: 'ApprovalChainStarted.v1' }>['data'], at: IsoInstant): ApprovalState {
  const steps = data.steps.map((s, i): StepState => ({
    ...s,
    status: i === 0 ? 'ACTIVE' : 'WAITING',
    deadline: i === 0 ? data.firstDeadline : null,
    acted: null,
    escalations: 0,
    nextEscalationOn: null,
  }));
  return { route: data.route, steps, decreeSigner: data.decreeSigner, policyVersion: data.policyVersion, startedAt: at };
}

function granted(approval: ApprovalState, stepId: string, nextDeadline: IsoDate | null, acted: NonNullable<StepState['acted']>): ApprovalState {
  const index = approval.steps.findIndex((s) => s.stepId === stepId && s.status === 'ACTIVE');
  if (index < 0) return approval;
  return withSteps(approval, (s, i) => {
    if (i === index) return { ...s, status: 'APPROVED', acted };
    if (i === index + 1) return { ...s, status: 'ACTIVE', deadline: nextDeadline ?? addDays(acted.at, s.dueInDays) };
    return s;
  });
}

function closeStep(approval: ApprovalState, stepId: string, status: 'REJECTED' | 'RETURNED', acted: NonNullable<StepState['acted']>): ApprovalState {
  return withSteps(approval, (s) => (s.stepId === stepId ? { ...s, status, acted } : s));
}

/** Folds a whole history from the initial state. */
export function fold(events: readonly TransferEvent[], from: CaseState = { status: 'NONE' }): CaseState {
  return events.reduce(evolve, from);
}
