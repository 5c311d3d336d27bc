import { DomainError, invalid } from '../shared/errors';
import { r01AnnualPlan, r04NeedsFigures, r04Vacancy, NeedsAnalysis } from '../rules/vacancy-rules';
import { throwIfBlocked } from '../rules/outcome';
import { ApproveNeedsAnalysis, OpenTransferCase } from './commands';
import { emit, requireActive, requireStatus, separationOfDuties, text } from './decide-support';
import { NeedsAnalysisApproved, TransferCaseOpened } from './events';
import { CaseState } from './state';

function count(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000)
    throw invalid('FIELD_INVALID', field, `${field} harus bilangan bulat dari 0 sampai 100000`);
  return value;
}

/** Stage 1: the receiving agency shows the need for the target position. */
export function openTransferCase(command: OpenTransferCase, state: CaseState): TransferCaseOpened[] {
  if (state.status !== 'NONE') throw new DomainError('CONFLICT', 'CASE_ALREADY_EXISTS', `kasus ${command.data.caseId} sudah ada`);
  const { data, context } = command;
  if (context.targetPosition.agencyId !== data.targetAgencyId || context.targetAgency.id !== data.targetAgencyId) {
    throw invalid('POSITION_NOT_IN_AGENCY', 'targetPositionId', `jabatan ${data.targetPositionId} bukan milik instansi ${data.targetAgencyId}`);
  }
  const input = data.needsAnalysis;
  const needsAnalysis: NeedsAnalysis = {
    kebutuhan: count('needsAnalysis.kebutuhan', input.kebutuhan),
    bezetting: count('needsAnalysis.bezetting', input.bezetting),
    workloadHours: input.workloadHours === null ? null : count('needsAnalysis.workloadHours', input.workloadHours),
    planReference: text(command, 'needsAnalysis.planReference', input.planReference, false) || null,
    exceptionReason: text(command, 'needsAnalysis.exceptionReason', input.exceptionReason, false) || null,
    justification: text(command, 'needsAnalysis.justification', input.justification),
  };
  const { now, policy } = command.metadata;
  const outcomes = [
    r01AnnualPlan(needsAnalysis, context.plan, context.targetPosition, now, policy),
    r04NeedsFigures(context.targetPosition, needsAnalysis, policy),
    r04Vacancy(context.targetPosition, context.placesHeld),
  ];
  throwIfBlocked(outcomes);
  return [
    emit<TransferCaseOpened>(
      command,
      data.caseId,
      'TransferCaseOpened.v1',
      {
        caseId: data.caseId,
        targetAgencyId: data.targetAgencyId,
        targetPositionId: data.targetPositionId,
        targetPosition: context.targetPosition,
        needsAnalysis,
      },
      outcomes,
    ),
  ];
}

/** The target agency's PPK or performance-assessment team accepts the needs analysis; the proposal stage opens. */
export function approveNeedsAnalysis(command: ApproveNeedsAnalysis, state: CaseState): NeedsAnalysisApproved[] {
  const c = requireStatus(requireActive(state, command), command, 'NEEDS_ANALYSIS_SUBMITTED');
  const r06 = separationOfDuties(command, c, 'NEEDS_APPROVAL');
  return [emit<NeedsAnalysisApproved>(command, c.caseId, 'NeedsAnalysisApproved.v1', { notes: text(command, 'notes', command.data.notes, false) }, [r06])];
}
