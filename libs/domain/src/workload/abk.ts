import { Policy } from '../policy/policy';
import { AbkTask } from '../reference/position';

export type { AbkTask };

/** What a position's ABK gives: the workload in hours a year and the headcount it needs. */
export interface AbkResult {
  readonly workloadHours: number;
  readonly effectiveHoursPerYear: number;
  /** Workload ÷ effective hours, before rounding. */
  readonly exactNeed: number;
  /** The required headcount (kebutuhan): the exact need rounded half up. */
  readonly kebutuhan: number;
}

/**
 * The ABK computation: the total workload in hours (Σ volume × standard minutes ÷ 60) divided by the effective working
 * hours of one employee a year (a policy value with its source), rounded half up to whole persons.
 */
export function abkNeed(tasks: readonly AbkTask[], policy: Policy): AbkResult {
  const minutes = tasks.reduce((sum, t) => sum + t.volumePerYear * t.minutesPerUnit, 0);
  const workloadHours = Math.round((minutes / 60) * 100) / 100;
  const effectiveHoursPerYear = policy.abkEffectiveHoursPerYear.value;
  const exactNeed = Math.round((workloadHours / effectiveHoursPerYear) * 1000) / 1000;
  return { workloadHours, effectiveHoursPerYear, exactNeed, kebutuhan: Math.floor(exactNeed + 0.5) };
}

/** A mutation plan (rencana mutasi) of an agency: the moves it planned, by target position. R-01 checks a case against it by id. */
export interface MutationPlan {
  readonly id: string;
  readonly agencyId: string;
  readonly year: number;
  readonly title: string;
  readonly moves: readonly PlannedMove[];
}

export interface PlannedMove {
  readonly targetPositionId: string;
  /** How many places the plan means to fill. */
  readonly count: number;
  readonly note: string | null;
}
