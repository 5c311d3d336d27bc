import { addMonths, addWorkingDays, isIsoDate, isPast, toDate } from '../shared/dates';
import { DomainError, forbidden, invalid, ruleRefused } from '../shared/errors';
import { r06ConflictOfInterest } from '../rules/conflict-rules';
import { m02DecreeMatchesProposal, r16Delegation } from '../rules/decree-rules';
import { outcome, throwIfBlocked } from '../rules/outcome';
import { FlagAppointmentOverdue, IssueDecree, RecordAppointment } from './commands';
import { emit, requireActive, requireStatus, sha256Field, text } from './decide-support';
import { AppointmentOverdue, AppointmentRecorded, DecreeIssued } from './events';
import { activeStep, CaseState, StepState } from './state';

function date(field: string, value: unknown): string {
  if (!isIsoDate(value)) throw invalid('INVALID_DATE', field, `${field} must be a real date in YYYY-MM-DD form`);
  return value;
}

const OVERLAY_RULES = ['R-40', 'R-43', 'R-45', 'R-46'];

/**
 * A decree before the chain is complete is refused. When an overlay approval is still missing, the refusal names
 * its rule (R-40: no replacement in the Pilkada freeze without Mendagri's written approval, and so on).
 */
function refuseEarlyDecree(open: readonly StepState[]): never {
  const overlay = open.find((s) => s.kind !== 'DECREE' && s.ruleIds.some((r) => OVERLAY_RULES.includes(r)));
  const ruleId = overlay?.ruleIds.find((r) => OVERLAY_RULES.includes(r));
  if (overlay && ruleId) {
    throw ruleRefused(ruleId, `RULE_${ruleId.replace('-', '')}_APPROVAL_MISSING`, `the decree needs ${overlay.title} (${overlay.ruleIds.join(', ')}) first; step ${overlay.stepId} is ${overlay.status}`);
  }
  throw new DomainError('CONFLICT', 'APPROVAL_INCOMPLETE', `the approval chain is not complete: ${open.filter((s) => s.kind !== 'DECREE').map((s) => s.stepId).join(', ')} still open`);
}

/**
 * Stage 5: the route's signer (or a valid delegate, R-16) issues the decree. It must equal the approved proposal
 * (M-02); the appointment is then due within 30 working days.
 */
export function issueDecree(command: IssueDecree, state: CaseState): DecreeIssued[] {
  const c = requireStatus(requireActive(state, command), command, 'IN_APPROVAL');
  const step = activeStep(c.approval);
  if (step?.kind !== 'DECREE') refuseEarlyDecree(c.approval.steps.filter((s) => s.status === 'ACTIVE' || s.status === 'WAITING'));
  const { data, metadata, context } = command;
  const { actor, now, policy } = metadata;
  const signer = c.approval.decreeSigner;
  const isSigner = actor.role === signer.role && actor.agencyId === signer.agencyId;
  if (!isSigner && data.delegationId === null) throw forbidden('NOT_DECREE_SIGNER', `the decree is signed by ${signer.role} of ${signer.agencyId}, or a delegate naming a delegation`);
  const decreeDate = date('decreeDate', data.decreeDate);
  const effectiveDate = date('effectiveDate', data.effectiveDate);
  if (decreeDate > toDate(now)) throw invalid('INVALID_DATE', 'decreeDate', 'decreeDate may not be in the future');
  if (effectiveDate < decreeDate) throw invalid('INVALID_DATE', 'effectiveDate', 'effectiveDate (TMT) may not be before decreeDate');
  const documentSha256 = sha256Field('documentSha256', data.documentSha256);
  const decreeNumber = text(command, 'decreeNumber', data.decreeNumber);
  const outcomes = [
    m02DecreeMatchesProposal({ employeeNip: data.employeeNip, targetPositionId: data.targetPositionId }, { employeeNip: c.proposal.candidate.nip, targetPositionId: c.proposal.targetPositionId }),
    r16Delegation(actor, signer, isSigner ? null : context.delegation, now),
    r06ConflictOfInterest(actor, c.proposal.candidate, { proposerUserId: c.proposal.proposedBy.userId, stepActors: [] }, 'DECREE'),
  ];
  throwIfBlocked(outcomes);
  return [emit<DecreeIssued>(command, c.caseId, 'DecreeIssued.v1', {
    decreeNumber, decreeDate, effectiveDate, documentSha256,
    employeeNip: data.employeeNip,
    targetPositionId: data.targetPositionId,
    originPositionId: c.proposal.originPositionId,
    signer,
    delegationId: isSigner ? null : data.delegationId,
    appointmentDeadline: addWorkingDays(decreeDate, policy.appointmentWorkingDays.value, policy.nonWorkingDays.value),
  }, outcomes)];
}

/** The receiving PPK records the appointment into the position; evaluations are scheduled from TMT. */
export function recordAppointment(command: RecordAppointment, state: CaseState): AppointmentRecorded[] {
  const c = requireStatus(requireActive(state, command), command, 'DECREED');
  const { now, policy } = command.metadata;
  const appointedOn = date('appointedOn', command.data.appointedOn);
  if (appointedOn > toDate(now)) throw invalid('INVALID_DATE', 'appointedOn', 'appointedOn may not be in the future');
  if (appointedOn < c.decree.decreeDate) throw invalid('INVALID_DATE', 'appointedOn', `appointedOn may not be before the decree date ${c.decree.decreeDate}`);
  const deadline = c.decree.appointmentDeadline;
  const basis = policy.appointmentWorkingDays;
  const r31 = appointedOn <= deadline
    ? outcome('R-31', 'PASS', `appointed on ${appointedOn}, within ${basis.value} working days of the decree`, basis.legalBasis, { appointedOn, deadline })
    : outcome('R-31', 'FLAG', `appointed on ${appointedOn}, after the deadline ${deadline} (${basis.value} working days)`, basis.legalBasis, { appointedOn, deadline });
  const evaluationsDue = policy.evaluationMonths.value.map((months) => ({ periodMonths: months, dueOn: addMonths(c.decree.effectiveDate, months) }));
  return [emit<AppointmentRecorded>(command, c.caseId, 'AppointmentRecorded.v1', { appointedOn, reference: text(command, 'reference', command.data.reference), evaluationsDue }, [r31])];
}

/** Scheduler: no appointment within 30 working days of the decree; inspectors see a flag. */
export function flagAppointmentOverdue(command: FlagAppointmentOverdue, state: CaseState): AppointmentOverdue[] {
  const c = requireStatus(requireActive(state, command), command, 'DECREED');
  const deadline = c.decree.appointmentDeadline;
  if (c.decree.appointmentOverdue || !isPast(deadline, command.metadata.now)) throw new DomainError('CONFLICT', 'NOT_DUE', 'the appointment is not overdue');
  const basis = command.metadata.policy.appointmentWorkingDays;
  const flag = outcome('R-31', 'FLAG', `no appointment recorded by ${deadline}, ${basis.value} working days after the decree`, basis.legalBasis, { deadline });
  return [emit<AppointmentOverdue>(command, c.caseId, 'AppointmentOverdue.v1', { appointmentDeadline: deadline }, [flag])];
}
