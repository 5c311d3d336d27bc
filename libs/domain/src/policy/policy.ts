import { IsoDate } from '../shared/dates';
import { PositionClass } from '../reference/position';
import { SkpRating } from '../values/skp';

/** A threshold with the law it comes from, so a rule outcome can say which law set the number. */
export interface Threshold<T> {
  readonly value: T;
  readonly legalBasis: string;
  readonly note?: string;
}

/** Weights of the merit score (M-01); they sum to 1. */
export interface MeritWeights {
  readonly skp: number;
  readonly competency: number;
  readonly education: number;
  readonly timeInPost: number;
}

/**
 * One version of the rules' numbers. Rules are pure functions over a policy version; a case records the version
 * each decision used, so a later change never rewrites history. No threshold is a literal in rule code.
 */
export interface Policy {
  readonly version: string;
  readonly effectiveFrom: IsoDate;
  readonly description: string;
  readonly minYearsInPost: Threshold<number>;
  readonly maxYearsInPost: Threshold<number>;
  readonly selfRequestLockYears: Threshold<number>;
  readonly skpYearsRequired: Threshold<number>;
  readonly minimumSkp: Threshold<SkpRating>;
  readonly electionFreezeMonthsBeforePaslon: Threshold<number>;
  readonly postInaugurationMonths: Threshold<number>;
  readonly pilkadaScopeClasses: Threshold<readonly PositionClass[]>;
  readonly jptLockYears: Threshold<number>;
  readonly pertekDays: Threshold<number>;
  readonly stepDeadlineDays: Threshold<number>;
  readonly escalationDays: Threshold<number>;
  readonly appointmentWorkingDays: Threshold<number>;
  readonly objectionWindowDays: Threshold<number>;
  readonly objectionDecisionDays: Threshold<number>;
  readonly evaluationMonths: Threshold<readonly number[]>;
  readonly repeatMoveYears: Threshold<number>;
  readonly ppkDecreeBurst: Threshold<{ readonly count: number; readonly windowDays: number }>;
  readonly meritScoreVersion: string;
  readonly meritWeights: Threshold<MeritWeights>;
  readonly minimumCompetencyFit: Threshold<number>;
  /** National holidays and cuti bersama that are not working days. */
  readonly nonWorkingDays: Threshold<readonly IsoDate[]>;
  /** Largest accepted text field, to keep events small. */
  readonly maxTextLength: number;
}

/** The policy version in force on `date`: the newest whose effective date is on or before it. */
export function policyAt(policies: readonly Policy[], date: IsoDate): Policy {
  const inForce = policies.filter((p) => p.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const chosen = inForce[0];
  if (!chosen) throw new Error(`no policy version is in force on ${date}`);
  return chosen;
}
