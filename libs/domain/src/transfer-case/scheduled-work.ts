import { addDays, IsoDate } from '../shared/dates';
import { escalationDueOn } from './decide-approval';
import { CaseState } from './state';

/** A time-driven command the scheduler must send on or after `dueOn` (R-30, R-31, R-32, evaluations). */
export type ScheduledWork =
  | { readonly kind: 'EscalateOverdueStep'; readonly dueOn: IsoDate; readonly stepId: string }
  | { readonly kind: 'CloseObjectionWindow'; readonly dueOn: IsoDate }
  | { readonly kind: 'FlagObjectionDecisionOverdue'; readonly dueOn: IsoDate }
  | { readonly kind: 'FlagAppointmentOverdue'; readonly dueOn: IsoDate }
  | { readonly kind: 'AnnounceEvaluationDue'; readonly dueOn: IsoDate; readonly periodMonths: number }
  | { readonly kind: 'FlagReplacementReportOverdue'; readonly dueOn: IsoDate }
  | { readonly kind: 'FlagTrainingItemOverdue'; readonly dueOn: IsoDate; readonly itemId: string };

/**
 * Every due date a case holds right now, as the commands that act on it. The scheduler keeps this list in a
 * durable table, replaced after each event of the case, so nothing depends on in-memory timers. Frozen and
 * ended cases hold none.
 */
export function scheduledWork(state: CaseState): ScheduledWork[] {
  if (state.status === 'NONE' || 'case' in state) return [];
  const work: ScheduledWork[] = [];
  const s = state.socialisation;
  if (state.status === 'EMPLOYEE_NOTIFIED' && s.objectionDeadline !== null) work.push({ kind: 'CloseObjectionWindow', dueOn: addDays(s.objectionDeadline, 1) });
  if (state.status === 'OBJECTION_RAISED' && s.objection !== null && !s.objection.decisionOverdue) {
    work.push({ kind: 'FlagObjectionDecisionOverdue', dueOn: addDays(s.objection.decisionDeadline, 1) });
  }
  if (state.status === 'IN_APPROVAL') {
    for (const step of state.approval.steps) {
      const dueOn = escalationDueOn(step);
      if (dueOn !== null) work.push({ kind: 'EscalateOverdueStep', dueOn, stepId: step.stepId });
    }
  }
  if (state.status === 'DECREED' && !state.decree.appointmentOverdue) work.push({ kind: 'FlagAppointmentOverdue', dueOn: addDays(state.decree.appointmentDeadline, 1) });
  const report = state.decree?.replacementReport ?? null;
  if (report !== null && report.reportedOn === null && !report.overdue) work.push({ kind: 'FlagReplacementReportOverdue', dueOn: addDays(report.deadline, 1) });
  for (const item of state.training?.items ?? []) {
    if (item.status === 'PLANNED' && !item.overdue && item.dueBy !== null) work.push({ kind: 'FlagTrainingItemOverdue', dueOn: addDays(item.dueBy, 1), itemId: item.itemId });
  }
  if (state.status === 'APPOINTED') {
    for (const e of state.evaluations) {
      if (!e.announced && e.result === null) work.push({ kind: 'AnnounceEvaluationDue', dueOn: e.dueOn, periodMonths: e.periodMonths });
    }
  }
  return work;
}
