import { addDays, addMonths, IsoDate, IsoInstant, toDate } from '../shared/dates';
import { TrainingPlanRules } from '../policy/policy';
import { EmployeeSnapshot } from '../reference/employee';
import { Position } from '../reference/position';
import { Actor } from '../reference/roles';

export const TRAINING_KINDS = ['PELATIHAN', 'DIKLAT', 'E_LEARNING', 'MENTORING', 'COACHING'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export type TrainingDue = 'BEFORE_TMT' | 'AFTER_TMT';

/** One planned training item (pengembangan kompetensi) of a case, as planned. */
export interface PlannedTraining {
  readonly itemId: string;
  readonly competency: string;
  readonly kind: TrainingKind;
  readonly hours: number;
  readonly due: TrainingDue;
  /** A mandatory before-TMT item blocks the decree until it is completed or waived. */
  readonly mandatory: boolean;
  /** The day it is due: before-TMT items from the plan; after-TMT items once the TMT is known (the decree). */
  readonly dueBy: IsoDate | null;
  /** For after-TMT items: months after the TMT it is due. */
  readonly monthsAfterTmt: number | null;
}

export interface TrainingCompletion {
  readonly certificateSha256: string;
  readonly hours: number;
  readonly provider: string;
  readonly completedOn: IsoDate;
  readonly recordedBy: Actor;
}

/** A training item as the case holds it now. */
export interface TrainingItem extends PlannedTraining {
  readonly status: 'PLANNED' | 'COMPLETED' | 'WAIVED';
  readonly completion: TrainingCompletion | null;
  readonly waiver: { readonly reason: string; readonly by: Actor; readonly at: IsoInstant } | null;
  readonly overdue: boolean;
}

/** The training plan of a case: derived from the competency gap at proposal, adjusted by the receiving PPK. */
export interface TrainingPlan {
  readonly derivedAt: IsoInstant;
  /** The required competencies of the target the candidate lacked at proposal. */
  readonly gaps: readonly string[];
  readonly items: readonly TrainingItem[];
  readonly adjustments: number;
}

/** Counts of a plan, as dashboards show them. */
export interface TrainingSummary {
  readonly items: number;
  readonly completed: number;
  readonly waived: number;
  readonly overdue: number;
  /** Mandatory before-TMT items still open: each holds the decree back. */
  readonly openBeforeTmt: number;
}

/** The competencies the target requires that the candidate does not hold. */
export function competencyGap(employee: EmployeeSnapshot, target: Position): string[] {
  return target.requiredCompetencies.filter((c) => !employee.competencies.includes(c));
}

/** The plan the policy derives for a gap: one item per missing competency, due before or after the TMT. */
export function deriveTraining(gaps: readonly string[], now: IsoInstant, rules: TrainingPlanRules): PlannedTraining[] {
  if (!rules.enabled) return [];
  return gaps.map((competency, i) => ({
    itemId: `T${i + 1}`,
    competency,
    kind: rules.kind,
    hours: rules.hoursPerGap,
    due: rules.beforeTmt ? 'BEFORE_TMT' : 'AFTER_TMT',
    mandatory: rules.beforeTmt,
    dueBy: rules.beforeTmt ? addDays(toDate(now), rules.beforeTmtDays) : null,
    monthsAfterTmt: rules.beforeTmt ? null : rules.afterTmtMonths,
  }));
}

/** The due dates of the after-TMT items once the decree fixes the TMT. */
export function withTmt(plan: TrainingPlan, tmt: IsoDate): TrainingPlan {
  return { ...plan, items: plan.items.map((i) => (i.due === 'AFTER_TMT' && i.monthsAfterTmt !== null ? { ...i, dueBy: addMonths(tmt, i.monthsAfterTmt) } : i)) };
}

/** A fresh item as the plan holds it. */
export function asItem(p: PlannedTraining): TrainingItem {
  return { ...p, status: 'PLANNED', completion: null, waiver: null, overdue: false };
}

export function trainingSummary(plan: TrainingPlan | null): TrainingSummary {
  const items = plan?.items ?? [];
  return {
    items: items.length,
    completed: items.filter((i) => i.status === 'COMPLETED').length,
    waived: items.filter((i) => i.status === 'WAIVED').length,
    overdue: items.filter((i) => i.status === 'PLANNED' && i.overdue).length,
    openBeforeTmt: items.filter((i) => i.status === 'PLANNED' && i.due === 'BEFORE_TMT' && i.mandatory).length,
  };
}

/** Per gap competency: whether training closed it (every item for it completed), it was waived, or it is still open. */
export function gapClosure(plan: TrainingPlan | null): { competency: string; status: 'CLOSED' | 'WAIVED' | 'OPEN'; itemIds: string[]; hours: number }[] {
  if (plan === null) return [];
  const competencies = [...new Set([...plan.gaps, ...plan.items.map((i) => i.competency)])];
  return competencies.map((competency) => {
    const items = plan.items.filter((i) => i.competency === competency);
    const hours = items.reduce((s, i) => s + (i.completion?.hours ?? 0), 0);
    const status =
      items.length > 0 && items.every((i) => i.status === 'COMPLETED')
        ? 'CLOSED'
        : items.length > 0 && items.every((i) => i.status !== 'PLANNED') && items.some((i) => i.status === 'WAIVED')
          ? 'WAIVED'
          : 'OPEN';
    return { competency, status, itemIds: items.map((i) => i.itemId), hours };
  });
}
