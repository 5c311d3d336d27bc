import { ActiveCase, CaseState, innerCase, isCaseStream, stageOf, trainingSummary, TransferEvent } from '@mutasi/domain';
import { RecordedEvent } from '@mutasi/event-store';
import { SPEC_VERSION } from './contracts';

/** A versioned integration event: what other agencies and dashboards consume (docs/integration-events). */
export interface IntegrationEvent {
  readonly specVersion: typeof SPEC_VERSION;
  readonly eventId: string;
  readonly type: string;
  readonly caseId: string;
  readonly sequence: number;
  readonly occurredAt: string;
  readonly actor: { readonly role: string; readonly agencyId: string };
  readonly case: {
    readonly stage: string;
    readonly status: string;
    readonly route: string | null;
    readonly targetAgencyId: string;
    readonly originAgencyId: string | null;
    readonly targetPositionId: string;
  };
  readonly data: Record<string, unknown>;
}

/** `data.plan` of the training integration events (mutasi.transfer.Training*.v1): the plan's counts after the event. */
export type IntegrationTrainingPlan = ReturnType<typeof trainingSummary>;
/** One step of `data.steps` in mutasi.transfer.ApprovalStarted.v1. */
export type IntegrationApprovalStep = {
  readonly stepId: string;
  readonly kind: string;
  readonly role: string;
  readonly agencyId: string;
  readonly title: string;
  readonly dueInDays: number;
  readonly ruleIds: readonly string[];
};

const T = (name: string): string => `mutasi.transfer.${name}.v1`;

function candidateData(e: Extract<TransferEvent, { type: 'CandidateProposed.v1' | 'ProposalRevised.v1' }>): Record<string, unknown> {
  const d = e.data;
  const chosen = d.meritRanking.entries.find((m) => m.nip === d.candidate.nip);
  return {
    candidateNip: d.candidate.nip,
    candidateName: d.candidate.name,
    golongan: d.candidate.golongan,
    originAgencyId: d.originAgencyId,
    originPositionId: d.originPositionId,
    targetPositionId: d.targetPositionId,
    route: d.route,
    initiative: d.initiative,
    meritRank: chosen?.rank ?? null,
    meritCandidates: d.meritRanking.entries.length,
  };
}

/** The public type and data of a domain event: facts other agencies need, no free text or rule inputs. */
function publicPart(e: TransferEvent): [string, Record<string, unknown>] {
  switch (e.type) {
    case 'TransferCaseOpened.v1': {
      const p = e.data.targetPosition;
      return [
        T('CaseOpened'),
        {
          targetAgencyId: e.data.targetAgencyId,
          targetPositionId: e.data.targetPositionId,
          positionTitle: p.title,
          positionClass: p.positionClass,
          kebutuhan: p.kebutuhan,
          bezetting: p.bezetting,
          planReference: e.data.needsAnalysis.planReference,
          exceptionReason: e.data.needsAnalysis.exceptionReason,
        },
      ];
    }
    case 'NeedsAnalysisApproved.v1':
      return [T('NeedsAnalysisApproved'), {}];
    case 'CandidateProposed.v1':
      return [T('CandidateProposed'), candidateData(e)];
    case 'ProposalRevised.v1':
      return [T('ProposalRevised'), candidateData(e)];
    case 'EmployeeNotified.v1':
      return [T('EmployeeNotified'), { objectionDeadline: e.data.objectionDeadline }];
    case 'EmployeeAcknowledged.v1':
      return [T('EmployeeAcknowledged'), {}];
    case 'ObjectionRaised.v1':
      return [T('ObjectionRaised'), { decisionDeadline: e.data.decisionDeadline }];
    case 'ObjectionResolved.v1':
      return [T('ObjectionResolved'), { outcome: e.data.outcome }];
    case 'ObjectionWindowClosed.v1':
      return [T('ObjectionWindowClosed'), {}];
    case 'ObjectionDecisionOverdue.v1':
      return [T('ObjectionDecisionOverdue'), { decisionDeadline: e.data.decisionDeadline }];
    case 'DocumentAttached.v2':
      return [T('DocumentAttached'), { documentId: e.data.documentId, kind: e.data.kind, sha256: e.data.documentSha256 }];
    case 'DocumentVerified.v1':
      return [T('DocumentVerified'), { documentId: e.data.documentId, status: e.data.status }];
    case 'ApprovalChainStarted.v1':
      return [
        T('ApprovalStarted'),
        {
          route: e.data.route,
          policyVersion: e.data.policyVersion,
          firstDeadline: e.data.firstDeadline,
          decreeSigner: { role: e.data.decreeSigner.role, agencyId: e.data.decreeSigner.agencyId },
          steps: e.data.steps.map((s) => ({ stepId: s.stepId, kind: s.kind, role: s.role, agencyId: s.agencyId, title: s.title, dueInDays: s.dueInDays, ruleIds: [...s.ruleIds] })),
        },
      ];
    case 'ApprovalStepGranted.v1':
      return [T('ApprovalStepGranted'), { stepId: e.data.stepId, nextStepId: e.data.nextStepId, nextDeadline: e.data.nextDeadline }];
    case 'ApprovalStepRejected.v1':
      return [T('ApprovalStepRejected'), { stepId: e.data.stepId }];
    case 'ProposalReturnedForRevision.v1':
      return [T('ProposalReturned'), { stepId: e.data.stepId }];
    case 'ApprovalStepEscalated.v1':
      return [T('ApprovalStepEscalated'), { stepId: e.data.stepId, deadline: e.data.deadline, escalation: e.data.escalation }];
    case 'DecreeIssued.v1':
      return [
        T('DecreeIssued'),
        {
          decreeNumber: e.data.decreeNumber,
          decreeDate: e.data.decreeDate,
          effectiveDate: e.data.effectiveDate,
          documentSha256: e.data.documentSha256,
          employeeNip: e.data.employeeNip,
          targetPositionId: e.data.targetPositionId,
          signerRole: e.data.signer.role,
          signerAgencyId: e.data.signer.agencyId,
          appointmentDeadline: e.data.appointmentDeadline,
        },
      ];
    case 'AppointmentRecorded.v1':
      return [T('AppointmentRecorded'), { appointedOn: e.data.appointedOn, evaluationsDue: e.data.evaluationsDue.map((x) => ({ periodMonths: x.periodMonths, dueOn: x.dueOn })) }];
    case 'AppointmentOverdue.v1':
      return [T('AppointmentOverdue'), { appointmentDeadline: e.data.appointmentDeadline }];
    case 'EvaluationDue.v1':
      return [T('EvaluationDue'), { periodMonths: e.data.periodMonths, dueOn: e.data.dueOn }];
    case 'EvaluationRecorded.v1':
      return [
        T('EvaluationRecorded'),
        {
          periodMonths: e.data.periodMonths,
          skpBefore: e.data.skpBefore,
          skpAfter: e.data.skpAfter,
          competencyFit: e.data.competencyFit,
          vacancyClosed: e.data.vacancyClosed,
          score: e.data.score,
          verdict: e.data.verdict,
        },
      ];
    case 'TransferCaseClosed.v1':
      return [T('CaseClosed'), {}];
    case 'TransferWithdrawn.v1':
      return [T('CaseWithdrawn'), {}];
    case 'CaseFrozen.v1':
      return [T('CaseFrozen'), { reference: e.data.reference }];
    case 'CaseUnfrozen.v1':
      return [T('CaseUnfrozen'), { reference: e.data.reference }];
    case 'DecreeRevoked.v1':
      return [T('DecreeRevoked'), { reference: e.data.reference }];
    case 'ReplacementReported.v1':
      return [T('ReplacementReported'), { reportedOn: e.data.reportedOn, deadline: e.data.deadline }];
    case 'ReplacementReportOverdue.v1':
      return [T('ReplacementReportOverdue'), { deadline: e.data.deadline }];
    case 'TrainingPlanDerived.v1':
      return [T('TrainingPlanDerived'), { gaps: [...e.data.gaps] }];
    case 'TrainingPlanAdjusted.v1':
      return [T('TrainingPlanAdjusted'), { removedItemIds: [...e.data.removedItemIds] }];
    case 'TrainingItemCompleted.v1':
      return [T('TrainingItemCompleted'), { itemId: e.data.itemId, hours: e.data.hours, completedOn: e.data.completedOn }];
    case 'TrainingItemWaived.v1':
      return [T('TrainingItemWaived'), { itemId: e.data.itemId }];
    case 'TrainingItemOverdue.v1':
      return [T('TrainingItemOverdue'), { itemId: e.data.itemId, dueBy: e.data.dueBy }];
  }
}

const TRAINING_EVENTS = new Set(['TrainingPlanDerived.v1', 'TrainingPlanAdjusted.v1', 'TrainingItemCompleted.v1', 'TrainingItemWaived.v1', 'TrainingItemOverdue.v1']);

/**
 * The integration event of a stored transfer event, given the case's state right after it (for the `case`
 * snapshot dashboards need). Null for events that are not a case's (refusals, reference data imports).
 */
export function toIntegrationEvent(recorded: RecordedEvent, domain: TransferEvent, after: CaseState): IntegrationEvent | null {
  const c: ActiveCase | null = innerCase(after);
  if (!isCaseStream(recorded.streamId) || c === null) return null;
  const [type, part] = publicPart(domain);
  // Training events carry the plan's counts after them, so a dashboard needs no state of its own to show completion.
  const data = TRAINING_EVENTS.has(domain.type) ? { ...part, plan: { ...trainingSummary(c.training) } } : part;
  const actor = domain.metadata.actor;
  return {
    specVersion: SPEC_VERSION,
    eventId: recorded.eventId,
    type,
    caseId: c.caseId,
    sequence: recorded.revision,
    occurredAt: domain.metadata.recordedAt,
    actor: { role: actor.role, agencyId: actor.agencyId },
    case: {
      stage: stageOf(c),
      status: after.status,
      route: c.proposal?.route ?? null,
      targetAgencyId: c.targetAgencyId,
      originAgencyId: c.proposal?.originAgencyId ?? null,
      targetPositionId: c.targetPosition.id,
    },
    data,
  };
}
