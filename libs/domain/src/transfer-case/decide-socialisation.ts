import { addWorkingDays } from '../shared/calendar';
import { addDays, isPast, toDate } from '../shared/dates';
import { DomainError, invalid, ruleRefused } from '../shared/errors';
import { outcome } from '../rules/outcome';
import { AcknowledgeTransfer, CloseObjectionWindow, FlagObjectionDecisionOverdue, NotifyEmployee, RaiseObjection, ResolveObjection } from './commands';
import { emit, requireActive, requireStatus, separationOfDuties, text } from './decide-support';
import { EmployeeAcknowledged, EmployeeNotified, ObjectionDecisionOverdue, ObjectionRaised, ObjectionResolved, ObjectionWindowClosed } from './events';
import { CaseState } from './state';

/** Stage 3: the employee is told of the proposal; the objection window starts. */
export function notifyEmployee(command: NotifyEmployee, state: CaseState): EmployeeNotified[] {
  const c = requireStatus(requireActive(state, command), command, 'PROPOSED');
  const window = command.metadata.policy.objectionWindowDays;
  const r06 = separationOfDuties(command, c, 'PROPOSAL');
  const objectionDeadline = addDays(command.metadata.now, window.value);
  return [emit<EmployeeNotified>(command, c.caseId, 'EmployeeNotified.v1', { message: text(command, 'message', command.data.message), objectionDeadline }, [r06])];
}

/** The employee acknowledges the transfer. */
export function acknowledge(command: AcknowledgeTransfer, state: CaseState): EmployeeAcknowledged[] {
  const c = requireStatus(requireActive(state, command), command, 'EMPLOYEE_NOTIFIED');
  return [emit<EmployeeAcknowledged>(command, c.caseId, 'EmployeeAcknowledged.v1', { nip: c.proposal.candidate.nip })];
}

/** the employee may object within the window; the decision is due within `objectionDecisionDays`. */
export function raiseObjection(command: RaiseObjection, state: CaseState): ObjectionRaised[] {
  const c = requireStatus(requireActive(state, command), command, 'EMPLOYEE_NOTIFIED');
  const { now, policy } = command.metadata;
  const deadline = c.socialisation.objectionDeadline;
  const r32 = policy.objectionWindowDays;
  if (deadline !== null && isPast(deadline, now)) {
    throw ruleRefused('R-32', 'RULE_R32_OBJECTION_WINDOW_CLOSED', `masa pengajuan keberatan berakhir pada ${deadline} (${r32.value} hari setelah pemberitahuan)`, r32.legalBasis);
  }
  const decision = policy.objectionDecisionDays;
  const working = policy.objectionDecisionCounting.value === 'WORKING' ? addWorkingDays(now, decision.value, command.metadata.calendar) : null;
  const decisionDeadline = working?.date ?? addDays(now, decision.value);
  const recorded = outcome(
    'R-32',
    'PASS',
    `keberatan diajukan dalam masa pengajuan yang berakhir ${deadline}; PPK memutus paling lambat ${decisionDeadline} (${decision.value} hari${working ? ' kerja' : ''})`,
    `${r32.legalBasis}; ${decision.legalBasis}`,
    { objectionDeadline: deadline, raisedOn: toDate(now), decisionDeadline, counting: policy.objectionDecisionCounting.value },
  );
  const s01 =
    working && working.yearsWithoutCalendar.length > 0
      ? [
          outcome(
            'S-01',
            'FLAG',
            `tenggat keputusan R-32 ${decisionDeadline} dihitung berdasarkan hari Senin–Jumat saja: tidak ada kalender hari libur tercatat untuk ${working.yearsWithoutCalendar.join(', ')}`,
            'SKB 3 Menteri tentang hari libur nasional dan cuti bersama (belum diimpor)',
            { deadline: decisionDeadline, yearsWithoutCalendar: working.yearsWithoutCalendar },
          ),
        ]
      : [];
  return [emit<ObjectionRaised>(command, c.caseId, 'ObjectionRaised.v1', { reason: text(command, 'reason', command.data.reason), decisionDeadline }, [recorded, ...s01])];
}

/** The receiving PPK decides the objection with reasons: upheld → revise or withdraw; dismissed → continue. */
export function resolveObjection(command: ResolveObjection, state: CaseState): ObjectionResolved[] {
  const c = requireStatus(requireActive(state, command), command, 'OBJECTION_RAISED');
  const { outcome: decision } = command.data;
  if (decision !== 'UPHELD' && decision !== 'DISMISSED') throw invalid('FIELD_INVALID', 'outcome', 'outcome harus UPHELD atau DISMISSED');
  const r06 = separationOfDuties(command, c, 'OBJECTION_DECISION');
  return [emit<ObjectionResolved>(command, c.caseId, 'ObjectionResolved.v1', { outcome: decision, reasoning: text(command, 'reasoning', command.data.reasoning) }, [r06])];
}

/** Scheduler: no objection within the window, so the employee is deemed to accept. */
export function closeObjectionWindow(command: CloseObjectionWindow, state: CaseState): ObjectionWindowClosed[] {
  const c = requireStatus(requireActive(state, command), command, 'EMPLOYEE_NOTIFIED');
  const deadline = c.socialisation.objectionDeadline;
  if (deadline === null || !isPast(deadline, command.metadata.now)) throw new DomainError('CONFLICT', 'NOT_DUE', `masa pengajuan keberatan masih terbuka sampai ${deadline}`);
  return [emit<ObjectionWindowClosed>(command, c.caseId, 'ObjectionWindowClosed.v1', { objectionDeadline: deadline })];
}

/** Scheduler: the objection was not decided within the deadline; inspectors see a flag. */
export function flagObjectionDecisionOverdue(command: FlagObjectionDecisionOverdue, state: CaseState): ObjectionDecisionOverdue[] {
  const c = requireStatus(requireActive(state, command), command, 'OBJECTION_RAISED');
  const objection = c.socialisation.objection;
  if (objection === null || objection.decisionOverdue || !isPast(objection.decisionDeadline, command.metadata.now)) {
    throw new DomainError('CONFLICT', 'NOT_DUE', 'keputusan atas keberatan belum melewati tenggat');
  }
  const basis = command.metadata.policy.objectionDecisionDays;
  const flag = outcome('R-32', 'FLAG', `keberatan tidak diputus sampai ${objection.decisionDeadline} (${basis.value} hari)`, basis.legalBasis, {
    decisionDeadline: objection.decisionDeadline,
  });
  return [emit<ObjectionDecisionOverdue>(command, c.caseId, 'ObjectionDecisionOverdue.v1', { decisionDeadline: objection.decisionDeadline }, [flag])];
}
